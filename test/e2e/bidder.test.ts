import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkA11y, launchBrowser, newContext } from './browser.ts';
import { startServer, type TestServer } from './server.ts';
import { expectNoSidewaysScroll, factRow, fetchAtom, keywordOf } from './trading-helpers.ts';

/**
 * A bidder follows works tenders on a phone: 今日标讯 → the filtered list → a notice → its project and Atom
 * feed → the opening calendar → the statistics; and the list again without JavaScript.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: TestServer;
let browser: Browser;
let phone: BrowserContext;
let page: Page;
/** The works tender the bidder picks from the list, and what the later steps learn about it. */
const picked = { href: '', title: '', keyword: '', projectHref: '', openingDay: '' };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(inject('e2eSeed')), launchBrowser()]);
  phone = await newContext(browser, server, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  page = await phone.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** axe and the no-sideways-scroll check, on every page the bidder sees. */
async function checkPage(label: string): Promise<void> {
  await checkA11y(page, label);
  await expectNoSidewaysScroll(page, label);
}

describe('a bidder on a phone follows works tenders', () => {
  it('goes from 今日标讯 to 交易信息 and filters by 工程建设 招标公告, then by a keyword from a title', async () => {
    await page.goto('/');
    await checkPage('首页');
    const today = page.getByRole('region', { name: '今日标讯' });
    expect(await today.getByRole('listitem').count()).toBeGreaterThan(0);
    await Promise.all([page.waitForURL((u) => u.pathname === '/trading'), today.getByRole('link', { name: '全部交易信息' }).click()]);
    await checkPage('交易信息');

    const filters = page.getByRole('form', { name: '交易公告查询条件' });
    await filters.getByLabel('交易类别').selectOption({ label: '工程建设' });
    await filters.getByLabel('公告类型').selectOption({ label: '招标公告' });
    await Promise.all([page.waitForURL((u) => u.searchParams.get('category') === 'works'), filters.getByRole('button', { name: '查询' }).click()]);
    await checkPage('交易信息（工程建设 招标公告）');
    const results = page.locator('ol.notice-results > li');
    expect(await results.count()).toBeGreaterThan(0);
    for (const meta of await results.locator('.notice-meta').allInnerTexts()) expect(meta).toContain('工程建设');
    for (const badge of await results.locator('.notice-badge').allInnerTexts()) expect(badge).toBe('招标公告');

    // The newest works tender; a keyword from its title keeps it first (the list is newest first).
    const first = results.first().locator('h2 a');
    picked.title = (await first.innerText()).trim();
    picked.href = (await first.getAttribute('href')) ?? '';
    picked.keyword = keywordOf(picked.title);
    expect(picked.href).toMatch(/^\/trading\/notices\/\d+$/);
    await filters.getByLabel('关键词').fill(picked.keyword);
    await Promise.all([page.waitForURL((u) => u.searchParams.get('q') === picked.keyword), filters.getByRole('button', { name: '查询' }).click()]);
    await checkPage('交易信息（关键词）');
    expect(await filters.getByLabel('交易类别').inputValue(), 'the form keeps the chosen category').toBe('works');
    expect(await filters.getByLabel('关键词').inputValue()).toBe(picked.keyword);
    const hit = results.first().locator('h2 a');
    expect(await hit.getAttribute('href')).toBe(picked.href);
    expect((await hit.locator('mark').allInnerTexts()).join('')).toContain(picked.keyword);

    // 订阅此搜索: the same search as an Atom feed.
    const feedHref = (await page.getByRole('link', { name: '订阅此搜索 (Atom)' }).getAttribute('href')) ?? '';
    expect(new URL(feedHref, server.baseUrl).searchParams.get('q')).toBe(picked.keyword);
    const feed = await fetchAtom(page.request, feedHref);
    expect(feed.entries.some((e) => e.href.endsWith(picked.href)), `saved-search feed has ${picked.href}`).toBe(true);
  });

  it('opens the notice and sees its structured facts and the project timeline', async () => {
    await Promise.all([page.waitForURL(`**${picked.href}`), page.locator('ol.notice-results').getByRole('link', { name: picked.title }).click()]);
    await checkPage('公告页');
    expect((await page.locator('h1').innerText()).trim()).toBe(picked.title);
    const facts = page.getByRole('table', { name: '公告要素' });
    expect(await factRow(facts, '交易类别').innerText()).toBe('工程建设');
    expect(await factRow(facts, '统一交易标识码').innerText()).toMatch(/\S{10,}/);
    expect(await factRow(facts, '投标截止时间').innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await factRow(facts, '开标时间').innerText()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(await factRow(facts, '开标地点').innerText()).not.toBe('');
    picked.projectHref = (await factRow(facts, '项目名称').getByRole('link').getAttribute('href')) ?? '';
    expect(picked.projectHref).toMatch(/^\/trading\/projects\/\d+$/);

    const timeline = page.getByRole('region', { name: '项目进程' });
    expect(await timeline.locator('ol.timeline > li').count()).toBeGreaterThan(0);
    expect(await timeline.locator('[aria-current="page"]').innerText()).toContain('本公告');
  });

  it('opens the project: timeline, a valid Atom feed with entries, and the 获取招标文件 form', async () => {
    await Promise.all([page.waitForURL(`**${picked.projectHref}`), page.getByRole('region', { name: '项目进程' }).locator(`a[href="${picked.projectHref}"]`).click()]);
    await checkPage('项目页');
    const overview = page.getByRole('table', { name: '项目概况' });
    expect(await factRow(overview, '交易类别').innerText()).toBe('工程建设');
    picked.openingDay = (await factRow(overview, '开标时间').innerText()).slice(0, 10);
    expect(picked.openingDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.locator(`ol.timeline a[href="${picked.href}"]`).count(), 'the project timeline links the notice').toBe(1);

    const feedLink = page.getByRole('link', { name: '跟踪此项目 (Atom)' });
    const feed = await fetchAtom(page.request, (await feedLink.getAttribute('href')) ?? '');
    expect(feed.entries.length).toBeGreaterThan(0);
    expect(feed.entries.some((e) => e.href.endsWith(picked.href) && e.title.includes(picked.title))).toBe(true);

    // The newest works tender is still open for bids: the documents can be obtained.
    await Promise.all([page.waitForURL(`**${picked.projectHref}/documents`), page.getByRole('link', { name: '获取招标文件' }).click()]);
    await checkPage('获取招标文件');
    expect(await page.getByLabel('投标单位名称').count()).toBe(1);
    expect(await page.getByLabel('统一社会信用代码').count()).toBe(1);
  });

  it('the opening calendar shows this week and next, and the project on its opening day', async () => {
    await page.goto('/trading');
    await Promise.all([page.waitForURL('**/trading/calendar'), page.locator('.trading-links').getByRole('link', { name: '开标安排' }).click()]);
    await checkPage('开标安排（本周）');
    expect(await page.locator('h1').innerText()).toMatch(/^开标安排：/);
    expect(await page.locator('section.calendar-day').count()).toBe(7);
    expect(await page.locator('section.calendar-day.today-mark').innerText()).toContain('今天');
    const calendar = page.getByRole('navigation', { name: '切换日期' });
    await Promise.all([page.waitForURL(/week=/), calendar.getByRole('link', { name: '下一周' }).click()]);
    await checkPage('开标安排（下一周）');
    expect(await page.locator('section.calendar-day').count()).toBe(7);
    expect(await page.locator('section.calendar-day.today-mark').count()).toBe(0);

    // Walk week by week to the project's opening day, as a bidder would.
    for (let step = 0; step < 12 && (await page.locator(`h2[id="d-${picked.openingDay}"]`).count()) === 0; step++) {
      const shownFrom = ((await page.locator('section.calendar-day h2').first().getAttribute('id')) ?? '').slice(2);
      const direction = picked.openingDay > shownFrom ? '下一周' : '上一周';
      const before = page.url();
      await Promise.all([page.waitForURL((u) => u.href !== before), calendar.getByRole('link', { name: direction }).click()]);
    }
    await checkPage('开标安排（开标周）');
    const day = page.locator('section.calendar-day', { has: page.locator(`h2[id="d-${picked.openingDay}"]`) });
    expect(await day.locator(`a[href="${picked.projectHref}"]`).count(), `the project opens on ${picked.openingDay}`).toBe(1);
    for (const href of await day.locator('tbody a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) expect(href).toMatch(/^\/trading\/projects\/\d+$/);
  });

  it('the statistics page shows an SVG chart and its Excel link downloads an xlsx', async () => {
    await page.goto('/trading');
    await Promise.all([page.waitForURL('**/trading/stats'), page.locator('.trading-links').getByRole('link', { name: '数据统计' }).click()]);
    await checkPage('数据统计');
    expect(await page.content()).toContain('<svg');
    expect(await page.locator('figure svg').count()).toBeGreaterThan(0);

    const link = page.getByRole('link', { name: '下载 Excel' });
    const href = (await link.getAttribute('href')) ?? '';
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe(XLSX);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 2).toString('latin1'), 'an xlsx is a zip archive').toBe('PK');
  });
});

describe('a bidder without JavaScript', () => {
  it('filters the list through the GET form', async () => {
    const noJs = await newContext(browser, server, { javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto('/trading');
    const filters = p.getByRole('form', { name: '交易公告查询条件' });
    await filters.getByLabel('交易类别').selectOption({ label: '工程建设' });
    await filters.getByLabel('关键词').fill(picked.keyword);
    await Promise.all([p.waitForURL((u) => u.searchParams.get('q') === picked.keyword && u.searchParams.get('category') === 'works'), filters.getByRole('button', { name: '查询' }).click()]);
    const links = p.locator('ol.notice-results > li h2 a');
    expect(await links.count()).toBeGreaterThan(0);
    expect(await p.locator(`ol.notice-results a[href="${picked.href}"]`).count()).toBe(1);
    for (const meta of await p.locator('ol.notice-results .notice-meta').allInnerTexts()) expect(meta).toContain('工程建设');
    await noJs.close();
  });
});
