import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findArticle } from '../../src/content/articles.repo.ts';
import { listRunsOfArticle, listTasksOfRuns } from '../../src/review/review.repo.ts';
import { Agent, loginAs } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';

let sys: TestSystem;
let hn: CenterFixture;

beforeAll(async () => {
  sys = await startTestSystem();
  hn = await makeCenter(sys.ctx, { code: 'hn' });
});
afterAll(async () => sys?.close());

async function draft(agent: Agent, title: string, extra: Record<string, string> = {}): Promise<number> {
  const cid = hn.center.id;
  const res = await agent.post(`/admin/c/${cid}/articles`, { columnId: String(hn.columns.notice.id), title, bodyHtml: '<p>根据工作安排，现将有关事项通知如下。</p>', intent: 'save', ...extra });
  expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
  const id = Number(/articles\/(\d+)/.exec(res.headers.location ?? '')?.[1]);
  expect(id).toBeGreaterThan(0);
  return id;
}

async function pendingTaskId(articleId: number): Promise<number> {
  const runs = await listRunsOfArticle(sys.ctx.db, articleId);
  const tasks = await listTasksOfRuns(sys.ctx.db, runs.map((r) => r.id));
  const t = tasks.find((x) => x.status === 'pending');
  if (!t) throw new Error('no pending task');
  return t.id;
}

async function decide(agent: Agent, taskId: number, verdict: 'approve' | 'reject', comment = '') {
  const page = await agent.get(`/admin/c/${hn.center.id}/reviews/${taskId}`);
  const hash = /name="revisionHash" value="([0-9a-f]+)"/.exec(page.body)?.[1] ?? '';
  return agent.post(`/admin/c/${hn.center.id}/reviews/${taskId}/${verdict}`, { revisionHash: hash, comment });
}

