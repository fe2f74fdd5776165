import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkA11y, gotoUntil, launchBrowser, newContext, openStaff, type StaffSession } from './browser.ts';
import { startServer, type TestServer } from './server.ts';
import { beijingDay, demoAgentUsername, factRow, fillByName, plusDays } from './trading-helpers.ts';

/**
 * An agent of 长沙 (publish_then_inspect for works) submits a tender notice whose bidding period is too short,
 * fixes it and publishes; a cs reviewer patrols it and asks for a correction; the agent corrects it and the
 * public page shows the new text with its 更正 note.
 */

let server: TestServer;
let browser: Browser;
let agent: StaffSession;
let inspector: StaffSession;
let citizen: BrowserContext;

const stamp = Date.now();
const title = `长沙市岳麓区梅溪湖第二小学风雨操场建设工程施工招标公告（E2E ${stamp}）`;
const firstBody = '本招标项目已由长沙市岳麓区发展和改革局批准建设，资金来自财政资金，现对该项目的施工进行公开招标。';
const correctedBody = '本招标项目已由长沙市岳麓区发展和改革局批准建设，资金来自财政资金。开标地点调整为长沙市公共资源交易中心第五开标室。';
const inspectionNote = '开标地点与交易中心场地安排不一致，请核对后更正。';
const correctionNote = '更正：开标地点由第三开标室更正为第五开标室。';
const saleStart = beijingDay(2);
let noticeId = 0;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(inject('e2eSeed')), launchBrowser()]);
  citizen = await newContext(browser, server);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A Beijing `datetime-local` value `days` after the document sale starts, at 09:30. */
function deadlineAfter(days: number): string {
  return `${plusDays(saleStart, days)}T09:30`;
}

function noticeForm(page: Page): Locator {
  return page.locator('form.notice-form');
}

async function submit(page: Page, button: string, url: RegExp): Promise<void> {
  await Promise.all([page.waitForURL(url), noticeForm(page).getByRole('button', { name: button }).click()]);
}

