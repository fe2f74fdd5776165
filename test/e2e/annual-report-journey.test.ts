import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Browser, BrowserContext } from 'playwright-core';
import { beijingYear } from '../../src/platform/dates.ts';
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
  const s = await openStaff(browser, { server, username, a11y: sessions.length === 0 });
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

/**
 * The demo data holds the published report of the last complete year for every center, so the report of
 * the current year is the one that does not exist yet: the admin generates it (its period is not over, a
 * warning, not a blocking check), fills in the prompts, submits, and the four-level review publishes it.
 */
describe('annual report journey in the browser', () => {
  const year = beijingYear(new Date());
  const title = `湖南省公共资源交易中心${year}年政府信息公开工作年度报告`;
  const problems = ['（一）上年度问题整改情况。已按上年度报告所列问题逐项整改。', '（二）存在的主要问题。交易信息分类公开还不够细致。', '（三）改进措施。细化公开目录，按交易环节归集发布。'].join('\n');
  const overrideReason = '核对结果已与依申请公开台账逐件比对，数据无误，按原数据发布。';
  let base = '';

  it('a center admin generates the report of a year that has none, sees the checks and fills in the prompts', async () => {
    const admin = await as('hn.admin');
    const { page, cid } = admin;
    base = `/admin/c/${cid}/annual-reports`;
    await page.goto(base);
    await checkA11y(page, '年度报告列表');
    expect(await page.locator('table').innerText()).toContain(`${year - 1} 年度`);
    expect(await page.locator('table').innerText()).not.toContain(`${year} 年度`);
    await page.getByLabel('年度', { exact: true }).selectOption({ label: `${year} 年度` });
    await Promise.all([page.waitForURL(`**${base}/${year}?done=generated`), page.getByRole('button', { name: '生成', exact: true }).click()]);
    await checkA11y(page, '年度报告（已生成）');
    expect(await page.locator('main').innerText()).toContain('本年新收政府信息公开申请数量');
    // The carry-over is checked against last year's published report of the demo data.
    expect(await page.locator('[data-check="carry_over"]').innerText()).toContain(`与 ${year - 1} 年度报告的结转下年度继续办理一致`);
    expect(await page.locator('[data-check="period_complete"]').innerText()).toContain('【提示】');
    expect(await page.locator('[data-check="placeholders"]').innerText()).toContain('请补充');

    await page.getByRole('link', { name: '修改正文' }).click();
    await page.waitForURL(`**${base}/${year}/narrative`);
    await checkA11y(page, '修改年度报告正文');
    for (const label of ['一、总体情况', '五、存在的主要问题及改进情况']) {
      const field = page.getByLabel(label, { exact: true });
      const text = label.startsWith('五') ? problems : (await field.inputValue()).replace(/【请补充：[^】]*】/g, '本年度相关工作按计划完成。');
      await field.fill(text);
    }
    await Promise.all([page.waitForURL(`**${base}/${year}?done=narrative`), page.getByRole('button', { name: '保存正文' }).click()]);
    await checkA11y(page, '年度报告（正文已保存）');
    expect(await page.locator('[data-check="placeholders"]').innerText()).toContain('正文没有待补充的内容');
  });

  it('submits it (with the override reason if a blocking check fails) into the 年度报告 review chain', async () => {
    const { page } = await as('hn.admin');
    const reason = page.getByLabel(/未通过核对仍提交发布的理由/);
    if ((await reason.count()) > 0) await reason.fill(overrideReason);
    await Promise.all([page.waitForURL(`**${base}/${year}?done=submitted`), page.getByRole('button', { name: '提交审核发布' }).click()]);
    await checkA11y(page, '年度报告（已提交）');
    expect(await page.locator('main dl').innerText()).toContain('审核中');
  });

  it('the four reviewers approve, which publishes it', async () => {
    expect(await approve('hn.head.info', title, '起草部门负责人初审')).toBe('approved');
    expect(await approve('hn.office1', title, '综合部核稿')).toBe('approved');
    expect(await approve('hn.leader', title, '分管领导审阅')).toBe('approved');
    expect(await approve('hn.director', title, '主要领导审定发布')).toBe('published');
  });

  it('the report is on the portal in 年度报告 and in the public API', async () => {
    const page = await citizen.newPage();
    await gotoUntil(page, '/col/annual-report', async (p) => (await p.getByRole('link', { name: title }).count()) > 0);
    await checkA11y(page, '门户栏目页（年度报告）');
    expect(await page.getByRole('link', { name: `湖南省公共资源交易中心${year - 1}年政府信息公开工作年度报告` }).count()).toBe(1);
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(/\/art\/\d+$/);
    await checkA11y(page, '门户文章页（年度报告）');
    expect(await page.locator('h1').innerText()).toBe(title);
    expect(await page.locator('.article-body').innerText()).toContain('本年新收政府信息公开申请数量');
    expect(await page.locator('.article-body').innerText()).toContain('细化公开目录，按交易环节归集发布');

    const res = await citizen.request.get(`/api/v1/annual-reports/${year}?center=hn`);
    expect(res.status()).toBe(200);
    const doc = (await res.json()) as { year: number; status: string; checks: { id: string; ok: boolean; level: string }[] };
    expect(doc.year).toBe(year);
    expect(doc.status).toBe('published');
    const list = (await (await citizen.request.get('/api/v1/annual-reports?center=hn')).json()) as { year: number }[];
    expect(list.map((r) => r.year)).toEqual(expect.arrayContaining([year, year - 1]));
    await page.close();
  });

  it('the Word download is a real .docx with table 三', async () => {
    const { page } = await as('hn.admin');
    await page.goto(`${base}/${year}`);
    await checkA11y(page, '年度报告（已发布）');
    expect(await page.locator('main dl').innerText()).toContain('已发布');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Word', exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const path = await download.path();
    const zip = await JSZip.loadAsync(await readFile(path));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('本年新收政府信息公开申请数量');

    const pub = await citizen.request.get(`/api/v1/annual-reports/${year}?center=hn&format=docx`);
    expect(pub.status()).toBe(200);
    const pubXml = (await (await JSZip.loadAsync(await pub.body())).file('word/document.xml')?.async('string')) ?? '';
    expect(pubXml).toContain('本年新收政府信息公开申请数量');
  });
});
