import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../src/accounts/accounts.repo.ts';
import { insertDepartment } from '../../src/centers/centers.repo.ts';
import { SYSTEM_ACTOR } from '../../src/audit/audit.service.ts';
import { insertColumn, type Column } from '../../src/content/columns.repo.ts';
import { articles } from '../../src/content/content.tables.ts';
import { takeDown } from '../../src/publishing/operations/withdraw-article.ts';
import { publishingStats } from '../../src/reports/publishing-stats.service.ts';
import { notices, projects } from '../../src/trading/trading.tables.ts';
import type { Category, NoticeType } from '../../src/trading/trading.model.ts';
import { Agent, loginAs } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture, type Staff } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';
import { publishArticle } from '../helpers/publish.ts';

let sys: TestSystem;
let gy: CenterFixture;
let yz: CenterFixture;
let general: Column;
let trading: Column;
let hostile: Column;
let tradingEditor: Staff;
let agentUserId: number;
let seq = 0;
// The login route allows 20 attempts a minute per address: log the editor in once.
let editor: Agent;

const at = (s: string) => new Date(s);

/** A trading notice as a published article of an agent (no department), written straight into the tables. */
async function addNotice(o: { type: NoticeType; category: Category; at: string; status?: string }): Promise<void> {
  seq += 1;
  const [p] = await sys.ctx.db
    .insert(projects)
    .values({ centerId: gy.center.id, code: `G${String(seq).padStart(32, '0')}`, projectNo: `GY-${seq}`, name: `项目${seq}`, category: o.category, method: 'open_tender', region: '640400', tendererName: '固原市住建局', status: 'open' })
    .returning();
  if (!p) throw new Error('project');
  const [a] = await sys.ctx.db
    .insert(articles)
    .values({ centerId: gy.center.id, columnId: trading.id, authorId: agentUserId, status: o.status ?? 'published', publisher: gy.center.name, title: `${p.name}${o.type}`, publishedAt: at(o.at) })
    .returning();
  if (!a) throw new Error('article');
  await sys.ctx.db.insert(notices).values({ articleId: a.id, projectId: p.id, centerId: gy.center.id, type: o.type, category: o.category, method: 'open_tender', source: 'agent_api' });
}

async function readXlsx(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.read(Readable.from(buf));
  return wb;
}

function rowValues(ws: ExcelJS.Worksheet | undefined, label: string, width: number): unknown[] | null {
  let found: unknown[] | null = null;
  ws?.eachRow((row) => {
    if (row.getCell(1).value === label) found = Array.from({ length: width }, (_, i) => row.getCell(i + 2).value);
  });
  return found;
}

