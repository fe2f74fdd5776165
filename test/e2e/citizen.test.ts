import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkA11y, launchBrowser, makePdf, newContext, openStaff, sleep } from './browser.ts';
import { startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;
let citizen: BrowserContext;

const stamp = Date.now();
const title = `关于交易服务大厅窗口调整的公告（E2E ${stamp}）`;
// A phrase no demo article contains, so the search below finds exactly this article.
const searchTerm = '窗口迁址说明';
const body = `<p>为方便市场主体办事，交易服务大厅窗口将迁至二楼。详见附件${searchTerm}。</p>`;
const pdf = makePdf(`Gongkai E2E ${stamp}`);
const pdfName = '窗口调整说明.pdf';
let articleId = 0;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(inject('e2eSeed')), launchBrowser()]);
  articleId = await publishArticleWithAttachment();
  citizen = await newContext(browser, server);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The demo data has no attachments: an editor drafts one with a PDF and hn.admin force-publishes it. */
async function publishArticleWithAttachment(): Promise<number> {
  const editor = await openStaff(browser, { server, username: 'hn.editor' });
  const { page, cid } = editor;
  await page.goto(`/admin/c/${cid}/articles/new`);
  await page.getByLabel('栏目').selectOption({ label: '通知公告' });
  await page.getByLabel('标题').fill(title);
  await page.getByLabel('正文').fill(body);
  await Promise.all([page.waitForURL(/\/edit\?done=saved/), page.getByRole('button', { name: '保存草稿' }).click()]);
  const id = Number(/\/articles\/(\d+)\/edit/.exec(page.url())?.[1]);
  expect(id).toBeGreaterThan(0);
  await page.getByLabel('上传附件').setInputFiles({ name: pdfName, mimeType: 'application/pdf', buffer: pdf });
  await Promise.all([page.waitForURL(/\/edit\?done=saved/), page.getByRole('button', { name: '上传并添加到稿件' }).click()]);
  await page.goto(`/admin/c/${cid}/articles/${id}`);
  expect(await page.locator('main').innerText()).toContain(pdfName);
  await editor.context.close();

  const admin = await openStaff(browser, { server, username: 'hn.admin' });
  await admin.page.goto(`/admin/c/${admin.cid}/articles/${id}`);
  await admin.page.getByLabel('紧急发布理由').fill('端到端测试：发布带附件的公告');
  await Promise.all([admin.page.waitForURL(/\?done=forced/), admin.page.getByRole('button', { name: '紧急发布' }).click()]);
  await admin.context.close();
  return id;
}

async function metaContent(page: Page, name: string): Promise<string | null> {
  const tag = page.locator(`head meta[name="${name}"]`);
  return (await tag.count()) === 1 ? tag.getAttribute('content') : null;
}

/** Submits the header search box and waits for the results page; reloads while the index catches up. */
async function searchFor(page: Page, q: string): Promise<void> {
  await page.getByRole('search').getByLabel('站内搜索').fill(q);
  await Promise.all([page.waitForURL(/\/search\?/), page.getByRole('search').getByRole('button', { name: '搜索' }).click()]);
  for (let i = 0; i < 20 && (await page.locator('ol.results li').count()) === 0; i++) {
    await sleep(500);
    await page.reload();
  }
}

