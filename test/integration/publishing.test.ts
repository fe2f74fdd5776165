import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findArticle, listPublishedVersions, updateArticle } from '../../src/content/articles.repo.ts';
import { publishDue } from '../../src/publishing/publishing.jobs.ts';
import { listLogEntriesOfItem, verifyLeaf } from '../../src/publishing/publication-log.ts';
import { listRunsOfArticle, listTasksOfRuns } from '../../src/review/review.repo.ts';
import { toDateTimeLocal } from '../../src/platform/dates.ts';
import { Agent, loginAs } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';
import { publishArticle } from '../helpers/publish.ts';

let sys: TestSystem;
let hn: CenterFixture;

beforeAll(async () => {
  sys = await startTestSystem();
  hn = await makeCenter(sys.ctx, { code: 'hn' });
});
afterAll(async () => sys?.close());

async function approveAll(articleId: number) {
  const cid = hn.center.id;
  for (const who of ['head', 'office1', 'leader', 'director'] as const) {
    const agent = await loginAs(sys.app.app, hn.users[who], sys.clock);
    const runs = await listRunsOfArticle(sys.ctx.db, articleId);
    const task = (await listTasksOfRuns(sys.ctx.db, runs.map((r) => r.id))).find((t) => t.status === 'pending');
    if (!task) throw new Error('no pending task');
    const res = await agent.post(`/admin/c/${cid}/reviews/${task.id}/approve`, { revisionHash: task.revisionHash });
    if (res.statusCode !== 303) throw new Error(`approve failed: ${res.body.slice(0, 300)}`);
  }
}