beforeAll(async () => {
  sys = await startTestSystem();
  const { ctx } = sys;
  gy = await makeCenter(ctx, { code: 'gy', name: '固原市公共资源交易中心' });
  yz = await makeCenter(ctx, { code: 'gyyz', parentId: gy.center.id, name: '原州区公共资源交易中心' });
  general = await insertColumn(ctx.db, { centerId: gy.center.id, slug: 'org', name: '机构概况', kind: 'general', sortOrder: 6, catalogCategory: '机构职能' });
  trading = await insertColumn(ctx.db, { centerId: gy.center.id, slug: 'trading', name: '交易信息', kind: 'trading', sortOrder: 9, catalogCategory: '交易信息' });
  hostile = await insertColumn(ctx.db, { centerId: gy.center.id, slug: 'x', name: '<script>alert(1)</script>专栏', kind: 'general', sortOrder: 10, isInCatalog: false, catalogCategory: '' });
  const dept2 = await insertDepartment(ctx.db, { centerId: gy.center.id, name: '交易服务科' });
  const u = await insertUser(ctx.db, { username: 'gy.trade', displayName: '交易服务科编辑', homeCenterId: gy.center.id, departmentId: dept2.id, passwordHash: 'x' });
  tradingEditor = { ...u, totpSecret: null };
  const agent = await insertUser(ctx.db, { username: 'gy.agent', displayName: '代理机构经办人', homeCenterId: gy.center.id, departmentId: null, passwordHash: 'x' });
  agentUserId = agent.id;
  ctx.centers.invalidate();
  const asTrade = { ...gy, users: { ...gy.users, editor: tradingEditor } };

  // 2025 at 固原 (the center itself), 信息部 (the fixture's editor)
  await publishArticle(ctx, gy, gy.columns.news, { title: '中心召开年度工作会议' }, at('2025-01-10T10:00:00+08:00'));
  await publishArticle(ctx, gy, gy.columns.news, { title: '中心开展开放日活动' }, at('2025-03-05T10:00:00+08:00'));
  await publishArticle(ctx, gy, gy.columns.news, { title: '年末工作总结' }, at('2025-12-31T23:30:00+08:00')); // 15:30 UTC: still 2025 in Beijing
  const policyId = await publishArticle(ctx, gy, gy.columns.policy, { title: '固原市公共资源交易管理办法', docNo: '固公管〔2025〕1号', issuingBody: '固原市公共资源交易中心', issuedOn: '2025-03-20', validity: 'in_force' }, at('2025-04-01T09:00:00+08:00'));
  await publishArticle(ctx, gy, gy.columns.interpretation, { title: '《固原市公共资源交易管理办法》解读', policyArticleId: String(policyId) }, at('2025-04-02T09:00:00+08:00'));
  await publishArticle(ctx, gy, general, { title: '中心简介' }, at('2025-02-15T09:00:00+08:00'));
  // 交易服务科
  await publishArticle(ctx, asTrade, gy.columns.notice, { title: '关于春节期间暂停开标的通知' }, at('2025-02-01T09:00:00+08:00'));
  await publishArticle(ctx, asTrade, gy.columns.notice, { title: '关于启用新版交易系统的通知' }, at('2025-05-20T09:00:00+08:00'));
  // Out of 2025 by minutes (Beijing), and a withdrawn item
  await publishArticle(ctx, gy, gy.columns.news, { title: '2024 年末动态' }, at('2024-12-31T23:59:00+08:00'));
  await publishArticle(ctx, gy, gy.columns.news, { title: '2026 年初动态' }, at('2026-01-01T00:00:00+08:00'));
  const withdrawn = await publishArticle(ctx, gy, gy.columns.news, { title: '已撤稿的动态' }, at('2025-06-01T09:00:00+08:00'));
  await ctx.db.transaction((tx) => takeDown(tx, { articleId: withdrawn, status: 'withdrawn', reason: '内容有误', actor: SYSTEM_ACTOR, now: at('2025-06-02T09:00:00+08:00') }));
  await publishArticle(ctx, gy, hostile, { title: '专栏文章' }, at('2025-07-01T09:00:00+08:00'));
  // Trading notices of 2025: tender group 7 (works 5, procurement 2, of which 2 amendments), results 3, other 1
  for (const d of ['2025-01-05', '2025-02-05', '2025-03-05']) await addNotice({ type: 'tender_notice', category: 'works', at: `${d}T09:00:00+08:00` });
  for (const d of ['2025-02-06', '2025-04-06']) await addNotice({ type: 'tender_notice', category: 'procurement', at: `${d}T09:00:00+08:00` });
  for (const d of ['2025-01-20', '2025-03-20']) await addNotice({ type: 'amendment_notice', category: 'works', at: `${d}T09:00:00+08:00` });
  await addNotice({ type: 'candidates_notice', category: 'works', at: '2025-04-10T09:00:00+08:00' });
  await addNotice({ type: 'award_notice', category: 'works', at: '2025-04-20T09:00:00+08:00' });
  await addNotice({ type: 'award_notice', category: 'procurement', at: '2025-05-10T09:00:00+08:00' });
  await addNotice({ type: 'termination_notice', category: 'works', at: '2025-06-10T09:00:00+08:00' });
  await addNotice({ type: 'tender_notice', category: 'works', at: '2025-07-01T09:00:00+08:00', status: 'withdrawn' });
  await addNotice({ type: 'tender_notice', category: 'works', at: '2024-12-20T09:00:00+08:00' });
  // 原州区 (the child)
  await publishArticle(ctx, yz, yz.columns.news, { title: '原州区中心动态一' }, at('2025-03-01T09:00:00+08:00'));
  await publishArticle(ctx, yz, yz.columns.news, { title: '原州区中心动态二' }, at('2025-08-01T09:00:00+08:00'));
  editor = await loginAs(sys.app.app, gy.users.editor, sys.clock);
});
afterAll(async () => sys?.close());

