import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/audit/audit.tables.ts';
import { calendarChanges, calendarYears } from '../../src/calendar/calendar.tables.ts';
import { changeCalendarYear } from '../../src/calendar/operations/change-year.ts';
import { outbox } from '../../src/publishing/publishing.tables.ts';
import { AppError } from '../../src/platform/errors.ts';
import { Agent, loginAs } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';

let sys: TestSystem;
let hn: CenterFixture;
let cs: CenterFixture;
let admin: Agent;
let url: string;

// The 2027 arrangement as an administrator would type it (dates as in the expected notice; the source is made up).
const SOURCE = '国办发明电〔2026〕X号';
const LINES_2027 = ['# 关于2027年部分节假日安排的通知', '2027-01-01 至 2027-01-03 元旦', '2027-02-06 至 2027-02-13 春节', '2027-02-14 春节调休上班'].join('\n');

beforeAll(async () => {
  sys = await startTestSystem();
  hn = await makeCenter(sys.ctx, { code: 'hn' });
  cs = await makeCenter(sys.ctx, { code: 'cs', parentId: hn.center.id });
  admin = await loginAs(sys.app.app, hn.users.admin, sys.clock);
  url = `/admin/c/${hn.center.id}/calendar`;
});
afterAll(async () => sys?.close());

const provisionalAnswer = async () => (await new Agent(sys.app.app).get('/api/v1/calendar/working-days?from=2026-12-15&add=40')).json() as { date: string; provisional: boolean };

describe('who may keep the calendar', () => {
  it('refuses a center that is not the root: the calendar is national and kept by the province', async () => {
    const csAdmin = await loginAs(sys.app.app, cs.users.admin, sys.clock);
    const page = await csAdmin.get(`/admin/c/${cs.center.id}/calendar`);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('工作日历全国统一，由hn公共资源交易中心维护');
    const post = await csAdmin.post(`/admin/c/${cs.center.id}/calendar`, { year: '2027', source: SOURCE, days: LINES_2027, intent: 'save' });
    expect(post.statusCode).toBe(404);
    expect(await sys.ctx.db.select().from(calendarYears).where(eq(calendarYears.year, 2027))).toEqual([]);
    expect((await csAdmin.get(`/admin/c/${cs.center.id}`)).body).not.toContain('/calendar"');
    expect((await admin.get(`/admin/c/${hn.center.id}`)).body).toContain(`href="${url}"`);
  });

  it('refuses staff of the root center without site.manage', async () => {
    const editor = await loginAs(sys.app.app, hn.users.editor, sys.clock);
    expect((await editor.get(url)).statusCode).toBe(403);
    expect((await editor.post(url, { year: '2027', source: SOURCE, days: LINES_2027, intent: 'save' })).statusCode).toBe(403);
  });
});

