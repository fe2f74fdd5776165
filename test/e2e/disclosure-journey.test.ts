import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkA11y, launchBrowser, newContext, openStaff, type StaffSession } from './browser.ts';
import { startServer, type TestServer } from './server.ts';
import { beijingDay, plusDays } from './trading-helpers.ts';

/**
 * 依申请公开 (issue 4) in the browser. An applicant on a phone files online and gets the tracking number;
 * the disclosure officer asks for 补正; the correction arrives by letter and the officer registers it; the
 * officer asks for an extension and the head of the disclosure office approves it; the officer drafts a
 * 部分公开 reply, the head approves it, it is served; the applicant reads the reply on the status page,
 * which never shows personal data. A second application is filed without JavaScript (a failed post keeps
 * what was typed). Then the root center's administrator enters next year's holidays and the second,
 * still open case's due date moves, with the reason in its history.
 *
 * The server runs on the real clock, so every expected date is counted here, independently of the app:
 * the seeded years from the `chinese-days` data (the same source as migration 0008), Monday–Friday for a
 * year not yet entered, and the lines this test enters. Day 0 is the day the period starts from.
 */

let server: TestServer;
let browser: Browser;
let phone: BrowserContext;
let officer: Staff;
let head: Staff;

const today = beijingDay(0);
const stamp = Date.now();
const applicant = {
  name: '龚晓岚',
  idNumber: '11010519491231002X',
  badIdNumber: '110105194912310021',
  phone: '13975310864',
  email: `gong.xiaolan.${stamp}@example.cn`,
  address: '长沙市岳麓区麓山南路 932 号',
};
const description = `本中心 2026 年度评标专家抽取的工作规程及抽取记录（E2E ${stamp}）。`;
const purpose = '了解评标专家抽取是否公开公平。';
const clarificationItems = '请写明所需抽取记录对应的项目名称或交易编号，以及起止月份。';
const corrected = `2026 年 7 月至 9 月房屋建筑和市政工程项目的评标专家抽取记录（E2E ${stamp}）。`;
const extensionReason = '所需记录分散在三个业务系统中，需要逐一检索并作区分处理。';
const EXTENSION_DAYS = 10;
const replyParagraph = `现向您提供 2026 年 7 月至 9 月的抽取记录（共 48 条，E2E ${stamp}）；其中评标专家的姓名和联系方式属于个人信息，已作遮盖处理。`;

/** Next year's arrangement as the administrator types it from the State Council's notice. */
const NEXT_YEAR = Number(today.slice(0, 4)) + 1;
const arrangementLines = [`${NEXT_YEAR}-01-01 至 ${NEXT_YEAR}-01-03 元旦`, `${NEXT_YEAR}-02-06 至 ${NEXT_YEAR}-02-13 春节`, `${NEXT_YEAR}-02-14 春节调休上班`];
const arrangementSource = `国务院办公厅关于${NEXT_YEAR}年部分节假日安排的通知（端到端测试）`;