describe('publishingStats', () => {
  it('counts a center alone per column, per department and per month, without withdrawn or out-of-period items', async () => {
    const s = await publishingStats(sys.ctx.db, [gy.center.id], '2025-01-01', '2025-12-31');
    // news 3, policy 1, interpretation 1, 机构概况 1, notice 2, the hostile column 1, trading 11
    expect(s.total).toBe(20);
    const col = (id: number) => s.columns.find((c) => c.columnId === id)?.count;
    expect([col(gy.columns.news.id), col(gy.columns.notice.id), col(gy.columns.policy.id), col(gy.columns.interpretation.id), col(general.id), col(trading.id)]).toEqual([3, 2, 1, 1, 1, 11]);
    expect(s.departments.map((d) => [d.name, d.count])).toEqual([
      ['信息部', 7],
      ['交易服务科', 2],
      ['未归属部门（代理机构提交的交易公告等）', 11],
    ]);
    expect(s.months.find((m) => m.month === '2025-12')?.count).toBe(1);
    expect(s.months.find((m) => m.month === '2025-06')?.count).toBe(1); // the termination notice; the withdrawn news is out
    expect(s.months.reduce((n, m) => n + m.count, 0)).toBe(20);
  });

  it('counts trading notices by type and category, grouped as the reports do', async () => {
    const s = await publishingStats(sys.ctx.db, [gy.center.id, yz.center.id], '2025-01-01', '2025-12-31');
    const g = (k: string) => s.notices.groups.find((x) => x.group === k);
    expect([g('tender')?.total, g('tender')?.byCategory.works, g('tender')?.byCategory.procurement, s.notices.amendments]).toEqual([7, 5, 2, 2]);
    expect([g('result')?.total, g('result')?.byCategory.works, g('result')?.byCategory.procurement]).toEqual([3, 2, 1]);
    expect(g('other')?.total).toBe(1);
    expect(s.total).toBe(22);
    expect(s.byCenter.get(yz.center.id)).toBe(2);
  });

  it('bounds a period by Beijing days: the first minute of the next year is out, the last of this year in', async () => {
    const dec = await publishingStats(sys.ctx.db, [gy.center.id], '2025-12-31', '2025-12-31');
    expect(dec.total).toBe(1);
    const jan = await publishingStats(sys.ctx.db, [gy.center.id], '2026-01-01', '2026-01-01');
    expect(jan.total).toBe(1);
    expect((await publishingStats(sys.ctx.db, [], '2025-01-01', '2025-12-31')).total).toBe(0);
  });
});