describe('the calendar page', () => {
  it('lists the known years and shows a year’s days, with the form filled in the text format for a replacement', async () => {
    const res = await admin.get(`${url}?year=2026`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('chinese-days 1.5.7');
    expect(res.body).toContain('国庆节调休上班');
    expect(res.body).toContain('2026-10-01 至 2026-10-07 国庆节');
    expect(res.body).toContain('替换 2026 年的安排');
    const next = await admin.get(url);
    expect(next.body).toContain('2027 年的节假日安排尚未录入');
    expect(next.body).toContain('录入 2027 年的安排');
  });

  it('refuses a bad line naming it, keeps what was typed, and stores nothing', async () => {
    const typed = `${LINES_2027}\n2027-02-15 春节调休上班`;
    const res = await admin.post(url, { year: '2027', source: SOURCE, days: typed, intent: 'save', expectedVersion: '0' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('第 5 行：2027-02-15 是周一，调休上班日应为周六或周日');
    expect(res.body).toContain('2027-02-06 至 2027-02-13 春节');
    expect(res.body).toContain(SOURCE);
    expect(res.body).toContain('class="error-summary"');
    const noSource = await admin.post(url, { year: '2027', source: '', days: LINES_2027, intent: 'save' });
    expect(noSource.statusCode).toBe(400);
    expect(noSource.body).toContain('依据：请填写');
    expect(await sys.ctx.db.select().from(calendarYears).where(eq(calendarYears.year, 2027))).toEqual([]);
  });

  it('keeps and explains a year to show that is not one', async () => {
    const res = await admin.get(`${url}?year=20x7`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('value="20x7"');
    expect(res.body).toContain('年份：应为 1990 到 2100 之间的四位整数');
  });

  it('previews without saving', async () => {
    const res = await admin.post(url, { year: '2027', source: SOURCE, days: LINES_2027, intent: 'preview', expectedVersion: '0' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('预览（尚未保存）');
    expect(res.body).toContain('新增 12 天');
    expect(await sys.ctx.db.select().from(calendarYears).where(eq(calendarYears.year, 2027))).toEqual([]);
  });
});

describe('entering the 2027 arrangement', () => {
  it('turns a provisional 2027 answer into a final one that moves, keeps the change and audits it', async () => {
    expect(await provisionalAnswer()).toMatchObject({ date: '2027-02-09', provisional: true });
    const res = await admin.post(url, { year: '2027', source: SOURCE, days: LINES_2027, intent: 'save', expectedVersion: '0' });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const done = await admin.get(res.headers.location ?? '');
    expect(done.body).toContain('已更新 2027 年的节假日安排（第 1 版）；0 件办理中的申请答复期限随之调整');
    expect(done.body).toContain('2027-02-14');

    // 元旦 (Fri 01-01) and the five 春节 weekdays no longer count; the make-up Sunday 02-14 does.
    expect(await provisionalAnswer()).toEqual({ date: '2027-02-16', provisional: false, skipped: expect.any(Array) });

    const [change] = await sys.ctx.db.select().from(calendarChanges).where(eq(calendarChanges.year, 2027));
    expect(change).toMatchObject({ version: 1, source: SOURCE, before: [], casesMoved: 0, changedBy: hn.users.admin.id });
    expect(change?.after).toHaveLength(12);
    expect(change?.after).toContainEqual({ day: '2027-02-14', isWorkingDay: true, name: '春节调休上班' });
    const audit = await sys.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'calendar.change_year'), eq(auditEvents.targetId, '2027')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: hn.users.admin.id, centerId: hn.center.id, targetType: 'calendar_year' });
    expect(audit[0]?.details).toMatchObject({ source: SOURCE, version: 1, changeId: change?.id, added: 12 });
    const events = await sys.ctx.db.select().from(outbox).where(eq(outbox.event, 'calendar.changed'));
    expect(events.map((e) => e.payload)).toEqual([{ year: 2027, version: 1, changeId: change?.id }]);
  });

  it('refuses a replacement based on an older version, keeping the typed text, then takes it on the current one', async () => {
    const typed = LINES_2027.replace('2027-01-01 至 2027-01-03 元旦', '2027-01-01 元旦');
    const stale = await admin.post(url, { year: '2027', source: SOURCE, days: typed, intent: 'save', expectedVersion: '0' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('在您编辑期间已被修改');
    expect(stale.body).toContain('2027-01-01 元旦');
    const ok = await admin.post(url, { year: '2027', source: SOURCE, days: typed, intent: 'save', expectedVersion: '1' });
    expect(ok.statusCode).toBe(303);
    const page = await admin.get(ok.headers.location ?? '');
    expect(page.body).toContain('第 2 版');
    expect(page.body).toContain('新增 0 天，删除 2 天，修改 0 天'); // the history row of version 2
    expect(page.body).toContain('新增 12 天，删除 0 天，修改 0 天'); // and of version 1
  });

  it('is one call for other channels and tests, with the same checks', async () => {
    const actor = { userId: hn.users.admin.id, name: '测试', ip: '127.0.0.1', userAgent: 'vitest' };
    const r = await changeCalendarYear(sys.ctx, actor, { year: 2028, source: '测试来源', days: [{ day: '2028-01-01', isWorkingDay: false, name: '元旦' }] });
    expect(r).toMatchObject({ year: 2028, version: 1, casesMoved: 0 });
    const bad = changeCalendarYear(sys.ctx, actor, { year: 2028, source: '测试来源', days: [{ day: '2028-01-03', isWorkingDay: true, name: '元旦调休上班' }] });
    await expect(bad).rejects.toBeInstanceOf(AppError);
    await expect(bad).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const years = (await new Agent(sys.app.app).get('/api/v1/calendar/years')).json() as { items: { year: number; version: number }[] };
    expect(years.items.slice(-2)).toEqual([expect.objectContaining({ year: 2027, version: 2 }), expect.objectContaining({ year: 2028, version: 1 })]);
  });
});