describe('corrections and withdrawals', () => {
  it('publishes a correction as a new version with a visible 更正 note, keeping published_at and the first version', async () => {
    const cid = hn.center.id;
    const id = await publishArticle(sys.ctx, hn, hn.columns.notice, { title: '关于2026年第一批评标专家培训的通知', bodyHtml: '<p>培训时间为5月8日。</p>' }, new Date('2026-05-01T02:00:00Z'));
    const first = await findArticle(sys.ctx.db, id);
    const editor = await loginAs(sys.app.app, hn.users.editor, sys.clock);
    expect((await editor.post(`/admin/c/${cid}/articles/${id}/correct`, { lockVersion: String(first?.lockVersion) })).statusCode).toBe(303);
    // The public still sees the published text while the correction is drafted.
    expect((await new Agent(sys.app.app).get(`/art/${id}`)).body).toContain('培训时间为5月8日');
    const draft = await findArticle(sys.ctx.db, id);
    const noNote = await editor.post(`/admin/c/${cid}/articles/${id}`, { lockVersion: String(draft?.lockVersion), title: '关于2026年第一批评标专家培训的通知', bodyHtml: '<p>培训时间为5月10日。</p>', correctionNote: '', intent: 'submit' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.body).toContain('更正说明');
    expect(noNote.body).toContain('培训时间为5月10日'); // what the user typed is kept
    const draft2 = await findArticle(sys.ctx.db, id);
    const ok = await editor.post(`/admin/c/${cid}/articles/${id}`, { lockVersion: String(draft2?.lockVersion), title: '关于2026年第一批评标专家培训的通知', bodyHtml: '<p>培训时间为5月10日。</p>', correctionNote: '更正：培训时间由5月8日更正为5月10日。', intent: 'submit' });
    expect(ok.statusCode, ok.body.slice(0, 400)).toBe(303);
    await approveAll(id);
    const after = await findArticle(sys.ctx.db, id);
    expect(after?.publishedAt?.toISOString()).toBe(first?.publishedAt?.toISOString());
    expect(after?.indexNo).toBe(first?.indexNo);
    const versions = await listPublishedVersions(sys.ctx.db, id);
    expect(versions.map((v) => v.publishedVersionNo)).toEqual([1, 2]);
    const page = await new Agent(sys.app.app).get(`/art/${id}`);
    expect(page.body).toContain('培训时间为5月10日');
    expect(page.body).toContain('更正：培训时间由5月8日更正为5月10日。');
    const log = await listLogEntriesOfItem(sys.ctx.db, 'article', id);
    expect(log.map((e) => e.action)).toEqual(['publish', 'correct']);
    expect(log.every(verifyLeaf)).toBe(true);
  });

  it('refuses to edit a published article in place', async () => {
    const id = await publishArticle(sys.ctx, hn, hn.columns.news, { title: '中心召开年度工作会议' });
    const a = await findArticle(sys.ctx.db, id);
    const editor = await loginAs(sys.app.app, hn.users.editor, sys.clock);
    const res = await editor.post(`/admin/c/${hn.center.id}/articles/${id}`, { lockVersion: String(a?.lockVersion), title: '改标题', bodyHtml: '<p>x</p>', intent: 'save' });
    expect(res.statusCode).toBe(409);
    expect((await findArticle(sys.ctx.db, id))?.title).toBe('中心召开年度工作会议');
  });

  it('withdraws with a public reason: the URL then says withdrawn and when, and search no longer finds it', async () => {
    const id = await publishArticle(sys.ctx, hn, hn.columns.news, { title: '撤稿测试专用的唯一标题甲乙丙' });
    const admin = await loginAs(sys.app.app, hn.users.admin, sys.clock);
    expect((await admin.post(`/admin/c/${hn.center.id}/articles/${id}/withdraw`, { reason: '信息有误，已撤回核实' })).statusCode).toBe(303);
    const page = await new Agent(sys.app.app).get(`/art/${id}`);
    expect(page.statusCode).toBe(410);
    expect(page.body).toContain('撤稿');
    expect(page.body).toContain('信息有误，已撤回核实');
    const search = await new Agent(sys.app.app).get(`/api/v1/articles?q=${encodeURIComponent('甲乙丙')}`);
    expect(JSON.parse(search.body).total).toBe(0);
  });

  it('lets a center admin force-publish in an emergency, marked on the item and audited', async () => {
    const editor = await loginAs(sys.app.app, hn.users.editor, sys.clock);
    const res = await editor.post(`/admin/c/${hn.center.id}/articles`, { columnId: String(hn.columns.notice.id), title: '关于网传不实信息的澄清说明', bodyHtml: '<p>特此澄清。</p>', intent: 'submit' });
    const id = Number(/articles\/(\d+)/.exec(res.headers.location ?? '')?.[1]);
    const admin = await loginAs(sys.app.app, hn.users.admin, sys.clock);
    const short = await admin.post(`/admin/c/${hn.center.id}/articles/${id}/force-publish`, { reason: '' });
    expect(short.statusCode).toBe(400);
    expect((await admin.post(`/admin/c/${hn.center.id}/articles/${id}/force-publish`, { reason: '舆情应对，须立即澄清' })).statusCode).toBe(303);
    const a = await findArticle(sys.ctx.db, id);
    expect(a?.status).toBe('published');
    expect(a?.isForcePublished).toBe(true);
    expect((await new Agent(sys.app.app).get(`/art/${id}`)).body).toContain('紧急发布');
    const runs = await listRunsOfArticle(sys.ctx.db, id);
    expect(runs.at(-1)?.status).toBe('void');
  });

  it('schedules an approved article for its go-live time and publishes it when the job runs', async () => {
    const editor = await loginAs(sys.app.app, hn.users.editor, sys.clock);
    const goLive = new Date(sys.clock.now().getTime() + 3 * 3600_000);
    const res = await editor.post(`/admin/c/${hn.center.id}/articles`, { columnId: String(hn.columns.notice.id), title: '关于元旦假期交易安排的通知', bodyHtml: '<p>安排如下。</p>', goLiveAt: toDateTimeLocal(goLive), intent: 'submit' });
    const id = Number(/articles\/(\d+)/.exec(res.headers.location ?? '')?.[1]);
    await approveAll(id);
    expect((await findArticle(sys.ctx.db, id))?.status).toBe('scheduled');
    expect(await publishDue(sys.ctx)).toBe(0);
    sys.clock.advance(3 * 3600_000 + 60_000);
    expect(await publishDue(sys.ctx)).toBe(1);
    const a = await findArticle(sys.ctx.db, id);
    expect(a?.status).toBe('published');
    expect(Math.abs((a?.publishedAt?.getTime() ?? 0) - sys.clock.now().getTime())).toBeLessThan(5000);
  });

  it('never changes published_at once set, whatever path publishes again', async () => {
    const id = await publishArticle(sys.ctx, hn, hn.columns.news, { title: '发布时间不可回改测试' }, new Date('2026-01-05T01:00:00Z'));
    await updateArticle(sys.ctx.db, id, { pendingCorrection: true });
    const { publishWorkingRevision } = await import('../../src/publishing/publish-revision.ts');
    await sys.ctx.db.transaction(async (tx) => {
      const a = await findArticle(tx, id);
      if (!a) throw new Error('missing');
      await publishWorkingRevision(tx, { article: a, actor: { userId: null, name: 't', ip: '', userAgent: '' }, now: new Date('2026-03-01T01:00:00Z'), isForced: false, indexPrefix: 'X' });
    });
    expect((await findArticle(sys.ctx.db, id))?.publishedAt?.toISOString()).toBe('2026-01-05T01:00:00.000Z');
  });

  it('keeps the publication log append-only', async () => {
    await expect(sys.ctx.db.execute(sql`update publication_log set leaf_hash = 'x'`)).rejects.toThrow();
    await expect(sys.ctx.db.execute(sql`delete from publication_log`)).rejects.toThrow();
  });
});
