import fc from 'fast-check';
import { and, count, eq } from 'drizzle-orm';
import { SaxesParser } from 'saxes';
import { renderToString } from 'preact-render-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/audit/audit.service.ts';
import { articles } from '../../src/content/content.tables.ts';
import { uploadAttachment } from '../../src/content/operations/upload-attachment.ts';
import { withdrawArticle } from '../../src/publishing/operations/withdraw-article.ts';
import { noticeIdForArticle } from '../../src/trading/notices.query.ts';
import { loadTodayNotices, TodayNotices } from '../../src/trading/today.portal.tsx';
import { findNotice, findProject } from '../../src/trading/trading.repo.ts';
import { notices } from '../../src/trading/trading.tables.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';
import { amendmentNotice, awardNotice, candidatesNotice, makeTrading, tenderNotice, type AgentFixture, type TradingFixture } from '../helpers/trading.ts';

const DAY = 86_400_000;

let sys: TestSystem;
let hn: CenterFixture;
let cs: CenterFixture;
let trHn: TradingFixture;
let trCs: TradingFixture;
/** The project whose whole procedure is published: tender (with an attachment) → amendment → candidates → award. */
const main = { projectId: 0, tenderId: 0, amendmentId: 0, candidatesId: 0, awardId: 0, attachmentId: 0, firstDay: '' };
let medicalId = 0;
let landId = 0;
let withdrawnId = 0;
let bulkCount = 0;

type Submitted = { noticeId: number; projectId: number; status: string };
type ListBody = { items: { id: number; title: string; type: string; category: string; method: string; center: string; projectId: number; publishedAt: string; snippet: string; url: string; amountFen: number | null }[]; nextCursor: string | null };
type ErrorBody = { error: { code: string; message: string; fields?: { field: string; message: string }[]; requestId: string } };

async function submit(agent: AgentFixture, raw: Record<string, unknown>): Promise<Submitted> {
  const res = await agent.submit(raw);
  if (res.statusCode !== 201) throw new Error(`submit failed: ${res.statusCode} ${res.body.slice(0, 600)}`);
  const body = res.json() as Submitted;
  if (body.status !== 'published') throw new Error(`not published: ${res.body}`);
  return body;
}

const get = (url: string) => sys.app.app.inject({ method: 'GET', url });
const api = async (url: string) => {
  const res = await get(url);
  return { res, body: res.json() as ListBody };
};

