import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findArticle } from '../../src/content/articles.repo.ts';
import { updateColumn } from '../../src/content/columns.repo.ts';
import { Agent } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';
import { publishArticle } from '../helpers/publish.ts';

let sys: TestSystem;
let hn: CenterFixture;
let cs: CenterFixture;
let citizen: Agent;
let noticeId: number;
let policyId: number;
let interpId: number;

beforeAll(async () => {
  sys = await startTestSystem();
  hn = await makeCenter(sys.ctx, { code: 'hn', name: '湖南省公共资源交易中心' });
  cs = await makeCenter(sys.ctx, { code: 'cs', parentId: hn.center.id, name: '长沙市公共资源交易中心' });
  citizen = new Agent(sys.app.app);
  noticeId = await publishArticle(sys.ctx, hn, hn.columns.notice, { title: '关于开展政府采购领域专项整治工作的通知', bodyHtml: '<p>为规范政府采购行为，决定开展专项整治。整治范围包括采购人、采购代理机构。</p>', summary: '专项整治' }, new Date('2026-03-02T02:00:00Z'));
  policyId = await publishArticle(sys.ctx, hn, hn.columns.policy, { title: '湖南省公共资源交易平台服务管理细则', docNo: '湘公管办〔2026〕3号', issuingBody: '湖南省公共资源交易中心', issuedOn: '2026-01-10', validity: 'in_force' });
  interpId = await publishArticle(sys.ctx, hn, hn.columns.interpretation, { title: '《服务管理细则》政策解读', policyArticleId: String(policyId) });
  await publishArticle(sys.ctx, cs, cs.columns.notice, { title: '长沙市关于交易大厅搬迁的公告', bodyHtml: '<p>长沙市交易大厅搬迁。</p>' }, new Date('2026-04-01T02:00:00Z'));
});
afterAll(async () => sys?.close());