/** What the applicant has been given: the case is looked up with these two. */
type Receipt = { trackingNo: string; accessCode: string };
let caseA: Receipt;
let caseB: Receipt;
let caseBDueBefore = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(inject('e2eSeed')), launchBrowser()]);
  phone = await newContext(browser, server, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// --- the clock, counted by hand ---------------------------------------------------------------------------

type SeedDays = { holidays: Record<string, string>; workdays: Record<string, string> };
const seedDays = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as SeedDays;
const LAST_SEEDED_YEAR = 2026;
const entered = new Map<string, boolean>();

function isWorkingDay(day: string): boolean {
  const known = entered.get(day);
  if (known !== undefined) return known;
  if (Number(day.slice(0, 4)) <= LAST_SEEDED_YEAR) {
    if (day in seedDays.holidays) return false;
    if (day in seedDays.workdays) return true;
  }
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The n-th working day after `from` (from itself is day 0). */
function nthWorkingDayAfter(from: string, n: number): string {
  let day = from;
  for (let counted = 0; counted < n; ) {
    day = plusDays(day, 1);
    if (isWorkingDay(day)) counted += 1;
  }
  return day;
}

/** Marks the days of the lines the administrator entered, as the form's format defines them. */
function enterArrangement(lines: string[]): void {
  for (const line of lines) {
    const m = /^(\d{4}-\d{2}-\d{2})(?: 至 (\d{4}-\d{2}-\d{2}))? (\S+)$/.exec(line);
    if (!m?.[1] || !m[3]) throw new Error(`bad arrangement line ${line}`);
    for (let d = m[1]; d <= (m[2] ?? m[1]); d = plusDays(d, 1)) entered.set(d, m[3].endsWith('调休上班'));
  }
}

/** Does the period from `from` to its due date touch a year whose holidays are not known yet? */
function isProvisional(from: string, due: string): boolean {
  const last = Number(due.slice(0, 4));
  for (let y = Number(from.slice(0, 4)); y <= last; y++) if (y > LAST_SEEDED_YEAR && ![...entered.keys()].some((d) => d.startsWith(`${y}-`))) return true;
  return false;
}

// --- page helpers ----------------------------------------------------------------------------------------

/** The text of the `<dd>` next to the `<dt>` named `term` inside `scope`. */
async function fact(scope: Locator, term: string): Promise<string> {
  const row = scope.locator('dl.facts > div').filter({ has: scope.page().locator('dt', { hasText: new RegExp(`^${term}$`) }) });
  return (await row.locator('dd').innerText()).trim();
}

/** Clicks a submit button and waits for the page the POST answers with (no redirect), returning its response. */
async function postForm(page: Page, button: Locator, path: string): Promise<Response> {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === path), page.waitForNavigation(), button.click()]);
  return response;
}

/**
 * axe needs JavaScript (its timers never fire in a context without it), so a page seen without JavaScript
 * is checked as the same markup loaded into a JavaScript page of the same origin.
 */
async function checkA11yOfMarkup(from: Page, label: string): Promise<void> {
  const html = await from.content();
  const context = await newContext(browser, server);
  const page = await context.newPage();
  await page.goto(new URL(from.url()).pathname);
  await page.setContent(html, { waitUntil: 'load' });
  await checkA11y(page, `${label}（无脚本页面的同一标记）`);
  await context.close();
}

async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const m = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(m.scrollWidth, `${label}: scrollWidth ${m.scrollWidth} > innerWidth ${m.innerWidth}`).toBeLessThanOrEqual(m.innerWidth);
}

async function fillApplication(page: Page, o: { idNumber: string; phone: string; email: string; address: string; deliveryForm: string }): Promise<void> {
  await page.getByLabel('申请人类型').selectOption({ label: '自然人' });
  await page.getByLabel('姓名或名称').fill(applicant.name);
  await page.getByLabel('身份证号码').fill(o.idNumber);
  await page.getByLabel('联系电话').fill(o.phone);
  await page.getByLabel('电子邮箱').fill(o.email);
  await page.getByLabel('通信地址').fill(o.address);
  await page.getByLabel('所需政府信息的名称').fill(description);
  await page.getByLabel('用途').fill(purpose);
  await page.getByLabel('获取信息的方式').selectOption({ label: o.deliveryForm });
}

/** The receipt page: tracking number, access code, receipt date and due date as shown. */
async function readReceipt(page: Page): Promise<Receipt & { receivedOn: string; due: string }> {
  const main = page.locator('main');
  return { trackingNo: await fact(main, '受理编号'), accessCode: await fact(main, '查询码'), receivedOn: await fact(main, '收到申请日期'), due: await fact(main, '答复期限') };
}

/** What the applicant sees with the tracking number and access code (the status page's GET form). */
type Tracked = { status: string; due: string; outcome: string | null; history: string[]; reply: string | null; text: string };