describe('an agent submits a works tender notice, the center patrols it, the agent corrects it', () => {
  it('the agent logs in to 我的公告 and opens the form', async () => {
    agent = await openStaff(browser, { server, username: demoAgentUsername('cs'), a11y: true });
    const { page, cid } = agent;
    expect(new URL(page.url()).pathname).toBe(`/admin/c/${cid}/agent/notices`);
    await checkA11y(page, '我的公告');
    await Promise.all([page.waitForURL('**/agent/notices/new'), page.getByRole('link', { name: '提交新公告' }).click()]);
    await checkA11y(page, '提交公告');
  });

  it('a bidding period of 10 days keeps the notice as a draft, citing 招标投标法, with nothing typed lost', async () => {
    const { page } = agent;
    const form = noticeForm(page);
    await form.getByLabel('公告类型').selectOption({ label: '招标（采购、出让）公告' });
    await form.getByLabel('所属项目').selectOption({ label: '新建项目' });
    await fillByName(form, {
      'project.name': `梅溪湖第二小学风雨操场建设工程（E2E ${stamp}）`,
      'project.projectNo': `CS-E2E-${stamp}`,
      'project.category': 'works',
      'project.method': 'open_tender',
      'project.tendererName': '长沙市岳麓区教育局',
      'project.budgetFen': '8650000.00',
      'project.isMandatoryTendering': 'true',
      'project.region': '长沙市岳麓区',
      title,
      bodyHtml: `<p>${firstBody}</p>`,
      'facts.contactName': '李工',
      'facts.contactPhone': '0731-88886666',
      'facts.docSaleStart': saleStart,
      'facts.docSaleEnd': plusDays(saleStart, 6),
      'facts.bidDeadline': deadlineAfter(10),
      'facts.openingAt': deadlineAfter(10),
      'facts.openingPlace': '长沙市公共资源交易中心第三开标室',
      'facts.depositFen': '100000',
    });
    await submit(page, '提交公告', /\/agent\/notices\/\d+\?done=draft$/);
    noticeId = Number(/\/agent\/notices\/(\d+)/.exec(page.url())?.[1]);
    expect(noticeId).toBeGreaterThan(0);
    await checkA11y(page, '公告草稿（未通过检查）');

    expect(await page.getByRole('alert').innerText()).toContain('已保存为草稿');
    const blocking = page.locator('section.findings li.finding.block');
    expect(await blocking.count()).toBeGreaterThan(0);
    const finding = (await blocking.allInnerTexts()).join('\n');
    expect(finding).toContain('等标期只有 10 日');
    expect(finding).toContain('《中华人民共和国招标投标法》第二十四条');
    expect(await page.locator('dl.facts').innerText()).toContain('草稿');
    // The form comes back with what the agent typed.
    const again = noticeForm(page);
    expect(await again.locator('[name="title"]').inputValue()).toBe(title);
    expect(await again.locator('[name="bodyHtml"]').inputValue()).toContain(firstBody);
    expect(await again.locator('[name="facts.bidDeadline"]').inputValue()).toBe(deadlineAfter(10));
    expect(await again.locator('[name="facts.openingPlace"]').inputValue()).toBe('长沙市公共资源交易中心第三开标室');
  });

  it('with the deadline 25 days after the sale starts it is published at its public address', async () => {
    const { page } = agent;
    await fillByName(noticeForm(page), { 'facts.bidDeadline': deadlineAfter(25), 'facts.openingAt': deadlineAfter(25) });
    await submit(page, '提交新版本', /\/agent\/notices\?done=published$/);
    await checkA11y(page, '我的公告（已发布）');
    expect(await page.getByRole('status').innerText()).toContain('公告已发布');
    const row = page.locator('tbody tr', { has: page.getByRole('link', { name: title }) });
    expect(await row.innerText()).toContain('已发布');
    expect(await row.innerText()).toContain('待巡查');

    const pub = await citizen.newPage();
    await gotoUntil(pub, `/trading/notices/${noticeId}`, async (p) => (await p.locator('h1').innerText()) === title);
    await checkA11y(pub, '门户公告页（新发布）');
    const facts = pub.getByRole('table', { name: '公告要素' });
    expect(await factRow(facts, '投标截止时间').innerText()).toContain(plusDays(saleStart, 25));
    expect(await pub.locator('.article-body').innerText()).toContain(firstBody);
    await pub.close();
  });

  it('a cs reviewer finds it in 交易巡查 and asks for a correction', async () => {
    inspector = await openStaff(browser, { server, username: 'cs.head.trade', a11y: true });
    const { page } = inspector;
    await Promise.all([page.waitForURL('**/trading/inspection'), page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '交易巡查' }).click()]);
    await checkA11y(page, '交易巡查（待巡查）');
    const item = page.locator('article.inspection-item', { has: page.getByRole('link', { name: title }) });
    expect(await item.count()).toBe(1);
    await item.getByLabel('巡查意见或撤回理由').fill(inspectionNote);
    await Promise.all([page.waitForURL(/\?done=request_correction$/), item.getByRole('button', { name: '要求更正' }).click()]);
    await checkA11y(page, '交易巡查（已要求更正）');
    expect(await page.getByRole('status').innerText()).toContain('更正要求');
    await page.getByRole('navigation', { name: '巡查状态' }).getByRole('link', { name: '已要求更正' }).click();
    await page.waitForURL(/state=correction_requested/);
    expect(await page.locator('article.inspection-item', { hasText: title }).innerText()).toContain(inspectionNote);
  });

  it('the agent sees the note in 我的公告 and submits a correction with a 更正说明', async () => {
    const { page, cid } = agent;
    await page.goto(`/admin/c/${cid}/agent/notices`);
    await checkA11y(page, '我的公告（要求更正）');
    const row = page.locator('tbody tr', { has: page.getByRole('link', { name: title }) });
    expect(await row.innerText()).toContain('要求更正');
    expect(await row.innerText()).toContain(inspectionNote);
    await Promise.all([page.waitForURL(`**/agent/notices/${noticeId}`), row.getByRole('link', { name: title }).click()]);
    await checkA11y(page, '公告（要求更正）');
    expect(await page.locator('dl.facts').innerText()).toContain(inspectionNote);
    expect(await page.getByRole('heading', { name: '提交更正版本' }).count()).toBe(1);

    const form = noticeForm(page);
    await fillByName(form, { bodyHtml: `<p>${correctedBody}</p>`, 'facts.openingPlace': '长沙市公共资源交易中心第五开标室' });
    await form.getByLabel('更正说明（将公开显示）').fill(correctionNote);
    await submit(page, '提交新版本', /\/agent\/notices\?done=published$/);
    await checkA11y(page, '我的公告（更正已发布）');
  });

  it('the public notice shows the corrected text and the 更正 note; the correction is back in 待巡查', async () => {
    const pub = await citizen.newPage();
    await gotoUntil(pub, `/trading/notices/${noticeId}`, async (p) => (await p.locator('.article-body').innerText()).includes(correctedBody));
    await checkA11y(pub, '门户公告页（更正后）');
    expect(await pub.locator('.article-body').innerText()).not.toContain(firstBody);
    const corrections = pub.getByRole('region', { name: '更正说明' });
    expect(await corrections.innerText()).toContain(correctionNote);
    expect(await corrections.innerText()).toMatch(/更正（第 \d+ 版）/);
    expect(await factRow(pub.getByRole('table', { name: '公告要素' }), '开标地点').innerText()).toBe('长沙市公共资源交易中心第五开标室');
    await pub.close();

    const { page, cid } = inspector;
    await page.goto(`/admin/c/${cid}/trading/inspection`);
    const item = page.locator('article.inspection-item', { has: page.getByRole('link', { name: title }) });
    expect(await item.count()).toBe(1);
    await Promise.all([page.waitForURL(/\?done=pass$/), item.getByRole('button', { name: '巡查通过' }).click()]);
    await checkA11y(page, '交易巡查（通过后）');
  });
});
