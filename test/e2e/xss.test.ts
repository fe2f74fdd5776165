import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkA11y, launchBrowser, newContext, openReviewTask, openStaff, sleep, type StaffSession } from './browser.ts';
import { startServer, type TestServer } from './server.ts';

/**
 * Stored XSS: payloads typed into the article form must never run on any page that shows them.
 * Every context bypasses the CSP, so the test measures the escaping and sanitizing, not the CSP behind them.
 */

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload=window.__xss=1>',
  '<a href="javascript:window.__xss=1">x</a>',
  '<iframe src="javascript:window.__xss=1">',
  '"><script>window.__xss=1</script>',
  '<div style="background:url(javascript:window.__xss=1)">',
];
const marker = '跨站脚本演练';
const stamp = Date.now();
// The title input has maxlength 200: the marker first, then as many payloads as fit.
const titleRaw = `${marker}${stamp} ${PAYLOADS[5]}${PAYLOADS[1]}${PAYLOADS[2]}${PAYLOADS[3]}`;
const bodyRaw = `<p>${marker}正文</p>${PAYLOADS.join('\n')}<p>结束</p>`;

let server: TestServer;
let browser: Browser;
let editor: StaffSession;
let admin: StaffSession;
let head: StaffSession;
let citizen: BrowserContext;
const dialogs: string[] = [];
let publishedId = 0;
let reviewId = 0;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(inject('e2eSeed')), launchBrowser()]);
  editor = await staff('hn.editor');
  citizen = await newContext(browser, server, { bypassCSP: true });
  watch(citizen);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function watch(ctx: BrowserContext): void {
  ctx.on('page', (p) => p.on('dialog', (d) => void (dialogs.push(`${d.type()}: ${d.message()} on ${p.url()}`), d.dismiss().catch(() => {}))));
  for (const p of ctx.pages()) p.on('dialog', (d) => void (dialogs.push(`${d.type()}: ${d.message()} on ${p.url()}`), d.dismiss().catch(() => {})));
}

async function staff(username: string): Promise<StaffSession> {
  const s = await openStaff(browser, { server, username });
  // Login happens with the CSP on; every page after it bypasses it through a fresh context with the same cookies.
  const context = await newContext(browser, server, { bypassCSP: true, storageState: await s.context.storageState() });
  await s.context.close();
  watch(context);
  const page = await context.newPage();
  return { username, context, page, cid: s.cid };
}

/** Fails when a payload ran (window.__xss, a dialog) or survived as live markup in the DOM. */
async function expectInert(page: Page, label: string): Promise<void> {
  await sleep(300); // onerror / onload handlers run asynchronously after load
  expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__xss), `${label}: window.__xss`).toBeUndefined();
  const live = await page.evaluate(() => {
    const found: string[] = [];
    const urlAttrs = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href', 'style', 'srcdoc'];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      if (tag === 'script' && !el.getAttribute('src')) found.push(`inline <script>: ${el.textContent?.slice(0, 60)}`);
      if (tag === 'iframe' || tag === 'object' || tag === 'embed') found.push(`<${tag}>`);
      for (const a of Array.from(el.attributes)) {
        if (a.name.toLowerCase().startsWith('on')) found.push(`<${tag} ${a.name}="${a.value.slice(0, 60)}">`);
        if (urlAttrs.includes(a.name.toLowerCase()) && /javascript:/i.test(a.value)) found.push(`<${tag} ${a.name}="${a.value.slice(0, 60)}">`);
      }
    }
    return found;
  });
  expect(live, `${label}: live markup from payloads`).toEqual([]);
  expect(dialogs, `${label}: dialogs`).toEqual([]);
}

async function draft(intent: '保存草稿' | '保存并提交审核'): Promise<number> {
  const { page, cid } = editor;
  await page.goto(`/admin/c/${cid}/articles/new`);
  await page.getByLabel('栏目').selectOption({ label: '通知公告' });
  await page.getByLabel('标题').fill(titleRaw);
  expect(await page.getByLabel('标题').inputValue()).toBe(titleRaw);
  await page.getByLabel('正文').fill(bodyRaw);
  await Promise.all([page.waitForURL(/\/articles\/\d+/), page.getByRole('button', { name: intent }).click()]);
  const id = Number(/\/articles\/(\d+)/.exec(page.url())?.[1]);
  expect(id, `${intent} → ${page.url()}`).toBeGreaterThan(0);
  return id;
}

