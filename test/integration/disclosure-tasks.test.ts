import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../src/accounts/accounts.repo.ts';
import { auditEvents } from '../../src/audit/audit.tables.ts';
import { insertDepartment } from '../../src/centers/centers.repo.ts';
import { formatDate } from '../../src/platform/dates.ts';
import { addDays, daysBetween } from '../../src/reports/publishing-stats.period.ts';
import { disclosureTasks } from '../../src/reports/tasks/disclosure-tasks.tables.ts';
import { periodContaining, previousPeriod } from '../../src/reports/tasks/task-periods.ts';
import { Agent, loginAs } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture, type Staff } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';
import { publishArticle } from '../helpers/publish.ts';

let sys: TestSystem;
let sy: CenterFixture;
let other: CenterFixture;
let trade: Staff;
let tradeDeptId: number;
let infoDeptId: number;
let admin: Agent;
let editor: Agent;
let today: string;

const base = () => `/admin/c/${sy.center.id}/disclosure-tasks`;

async function taskId(title: string): Promise<number> {
  const [t] = await sys.ctx.db.select().from(disclosureTasks).where(eq(disclosureTasks.title, title));
  if (!t) throw new Error(`no task ${title}`);
  return t.id;
}

async function create(form: Record<string, string>) {
  return admin.post(base(), form);
}

beforeAll(async () => {
  sys = await startTestSystem();
  const { ctx } = sys;
  sy = await makeCenter(ctx, { code: 'sy', name: '邵阳市公共资源交易中心' });
  other = await makeCenter(ctx, { code: 'hh', name: '怀化市公共资源交易中心' });
  infoDeptId = sy.users.editor.departmentId ?? 0;
  const dept = await insertDepartment(ctx.db, { centerId: sy.center.id, name: '交易服务科' });
  tradeDeptId = dept.id;
  const u = await insertUser(ctx.db, { username: 'sy.trade', displayName: '交易服务科信息员', homeCenterId: sy.center.id, departmentId: dept.id, passwordHash: 'x' });
  trade = { ...u, totpSecret: null };
  today = formatDate(sys.clock.now());
  admin = await loginAs(sys.app.app, sy.users.admin, sys.clock);
  editor = await loginAs(sys.app.app, sy.users.editor, sys.clock);
  const prev = previousPeriod('monthly', periodContaining('monthly', today));
  const common = { startsOn: prev.from, officerId: String(sy.users.editor.id), departmentId: String(infoDeptId) };
  for (const [title, form] of [
    ['每月更新工作动态', { ...common, columnId: String(sy.columns.news.id), cadence: 'monthly' }],
    ['每月更新通知公告', { ...common, columnId: String(sy.columns.notice.id), cadence: 'monthly' }],
    ['每季度更新工作动态（交易服务科）', { departmentId: String(tradeDeptId), officerId: String(trade.id), columnId: String(sy.columns.news.id), cadence: 'quarterly', startsOn: today }],
    ['限期发布交易须知', { departmentId: String(tradeDeptId), officerId: String(trade.id), columnId: String(sy.columns.notice.id), cadence: 'once', startsOn: today, dueOn: addDays(today, 10) }],
    ['限期更新办事指南', { departmentId: String(tradeDeptId), officerId: String(trade.id), columnId: String(sy.columns.guide.id), cadence: 'once', startsOn: addDays(today, -10), dueOn: addDays(today, -1) }],
  ] as const) {
    const res = await create({ title, ...form });
    if (res.statusCode !== 303) throw new Error(`create ${title}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
  // 信息部 published a notice last month and this month; 交易服务科 a news item this month (not 信息部's).
  await publishArticle(ctx, sy, sy.columns.notice, { title: '上月的通知' }, new Date(`${prev.to}T10:00:00+08:00`));
  await publishArticle(ctx, sy, sy.columns.notice, { title: '本月的通知' });
  await publishArticle(ctx, { ...sy, users: { ...sy.users, editor: trade } }, sy.columns.news, { title: '交易服务科动态' });
});
afterAll(async () => sys?.close());

describe('the task list', () => {
  it('lists each task with its current state, the overdue ones first', async () => {
    const res = await editor.get(base());
    expect(res.statusCode).toBe(200);
    const prev = previousPeriod('monthly', periodContaining('monthly', today));
    const overdue = res.body.slice(res.body.indexOf('id="overdue"'), res.body.indexOf('全部任务'));
    expect(overdue).toContain('逾期任务（2 项）');
    // The news task of 信息部 is not fulfilled by 交易服务科's news item.
    expect(overdue).toContain(`已逾期：${prev.label}未更新（逾期 ${daysBetween(prev.to, today)} 天），本期尚未完成`);
    expect(overdue).toContain('已逾期 1 天');
    const all = res.body.slice(res.body.indexOf('全部任务'));
    const order = ['每月更新工作动态', '限期更新办事指南', '限期发布交易须知', '每季度更新工作动态（交易服务科）', '每月更新通知公告'].map((t) => all.indexOf(`<th scope="row">${t}</th>`));
    expect(order.every((i) => i >= 0)).toBe(true);
    // Overdue first, then the one due, then the done ones (交易服务科's news item fulfils its own quarterly task)
    const [a, e, d, c, b] = order as [number, number, number, number, number];
    expect(Math.max(a, e)).toBeLessThan(d);
    expect(d).toBeLessThan(Math.min(c, b));
    expect(all).toContain('10 天后到期');
    expect(all).toMatch(/已完成（\d{4}-\d{2}-\d{2} 发布）/);
    expect(all).toContain('<th scope="row">交易服务科</th><td>3</td><td>1</td><td>1</td><td class="overdue">1</td>');
    // Editors read but do not manage
    expect(res.body).not.toContain('新建任务');
  });

  it('shows the count of overdue tasks on the dashboard to site.manage holders only', async () => {
    const a = await admin.get(`/admin/c/${sy.center.id}`);
    expect(a.body).toContain('公开任务已逾期：2 项');
    const e = await editor.get(`/admin/c/${sy.center.id}`);
    expect(e.statusCode).toBe(200);
    expect(e.body).not.toContain('公开任务已逾期');
  });
});

describe('creating, editing and deleting', () => {
  it('audits the creation in the same transaction', async () => {
    const id = await taskId('每月更新工作动态');
    const [event] = await sys.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'disclosure_task.create'), eq(auditEvents.targetId, String(id))));
    expect(event?.actorId).toBe(sy.users.admin.id);
    expect(event?.details).toMatchObject({ title: '每月更新工作动态' });
  });

  it('refuses a bad form with 400 and the field named in Chinese, keeping what was typed', async () => {
    const res = await create({ title: '年度报告', departmentId: String(tradeDeptId), officerId: String(sy.users.editor.id), columnId: String(sy.columns.notice.id), cadence: 'once', dueOn: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('信息员：须为责任部门的工作人员');
    expect(res.body).toContain('完成期限：一次性任务必须填写完成期限');
    expect(res.body).toContain('value="年度报告"');
    const other2 = await create({ title: '别处的栏目', departmentId: String(infoDeptId), officerId: String(sy.users.editor.id), columnId: String(other.columns.news.id), cadence: 'monthly' });
    expect(other2.statusCode).toBe(400);
    expect(other2.body).toContain('栏目：请选择本中心的栏目');
    const badDate = await create({ title: '日期', departmentId: String(infoDeptId), officerId: String(sy.users.editor.id), columnId: String(sy.columns.news.id), cadence: 'monthly', startsOn: '2026-13-01' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.body).toContain('起计日期：格式应为');
  });

  it('edits a task unless someone saved it in between, and audits the edit', async () => {
    const id = await taskId('每月更新通知公告');
    const form = await admin.get(`${base()}/${id}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="lockVersion" value="0"');
    const fields = { title: '每月更新通知公告（已调整）', departmentId: String(infoDeptId), officerId: String(sy.users.editor.id), columnId: String(sy.columns.notice.id), cadence: 'quarterly', startsOn: today, lockVersion: '0' };
    const ok = await admin.post(`${base()}/${id}`, fields);
    expect(ok.statusCode).toBe(303);
    const stale = await admin.post(`${base()}/${id}`, { ...fields, title: '又改了一次' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('该任务已被他人修改');
    const [t] = await sys.ctx.db.select().from(disclosureTasks).where(eq(disclosureTasks.id, id));
    expect([t?.title, t?.cadence, t?.lockVersion]).toEqual(['每月更新通知公告（已调整）', 'quarterly', 1]);
    const events = await sys.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'disclosure_task.update'), eq(auditEvents.targetId, String(id))));
    expect(events).toHaveLength(1);
    expect(events[0]?.beforeDigest).not.toBe(events[0]?.afterDigest);
  });

  it('deletes a task and keeps what it was in the audit log', async () => {
    const id = await taskId('限期发布交易须知');
    const res = await admin.post(`${base()}/${id}/delete`, {});
    expect(res.statusCode).toBe(303);
    expect(await sys.ctx.db.select().from(disclosureTasks).where(eq(disclosureTasks.id, id))).toHaveLength(0);
    const [event] = await sys.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'disclosure_task.delete'), eq(auditEvents.targetId, String(id))));
    expect(event?.details).toMatchObject({ title: '限期发布交易须知', cadence: 'once' });
    expect((await admin.post(`${base()}/${id}/delete`, {})).statusCode).toBe(404);
  });
});