describe('the four-level review chain', () => {
  it('publishes after 初审 → 核稿 → 审阅 → 审定, restarting at the rejecting step after a rejection', async () => {
    const cid = hn.center.id;
    const editor = await loginAs(sys.app.app, hn.users.editor, sys.clock);
    const id = await draft(editor, '关于调整交易服务大厅办公时间的通知');
    const before = await findArticle(sys.ctx.db, id);
    expect((await editor.post(`/admin/c/${cid}/articles/${id}/submit`, { lockVersion: String(before?.lockVersion) })).statusCode).toBe(303);

    const head = await loginAs(sys.app.app, hn.users.head, sys.clock);
    expect((await decide(head, await pendingTaskId(id), 'approve')).statusCode).toBe(303);
    const office = await loginAs(sys.app.app, hn.users.office2, sys.clock);
    const rejected = await decide(office, await pendingTaskId(id), 'reject', '请补充具体的执行日期');
    expect(rejected.statusCode).toBe(303);
    expect((await findArticle(sys.ctx.db, id))?.reviewState).toBe('rejected');

    // The drafter edits and resubmits: the chain resumes at 综合部核稿, not at 初审.
    const a = await findArticle(sys.ctx.db, id);
    const saved = await editor.post(`/admin/c/${cid}/articles/${id}`, { lockVersion: String(a?.lockVersion), title: '关于调整交易服务大厅办公时间的通知', bodyHtml: '<p>自2026年12月1日起执行。</p>', intent: 'submit' });
    expect(saved.statusCode, saved.body.slice(0, 300)).toBe(303);
    const runs = await listRunsOfArticle(sys.ctx.db, id);
    const tasks = await listTasksOfRuns(sys.ctx.db, runs.map((r) => r.id));
    expect(tasks.find((t) => t.status === 'pending')?.stepName).toBe('综合部核稿');

    expect((await decide(office, await pendingTaskId(id), 'approve')).statusCode).toBe(303);
    const leader = await loginAs(sys.app.app, hn.users.leader, sys.clock);
    expect((await decide(leader, await pendingTaskId(id), 'approve')).statusCode).toBe(303);
    const director = await loginAs(sys.app.app, hn.users.director, sys.clock);
    const last = await decide(director, await pendingTaskId(id), 'approve');
    expect(last.headers.location).toContain('done=published');

    const published = await findArticle(sys.ctx.db, id);
    expect(published?.status).toBe('published');
    expect(published?.indexNo).toMatch(/^12430000TESTHN\/\d{4}-00001$/);
    const page = await new Agent(sys.app.app).get(`/art/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('自2026年12月1日起执行');
  });

  it('refuses a rejection without a comment, naming the field, and keeps the task pending', async () => {
    const cid = hn.center.id;
    const editor = await loginAs(sys.app.app, hn.users.editor, sys.clock);
    const id = await draft(editor, '关于开展岗位练兵活动的通知');
    const a = await findArticle(sys.ctx.db, id);
    await editor.post(`/admin/c/${cid}/articles/${id}/submit`, { lockVersion: String(a?.lockVersion) });
    const head = await loginAs(sys.app.app, hn.users.head, sys.clock);
    const res = await decide(head, await pendingTaskId(id), 'reject', '');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('退回意见');
    expect((await findArticle(sys.ctx.db, id))?.reviewState).toBe('in_review');
  });

  it('voids the approvals when the drafter edits an item under review', async () => {
    const cid = hn.center.id;
    const editor = await loginAs(sys.app.app, hn.users.editor, sys.clock);
    const id = await draft(editor, '关于公布2026年度中心工作要点的通知');
    let a = await findArticle(sys.ctx.db, id);
    await editor.post(`/admin/c/${cid}/articles/${id}/submit`, { lockVersion: String(a?.lockVersion) });
    const head = await loginAs(sys.app.app, hn.users.head, sys.clock);
    const taskId = await pendingTaskId(id);
    const page = await head.get(`/admin/c/${cid}/reviews/${taskId}`);
    const staleHash = /name="revisionHash" value="([0-9a-f]+)"/.exec(page.body)?.[1] ?? '';
    a = await findArticle(sys.ctx.db, id);
    await editor.post(`/admin/c/${cid}/articles/${id}`, { lockVersion: String(a?.lockVersion), title: '关于公布2026年度中心工作要点的通知', bodyHtml: '<p>改过的正文</p>', intent: 'save' });
    const res = await head.post(`/admin/c/${cid}/reviews/${taskId}/approve`, { revisionHash: staleHash });
    expect(res.statusCode).toBe(409);
    const runs = await listRunsOfArticle(sys.ctx.db, id);
    expect(runs.at(-1)?.status).toBe('void');
    expect((await findArticle(sys.ctx.db, id))?.reviewState).toBe('none');
  });

  it('lets only one of two racing reviewers of a group act on a task', async () => {
    const cid = hn.center.id;
    const editor = await loginAs(sys.app.app, hn.users.editor, sys.clock);
    const id = await draft(editor, '关于交易系统升级维护的公告');
    const a = await findArticle(sys.ctx.db, id);
    await editor.post(`/admin/c/${cid}/articles/${id}/submit`, { lockVersion: String(a?.lockVersion) });
    const head = await loginAs(sys.app.app, hn.users.head, sys.clock);
    await decide(head, await pendingTaskId(id), 'approve');
    const o1 = await loginAs(sys.app.app, hn.users.office1, sys.clock);
    const o2 = await loginAs(sys.app.app, hn.users.office2, sys.clock);
    const taskId = await pendingTaskId(id);
    const [r1, r2] = await Promise.all([decide(o1, taskId, 'approve'), decide(o2, taskId, 'approve')]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([303, 409]);
    const again = await decide(o1, taskId, 'approve');
    expect(again.statusCode).toBe(409);
  });

  it('refuses self-approval: the author cannot review their own item even holding the reviewer role', async () => {
    const cid = hn.center.id;
    // The department head drafts (give them the editor role) — the first step resolves to nobody else.
    const { insertGrant } = await import('../../src/accounts/accounts.repo.ts');
    await insertGrant(sys.ctx.db, { userId: hn.users.head.id, centerId: cid, role: 'editor' });
    const head = await loginAs(sys.app.app, hn.users.head, sys.clock);
    const id = await draft(head, '关于中心内部管理制度修订的说明');
    const a = await findArticle(sys.ctx.db, id);
    const res = await head.post(`/admin/c/${cid}/articles/${id}/submit`, { lockVersion: String(a?.lockVersion) });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('没有可处理的审核人');
  });

  it('lets the system admin configure a two-step chain for one column, which its items then follow', async () => {
    const cid = hn.center.id;
    const admin = await loginAs(sys.app.app, hn.users.admin, sys.clock);
    const bad = await admin.post(`/admin/c/${cid}/review-settings/chains`, { name: '', step1_name: '核稿', step1_assignee: 'nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('流程名称');
    expect(bad.body).toContain('第 1 步审核人');
    const { reviewGroups } = await import('../../src/accounts/accounts.tables.ts');
    const groups = await sys.ctx.db.select().from(reviewGroups);
    const office = groups.find((g) => g.centerId === cid && g.name === '综合部');
    const ok = await admin.post(`/admin/c/${cid}/review-settings/chains`, { name: '两级审核', step1_name: '综合部核稿', step1_assignee: `group:${office?.id}`, step2_name: '分管领导审定', step2_assignee: 'dept_leader' });
    expect(ok.statusCode).toBe(303);
    const { listChains } = await import('../../src/review/review.repo.ts');
    const chain = (await listChains(sys.ctx.db, cid)).find((c) => c.name === '两级审核');
    expect(chain?.steps.map((x) => x.name)).toEqual(['综合部核稿', '分管领导审定']);
    expect((await admin.post(`/admin/c/${cid}/columns/${hn.columns.news.id}`, { reviewChainId: String(chain?.id) })).statusCode).toBe(303);

    const editor = await loginAs(sys.app.app, hn.users.editor, sys.clock);
    const res = await editor.post(`/admin/c/${cid}/articles`, { columnId: String(hn.columns.news.id), title: '中心开展业务培训', bodyHtml: '<p>培训。</p>', intent: 'submit' });
    const id = Number(/articles\/(\d+)/.exec(res.headers.location ?? '')?.[1]);
    const office1 = await loginAs(sys.app.app, hn.users.office1, sys.clock);
    expect((await decide(office1, await pendingTaskId(id), 'approve')).statusCode).toBe(303);
    const leader = await loginAs(sys.app.app, hn.users.leader, sys.clock);
    const last = await decide(leader, await pendingTaskId(id), 'approve');
    expect(last.headers.location).toContain('done=published');
  });
});