beforeAll(async () => {
  sys = await startTestSystem();
  hn = await makeCenter(sys.ctx, { code: 'hn', name: '湖南省公共资源交易中心' });
  cs = await makeCenter(sys.ctx, { code: 'cs', parentId: hn.center.id, name: '长沙市公共资源交易中心' });
  trHn = await makeTrading(sys, hn);
  trCs = await makeTrading(sys, cs);
  const start = sys.clock.now();
  main.firstDay = new Date(start.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

  const att = await uploadAttachment(sys.ctx, { centerId: hn.center.id, userId: trHn.agent.user.id, actor: SYSTEM_ACTOR, fileName: '招标文件.pdf', data: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
  main.attachmentId = att.id;
  const tender = await submit(trHn.agent, { ...tenderNotice(start, { name: '湘江新区梅溪湖路提质改造工程施工', budgetFen: 12_000_000_00 }), attachmentIds: [att.id] });
  main.projectId = tender.projectId;
  main.tenderId = tender.noticeId;
  main.amendmentId = (await submit(trHn.agent, amendmentNotice(tender.projectId, tender.noticeId, start, { newDeadlineDays: 30 }))).noticeId;

  medicalId = (await submit(trCs.agent, tenderNotice(start, { category: 'procurement', name: '长沙市第一医院医疗设备采购项目', budgetFen: 3_200_000_00 }))).noticeId;
  landId = (await submit(trHn.agent, tenderNotice(start, { category: 'land_mining', method: 'listing', name: '岳麓区国有建设用地使用权挂牌出让', budgetFen: 50_000_000_00 }))).noticeId;
  for (let i = 0; i < 23; i++) {
    const agent = i % 3 === 0 ? trCs.agent : trHn.agent;
    await submit(agent, tenderNotice(start, { name: `望城区乡村道路硬化工程第${i + 1}批`, budgetFen: (100 + i * 10) * 1_000_000 }));
    bulkCount += 1;
  }
  const gone = await submit(trHn.agent, tenderNotice(start, { name: '已撤回的污水管网工程' }));
  withdrawnId = gone.noticeId;
  const goneNotice = await findNotice(sys.ctx.db, gone.noticeId);
  await withdrawArticle(sys.ctx, { roles: new Set(['center_admin']), actor: SYSTEM_ACTOR, articleId: goneNotice?.articleId ?? 0, reason: '招标人取消项目，撤回公告' });

  // The procedure goes on: after the (moved) opening the candidates, then the award.
  sys.clock.advance(31 * DAY);
  main.candidatesId = (await submit(trHn.agent, candidatesNotice(main.projectId, sys.clock.now()))).noticeId;
  sys.clock.advance(4 * DAY);
  main.awardId = (await submit(trHn.agent, awardNotice(main.projectId, sys.clock.now()))).noticeId;
}, 180_000);
afterAll(async () => sys?.close());

describe('the notice list (/trading)', () => {
  it('lists published notices newest first with type badge, category, center, date and amount', async () => {
    const res = await get('/trading');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>交易信息</h1>');
    expect(res.body).toContain('/static/trading.css');
    const results = res.body.slice(res.body.indexOf('<ol class="notice-results">'));
    expect(results.indexOf('中标结果公告')).toBeGreaterThan(0);
    expect(results.indexOf('中标结果公告')).toBeLessThan(results.indexOf('中标候选人公示'));
    expect(res.body).toContain('class="notice-badge badge-award_notice"');
    expect(res.body).toContain('长沙市公共资源交易中心');
    expect(res.body).toMatch(/金额：[\d,.]+ 万元/);
    expect(res.body).not.toContain('已撤回的污水管网工程');
    // every control is labelled
    for (const name of ['q', 'category', 'type', 'center', 'method', 'from', 'to', 'min', 'max', 'sort']) expect(res.body).toContain(`<label for="f-${name}"`);
  });

  it('filters by category, type, method, center, publication date and amount', async () => {
    const byCategory = await api('/api/v1/notices?category=procurement');
    expect(byCategory.body.items.map((i) => i.id)).toEqual([medicalId]);
    const byType = await api('/api/v1/notices?type=amendment_notice');
    expect(byType.body.items.map((i) => i.id)).toEqual([main.amendmentId]);
    const byMethod = await api('/api/v1/notices?method=listing');
    expect(byMethod.body.items.map((i) => i.id)).toEqual([landId]);
    const byCenter = await api('/api/v1/notices?center=cs&limit=100');
    expect(byCenter.body.items.length).toBe(1 + Math.ceil(23 / 3));
    expect(byCenter.body.items.every((i) => i.center === 'cs')).toBe(true);
    const later = await api(`/api/v1/notices?from=${dayAfter(main.firstDay, 1)}`);
    expect(later.body.items.map((i) => i.id).sort()).toEqual([main.candidatesId, main.awardId].sort());
    const firstDay = await api(`/api/v1/notices?from=${main.firstDay}&to=${main.firstDay}&limit=100`);
    expect(firstDay.body.items).toHaveLength(bulkCount + 4);
    // 100 万元 to 120 万元: the bulk notices with budgets 100, 110, 120 万元
    const byAmount = await api('/api/v1/notices?min=100&max=120');
    expect(byAmount.body.items).toHaveLength(3);
    expect(byAmount.body.items.every((i) => (i.amountFen ?? 0) >= 100_000_000 && (i.amountFen ?? 0) <= 120_000_000)).toBe(true);
    // the page filters the same way and keeps the choice in the form
    const page = await get('/trading?category=land_mining');
    expect(page.body).toContain('岳麓区国有建设用地使用权挂牌出让');
    expect(page.body).not.toContain('医疗设备采购项目');
    expect(page.body).toMatch(/<option value="land_mining" selected/);
  });

  it('a center portal lists its own and its descendants’ notices only', async () => {
    const res = await get('/c/cs/trading');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('长沙市第一医院医疗设备采购项目');
    expect(res.body).not.toContain('湘江新区梅溪湖路');
    expect((await get(`/c/cs/trading/notices/${main.tenderId}`)).statusCode).toBe(404);
    expect((await get('/c/cs/trading?center=hn')).statusCode).toBe(400);
  });

  it('searches Chinese text and highlights the words, by time and by relevance', async () => {
    const page = await get(`/trading?q=${encodeURIComponent('医疗设备')}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<mark>医疗设备</mark>');
    expect(page.body).toContain(`/trading/notices/${medicalId}`);
    expect(page.body).not.toContain('梅溪湖路');
    const byRelevance = await api(`/api/v1/notices?q=${encodeURIComponent('梅溪湖路 提质改造')}&sort=relevance`);
    expect(byRelevance.body.items.map((i) => i.projectId)).toContain(main.projectId);
    expect(byRelevance.body.items.every((i) => i.projectId === main.projectId)).toBe(true);
    const snippet = await api(`/api/v1/notices?q=${encodeURIComponent('市政公用工程')}&limit=1`);
    expect(snippet.body.items[0]?.snippet).toContain('市政公用工程');
    expect((await api(`/api/v1/notices?q=${encodeURIComponent('量子计算机')}`)).body.items).toEqual([]);
  });

  it('pages with a cursor through every published notice without duplicates or gaps', async () => {
    const [total] = await sys.ctx.db.select({ n: count() }).from(notices).innerJoin(articles, eq(articles.id, notices.articleId)).where(and(eq(articles.status, 'published')));
    const seen: number[] = [];
    const times: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const { body }: { body: ListBody } = await api(`/api/v1/notices?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...body.items.map((x) => x.id));
      times.push(...body.items.map((x) => x.publishedAt));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total?.n);
    expect([...times].sort().reverse()).toEqual(times);
    // the page's 下一页 link carries the filters and the cursor
    const first = await get('/trading?category=works');
    const next = /href="([^"]*cursor=[^"]+)" rel="next">下一页/.exec(first.body)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toContain('category=works');
    const second = await get(next ?? '');
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('第一页');
  });
});

describe('a notice page (/trading/notices/:id)', () => {
  it('shows the facts of a tender notice, its attachment and that it was amended', async () => {
    const res = await get(`/trading/notices/${main.tenderId}`);
    expect(res.statusCode).toBe(200);
    const project = await findProject(sys.ctx.db, main.projectId);
    const code = project?.code ?? '';
    expect(res.body).toContain(`${code.slice(0, 18)}-${code.slice(18, 26)}-${code.slice(26, 32)}-${code.slice(32)}`);
    for (const label of ['项目编号', '统一交易标识码', '交易类别', '交易方式', '招标人', '代理机构', '最高投标限价', '文件获取时间', '投标截止时间', '开标时间', '开标地点', '投标保证金']) expect(res.body).toContain(`<th scope="row">${label}</th>`);
    expect(res.body).toContain('长沙市公共资源交易中心第3开标室');
    expect(res.body).toContain(`/files/${main.attachmentId}/`);
    expect(res.body).toContain('招标文件.pdf');
    expect((await get(`/files/${main.attachmentId}/x.pdf`)).statusCode).toBe(200);
    expect(res.body).toContain('本公告已有变更');
    expect(res.body).toContain(`/trading/notices/${main.amendmentId}`);
    expect(res.body).toContain('已变更为');
    expect(res.body).toContain(`/feeds/projects/${main.projectId}.atom`);
    expect(res.body).toContain('<meta name="ArticleTitle"');
  });

  it('links an amendment to the notice it changes', async () => {
    const res = await get(`/trading/notices/${main.amendmentId}`);
    expect(res.body).toContain('被变更的公告');
    expect(res.body).toContain(`href="/trading/notices/${main.tenderId}"`);
    expect(res.body).toContain('修改投标人须知前附表第 10.1 款');
  });

  it('shows the candidates with 排序, 名称, 投标报价 and 项目负责人, and the winners with 中标金额', async () => {
    const cand = await get(`/trading/notices/${main.candidatesId}`);
    for (const h of ['排序', '名称', '投标报价（元）', '项目负责人']) expect(cand.body).toContain(`<th scope="col">${h}</th>`);
    expect(cand.body).toContain('湖南建工集团有限公司');
    expect(cand.body).toContain('李建国');
    expect(cand.body).toContain('公示期');
    const award = await get(`/trading/notices/${main.awardId}`);
    expect(award.body).toContain('中标（成交）金额（元）');
    expect(award.body).toContain('8,100,000.00');
  });

  it('answers 410 for a withdrawn notice and leaves it out of lists and feeds', async () => {
    const res = await get(`/trading/notices/${withdrawnId}`);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('撤回');
    expect(res.body).toContain('招标人取消项目，撤回公告');
    expect((await get(`/api/v1/notices/${withdrawnId}`)).statusCode).toBe(404);
    expect((await get('/feeds/notices.atom')).body).not.toContain('已撤回的污水管网工程');
  });

  it('tells the article page which articles are notices', async () => {
    const n = await findNotice(sys.ctx.db, main.tenderId);
    expect(await noticeIdForArticle(sys.ctx.db, n?.articleId ?? 0)).toBe(main.tenderId);
    expect(await noticeIdForArticle(sys.ctx.db, 999_999)).toBeNull();
  });

  it('answers 404 for an unknown or malformed id', async () => {
    expect((await get('/trading/notices/999999')).statusCode).toBe(404);
    expect((await get('/trading/notices/abc')).statusCode).toBe(404);
    expect((await get('/trading/projects/99999999999')).statusCode).toBe(404);
  });
});

describe('the project page (/trading/projects/:id)', () => {
  it('shows the project and its timeline in order with the amendment chained under the tender notice', async () => {
    const res = await get(`/trading/projects/${main.projectId}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('湘江新区梅溪湖路提质改造工程施工');
    expect(res.body).toContain('已定标');
    const order = [main.tenderId, main.amendmentId, main.candidatesId, main.awardId].map((id) => res.body.indexOf(`href="/trading/notices/${id}"`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const chain = res.body.slice(res.body.indexOf('class="amendment-chain"'));
    expect(chain).toContain(`/trading/notices/${main.amendmentId}`);
    expect(chain).toMatch(/投标截止时间由 \d{4}-\d{2}-\d{2} 09:30 改为 \d{4}-\d{2}-\d{2} 09:30/);
    expect(res.body).toContain('跟踪此项目 (Atom)');
    // awarded: no more 获取招标文件
    expect(res.body).not.toContain('获取招标文件');
  });
});

describe('the opening calendar (/trading/calendar)', () => {
  it('lists the openings of a week with links to the weeks around it and a day view', async () => {
    const project = await findProject(sys.ctx.db, main.projectId);
    const opening = project?.openingAt ?? new Date();
    const day = new Date(opening.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const week = await get(`/trading/calendar?week=${day}`);
    expect(week.statusCode).toBe(200);
    expect(week.body).toContain('湘江新区梅溪湖路提质改造工程施工');
    expect(week.body).toContain('09:30');
    expect(week.body).toContain('长沙市公共资源交易中心第3开标室');
    expect(week.body).toContain('rel="prev">上一周');
    expect(week.body).toContain('rel="next">下一周');
    expect(week.body).toContain('<th scope="col">开标时间</th>');
    const dayView = await get(`/trading/calendar?day=${day}`);
    expect(dayView.body).toContain('湘江新区梅溪湖路提质改造工程施工');
    const nextDay = await get(`/trading/calendar?day=${dayAfter(day, 1)}`);
    expect(nextDay.body).not.toContain('湘江新区梅溪湖路提质改造工程施工');
    const bad = await get('/trading/calendar?week=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('周：不是有效日期');
  });
});

describe('feeds', () => {
  it('serves a saved search as valid Atom with the matching notices', async () => {
    const res = await get('/feeds/notices.atom?category=procurement');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/atom+xml');
    const feed = parseAtom(res.body);
    expect(feed.root).toBe('feed');
    expect(feed.entries.map((e) => e.id)).toEqual([`http://localhost:80/trading/notices/${medicalId}`]);
    expect(feed.entries[0]?.title).toContain('长沙市第一医院医疗设备采购项目');
    const all = parseAtom((await get('/feeds/notices.atom')).body);
    expect(all.entries.length).toBeGreaterThan(20);
    const searched = parseAtom((await get(`/feeds/notices.atom?q=${encodeURIComponent('医疗设备')}&center=cs`)).body);
    expect(searched.entries).toHaveLength(1);
    expect((await get('/feeds/notices.atom?category=nope')).statusCode).toBe(400);
    // the column feeds still answer beside it
    expect((await get('/feeds/trading.atom')).statusCode).toBe(200);
  });

  it('follows a project as Atom, newest notice first', async () => {
    const res = await get(`/feeds/projects/${main.projectId}.atom`);
    expect(res.statusCode).toBe(200);
    const feed = parseAtom(res.body);
    expect(feed.entries.map((e) => e.id.split('/').pop())).toEqual([main.awardId, main.candidatesId, main.amendmentId, main.tenderId].map(String));
    expect((await get('/feeds/projects/999999.atom')).statusCode).toBe(404);
  });
});

describe('the public JSON API', () => {
  it('lists notices in the contract shape', async () => {
    const { res, body } = await api('/api/v1/notices?limit=2');
    expect(res.statusCode).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['items', 'nextCursor']);
    for (const key of ['id', 'title', 'type', 'category', 'center', 'projectId', 'publishedAt', 'snippet']) expect(body.items[0]).toHaveProperty(key);
    expect(typeof body.nextCursor).toBe('string');
  });

  it('returns one notice with its project and facts, and never internal fields', async () => {
    const res = await get(`/api/v1/notices/${main.tenderId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { projectId: number; facts: { type: string; openingPlace: string }; amendedBy: number[]; attachments: { url: string }[] };
    expect(body.projectId).toBe(main.projectId);
    expect(body.facts.type).toBe('tender_notice');
    expect(body.facts.openingPlace).toBe('长沙市公共资源交易中心第3开标室');
    expect(body.amendedBy).toEqual([main.amendmentId]);
    expect(body.attachments[0]?.url).toContain(`/files/${main.attachmentId}/`);
    for (const secret of ['findings', 'inspection', 'agentFirmId', 'agent_firm_id', 'idempotency', 'signature', 'requestHash']) expect(res.body).not.toContain(secret);
  });

  it('returns a project with its whole timeline in order', async () => {
    const res = await get(`/api/v1/projects/${main.projectId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { code: string; status: string; notices: { id: number; type: string }[] };
    expect(body.code).toHaveLength(33);
    expect(body.status).toBe('awarded');
    expect(body.notices.map((n) => n.id)).toEqual([main.tenderId, main.amendmentId, main.candidatesId, main.awardId]);
    for (const secret of ['agentFirmId', 'tendererCreditCode', 'findings', 'signature']) expect(res.body).not.toContain(secret);
    expect((await get('/api/v1/projects/999999')).json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('documents the routes in OpenAPI', async () => {
    const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/notices', '/api/v1/notices/{id}', '/api/v1/projects/{id}']));
  });
});

describe('bad parameters', () => {
  it('answers 400 with a code and a Chinese message naming the field', async () => {
    const cases: [string, string, string][] = [
      ['from=2026-13-01', 'from', '发布日期（起）'],
      ['category=weapons', 'category', '交易类别'],
      ['min=-5', 'min', '金额下限（万元）'],
      ['max=abc', 'max', '金额上限（万元）'],
      ['cursor=not-a-cursor', 'cursor', '分页位置'],
      ['center=nowhere', 'center', '地区/中心'],
      ['limit=1000', 'limit', '每页条数'],
      [`q=${'招'.repeat(200)}`, 'q', '关键词'],
    ];
    for (const [qs, field, label] of cases) {
      const res = await get(`/api/v1/notices?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      const body = res.json() as ErrorBody;
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.message).toContain(label);
      expect(body.error.fields?.[0]?.field).toBe(field);
      expect(body.error.requestId).toBeTruthy();
    }
    const page = await get('/trading?from=2026-02-30&min=-1');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('发布日期（起）：不是有效日期');
    expect(page.body).toContain('金额下限（万元）：不能为负数');
    expect(page.body).toContain('aria-invalid="true"');
    const huge = await get(`/trading?q=${'a'.repeat(1024 * 1024)}`);
    expect(huge.statusCode).toBe(400);
    expect(huge.body).toContain('关键词：不能超过 100 个字符');
    expect((await get('/api/v1/notices/abc')).json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('never answers 5xx to any list query string', async () => {
    const keys = ['q', 'category', 'type', 'method', 'center', 'from', 'to', 'min', 'max', 'sort', 'cursor', 'limit', 'x'] as const;
    const value = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('works', 'tender_notice', 'open_tender', 'cs', '2026-03-01', '-1', '1e9', '0.5', 'relevance', 'ZC4xLjE', '%', '招标'));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 6 }), fc.boolean(), async (params, isPage) => {
        const qs = new URLSearchParams(params).toString();
        const res = await get(`${isPage ? '/trading' : '/api/v1/notices'}?${qs}`);
        expect(res.statusCode, qs).toBeLessThan(500);
        if (!isPage && res.statusCode === 400) expect((res.json() as ErrorBody).error.code).toBe('VALIDATION_FAILED');
      }),
      { numRuns: 150 },
    );
  });
});

describe('今日标讯 on the home page', () => {
  it('loads the notices published today for a center and its descendants', async () => {
    const data = await loadTodayNotices(sys.ctx, hn.center);
    expect(data.items.map((i) => i.id)).toEqual([main.awardId]);
    const html = renderToString(TodayNotices({ data }));
    expect(html).toContain('今日标讯');
    expect(html).toContain(`/trading/notices/${main.awardId}`);
    expect(data.isLatest).toBe(false);
    // Nothing today at the city: the block shows its newest notices instead, and says so.
    const city = await loadTodayNotices(sys.ctx, cs.center);
    expect(city.isLatest).toBe(true);
    expect(city.items.every((i) => i.centerId === cs.center.id)).toBe(true);
    expect(renderToString(TodayNotices({ data: city }))).toContain('今日暂无新发布的交易公告');
  });
});

function dayAfter(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** Parses an Atom document strictly (any XML error throws) and returns its root name and entries. */
function parseAtom(xml: string): { root: string; entries: { id: string; title: string }[] } {
  const parser = new SaxesParser({ xmlns: true });
  const stack: string[] = [];
  const entries: { id: string; title: string }[] = [];
  let root = '';
  let text = '';
  parser.on('opentag', (tag) => {
    if (stack.length === 0) {
      root = tag.local;
      if (tag.uri !== 'http://www.w3.org/2005/Atom') throw new Error(`not Atom: ${tag.uri}`);
    }
    stack.push(tag.local);
    if (tag.local === 'entry') entries.push({ id: '', title: '' });
    text = '';
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    const entry = entries.at(-1);
    if (entry && stack.at(-1) === 'entry' && (tag.local === 'id' || tag.local === 'title')) entry[tag.local] = text;
  });
  parser.write(xml).close();
  return { root, entries };
}