describe('access', () => {
  it('lets editors read but not create, edit or delete', async () => {
    const id = await taskId('每月更新工作动态');
    expect((await editor.get(`${base()}/new`)).statusCode).toBe(403);
    expect((await editor.get(`${base()}/${id}`)).statusCode).toBe(403);
    expect((await editor.post(base(), { title: 'x' })).statusCode).toBe(403);
    expect((await editor.post(`${base()}/${id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await editor.post(`${base()}/${id}/delete`, {})).statusCode).toBe(403);
  });

  it("never lets another center's admin reach a task, through either center's URL", async () => {
    const id = await taskId('每月更新工作动态');
    const otherAdmin = await loginAs(sys.app.app, other.users.admin, sys.clock);
    expect((await otherAdmin.get(base())).statusCode).toBe(403);
    expect((await otherAdmin.get(`/admin/c/${other.center.id}/disclosure-tasks/${id}`)).statusCode).toBe(404);
    expect((await otherAdmin.post(`/admin/c/${other.center.id}/disclosure-tasks/${id}/delete`, {})).statusCode).toBe(404);
    expect((await otherAdmin.post(`/admin/c/${other.center.id}/disclosure-tasks/${id}`, { title: '改别人的', lockVersion: '0' })).statusCode).toBe(404);
    const [t] = await sys.ctx.db.select().from(disclosureTasks).where(eq(disclosureTasks.id, id));
    expect(t?.title).toBe('每月更新工作动态');
    const anon = await new Agent(sys.app.app).get(base());
    expect(anon.statusCode).toBe(303);
  });
});