async function track(page: Page, r: Receipt, label: string): Promise<Tracked> {
  await page.goto('/disclosure/track');
  await page.getByLabel('受理编号').fill(r.trackingNo);
  await page.getByLabel('查询码').fill(r.accessCode);
  await Promise.all([page.waitForURL(/\/disclosure\/track\?/), page.getByRole('button', { name: '查询' }).click()]);
  await checkA11y(page, label);
  const section = page.locator('section[aria-labelledby="case-title"]');
  expect(await section.locator('h2').innerText()).toBe(`受理编号 ${r.trackingNo}`);
  const outcomeRow = section.locator('dl.facts > div', { has: page.locator('dt', { hasText: /^处理结果$/ }) });
  const replyBlock = section.locator('.reply-text');
  return {
    status: await fact(section, '办理状态'),
    due: await fact(section, '答复期限'),
    outcome: (await outcomeRow.count()) > 0 ? (await outcomeRow.locator('dd').innerText()).trim() : null,
    history: (await section.locator('ol.timeline > li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()),
    reply: (await replyBlock.count()) > 0 ? await replyBlock.innerText() : null,
    text: await page.locator('main').innerText(),
  };
}

/** Nothing that identifies the applicant, and no staff member's name, on a public page or answer. */
function expectNoPersonalData(text: string, where: string): void {
  for (const secret of [applicant.name, applicant.idNumber, applicant.phone, applicant.email, applicant.address, officer?.displayName, head?.displayName]) {
    if (secret) expect(text, `${where} shows ${secret}`).not.toContain(secret);
  }
}

type Staff = StaffSession & { displayName: string; label: string };

async function openDisclosureStaff(role: 'disclosure_officer' | 'disclosure_head'): Promise<Staff> {
  const account = server.accounts.find((a) => a.centerCode === 'hn' && a.roles.includes(role) && (role === 'disclosure_head' || !a.roles.includes('disclosure_head')));
  if (!account) throw new Error(`no demo account with role ${role} at hn (src/demo/demo-users.ts)`);
  const s = await openStaff(browser, { server, username: account.username, a11y: role === 'disclosure_officer' });
  await checkA11y(s.page, `${account.username}：工作台`);
  return { ...s, displayName: (await s.page.locator('.admin-header .who').innerText()).trim(), label: role === 'disclosure_officer' ? '经办人' : '负责人' };
}

/** Opens a case from the 依申请公开 list, as staff do, and checks the row's due date on the way. */
async function openCase(s: StaffSession, trackingNo: string, label: string, due?: string): Promise<void> {
  const { page, cid } = s;
  await page.goto(`/admin/c/${cid}`);
  await page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '依申请公开' }).click();
  await page.waitForURL(`**/admin/c/${cid}/disclosure`);
  await checkA11y(page, `${label}：办理中的申请`);
  const row = page.locator('tbody tr', { has: page.getByRole('link', { name: trackingNo, exact: true }) });
  expect(await row.count()).toBe(1);
  if (due) expect(await row.locator('td').nth(4).innerText()).toContain(due);
  await Promise.all([page.waitForURL(/\/disclosure\/\d+$/), row.getByRole('link', { name: trackingNo, exact: true }).click()]);
  await checkA11y(page, `${label}：申请详情`);
  await expectUniqueIds(page, `${label}：申请详情`);
}

/** Submits one of the case page's action forms, waits for the redirect back to the case and scans that page. */
async function act(s: Staff, action: string, button: string, fill?: (form: Locator) => Promise<void>): Promise<void> {
  const form = s.page.locator(`form#action-${action}`);
  await fill?.(form);
  await Promise.all([s.page.waitForURL(new RegExp(`\\?done=${action}`)), form.getByRole('button', { name: button }).click()]);
  expect(await s.page.getByRole('status').innerText()).toContain('已办理');
  await checkA11y(s.page, `${s.label}：${button}之后`);
  await expectUniqueIds(s.page, `${s.label}：${button}之后`);
}

/**
 * The case page holds many small forms with the same field names: each control must keep its own id, or a
 * label points at another form's input (axe's WCAG rules do not report duplicate ids).
 */
async function expectUniqueIds(page: Page, label: string): Promise<void> {
  const duplicates = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of Array.from(document.querySelectorAll('[id]'))) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return Array.from(seen).filter(([, n]) => n > 1).map(([id]) => id);
  });
  expect.soft(duplicates, `duplicate ids on ${label}`).toEqual([]);
}

async function caseStatus(s: StaffSession): Promise<string> {
  return fact(s.page.locator('main'), '状态');
}

async function clockPanel(s: StaffSession): Promise<string> {
  return (await s.page.locator('.clock').innerText()).replace(/\s+/g, ' ');
}

// --- the journeys ----------------------------------------------------------------------------------------

