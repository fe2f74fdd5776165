import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { toArrayBuffer } from '../../src/reports/annual/annual-import.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/accounts/accounts.policy.ts';
import { auditEvents } from '../../src/audit/audit.tables.ts';
import { addWorkingDays } from '../../src/calendar/working-days.ts';
import { findArticle } from '../../src/content/articles.repo.ts';
import { insertColumn } from '../../src/content/columns.repo.ts';
import { enterpriseCreditCode } from '../../src/demo/demo-trading-names.ts';
import { draftReplyBody } from '../../src/disclosure/reply-template.ts';
import { APPLICANT_TYPES, OUTCOMES, type ApplicantType } from '../../src/disclosure/disclosure.model.ts';
import { performCaseAction } from '../../src/disclosure/disclosure.service.ts';
import { fileRequest } from '../../src/disclosure/operations/file-request.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { beijingDayStart } from '../../src/platform/dates.ts';
import { residentIdCheckChar } from '../../src/platform/resident-id.ts';
import { findReport } from '../../src/reports/annual/annual.repo.ts';
import { REQUEST_COLUMN_IDS, REQUEST_ROWS } from '../../src/reports/annual/annual.model.ts';
import { listRunsOfArticle, listTasksOfRuns } from '../../src/review/review.repo.ts';
import { Agent, loginAs } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';
import { publishArticle } from '../helpers/publish.ts';

/**
 * A year and a half of applications put through the real operations (intake, 补正, fees, reviewed replies,
 * appeals), each step with the clock set to its day, then the 2024 and 2025 reports generated over HTTP and
 * compared with counts computed here from the plan alone.
 */
let sys: TestSystem;
let hn: CenterFixture;
let admin: Agent;
let cs: CenterFixture;

type Plan = { type: ApplicantType; received: string; outcome: string | null; closeOn: string | null; how: 'reply' | 'lapse-clarification' | 'fee-paid' | 'fee-lapsed' };
const plans: Plan[] = [];

const at = (day: string): AppContext => ({ ...sys.ctx, clock: () => new Date(beijingDayStart(day).getTime() + 3 * 3600_000) });
const shift = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400_000).toISOString().slice(0, 10);