describe('the public portal', () => {
  it('serves the home page with the latest items and the government meta tags', async () => {
    const res = await citizen.get('/');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('关于开展政府采购领域专项整治工作的通知');
    expect(res.body).toContain('<meta name="SiteName" content="hn公共资源交易服务平台"/>');
    expect(res.body).toContain('name="SiteIDCode"');
    expect(res.body).toContain('今日标讯');
    expect(res.body).toContain('湘ICP备00000000号');
    expect(res.body).toContain('网站找错');
  });

  it('shows an article with 索引号, 发布机构, meta tags and its view count rising after a flush', async () => {
    const res = await citizen.get(`/art/${noticeId}`);
    expect(res.statusCode).toBe(200);
    for (const name of ['ArticleTitle', 'PubDate', 'ContentSource', 'ColumnName', 'ColumnType', 'Url']) expect(res.body).toContain(`name="${name}"`);
    expect(res.body).toContain('<meta name="PubDate" content="2026-03-02 10:00"/>');
    const a = await findArticle(sys.ctx.db, noticeId);
    expect(res.body).toContain(a?.indexNo ?? 'missing');
    await citizen.get(`/art/${noticeId}`);
    await sys.app.views.flush();
    expect((await findArticle(sys.ctx.db, noticeId))?.viewCount).toBe(2);
  });

  it('links a policy and its interpretation both ways', async () => {
    const policy = await citizen.get(`/art/${policyId}`);
    expect(policy.body).toContain('湘公管办〔2026〕3号');
    expect(policy.body).toContain('现行有效');
    expect(policy.body).toContain(`/art/${interpId}`);
    const interp = await citizen.get(`/art/${interpId}`);
    expect(interp.body).toContain(`/art/${policyId}`);
  });

  it('aggregates the cities’ items into a province column only when it is set to aggregate', async () => {
    expect((await citizen.get('/col/notice')).body).not.toContain('长沙市关于交易大厅搬迁的公告');
    await updateColumn(sys.ctx.db, hn.columns.notice.id, { isAggregating: true });
    sys.app.cache.clear();
    const page = await citizen.get('/col/notice');
    expect(page.body).toContain('长沙市关于交易大厅搬迁的公告');
    expect((await citizen.get('/c/cs/col/notice')).body).toContain('长沙市关于交易大厅搬迁的公告');
  });

  it('searches in Chinese with highlighted snippets, filters and sorting, and answers bad dates with a message', async () => {
    const res = await citizen.get(`/search?q=${encodeURIComponent('专项整治')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<mark>专项整治</mark>');
    const none = await citizen.get(`/search?q=${encodeURIComponent('专项整治')}&column=policy`);
    expect(none.body).toContain('找到 0 条');
    const dated = await citizen.get(`/search?q=${encodeURIComponent('专项整治')}&from=2026-03-03`);
    expect(dated.body).toContain('找到 0 条');
    const bad = await citizen.get(`/search?q=x&from=2026-02-30`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('起始日期');
    const api = JSON.parse((await citizen.get(`/api/v1/articles?q=${encodeURIComponent('搬迁')}&center=cs`)).body);
    expect(api.total).toBe(1);
    expect(api.items[0].url).toBe(`/c/cs/art/${api.items[0].id}`);
  });

  it('caps the count of a common query and pages the same hits either way', async () => {
    const { searchPublished } = await import('../../src/content/articles.repo.ts');
    for (let i = 0; i < 5; i++) await publishArticle(sys.ctx, hn, hn.columns.news, { title: `第${i}次评标专家培训会`, bodyHtml: `<p>评标专家培训${'专家'.repeat(i)}</p>` }, new Date(Date.UTC(2026, 5, 1 + i)));
    const columnIds = Object.values(hn.columns).map((c) => c.id);
    for (const sort of ['date', 'relevance'] as const) {
      const base = { columnIds, now: sys.clock.now(), tsquery: '评标 & 标专 & 专家', sort, limit: 3, offset: 1 };
      const sparse = await searchPublished(sys.ctx.db, base);
      const dense = await searchPublished(sys.ctx.db, { ...base, countCap: 2 });
      expect(sparse.isTotalCapped).toBe(false);
      expect(dense.isTotalCapped).toBe(true);
      expect(sparse.total).toBe(5);
      expect(dense.rows.map((r) => r.id)).toEqual(sparse.rows.map((r) => r.id));
      expect(sparse.rows.length).toBe(3);
    }
  });

  it('publishes an Atom feed per column and a sitemap', async () => {
    const feed = await citizen.get('/feeds/notice.atom');
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    expect(feed.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(feed.body).toContain('关于开展政府采购领域专项整治工作的通知');
    const sitemap = await citizen.get('/sitemap.xml');
    expect(sitemap.body).toContain(`/art/${noticeId}</loc>`);
    expect(sitemap.body).toContain('/c/cs/col/notice</loc>');
  });

  it('has the 政府信息公开指南 and a 目录 with 索引号, 发布机构 and 生成日期', async () => {
    const guide = await citizen.get('/guide');
    expect(guide.body).toContain('政府信息公开指南');
    expect(guide.body).toContain('20 个工作日');
    const catalog = await citizen.get('/catalog');
    expect(catalog.body).toContain('索引号');
    expect(catalog.body).toContain('生成日期');
    expect(catalog.body).toContain('湖南省公共资源交易平台服务管理细则');
    expect(catalog.body).toContain('<meta name="Url" content="/catalog"/>');
  });

  it('switches to the elder-friendly mode without JavaScript and back', async () => {
    const on = await citizen.get('/prefs/elder?on=1&back=%2Fcol%2Fnotice');
    expect(on.statusCode).toBe(303);
    expect(on.headers.location).toBe('/col/notice');
    expect((await citizen.get('/col/notice')).body).toContain('<body class="elder">');
    expect((await citizen.get('/prefs/elder?on=0&back=https://evil.example/')).headers.location).toBe('/');
    expect((await citizen.get('/col/notice')).body).not.toContain('class="elder"');
  });

  it('answers unknown pages and ids with a Chinese 404, never a 500', async () => {
    for (const url of ['/art/99999999', '/art/abc', '/art/-1', '/col/nope', '/c/zz/', '/files/1/x.pdf', '/art/99999999999999999999']) {
      const res = await citizen.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain('不存在');
    }
  });

  it('takes a 网站找错 report through a CSRF-protected form, naming a missing field', async () => {
    const visitor = new Agent(sys.app.app);
    const form = await visitor.get('/report-error?url=%2Fart%2F1');
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const post = (body: Record<string, string>) =>
      sys.app.app.inject({ method: 'POST', url: '/report-error', payload: new URLSearchParams(body).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: Array.from(visitor.cookies, ([k, v]) => `${k}=${v}`).join('; ') } });
    expect((await post({ pageUrl: '/art/1', description: '正文有错别字' })).statusCode).toBe(403);
    const missing = await post({ _csrf: token, pageUrl: '/art/1', description: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('错误描述');
    const ok = await post({ _csrf: token, pageUrl: '/art/1', description: '第二段“采购人”写成了“采构人”<script>x</script>' });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('感谢您的反馈');
    const { listErrorReports } = await import('../../src/interaction/error-reports.repo.ts');
    const [report] = await listErrorReports(sys.ctx.db, hn.center.id, 5);
    expect(report?.description).toBe('第二段“采购人”写成了“采构人”');
  });

  it('answers conditional requests with 304 from the render cache', async () => {
    const first = await citizen.get('/col/notice');
    const etag = String(first.headers.etag);
    const second = await citizen.get('/col/notice', { 'if-none-match': etag });
    expect(second.statusCode).toBe(304);
  });

  it('documents the public API in OpenAPI 3.1 and reports health', async () => {
    const doc = JSON.parse((await citizen.get('/api/openapi.json')).body);
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(doc.paths)).toContain('/api/v1/articles');
    const health = JSON.parse((await citizen.get('/healthz')).body);
    expect(health.status).toBe('ok');
  });
});
