import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';
import { publishArticle } from '../helpers/publish.ts';
import { loadSiteHealth } from '../../src/reports/column-health.admin.tsx';

let sys: TestSystem;
let hn: CenterFixture;
let cs: CenterFixture;

beforeAll(async () => {
  sys = await startTestSystem();
  hn = await makeCenter(sys.ctx, { code: 'hn' });
  cs = await makeCenter(sys.ctx, { code: 'cs', parentId: hn.center.id });
});
afterAll(async () => sys?.close());

describe('column health', () => {
  it('measures each column from its last publication and warns on the dashboard before the veto', async () => {
    const now = sys.clock.now();
    await publishArticle(sys.ctx, hn, hn.columns.news, { title: '中心召开年度工作会议', bodyHtml: '<p>会议内容。</p>' }, new Date(now.getTime() - 11 * 86400_000));
    await publishArticle(sys.ctx, hn, hn.columns.notice, { title: '关于春节期间暂停开标的通知', bodyHtml: '<p>通知。</p>' }, new Date(now.getTime() - 30 * 86400_000));
    const health = await loadSiteHealth(sys.ctx, hn.center.id);
    const byName = new Map(health.columns.map((c) => [c.name, c]));
    expect(byName.get('工作动态')).toMatchObject({ health: 'warn', daysSince: 11, published: 1 });
    expect(byName.get('通知公告')).toMatchObject({ health: 'ok', published: 1 });
    expect(byName.get('政策文件')).toMatchObject({ health: 'blank', published: 0 });
    expect(byName.get('办事指南')).toMatchObject({ health: 'blank' });
    expect(health.findings.map((f) => [f.id, f.level])).toEqual(expect.arrayContaining([['home_stale', 'warn'], ['columns_blank', 'warn']]));
    const editor = await loginAs(sys.app.app, hn.users.editor, sys.clock);
    const page = await editor.get(`/admin/c/${hn.center.id}/column-health`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('即将超期');
    expect((await editor.get(`/admin/c/${hn.center.id}`)).body).toContain('栏目更新预警');
  });

  it('counts a city’s items in the province column that aggregates them', async () => {
    const { updateColumn } = await import('../../src/content/columns.repo.ts');
    await updateColumn(sys.ctx.db, hn.columns.news.id, { isAggregating: true });
    await publishArticle(sys.ctx, cs, cs.columns.news, { title: '长沙中心开展开放日活动', bodyHtml: '<p>活动。</p>' }, sys.clock.now());
    const news = (await loadSiteHealth(sys.ctx, hn.center.id)).columns.find((c) => c.name === '工作动态');
    expect(news).toMatchObject({ health: 'ok', published: 2, daysSince: 0 });
  });
});