describe('依申请公开: an applicant files online, staff handle the case through 补正, extension and a reviewed reply', () => {
  const due20 = nthWorkingDayAfter(today, 20);
  const dueExtended = nthWorkingDayAfter(today, 20 + EXTENSION_DAYS);

  it('on a phone, the applicant finds the form from the guide, fixes a wrong ID number and gets a tracking number', async () => {
    const page = await phone.newPage();
    await page.goto('/');
    await checkA11y(page, '首页（手机）');
    await page.getByRole('contentinfo').getByRole('link', { name: '政府信息公开指南' }).click();
    await page.waitForURL('**/guide');
    await checkA11y(page, '政府信息公开指南（手机）');
    await Promise.all([page.waitForURL('**/disclosure/apply'), page.getByRole('link', { name: '在线提交政府信息公开申请' }).click()]);
    await checkA11y(page, '申请表（手机）');
    await expectNoSidewaysScroll(page, '申请表（手机）');

    await fillApplication(page, { idNumber: applicant.badIdNumber, phone: applicant.phone, email: applicant.email, address: applicant.address, deliveryForm: '电子文档（电子邮件或网上获取）' });
    const failed = await postForm(page, page.getByRole('button', { name: '提交申请' }), '/disclosure/apply');
    expect(failed.status()).toBe(400);
    await checkA11y(page, '申请表：身份证号码有误（手机）');
    const summary = page.getByRole('alert');
    expect(await summary.innerText()).toContain('身份证号码：格式或校验位不正确');
    expect(await summary.locator('li').count()).toBe(1);
    expect(await page.getByLabel('身份证号码').getAttribute('aria-invalid')).toBe('true');
    // Everything else is still there; only the ID number needs fixing.
    expect(await page.getByLabel('姓名或名称').inputValue()).toBe(applicant.name);
    expect(await page.getByLabel('所需政府信息的名称').inputValue()).toBe(description);
    expect(await page.getByLabel('获取信息的方式').inputValue()).toBe('electronic');

    await page.getByLabel('身份证号码').fill(applicant.idNumber);
    const filed = await postForm(page, page.getByRole('button', { name: '提交申请' }), '/disclosure/apply');
    expect(filed.status()).toBe(201);
    await checkA11y(page, '申请已提交（手机）');
    await expectNoSidewaysScroll(page, '申请已提交（手机）');
    const receipt = await readReceipt(page);
    expect(receipt.trackingNo).toMatch(new RegExp(`^YSQ${today.slice(0, 4)}HN\\d{5}$`));
    expect(receipt.accessCode).toMatch(/^[A-HJ-KM-NP-Z2-9]{10}$/);
    expect(receipt.receivedOn).toBe(today);
    expect(receipt.due).toBe(isProvisional(today, due20) ? `${due20}（含尚未公布节假日安排的年份，期限为预估）` : due20);
    caseA = { trackingNo: receipt.trackingNo, accessCode: receipt.accessCode };

    // The receipt's link carries the tracking number; the access code is typed by the applicant.
    await Promise.all([page.waitForURL(/\/disclosure\/track\?trackingNo=/), page.getByRole('link', { name: '查询办理进度' }).click()]);
    await checkA11y(page, '办理进度查询（手机）');
    expect(await page.getByLabel('受理编号').inputValue()).toBe(caseA.trackingNo);
    await page.getByLabel('查询码').fill(caseA.accessCode);
    await Promise.all([page.waitForURL(/accessCode=/), page.getByRole('button', { name: '查询' }).click()]);
    await checkA11y(page, '办理进度（手机）');
    await expectNoSidewaysScroll(page, '办理进度（手机）');
    const section = page.locator('section[aria-labelledby="case-title"]');
    expect(await fact(section, '办理状态')).toBe('办理中');
    expect(await fact(section, '答复期限')).toBe(isProvisional(today, due20) ? `${due20}（预估）` : due20);
    expect((await section.locator('ol.timeline > li').allInnerTexts()).map((t) => t.trim())).toEqual([`${today} 收到申请`]);
    expectNoPersonalData(await page.locator('main').innerText(), '办理进度');
    await page.close();
  });

  it('the officer asks for 补正; the applicant sees what to correct and that the clock has stopped', async () => {
    officer = await openDisclosureStaff('disclosure_officer');
    await openCase(officer, caseA.trackingNo, '经办人', due20);
    expect(await caseStatus(officer)).toBe('办理中');
    // Staff see the applicant; the public never does.
    const main = officer.page.locator('main');
    expect(await fact(main, '申请人')).toContain(applicant.name);
    expect(await fact(main, '身份证号码')).toBe(applicant.idNumber);

    await act(officer, 'request-clarification', '发出补正告知', async (form) => {
      await form.getByLabel('需要补正的事项').fill(clarificationItems);
      await form.getByLabel('补正期限（工作日）').fill('15');
    });
    expect(await caseStatus(officer)).toBe('待申请人补正');
    expect(await clockPanel(officer)).toContain('待申请人补正：答复期限自收到补正之日起重新计算');

    const page = await phone.newPage();
    const seen = await track(page, caseA, '办理进度：待补正（手机）');
    expect(seen.status).toBe('待申请人补正');
    expect(seen.due).toBe('计时暂停（补正、征求意见或缴费期间不计入答复期限）');
    expect(seen.history).toEqual([`${today} 收到申请`, `${today} 告知补正 需要补正的事项：${clarificationItems} 请于 ${nthWorkingDayAfter(today, 15)} 前补正。`]);
    await page.close();
  });

  it('the correction arrives by letter: the officer registers it and the reply clock starts again from that day', async () => {
    await act(officer, 'receive-clarification', '登记收到补正', async (form) => {
      await form.getByLabel('补正后的申请内容').fill(corrected);
      await form.getByLabel('收到补正日期').fill(today);
    });
    expect(await caseStatus(officer)).toBe('办理中');
    const clock = await clockPanel(officer);
    expect(clock).toContain(`答复期限 ${due20}`);
    expect(clock).toContain(`自 ${today}（收到补正之日）起算 20 个工作日`);
    expect(await officer.page.locator('ol.timeline').innerText()).toContain(`补正内容：${corrected}`);

    const page = await phone.newPage();
    const seen = await track(page, caseA, '办理进度：已补正（手机）');
    expect(seen.status).toBe('办理中');
    expect(seen.due).toBe(isProvisional(today, due20) ? `${due20}（预估）` : due20);
    expect(seen.history.at(-1)).toBe(`${today} 收到补正后的申请（答复期限重新计算）`);
    // The corrected text is the applicant's own; it is not echoed on the public page.
    expect(seen.text).not.toContain(corrected);
    await page.close();
  });

  it('the officer asks to extend by 10 working days; only the head can approve; the applicant is told the new date', async () => {
    await act(officer, 'request-extension', '提交负责人审批', async (form) => {
      await form.getByLabel('延长的工作日数').fill(String(EXTENSION_DAYS));
      await form.getByLabel('延期理由').fill(extensionReason);
    });
    expect(await officer.page.locator('main').innerText()).toContain(`延期申请（${EXTENSION_DAYS} 个工作日）待政府信息公开工作机构负责人审批。`);
    expect(await officer.page.locator('form#action-approve-extension').count()).toBe(0);

    // The request is internal: the applicant's page does not change until the head decides.
    const page = await phone.newPage();
    const before = await track(page, caseA, '办理进度：延期待批（手机）');
    expect(before.history).toHaveLength(3);
    expect(before.text).not.toContain('申请延期答复');
    expect(before.text).not.toContain(extensionReason);

    head = await openDisclosureStaff('disclosure_head');
    await openCase(head, caseA.trackingNo, '负责人', due20);
    expect(await head.page.locator('form#action-approve-extension h3').innerText()).toBe(`延期申请：${EXTENSION_DAYS} 个工作日，理由：${extensionReason}`);
    await act(head, 'approve-extension', '同意延期并告知申请人');
    const clock = await clockPanel(head);
    expect(clock).toContain(`答复期限 ${dueExtended}`);
    expect(clock).toContain(`经批准延长 ${EXTENSION_DAYS} 个工作日`);
    const approved = head.page.locator('ol.timeline > li', { hasText: '延期答复（已经政府信息公开工作机构负责人同意）' });
    expect((await approved.innerText()).replace(/\s+/g, ' ')).toContain(`原期限：${due20}；新期限：${dueExtended}；天数：${EXTENSION_DAYS}；理由：${extensionReason}；审批人：${head.displayName}`);

    const after = await track(page, caseA, '办理进度：已延期（手机）');
    expect(after.due).toBe(isProvisional(today, dueExtended) ? `${dueExtended}（预估）` : dueExtended);
    expect(after.history.at(-1)).toBe(
      `${today} 延期答复（已经政府信息公开工作机构负责人同意） 经本机关政府信息公开工作机构负责人同意，您的申请答复期限延长 ${EXTENSION_DAYS} 个工作日，至 ${dueExtended}。延期理由：${extensionReason}`,
    );
    await page.close();
  });

  it('the officer drafts a 部分公开 reply, the head approves it, the officer serves it, and the applicant reads it', async () => {
    await officer.page.reload();
    await checkA11y(officer.page, '经办人：延期后的申请详情');
    const draft = officer.page.locator('form.block', { has: officer.page.getByRole('heading', { name: '起草答复书' }) });
    await draft.getByLabel('处理结果').selectOption({ label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' });
    await Promise.all([officer.page.waitForURL(/\?outcome=partial/), draft.getByRole('button', { name: '按此结果生成答复书草稿' }).click()]);
    await checkA11y(officer.page, '经办人：起草答复书');
    const body = officer.page.locator('form#action-submit-reply').getByLabel('答复书正文');
    const template = await body.inputValue();
    expect(template).toContain(`受理编号：${caseA.trackingNo}`);
    expect(template).toContain('《中华人民共和国政府信息公开条例》第三十七条');
    expect(template).not.toContain(applicant.name);
    const replyText = template.replace('对不予公开的内容说明理由如下。', `对不予公开的内容说明理由如下。\n\n${replyParagraph}`);
    expect(replyText).not.toBe(template);
    await act(officer, 'submit-reply', '提交负责人审核', (form) => form.getByLabel('答复书正文').fill(replyText));
    expect(await caseStatus(officer)).toBe('答复审核中');
    expect(await officer.page.locator('main').innerText()).toContain('答复书待政府信息公开工作机构负责人审核。');
    expect(await officer.page.locator('form#action-approve-reply').count()).toBe(0);

    await head.page.reload();
    await checkA11y(head.page, '负责人：审核答复书');
    expect(await head.page.locator('form#action-approve-reply h3').innerText()).toContain('部分公开');
    await act(head, 'approve-reply', '审核通过');

    await officer.page.reload();
    await checkA11y(officer.page, '经办人：答复书待送达');
    await act(officer, 'serve-reply', '登记送达并办结', async (form) => {
      await form.getByLabel('送达方式').selectOption({ label: '电子送达（电子邮件/网上）' });
      await form.getByLabel('送达日期').fill(today);
    });
    expect(await caseStatus(officer)).toBe('已办结：（二）部分公开（区分处理的，只计这一情形，不计其他情形）');

    const page = await phone.newPage();
    const seen = await track(page, caseA, '办理进度：已答复（手机）');
    expect(seen.status).toBe('已办结');
    expect(seen.due).toBe('已办结');
    expect(seen.outcome).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    // Only the public steps, in order: no extension request, no review of the draft, no staff names.
    expect(seen.history.map((h) => h.split(' ').slice(0, 2).join(' '))).toEqual([
      `${today} 收到申请`,
      `${today} 告知补正`,
      `${today} 收到补正后的申请（答复期限重新计算）`,
      `${today} 延期答复（已经政府信息公开工作机构负责人同意）`,
      `${today} 答复书已送达`,
    ]);
    expect(seen.history.at(-1)).toBe(`${today} 答复书已送达 处理结果：（二）部分公开（区分处理的，只计这一情形，不计其他情形）`);
    expect(seen.reply).toContain(replyParagraph);
    expect(seen.reply).toContain('能够作区分处理');
    expect(seen.reply).toContain('六十日内依法申请行政复议');
    expectNoPersonalData(seen.text, '办理进度（已答复）');
    await expectNoSidewaysScroll(page, '办理进度：已答复（手机）');

    // The JSON answer for the same two values carries the same reply and nothing personal either.
    const api = await page.request.get(`/api/v1/disclosure-requests/${caseA.trackingNo}?accessCode=${caseA.accessCode}`);
    expect(api.status()).toBe(200);
    const json = (await api.json()) as { status: string; outcome: string; reply: { body: string; servedOn: string } | null };
    expect(json).toMatchObject({ status: 'closed', outcome: 'partial', reply: { servedOn: today } });
    expect(json.reply?.body).toContain(replyParagraph);
    expectNoPersonalData(JSON.stringify(json), 'GET /api/v1/disclosure-requests/{trackingNo}');
    await page.close();
  });
});

describe('without JavaScript, and a new year of holidays', () => {
  it('files by a plain form post: a failed post names each problem and keeps what was typed', async () => {
    const noJs = await newContext(browser, server, { javaScriptEnabled: false });
    const page = await noJs.newPage();
    await page.goto('/disclosure/apply');
    await checkA11yOfMarkup(page, '申请表');
    // Paper by post, but no contact at all: two problems, both named.
    await fillApplication(page, { idNumber: applicant.idNumber, phone: '', email: '', address: '', deliveryForm: '纸质文本（邮寄或自行领取）' });
    const failed = await postForm(page, page.getByRole('button', { name: '提交申请' }), '/disclosure/apply');
    expect(failed.status()).toBe(400);
    await checkA11yOfMarkup(page, '申请表：缺少联系方式');
    const problems = await page.getByRole('alert').locator('li').allInnerTexts();
    expect(problems).toEqual(expect.arrayContaining(['联系方式：联系电话、电子邮箱、通信地址至少填写一项', '通信地址：选择纸质文本的，须填写邮寄地址']));
    expect(await page.getByLabel('申请人类型').inputValue()).toBe('natural_person');
    expect(await page.getByLabel('姓名或名称').inputValue()).toBe(applicant.name);
    expect(await page.getByLabel('身份证号码').inputValue()).toBe(applicant.idNumber);
    expect(await page.getByLabel('所需政府信息的名称').inputValue()).toBe(description);
    expect(await page.getByLabel('用途').inputValue()).toBe(purpose);
    expect(await page.getByLabel('获取信息的方式').inputValue()).toBe('paper');

    await page.getByLabel('通信地址').fill(applicant.address);
    const filed = await postForm(page, page.getByRole('button', { name: '提交申请' }), '/disclosure/apply');
    expect(filed.status()).toBe(201);
    await checkA11yOfMarkup(page, '申请已提交');
    const receipt = await readReceipt(page);
    expect(receipt.trackingNo).not.toBe(caseA.trackingNo);
    caseB = { trackingNo: receipt.trackingNo, accessCode: receipt.accessCode };
    caseBDueBefore = nthWorkingDayAfter(today, 20);
    expect(receipt.due.startsWith(caseBDueBefore)).toBe(true);
    expect(receipt.due.includes('预估')).toBe(isProvisional(today, caseBDueBefore));
    await noJs.close();
    const desktop = await newContext(browser, server);
    const seen = await track(await desktop.newPage(), caseB, '办理进度');
    expect(seen.status).toBe('办理中');
    await desktop.close();
  });

  it(`the administrator enters ${NEXT_YEAR}'s holidays: the open case's due date moves, with the reason shown to applicant and staff`, async () => {
    enterArrangement(arrangementLines);
    const dueAfter = nthWorkingDayAfter(today, 20);
    // The journey needs a due date in next year, which the real clock gives from December on.
    expect(dueAfter, `due date ${caseBDueBefore} does not depend on ${NEXT_YEAR}'s holidays: run this journey in December`).not.toBe(caseBDueBefore);

    const adminAccount = server.accounts.find((a) => a.centerCode === 'hn' && a.roles.includes('center_admin'));
    if (!adminAccount) throw new Error('no center_admin at hn');
    const admin = await openStaff(browser, { server, username: adminAccount.username });
    const { page, cid } = admin;
    await page.getByRole('navigation', { name: '后台导航' }).getByRole('link', { name: '工作日历' }).click();
    await page.waitForURL(`**/admin/c/${cid}/calendar`);
    await checkA11y(page, '工作日历');
    expect(await page.locator('.notice-box').first().innerText()).toContain(`${NEXT_YEAR} 年的节假日安排尚未录入`);
    await Promise.all([page.waitForURL(`**/calendar?year=${NEXT_YEAR}`), page.getByRole('link', { name: `录入 ${NEXT_YEAR} 年的安排` }).click()]);
    await checkA11y(page, `工作日历：录入 ${NEXT_YEAR} 年`);
    const calendarPath = `/admin/c/${cid}/calendar`;
    const form = page.locator(`form[method="post"][action="${calendarPath}"]`);
    expect(await form.getByRole('heading').innerText()).toBe(`录入 ${NEXT_YEAR} 年的安排`);
    await form.getByLabel('依据').fill(arrangementSource);
    await form.getByLabel('节假日安排').fill(arrangementLines.join('\n'));

    expect((await postForm(page, form.getByRole('button', { name: '预览' }), calendarPath)).status()).toBe(200);
    await checkA11y(page, '工作日历：预览');
    const offDays = [...entered.values()].filter((isWorking) => !isWorking).length;
    expect(await page.locator('#preview-title + p[role="status"]').innerText()).toBe(`与现有安排相比：新增 ${entered.size} 天，删除 0 天，修改 0 天。确认无误后请点击下方“保存”。`);
    expect(await page.locator('section[aria-labelledby="preview-title"] caption').innerText()).toContain(`放假 ${offDays} 天（含周末），调休上班 ${entered.size - offDays} 天`);

    // The preview keeps what was typed: saving sends the same lines.
    expect(await form.getByLabel('节假日安排').inputValue()).toBe(arrangementLines.join('\n'));
    await Promise.all([page.waitForURL(new RegExp(`/calendar\\?year=${NEXT_YEAR}&changed=\\d+`)), form.getByRole('button', { name: '保存' }).click()]);
    await checkA11y(page, '工作日历：已保存');
    const flash = await page.getByRole('status').innerText();
    const moved = Number(new RegExp(`已更新 ${NEXT_YEAR} 年的节假日安排（第 1 版）；(\\d+) 件办理中的申请答复期限随之调整`).exec(flash)?.[1] ?? '0');
    expect(moved, flash).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.notice-box').count()).toBe(0);
    const historyRow = page.locator('table', { has: page.getByRole('columnheader', { name: '期限调整' }) }).locator('tbody tr').first();
    expect(await historyRow.innerText()).toContain(arrangementSource);
    expect(await historyRow.innerText()).toContain(`${moved} 件`);

    // The applicant sees the new date, no longer provisional, and why it moved.
    const applicantPage = await phone.newPage();
    const seen = await track(applicantPage, caseB, '办理进度：期限调整后（手机）');
    expect(seen.status).toBe('办理中');
    expect(seen.due).toBe(isProvisional(today, dueAfter) ? `${dueAfter}（预估）` : dueAfter);
    expect(seen.history.at(-1)).toBe(`${today} 答复期限因节假日安排调整而变化 答复期限由 ${caseBDueBefore} 调整为 ${dueAfter}：${NEXT_YEAR}年节假日安排更新（来源：${arrangementSource}）`);
    // The closed case keeps its history as it was.
    const closed = await track(applicantPage, caseA, '办理进度：已办结的申请（手机）');
    expect(closed.text).not.toContain('答复期限因节假日安排调整而变化');
    expect(closed.history).toHaveLength(5);
    await applicantPage.close();

    // Staff: the list and the case page show the new date; the history names the old and new ones.
    await openCase(officer, caseB.trackingNo, '经办人（期限调整后）', dueAfter);
    expect(await clockPanel(officer)).toContain(`答复期限 ${dueAfter}`);
    expect(await clockPanel(officer)).not.toContain('预估');
    const moveEntry = officer.page.locator('ol.timeline > li', { hasText: '答复期限因节假日安排调整而变化' });
    expect(await moveEntry.count()).toBe(1);
    expect((await moveEntry.innerText()).replace(/\s+/g, ' ')).toContain(`原期限：${caseBDueBefore}；新期限：${dueAfter}；理由：${NEXT_YEAR}年节假日安排更新（来源：${arrangementSource}）`);

    // The public calendar API counts the same way.
    const api = await page.request.get(`/api/v1/calendar/working-days?from=${today}&add=20`);
    expect(api.status()).toBe(200);
    expect(await api.json()).toMatchObject({ date: dueAfter, provisional: false });
    await admin.context.close();
  });
});