describe('stored XSS battery', () => {
  it('the form re-displays the typed payloads inertly after a validation error', async () => {
    const ctx = await newContext(browser, server, { bypassCSP: true, storageState: await editor.context.storageState() });
    watch(ctx);
    const page = await ctx.newPage();
    await page.goto(`/admin/c/${editor.cid}/articles/new`);
    await page.getByLabel('标题').fill(titleRaw);
    // Without a body the draft is refused and the form comes back with exactly what was typed.
    await page.getByLabel('正文').fill('');
    await page.getByRole('button', { name: '保存并提交审核' }).click();
    await page.waitForLoadState('load');
    expect(await page.getByRole('alert').count()).toBeGreaterThan(0);
    expect(await page.getByLabel('标题').inputValue()).toBe(titleRaw);
    await expectInert(page, '表单错误回显');
    await checkA11y(page, '表单错误回显');
    await ctx.close();
  });

  it('a draft with payloads in title and body is saved, then force-published by hn.admin', async () => {
    publishedId = await draft('保存草稿');
    const edit = await editor.context.newPage();
    await edit.goto(`/admin/c/${editor.cid}/articles/${publishedId}/edit`);
    await expectInert(edit, '编辑页');
    await edit.close();

    admin = await staff('hn.admin');
    await admin.page.goto(`/admin/c/${admin.cid}/articles/${publishedId}`);
    await expectInert(admin.page, '后台稿件详情（草稿）');
    await admin.page.getByLabel('紧急发布理由').fill('端到端测试：跨站脚本防护检查');
    await Promise.all([admin.page.waitForURL(/\?done=forced/), admin.page.getByRole('button', { name: '紧急发布' }).click()]);
    await expectInert(admin.page, '后台稿件详情（已发布）');
    await admin.page.goto(`/admin/c/${admin.cid}/articles`);
    await expectInert(admin.page, '后台稿件列表');
  });

  it('the public article, column, home and search pages stay inert', async () => {
    const page = await citizen.newPage();
    await page.goto(`/art/${publishedId}`);
    expect(await page.locator('h1').innerText()).toContain(marker);
    expect(await page.locator('.article-body').innerText()).toContain(`${marker}正文`);
    await expectInert(page, '门户文章页');
    // The cleaned title is plain text wherever it is repeated, including the government meta tags.
    const metaTitle = await page.locator('head meta[name="ArticleTitle"]').getAttribute('content');
    expect(metaTitle ?? '').not.toMatch(/<script|onerror|onload|javascript:/i);

    await page.goto('/col/notice');
    expect(await page.locator(`a[href$="/art/${publishedId}"]`).count()).toBe(1);
    await expectInert(page, '门户栏目页');

    await page.goto('/');
    await expectInert(page, '门户首页');

    for (let i = 0; i < 20; i++) {
      await page.goto(`/search?q=${encodeURIComponent(marker)}`);
      if ((await page.locator(`ol.results a[href$="/art/${publishedId}"]`).count()) > 0) break;
      await sleep(500);
    }
    expect(await page.locator(`ol.results a[href$="/art/${publishedId}"]`).count()).toBe(1);
    await expectInert(page, '搜索结果页');

    // The query itself is reflected on the results page (input value, heading, status line).
    await page.goto(`/search?q=${encodeURIComponent(PAYLOADS[5] ?? '')}`);
    await expectInert(page, '搜索结果页（查询含脚本）');
    await page.close();
  });

  it('the review page of a second submission stays inert for the first reviewer', async () => {
    reviewId = await draft('保存并提交审核');
    await expectInert(editor.page, '后台稿件详情（审核中）');
    head = await staff('hn.head.info');
    await head.page.goto(`/admin/c/${head.cid}/reviews`);
    await expectInert(head.page, '待我审核列表');
    await openReviewTask(head, new RegExp(`^${marker}${stamp}`), '审核页（XSS）');
    await expectInert(head.page, '审核页');
    expect(await head.page.locator('.review-preview').innerText()).toContain(`${marker}正文`);
    expect(reviewId).toBeGreaterThan(publishedId);
  });
});