function rng(seed: number) {
  let x = seed;
  return () => ((x = (x * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
}

function application(type: ApplicantType, i: number) {
  const isPerson = type === 'natural_person';
  const name = isPerson ? `申请人${i}` : `湖南测试${i}号建设有限公司`;
  const body = `43010219800101${String(100 + i).slice(-3)}`;
  return {
    applicantType: type,
    name,
    idNumber: isPerson ? body + residentIdCheckChar(body) : '',
    creditCode: isPerson ? '' : enterpriseCreditCode(name, '430100'),
    contact: { phone: `1397531${String(1000 + i).slice(-4)}` },
    description: `第 ${i} 号申请：请提供本中心某年度进场交易项目的统计数据（项目数、成交金额）。`,
    deliveryForm: 'electronic',
  };
}

async function runCase(p: Plan, i: number, fx: CenterFixture = hn): Promise<number> {
  const cid = fx.center.id;
  const staff = { actor: { userId: fx.users.officer.id, name: '经办人', ip: '127.0.0.1', userAgent: 'test' }, roles: new Set<Role>(['disclosure_officer']) };
  const boss = { actor: { userId: fx.users.foiHead.id, name: '负责人', ip: '127.0.0.1', userAgent: 'test' }, roles: new Set<Role>(['disclosure_head']) };
  const filed = await fileRequest(at(p.received), { centerId: cid, raw: application(p.type, i), channel: 'in_person', receivedOn: p.received, actor: staff.actor });
  const id = filed.request.id;
  const act = (day: string, who: typeof staff, action: string, form: Record<string, string> = {}) => performCaseAction(at(day), { actor: who.actor, roles: who.roles, centerId: cid, requestId: id, lockVersion: null, action, form });
  if (p.how === 'lapse-clarification' && p.closeOn) {
    await act(p.received, staff, 'request-clarification', { items: '请写明所需信息的项目名称。', periodDays: '1', onDate: p.received });
    await act(p.closeOn, staff, 'lapse-clarification');
    return id;
  }
  if (p.how === 'fee-paid' || p.how === 'fee-lapsed') {
    const notifyOn = shift(p.received, 1);
    await act(notifyOn, boss, 'notify-fee', { tariff: 'per_page', pages: '40', onDate: notifyOn });
    if (p.how === 'fee-lapsed' && p.closeOn) {
      await act(p.closeOn, staff, 'lapse-fee');
      return id;
    }
    await act(shift(notifyOn, 3), staff, 'record-payment', { onDate: shift(notifyOn, 3) });
  }
  if (p.outcome && p.closeOn) {
    const body = draftReplyBody({ outcome: p.outcome, centerName: fx.center.name, trackingNo: filed.request.trackingNo, receivedOn: p.received, description: '统计数据' });
    await act(p.closeOn, staff, 'submit-reply', { outcome: p.outcome, body });
    await act(p.closeOn, boss, 'approve-reply');
    await act(p.closeOn, staff, 'serve-reply', { method: 'electronic', servedOn: p.closeOn });
  }
  return id;
}

/** The counts of one year, computed from the plan by the rule of decision 0011, independently of the code. */
function expected(year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const grid: Record<string, Record<string, number>> = {};
  const add = (row: string, type: string) => {
    grid[row] ??= Object.fromEntries(REQUEST_COLUMN_IDS.map((c) => [c, 0]));
    const r = grid[row];
    if (!r) return;
    r[type] = (r[type] ?? 0) + 1;
    r.total = (r.total ?? 0) + 1;
  };
  for (const p of plans) {
    if (p.received > to) continue;
    if (p.closeOn !== null && p.closeOn < from) continue;
    if (p.received >= from) add('received_this_year', p.type);
    else add('carried_from_last_year', p.type);
    if (p.closeOn !== null && p.closeOn <= to && p.outcome) {
      add(p.outcome, p.type);
      add('results_total', p.type);
    }
    if (p.closeOn === null || p.closeOn > to) add('carried_to_next_year', p.type);
  }
  return Object.fromEntries(REQUEST_ROWS['2021'].map((r) => [r.id, grid[r.id] ?? Object.fromEntries(REQUEST_COLUMN_IDS.map((c) => [c, 0]))]));
}

async function pendingTaskId(articleId: number): Promise<number | null> {
  const runs = await listRunsOfArticle(sys.ctx.db, articleId);
  const tasks = await listTasksOfRuns(sys.ctx.db, runs.map((r) => r.id));
  return tasks.find((t) => t.status === 'pending')?.id ?? null;
}

async function approveAll(articleId: number): Promise<void> {
  for (const who of [hn.users.head, hn.users.office1, hn.users.leader, hn.users.director]) {
    const taskId = await pendingTaskId(articleId);
    if (!taskId) throw new Error('no pending task');
    const reviewer = await loginAs(sys.app.app, who, sys.clock);
    const page = await reviewer.get(`/admin/c/${hn.center.id}/reviews/${taskId}`);
    const hash = /name="revisionHash" value="([0-9a-f]+)"/.exec(page.body)?.[1] ?? '';
    const res = await reviewer.post(`/admin/c/${hn.center.id}/reviews/${taskId}/approve`, { revisionHash: hash });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  }
}

beforeAll(async () => {
  sys = await startTestSystem();
  hn = await makeCenter(sys.ctx, { code: 'hn' });
  await insertColumn(sys.ctx.db, { centerId: hn.center.id, slug: 'annual-report', name: '年度报告', kind: 'annual_report', sortOrder: 9, catalogCategory: '年度报告' });
  const cal = await sys.ctx.calendar.get();
  // The cases the year boundary decides.
  plans.push({ type: 'natural_person', received: '2024-12-31', outcome: 'disclosed', closeOn: '2025-01-05', how: 'reply' });
  plans.push({ type: 'commercial_enterprise', received: '2025-12-30', outcome: 'partial', closeOn: '2026-01-06', how: 'reply' });
  plans.push({ type: 'legal_service_org', received: '2025-12-31', outcome: null, closeOn: null, how: 'reply' });
  plans.push({ type: 'natural_person', received: '2025-01-01', outcome: 'unavailable_not_held', closeOn: '2025-01-01', how: 'reply' });
  plans.push({ type: 'research_institution', received: '2024-11-20', outcome: null, closeOn: null, how: 'reply' });
  plans.push({ type: 'natural_person', received: '2024-12-20', outcome: 'not_handled_repeat', closeOn: '2025-01-01', how: 'reply' });
  plans.push({ type: 'natural_person', received: '2025-12-01', outcome: 'withheld_process_info', closeOn: '2025-12-31', how: 'reply' });
  // Lapses close with the （六） outcomes: 补正 not made, fee not paid.
  plans.push({ type: 'natural_person', received: '2025-03-03', outcome: 'other_no_clarification', closeOn: '2025-03-10', how: 'lapse-clarification' });
  plans.push({ type: 'other_org', received: '2025-05-06', outcome: 'other_fee_unpaid', closeOn: addWorkingDays(cal, addWorkingDays(cal, '2025-05-07', 20).date, 2).date, how: 'fee-lapsed' });
  plans.push({ type: 'public_interest_org', received: '2025-04-01', outcome: 'disclosed', closeOn: '2025-04-20', how: 'fee-paid' });
  const next = rng(20_251_231);
  const outcomes = OUTCOMES.map((o) => o.id).filter((o) => o !== 'other_no_clarification' && o !== 'other_fee_unpaid');
  for (let i = 0; i < 40; i++) {
    const received = shift('2024-06-03', Math.floor(next() * 570));
    const isOpen = next() < 0.15;
    const type = APPLICANT_TYPES[Math.floor(next() * APPLICANT_TYPES.length)] ?? 'natural_person';
    const outcome = outcomes[Math.floor(next() * outcomes.length)] ?? 'disclosed';
    plans.push({ type, received, outcome: isOpen ? null : outcome, closeOn: isOpen ? null : shift(received, 1 + Math.floor(next() * 45)), how: 'reply' });
  }
  const ids: number[] = [];
  for (const [i, p] of plans.entries()) ids.push(await runCase(p, i));
  // Appeals, counted in the year they were filed.
  const staff = { actor: { userId: hn.users.officer.id, name: '经办人', ip: '127.0.0.1', userAgent: 'test' }, roles: new Set<Role>(['disclosure_officer']) };
  const appeal = (requestId: number | undefined, day: string, form: Record<string, string>) =>
    performCaseAction(at(day), { actor: staff.actor, roles: staff.roles, centerId: hn.center.id, requestId: requestId ?? 0, lockVersion: null, action: 'record-appeal', form: { filedOn: day, ...form } });
  await appeal(ids[0], '2025-02-10', { kind: 'reconsideration', result: 'upheld', decidedOn: '2025-02-10' });
  await appeal(ids[3], '2025-03-01', { kind: 'litigation_direct', result: 'pending' });
  await appeal(ids[9], '2025-06-01', { kind: 'reconsideration', result: 'corrected', decidedOn: '2025-06-01' });
  const closed2024 = plans.findIndex((p) => p.closeOn !== null && p.closeOn < '2024-12-01' && p.how === 'reply');
  await appeal(ids[closed2024], '2024-12-20', { kind: 'litigation_after_reconsideration', result: 'other', decidedOn: '2024-12-20' });
  // Policy articles: a normative document issued in 2025, one repealed in 2025, one not normative.
  const policy = (title: string, f: Record<string, string>) => publishArticle(sys.ctx, hn, hn.columns.policy, { title, bodyHtml: '<p>正文</p>', docNo: `湘交易〔2025〕${title.length}号`, issuingBody: '湖南省公共资源交易中心', ...f }, new Date('2025-06-01T02:00:00Z'));
  await policy('交易服务规范', { issuedOn: '2025-03-01', isNormative: 'on' });
  await policy('旧的见证管理办法', { issuedOn: '2022-05-01', repealedOn: '2025-09-01', validity: 'repealed', isNormative: 'on' });
  await policy('内部工作规程', { issuedOn: '2025-04-01' });
  await publishArticle(sys.ctx, hn, hn.columns.news, { title: '中心召开年度工作会议' }, new Date('2025-02-01T02:00:00Z'));
  admin = await loginAs(sys.app.app, hn.users.admin, sys.clock);
  // A center with one case only: received on 31 December, answered on 5 January.
  cs = await makeCenter(sys.ctx, { code: 'cs', parentId: hn.center.id });
  await runCase({ type: 'commercial_enterprise', received: '2024-12-31', outcome: 'disclosed', closeOn: '2025-01-05', how: 'reply' }, 500, cs);
}, 180_000);
afterAll(async () => sys?.close());

describe('the annual report generated from a year of applications', () => {
  it('counts table 三 of 2024 and 2025 exactly as the rule of decision 0011 does, on the year boundary too', async () => {
    for (const year of [2024, 2025]) {
      const res = await admin.post(`/admin/c/${hn.center.id}/annual-reports`, { year: String(year) });
      expect(res.statusCode, res.body.slice(0, 400)).toBe(303);
      const report = await findReport(sys.ctx.db, hn.center.id, year);
      expect(report?.figures.requests, String(year)).toEqual(expected(year));
    }
    const r2025 = await findReport(sys.ctx.db, hn.center.id, 2025);
    // Received 2024-12-31, closed 2025-01-05: carried into 2025, counted there as 予以公开.
    expect(expected(2024).carried_to_next_year?.natural_person).toBeGreaterThanOrEqual(1);
    expect(r2025?.figures.requests.carried_from_last_year).toEqual((await findReport(sys.ctx.db, hn.center.id, 2024))?.figures.requests.carried_to_next_year);
    expect(r2025?.checks.filter((c) => !c.ok && c.level === 'error')).toEqual([]);
    expect(r2025?.checks.find((c) => c.id === 'carry_over')).toMatchObject({ ok: true });
    expect(r2025?.checks.find((c) => c.id === 'carry_over')?.isSkipped).toBeUndefined();
  });

  it('carries a case received on 31 December and answered on 5 January into the next year', async () => {
    const csAdmin = await loginAs(sys.app.app, cs.users.admin, sys.clock);
    for (const year of ['2024', '2025']) expect((await csAdmin.post(`/admin/c/${cs.center.id}/annual-reports`, { year })).statusCode).toBe(303);
    const g2024 = (await findReport(sys.ctx.db, cs.center.id, 2024))?.figures.requests;
    const g2025 = (await findReport(sys.ctx.db, cs.center.id, 2025))?.figures.requests;
    const col = (g: typeof g2024, row: string) => g?.[row]?.commercial_enterprise;
    expect([col(g2024, 'received_this_year'), col(g2024, 'carried_from_last_year'), col(g2024, 'results_total'), col(g2024, 'carried_to_next_year')]).toEqual([1, 0, 0, 1]);
    expect([col(g2025, 'received_this_year'), col(g2025, 'carried_from_last_year'), col(g2025, 'disclosed'), col(g2025, 'results_total'), col(g2025, 'carried_to_next_year')]).toEqual([0, 1, 1, 1, 0]);
    expect(g2025?.carried_from_last_year?.total).toBe(1);
  });

  it('counts table 四 by filing year, table 二 from the normative policy articles, section 六 from the fee events', async () => {
    const r = await findReport(sys.ctx.db, hn.center.id, 2025);
    expect(r?.figures.reviewLitigation?.reconsideration).toEqual({ upheld: 1, corrected: 1, other: 0, pending: 0, total: 2 });
    expect(r?.figures.reviewLitigation?.litigation_direct).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    expect(r?.figures.reviewLitigation?.litigation_after_reconsideration.total).toBe(0);
    const r2024 = await findReport(sys.ctx.db, hn.center.id, 2024);
    expect(r2024?.figures.reviewLitigation?.litigation_after_reconsideration).toMatchObject({ other: 1, total: 1 });
    expect(r?.figures.proactive?.normativeDocuments).toEqual({ issued: 1, repealed: 1, inForce: 1 });
    expect(r?.figures.proactive?.regulations).toEqual({ issued: 0, repealed: 0, inForce: 0 });
    // Two fee notices of 40 pages (10 pages × 10 元 = 100 元 each), one paid.
    expect(r?.facts?.fees).toEqual({ notices: 2, notifiedFen: 20_000, paid: 1, paidFen: 10_000, waived: 0 });
    expect(r?.narrative.other?.text).toContain('发出信息处理费收费通知2份，通知金额共计200.00元；实际收取信息处理费1件，共计100.00元');
    expect(r?.narrative.overview?.text).toContain('工作动态1条');
  });

  it('shows the report with its checks to anyone who may read articles, and lets only the admin change it', async () => {
    const editor = await loginAs(sys.app.app, hn.users.editor, sys.clock);
    const page = await editor.get(`/admin/c/${hn.center.id}/annual-reports/2025`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('各项勾稽关系核对均已通过');
    expect(page.body).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(page.body).not.toContain('提交审核发布');
    expect((await editor.post(`/admin/c/${hn.center.id}/annual-reports`, { year: '2025' })).statusCode).toBe(403);
    expect((await editor.post(`/admin/c/${hn.center.id}/annual-reports/2025/submit`, {})).statusCode).toBe(403);
    const list = await editor.get(`/admin/c/${hn.center.id}/annual-reports`);
    expect(list.body).toContain('2025 年度');
  });

  it('keeps an edited text on regeneration and replaces it only when asked', async () => {
    const before = await findReport(sys.ctx.db, hn.center.id, 2025);
    const res = await admin.post(`/admin/c/${hn.center.id}/annual-reports/2025/narrative`, { lockVersion: String(before?.lockVersion), problems: '（一）上年度问题整改情况。已整改。\n（二）存在的主要问题。栏目更新不够及时。\n（三）改进措施。加强审核。' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    await admin.post(`/admin/c/${hn.center.id}/annual-reports/2025/regenerate`, {});
    const kept = await findReport(sys.ctx.db, hn.center.id, 2025);
    expect(kept?.narrative.problems).toEqual({ text: '（一）上年度问题整改情况。已整改。\n（二）存在的主要问题。栏目更新不够及时。\n（三）改进措施。加强审核。', isEdited: true });
    const stale = await admin.post(`/admin/c/${hn.center.id}/annual-reports/2025/narrative`, { lockVersion: String(before?.lockVersion), problems: '过期的表单' });
    expect(stale.statusCode).toBe(409);
    await admin.post(`/admin/c/${hn.center.id}/annual-reports/2025/regenerate`, { resetNarrative: 'on' });
    expect((await findReport(sys.ctx.db, hn.center.id, 2025))?.narrative.problems?.isEdited).toBe(false);
  });
});

describe('publication of the annual report', () => {
  it('refuses to submit a report whose carry-over does not match last year’s, showing the numbers, unless a reason is given (audited)', async () => {
    // 2023 entered by hand with 3 natural persons carried on: 2024's 上年结转 (0 from the data) disagrees.
    const form: Record<string, string> = { 'g.carried_to_next_year.natural_person': '3', 'g.carried_to_next_year.total': '3', 'g.received_this_year.natural_person': '3', 'g.received_this_year.total': '3' };
    expect((await admin.post(`/admin/c/${hn.center.id}/annual-reports/2023/entry`, form)).statusCode).toBe(303);
    expect((await findReport(sys.ctx.db, hn.center.id, 2024))?.checks.find((c) => c.id === 'carry_over')?.ok).toBe(false);
    const page = await admin.get(`/admin/c/${hn.center.id}/annual-reports/2024`);
    expect(page.body).toContain('【未通过】上年结转与 2023 年度报告不一致：“自然人”列：本年“上年结转”为 0，2023 年度报告“结转下年度继续办理”为 3，相差 -3');
    const refused = await admin.post(`/admin/c/${hn.center.id}/annual-reports/2024/submit`, {});
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('相差 -3');
    expect((await findReport(sys.ctx.db, hn.center.id, 2024))?.articleId).toBeNull();
    const short = await admin.post(`/admin/c/${hn.center.id}/annual-reports/2024/submit`, { overrideReason: '数据无误' });
    expect(short.statusCode).toBe(422);
    const reason = '2023 年度报告的结转数含已撤回的申请，经核实本年数据无误。';
    const ok = await admin.post(`/admin/c/${hn.center.id}/annual-reports/2024/submit`, { overrideReason: reason });
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(303);
    const audit = await sys.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'annual_report.override_checks'));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ year: 2024, reason, checks: [{ id: 'carry_over', message: expect.stringContaining('相差 -3') }] });
    const r = await findReport(sys.ctx.db, hn.center.id, 2024);
    expect(r?.checksOverride).toMatchObject({ reason, checkIds: ['carry_over'] });
    expect(r?.status).toBe('in_review');
  });

  it('publishes through the four-level review into the 年度报告 column, and only then answers on the public API', async () => {
    const cid = hn.center.id;
    expect((await sys.app.app.inject({ method: 'GET', url: '/api/v1/annual-reports/2025?center=hn' })).json().error.code).toBe('ANNUAL_REPORT_NOT_FOUND');
    expect((await admin.post(`/admin/c/${cid}/annual-reports/2025/submit`, {})).statusCode).toBe(303);
    const report = await findReport(sys.ctx.db, cid, 2025);
    const articleId = report?.articleId ?? 0;
    const article = await findArticle(sys.ctx.db, articleId);
    expect(article).toMatchObject({ status: 'draft', reviewState: 'in_review', title: 'hn公共资源交易中心2025年政府信息公开工作年度报告' });
    expect((await admin.get(`/admin/c/${cid}/annual-reports/2025`)).body).toContain('审核中');
    expect((await admin.post(`/admin/c/${cid}/annual-reports/2025/submit`, {})).statusCode).toBe(409);
    expect((await sys.app.app.inject({ method: 'GET', url: '/api/v1/annual-reports' })).json()).toEqual([]);
    await approveAll(articleId);
    expect((await findArticle(sys.ctx.db, articleId))?.status).toBe('published');
    expect((await admin.get(`/admin/c/${cid}/annual-reports/2025`)).body).toContain('已发布');
    const list = await sys.app.app.inject({ method: 'GET', url: '/api/v1/annual-reports' });
    expect(list.json()).toEqual([{ year: 2025, center: { code: 'hn', name: 'hn公共资源交易中心' }, url: '/api/v1/annual-reports/2025?center=hn', pageUrl: `/art/${articleId}` }]);
    const portal = await sys.app.app.inject({ method: 'GET', url: `/art/${articleId}` });
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toContain('三、本年度办理结果');
  });

  it('answers the JSON contract with verbatim labels, stable ids and the published figures', async () => {
    const res = await sys.app.app.inject({ method: 'GET', url: '/api/v1/annual-reports/2025?center=hn' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2025, center: { code: 'hn', name: 'hn公共资源交易中心' }, status: 'published' });
    expect(body.sections.map((s: { id: string; title: string }) => [s.id, s.title])).toEqual([
      ['overview', '一、总体情况'],
      ['proactive', '二、主动公开政府信息情况'],
      ['requests', '三、收到和处理政府信息公开申请情况'],
      ['review_litigation', '四、政府信息公开行政复议、行政诉讼情况'],
      ['problems', '五、存在的主要问题及改进情况'],
      ['other', '六、其他需要报告的事项'],
    ]);
    expect(body.tables.requests.columns).toHaveLength(7);
    expect(body.tables.requests.rows).toHaveLength(25);
    const exp = expected(2025);
    for (const row of body.tables.requests.rows) expect(row.values, row.id).toEqual(exp[row.id]);
    expect(body.tables.requests.rows.find((r: { id: string }) => r.id === 'withheld_security_stability').label).toBe('3.危及\u201c三安全一稳定\u201d');
    expect(body.tables.reviewLitigation.columns).toHaveLength(15);
    expect(body.tables.reviewLitigation.values).toMatchObject({ reconsideration_total: 2, litigation_direct_pending: 1 });
    expect(body.tables.proactive.rows.find((r: { id: string }) => r.id === 'normative_documents').values).toEqual({ issued: 1, repealed: 1, inForce: 1 });
    expect(body.checks.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['balance', 'results_total', 'row_totals', 'carry_over']));
    // Rows never leak: no applicant's name in the answer.
    expect(res.body).not.toContain('申请人1');
    const openapi = (await sys.app.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/v1/annual-reports', '/api/v1/annual-reports/{year}']));
  });

  it('keeps answering with what was published after the report is regenerated', async () => {
    const cid = hn.center.id;
    const before = (await sys.app.app.inject({ method: 'GET', url: '/api/v1/annual-reports/2025?center=hn' })).json();
    const staff = { userId: hn.users.officer.id, name: '经办人', ip: '', userAgent: '' };
    await fileRequest(at('2025-11-11'), { centerId: cid, raw: application('natural_person', 999), channel: 'in_person', receivedOn: '2025-11-11', actor: staff });
    expect((await admin.post(`/admin/c/${cid}/annual-reports/2025/regenerate`, {})).statusCode).toBe(303);
    expect((await findReport(sys.ctx.db, cid, 2025))?.figures.requests.received_this_year?.total).toBe((before.tables.requests.rows[0].values.total as number) + 1);
    const after = (await sys.app.app.inject({ method: 'GET', url: '/api/v1/annual-reports/2025?center=hn' })).json();
    expect(after).toEqual(before);
    // Resubmitting a published report is a correction and needs its note.
    expect((await admin.post(`/admin/c/${cid}/annual-reports/2025/submit`, {})).statusCode).toBe(400);
  });

  it('serves the published report as Word, Excel and an HTML page', async () => {
    const docx = await sys.app.app.inject({ method: 'GET', url: '/api/v1/annual-reports/2025?center=hn&format=docx' });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(String(docx.headers['content-disposition'])).toContain("filename*=UTF-8''hn");
    const xml = (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('三、本年度办理结果');
    expect(xml).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    const xlsx = await sys.app.app.inject({ method: 'GET', url: '/api/v1/annual-reports/2025?center=hn&format=xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(toArrayBuffer(xlsx.rawPayload));
    expect(wb.getWorksheet('表三')?.getCell('J6').value).toBe(expected(2025).received_this_year?.total);
    const html = await sys.app.app.inject({ method: 'GET', url: '/api/v1/annual-reports/2025?center=hn&format=html' });
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.headers['content-security-policy']).toContain("style-src 'self' 'sha256-");
    expect(html.body).toContain('<h1>hn公共资源交易中心2025年政府信息公开工作年度报告</h1>');
  });

  it('answers bad input with a 4xx, a stable code and a Chinese message, never a 500', async () => {
    const cases: [string, number, string][] = [
      ['/api/v1/annual-reports/abcd', 400, 'VALIDATION_FAILED'],
      ['/api/v1/annual-reports/1999', 400, 'VALIDATION_FAILED'],
      ['/api/v1/annual-reports/2025?center=nowhere', 404, 'NOT_FOUND'],
      ['/api/v1/annual-reports?center=nowhere', 404, 'NOT_FOUND'],
      ['/api/v1/annual-reports/2025?center=hn&format=pdf', 400, 'VALIDATION_FAILED'],
      ['/api/v1/annual-reports/2022?center=hn', 404, 'ANNUAL_REPORT_NOT_FOUND'],
      ['/api/v1/annual-reports/2023?center=hn', 404, 'ANNUAL_REPORT_NOT_FOUND'],
    ];
    for (const [url, status, code] of cases) {
      const res = await sys.app.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(status);
      expect(res.json().error.code, url).toBe(code);
      expect(res.json().error.message, url).toMatch(/[\u4e00-\u9fff]/);
    }
    const page = await admin.get(`/admin/c/${hn.center.id}/annual-reports/20x5`);
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('年度：应为');
    expect((await admin.get(`/admin/c/${hn.center.id}/annual-reports/2021`)).statusCode).toBe(404);
    expect((await admin.get(`/admin/c/${hn.center.id}/annual-reports/2025/document?format=exe`)).statusCode).toBe(400);
  });
});
