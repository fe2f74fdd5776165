import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkA11y, gotoUntil, launchBrowser, newContext, openReviewTask, openStaff, type StaffSession } from './browser.ts';
import { startServer, type TestServer } from './server.ts';

let server: TestServer;
let browser: Browser;
const sessions: StaffSession[] = [];
let citizen: BrowserContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(inject('e2eSeed')), launchBrowser()]);
  citizen = await newContext(browser, server);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** One logged-in context per person, created on first use: each person spends one TOTP step. */
async function as(username: string): Promise<StaffSession> {
  const existing = sessions.find((s) => s.username === username);
  if (existing) return existing;
  const s = await openStaff(browser, { server, username, a11y: sessions.length === 0 || username === 'hn.head.info' });
  sessions.push(s);
  return s;
}

async function approve(username: string, title: string, step: string): Promise<string> {
  const s = await as(username);
  await openReviewTask(s, title, `${step}（${username}）`);
  await expect.poll(() => s.page.locator('main p').first().innerText()).toContain(step);
  await Promise.all([s.page.waitForURL(/\/reviews\?done=/), s.page.getByRole('button', { name: '通过', exact: true }).click()]);
  await checkA11y(s.page, `${step}：审核后列表`);
  return new URL(s.page.url()).searchParams.get('done') ?? '';
}

async function articleIdOf(page: Page): Promise<number> {
  const id = Number(/\/articles\/(\d+)/.exec(new URL(page.url()).pathname)?.[1]);
  expect(id, page.url()).toBeGreaterThan(0);
  return id;
}

describe('四级审核 journey in the browser', () => {
  const title = `关于调整交易服务大厅办公时间的通知（E2E ${Date.now()}）`;
  const firstBody = '根据工作安排，交易服务大厅办公时间调整如下。';
  const fixedBody = '自2026年12月1日起，交易服务大厅工作日办公时间为上午9时至下午5时。';
  const correctedBody = '自2026年12月8日起，交易服务大厅工作日办公时间为上午8时30分至下午5时30分。';
  const rejectComment = '请补充具体的执行日期和办公时间。';
  const correctionNote = '更正：执行日期由12月1日更正为12月8日，办公时间相应调整。';
  let articleId = 0;

  it('an editor drafts in 通知公告 and submits for review', async () => {
    const editor = await as('hn.editor');
    const { page, cid } = editor;
    await checkA11y(page, '编辑工作台');
    await page.getByRole('link', { name: '起草新稿件' }).first().click();
    await page.waitForURL(/\/articles\/new/);
    await checkA11y(page, '起草新稿件');
    await page.getByLabel('栏目').selectOption({ label: '通知公告' });
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('正文').fill(`<p>${firstBody}</p>`);
    await Promise.all([page.waitForURL(/\/articles\/\d+\?done=submitted/), page.getByRole('button', { name: '保存并提交审核' }).click()]);
    articleId = await articleIdOf(page);
    await expect.poll(() => page.getByRole('status').innerText()).toContain('已提交审核');
    await checkA11y(page, '稿件详情（已提交）');
    expect(page.url()).toContain(`/admin/c/${cid}/articles/${articleId}`);
  });

  it('the 信息部 head approves the first step, 综合部 rejects with a comment', async () => {
    expect(await approve('hn.head.info', title, '起草部门负责人初审')).toBe('approved');

    const office = await as('hn.office2');
    await openReviewTask(office, title, '综合部核稿（退回）');
    await office.page.getByLabel('退回意见').fill(rejectComment);
    await Promise.all([office.page.waitForURL(/\/reviews\?done=rejected/), office.page.getByRole('button', { name: '退回修改' }).click()]);
    await checkA11y(office.page, '退回后列表');
  });

  it('the editor sees the comment, edits and resubmits; 综合部, 分管领导 and 主要领导 approve', async () => {
    const { page, cid } = await as('hn.editor');
    await page.goto(`/admin/c/${cid}/articles/${articleId}`);
    await expect.poll(() => page.locator('main').innerText()).toContain('被退回');
    expect(await page.locator('blockquote', { hasText: rejectComment }).count()).toBe(1);
    await checkA11y(page, '稿件详情（被退回）');
    await page.getByRole('link', { name: '编辑', exact: true }).click();
    await page.waitForURL(/\/edit$/);
    await checkA11y(page, '编辑稿件');
    await page.getByLabel('正文').fill(`<p>${fixedBody}</p>`);
    await Promise.all([page.waitForURL(/\?done=submitted/), page.getByRole('button', { name: '保存并提交审核' }).click()]);
    await checkA11y(page, '稿件详情（重新提交）');

    expect(await approve('hn.office2', title, '综合部核稿')).toBe('approved');
    expect(await approve('hn.leader', title, '分管领导审阅')).toBe('approved');
    expect(await approve('hn.director', title, '主要领导审定发布')).toBe('published');
  });

  it('the article is on the public portal: column page and article page', async () => {
    const page = await citizen.newPage();
    await gotoUntil(page, '/col/notice', async (p) => (await p.getByRole('link', { name: title }).count()) > 0);
    await checkA11y(page, '门户栏目页（通知公告）');
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(`**/art/${articleId}`);
    await checkA11y(page, '门户文章页');
    expect(await page.locator('h1').innerText()).toBe(title);
    expect(await page.locator('.article-body').innerText()).toContain(fixedBody);
    expect(await page.locator('.article-body').innerText()).not.toContain(firstBody);
    await page.close();
  });

  it('a correction goes through the four steps again and the portal shows the 更正 note and the new text', async () => {
    const { page, cid } = await as('hn.editor');
    await page.goto(`/admin/c/${cid}/articles/${articleId}`);
    await checkA11y(page, '稿件详情（已发布）');
    await Promise.all([page.waitForURL(/\/edit\?done=correction/), page.getByRole('button', { name: '发起更正' }).click()]);
    await checkA11y(page, '编辑更正稿');
    await page.getByLabel('更正说明').fill(correctionNote);
    await page.getByLabel('正文').fill(`<p>${correctedBody}</p>`);
    await Promise.all([page.waitForURL(/\?done=submitted/), page.getByRole('button', { name: '保存并提交审核' }).click()]);
    await checkA11y(page, '稿件详情（更正已提交）');

    // While the correction is in review the public page still shows the published version.
    const before = await citizen.newPage();
    await before.goto(`/art/${articleId}`);
    expect(await before.locator('.article-body').innerText()).toContain(fixedBody);
    await before.close();

    expect(await approve('hn.head.info', title, '起草部门负责人初审')).toBe('approved');
    expect(await approve('hn.office2', title, '综合部核稿')).toBe('approved');
    expect(await approve('hn.leader', title, '分管领导审阅')).toBe('approved');
    expect(await approve('hn.director', title, '主要领导审定发布')).toBe('published');

    const pub = await citizen.newPage();
    await gotoUntil(pub, `/art/${articleId}`, async (p) => (await p.locator('.article-body').innerText()).includes(correctedBody));
    await checkA11y(pub, '门户文章页（更正后）');
    const corrections = pub.locator('section.corrections');
    expect(await corrections.count()).toBe(1);
    expect(await corrections.innerText()).toContain(correctionNote);
    expect(await corrections.innerText()).toMatch(/更正（第 2 版）/);
    expect(await pub.locator('.article-body').innerText()).not.toContain(fixedBody);
    await pub.close();
  });
});