describe('the page', () => {
  const url = (q: string) => `/admin/c/${gy.center.id}/stats/publishing?${q}`;

  it('shows the figures, charts as SVG with a table under each, and the Excel link', async () => {
    const res = await editor.get(url('year=2025'));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('2025年共发布各类信息 22 条，其中：政务信息 11 条');
    expect(res.body).toContain('招标公告 7 条（含变更公告 2 条）（其中：工程建设类 5 条、政府采购类 2 条）；中标公示 3 条（其中：工程建设类 2 条、政府采购类 1 条）');
    expect(res.body).toContain('<th scope="row">交易服务科</th><td>gy</td><td>2</td>');
    expect(res.body).toContain('<th scope="row">　原州区公共资源交易中心</th><td>2</td>');
    expect(res.body.match(/<svg role="img" aria-label="/g)?.length).toBe(5);
    expect(res.body).not.toMatch(/<svg[^>]*>[\s\S]*?style="/);
    expect(res.body).toContain(`href="/admin/c/${gy.center.id}/stats/publishing.xlsx?year=2025"`);
  });

  it('escapes a column name typed by staff, in the table and in the chart', async () => {
    const res = await editor.get(url('year=2025&scope=self'));
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;专栏');
  });

  it('narrows to a quarter, a month, a date range, or the center alone', async () => {
    const q1 = await editor.get(url('year=2025&quarter=1&scope=self'));
    expect(q1.statusCode).toBe(200);
    // Q1 at 固原: news 2, 机构概况 1, notice 1, trading 6 (3 + 1 tender notices, 2 amendments)
    expect(q1.body).toContain('2025年第一季度共发布各类信息 10 条');
    const dec = await editor.get(url('year=2025&month=12'));
    expect(dec.body).toContain('2025年12月共发布各类信息 1 条');
    const range = await editor.get(url('from=2025-03-01&to=2025-03-31'));
    expect(range.body).toContain('2025-03-01 至 2025-03-31共发布各类信息 4 条');
    const self = await editor.get(url('year=2025&scope=self'));
    expect(self.body).toContain('2025年共发布各类信息 20 条');
    expect(self.body).not.toContain('原州区公共资源交易中心</th>');
  });

  it('answers a bad period or scope with 400 and a message in Chinese, never a 500', async () => {
    const cases: [string, string][] = [
      ['year=2025&quarter=5', '季度应为 1 至 4 之间的数字'],
      ['year=2025&month=13', '月份应为 1 至 12 之间的数字'],
      ['year=2025&quarter=1&month=2', '季度和月份只能选择其中一项'],
      ['year=abc', '年份应为 1949 至 2100 之间的四位数字'],
      ['from=2025-02-30', '起始日期格式应为'],
      ['from=2025-03-01&to=2025-01-01', '起始日期不能晚于截止日期'],
      ['year=2025&scope=everything', '统计范围应为'],
      ['year=2025&year=2026', '年份只能填写一个'],
      ['from=2000-01-01&to=2025-01-01', '统计期间不能超过 10 年'],
    ];
    for (const [q, message] of cases) {
      const res = await editor.get(url(q));
      expect(res.statusCode, q).toBe(400);
      expect(res.body, q).toContain(message);
      const xlsx = await editor.get(`/admin/c/${gy.center.id}/stats/publishing.xlsx?${q}`);
      expect(xlsx.statusCode, q).toBe(400);
      expect(xlsx.body, q).toContain(message);
    }
  });
});

describe('hostile queries', () => {
  it('answers any query string on every page with 200 or 400, never a 500', async () => {
    const value = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('2025', '3', '2025-13-01', 'self', '%00', '<script>'));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('year', 'quarter', 'month', 'from', 'to', 'scope'), value, { maxKeys: 4 }), async (q) => {
        const qs = new URLSearchParams(q).toString();
        for (const path of ['/stats/publishing', '/stats/publishing.xlsx', '/stats/website-report', '/stats/website-report/print']) {
          const res = await editor.get(`/admin/c/${gy.center.id}${path}?${qs}`);
          expect([200, 400], `${path}?${qs}`).toContain(res.statusCode);
          expect(res.body).not.toContain('<script>');
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('the Excel file', () => {
  it('holds the same figures as the page, as numbers that read back', async () => {
    const res = await editor.get(`/admin/c/${gy.center.id}/stats/publishing.xlsx?year=2025`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`filename="publishing-stats-gy-2025-01-01_2025-12-31.xlsx"`);
    const wb = await readXlsx(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['栏目', '栏目类型', '部门', '中心', '月度', '交易公告', '公告类型']);
    const columns = wb.getWorksheet('栏目');
    expect(columns?.getCell('A1').value).toBe('固原市公共资源交易中心各栏目信息发布统计（2025年）');
    expect(rowValues(columns, '工作动态', 2)).toEqual(['工作动态', 5]);
    expect(rowValues(columns, '合计', 2)).toEqual([null, 22]);
    expect(rowValues(wb.getWorksheet('部门'), '交易服务科', 2)).toEqual(['gy', 2]);
    expect(rowValues(wb.getWorksheet('中心'), '　原州区公共资源交易中心', 1)).toEqual([2]);
    expect(rowValues(wb.getWorksheet('交易公告'), '招标（采购）公告（含变更公告）', 3)).toEqual([5, 2, 7]);
    expect(rowValues(wb.getWorksheet('公告类型'), '变更（澄清）公告', 3)).toEqual([2, 0, 2]);
    expect(rowValues(wb.getWorksheet('月度'), '2025-04', 1)).toEqual([5]);
  });
});

describe('access', () => {
  const url = () => `/admin/c/${gy.center.id}/stats/publishing?year=2025`;

  it('sends an anonymous visitor to the login page', async () => {
    const res = await new Agent(sys.app.app).get(url());
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/admin\/login/);
  });

  it("refuses staff without article.read and staff of another center, the child's included", async () => {
    for (const user of [gy.users.security, gy.users.auditor, gy.users.outsider, yz.users.editor, yz.users.admin]) {
      const agent = await loginAs(sys.app.app, user, sys.clock);
      expect((await agent.get(url())).statusCode, user.username).toBe(403);
      expect((await agent.get(`/admin/c/${gy.center.id}/stats/publishing.xlsx?year=2025`)).statusCode, user.username).toBe(403);
    }
  });

  it("lets the child's staff see the child's own figures", async () => {
    const agent = await loginAs(sys.app.app, yz.users.editor, sys.clock);
    const res = await agent.get(`/admin/c/${yz.center.id}/stats/publishing?year=2025`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('2025年共发布各类信息 2 条');
    expect(res.body).toContain(`href="/admin/c/${yz.center.id}/stats/publishing"`);
  });
});