describe('a citizen reads the portal', () => {
  it('home → column → article with the government meta tags → downloads the attachment', async () => {
    const page = await citizen.newPage();
    await page.goto('/');
    await checkA11y(page, '首页');
    expect(await metaContent(page, 'SiteName')).toBeTruthy();
    expect(await metaContent(page, 'SiteIDCode')).toBeTruthy();

    await page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '政策文件' }).click();
    await page.waitForURL('**/col/policy');
    await checkA11y(page, '栏目页（政策文件）');
    expect(await page.locator('ul.list li').count()).toBeGreaterThan(0);

    await page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '通知公告' }).click();
    await page.waitForURL('**/col/notice');
    await checkA11y(page, '栏目页（通知公告）');
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(`**/art/${articleId}`);
    await checkA11y(page, '文章页');

    expect(await page.locator('h1').innerText()).toBe(title);
    expect(await metaContent(page, 'SiteName')).toBeTruthy();
    expect(await metaContent(page, 'SiteIDCode')).toBeTruthy();
    expect(await metaContent(page, 'ColumnName')).toBe('通知公告');
    expect(await metaContent(page, 'ArticleTitle')).toBe(title);
    expect(await metaContent(page, 'PubDate')).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(await metaContent(page, 'ContentSource')).toBeTruthy();

    const link = page.locator('section.attachments').getByRole('link', { name: pdfName });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = await download.path();
    expect(Buffer.compare(await readFile(file), pdf)).toBe(0);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await page.close();
  });

  it('searches from the header box and sees the hits highlighted', async () => {
    const page = await citizen.newPage();
    await page.goto('/');
    await searchFor(page, searchTerm);
    await checkA11y(page, '搜索结果页');
    const hit = page.locator('ol.results li', { has: page.locator(`a[href$="/art/${articleId}"]`) });
    expect(await hit.count()).toBe(1);
    expect(await hit.locator('mark').count()).toBeGreaterThan(0);
    expect((await hit.locator('mark').allInnerTexts()).join('')).toMatch(/窗口|迁址|说明/);
    await page.close();
  });

  it('switches to 长者模式 and back, staying on the same page', async () => {
    const page = await citizen.newPage();
    await page.goto(`/art/${articleId}`);
    await page.getByRole('link', { name: '长者模式', exact: true }).click();
    await page.waitForURL(`**/art/${articleId}`);
    expect((await page.locator('body').getAttribute('class')) ?? '').toContain('elder');
    await checkA11y(page, '文章页（长者模式）');
    await page.goto('/');
    expect((await page.locator('body').getAttribute('class')) ?? '').toContain('elder');
    await checkA11y(page, '首页（长者模式）');
    await page.getByRole('link', { name: '退出长者模式' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    expect((await page.locator('body').getAttribute('class')) ?? '').not.toContain('elder');
    await page.close();
  });

  it('opens 政府信息公开指南 and 信息公开目录', async () => {
    const page = await citizen.newPage();
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: '政府信息公开指南' }).click();
    await page.waitForURL('**/guide');
    expect(await page.locator('h1').innerText()).toContain('政府信息公开指南');
    await checkA11y(page, '政府信息公开指南');
    await page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '信息公开目录' }).click();
    await page.waitForURL('**/catalog');
    expect(await page.locator('table.catalog tbody tr').count()).toBeGreaterThan(0);
    await checkA11y(page, '政府信息公开目录');
    await page.close();
  });

  it('does not scroll sideways on a phone (390×844)', async () => {
    const phone = await newContext(browser, server, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    const overflow = () => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    const paths = ['/', `/art/${articleId}`];
    for (const mode of ['标准', '长者模式']) {
      if (mode === '长者模式') await page.goto(`/prefs/elder?on=1&back=/`);
      for (const path of paths) {
        await page.goto(path);
        const m = await overflow();
        expect.soft(m.scrollWidth, `${mode} ${path}: scrollWidth ${m.scrollWidth} > innerWidth ${m.innerWidth}`).toBeLessThanOrEqual(m.innerWidth);
      }
    }
    await page.goto(`/prefs/elder?on=0&back=/art/${articleId}`);
    await checkA11y(page, '文章页（手机）');
    await phone.close();
  });

  it('reads without JavaScript: home → column → article, and search', async () => {
    const noJs = await newContext(browser, server, { javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto('/');
    await page.getByRole('navigation', { name: '栏目导航' }).getByRole('link', { name: '通知公告' }).click();
    await page.waitForURL('**/col/notice');
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(`**/art/${articleId}`);
    expect(await page.locator('.article-body').innerText()).toContain('交易服务大厅窗口将迁至二楼');
    await searchFor(page, searchTerm);
    expect(await page.locator(`ol.results a[href$="/art/${articleId}"]`).count()).toBe(1);
    expect(await page.locator('ol.results mark').count()).toBeGreaterThan(0);
    await noJs.close();
  });
});
