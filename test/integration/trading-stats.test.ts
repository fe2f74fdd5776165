import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articles } from '../../src/content/content.tables.ts';
import { tradingStats } from '../../src/reports/trading-stats.service.ts';
import { notices, projects } from '../../src/trading/trading.tables.ts';
import type { Category, NoticeType } from '../../src/trading/trading.model.ts';
import { Agent, loginAs } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';

let sys: TestSystem;
let province: CenterFixture;
let city: CenterFixture;
let seq = 0;

type ProjectSpec = {
  center: CenterFixture;
  category: Category;
  status: string;
  budgetFen?: number | null;
  awardFen?: number | null;
  awardedOn?: string | null;
  updatedAt?: Date;
  notices?: { type: NoticeType; at: string; status?: string }[];
};

/** A project row, and its notices as published articles, written straight into the tables. */
async function addProject(p: ProjectSpec): Promise<void> {
  seq += 1;
  const [row] = await sys.ctx.db
    .insert(projects)
    .values({
      centerId: p.center.center.id,
      code: `T${String(seq).padStart(32, '0')}`,
      projectNo: `NO-${seq}`,
      name: `测试项目${seq}`,
      category: p.category,
      method: p.category === 'land_mining' || p.category === 'state_assets' ? 'listing' : 'open_tender',
      region: '430500',
      tendererName: '测试招标人',
      budgetFen: p.budgetFen ?? null,
      status: p.status,
      awardAmountFen: p.awardFen ?? null,
      awardedOn: p.awardedOn ?? null,
      ...(p.updatedAt ? { updatedAt: p.updatedAt } : {}),
    })
    .returning();
  if (!row) throw new Error('project');
  for (const n of p.notices ?? []) {
    const publishedAt = new Date(n.at);
    const [a] = await sys.ctx.db
      .insert(articles)
      .values({ centerId: row.centerId, columnId: p.center.columns.notice.id, authorId: p.center.users.editor.id, status: n.status ?? 'published', publisher: p.center.center.name, title: `${row.name}${n.type}`, publishedAt })
      .returning();
    if (!a) throw new Error('article');
    await sys.ctx.db.insert(notices).values({ articleId: a.id, projectId: row.id, centerId: row.centerId, type: n.type, category: row.category, method: row.method, source: 'staff' });
  }
}

beforeAll(async () => {
  sys = await startTestSystem();
  province = await makeCenter(sys.ctx, { code: 'sy', name: '邵阳市公共资源交易中心' });
  city = await makeCenter(sys.ctx, { code: 'sydt', parentId: province.center.id, name: '大祥区公共资源交易中心' });
  const P = province;
  const C = city;
  // In 2025, at the province's own center
  await addProject({ center: P, category: 'works', status: 'awarded', budgetFen: 10_000_000, awardFen: 9_000_000, awardedOn: '2025-03-15', notices: [{ type: 'prequalification_notice', at: '2024-12-15T10:00:00+08:00' }, { type: 'tender_notice', at: '2025-01-10T10:00:00+08:00' }] });
  await addProject({ center: P, category: 'procurement', status: 'contracted', budgetFen: 6_000_000, awardFen: 4_500_000, awardedOn: '2025-03-20', notices: [{ type: 'tender_notice', at: '2025-02-10T09:00:00+08:00' }] });
  await addProject({ center: P, category: 'land_mining', status: 'awarded', budgetFen: 100_000_000, awardFen: 130_000_000, awardedOn: '2025-06-01' });
  await addProject({ center: P, category: 'works', status: 'awarded', awardFen: 3_000_000, awardedOn: '2025-07-07' }); // no budget: a deal, but no saving to measure
  await addProject({ center: P, category: 'works', status: 'failed', updatedAt: new Date('2025-05-05T10:00:00+08:00') }); // no termination notice: its last change dates it
  await addProject({ center: P, category: 'procurement', status: 'open', budgetFen: 2_000_000, notices: [{ type: 'tender_notice', at: '2025-02-01T09:00:00+08:00' }] });
  await addProject({ center: P, category: 'works', status: 'open', notices: [{ type: 'tender_notice', at: '2025-04-01T09:00:00+08:00', status: 'withdrawn' }] });
  await addProject({ center: P, category: 'works', status: 'terminated', budgetFen: 1_500_000, awardFen: 1_000_000, awardedOn: '2025-04-04', notices: [{ type: 'termination_notice', at: '2025-04-20T09:00:00+08:00' }] }); // award annulled: not a deal
  // Out of 2025 at the province
  await addProject({ center: P, category: 'works', status: 'awarded', budgetFen: 7_000_000, awardFen: 6_000_000, awardedOn: '2024-12-31' });
  await addProject({ center: P, category: 'works', status: 'contracted', budgetFen: 8_000_000, awardFen: 7_000_000, awardedOn: '2026-01-01' });
  // In 2025 at the city
  await addProject({ center: C, category: 'works', status: 'awarded', budgetFen: 20_000_000, awardFen: 18_000_000, awardedOn: '2025-03-01', notices: [{ type: 'tender_notice', at: '2025-01-05T09:00:00+08:00' }] });
  await addProject({ center: C, category: 'state_assets', status: 'contracted', budgetFen: 50_000_000, awardFen: 55_000_000, awardedOn: '2025-11-30' });
  await addProject({ center: C, category: 'works', status: 'terminated', notices: [{ type: 'tender_notice', at: '2024-12-20T09:00:00+08:00' }, { type: 'termination_notice', at: '2025-08-08T09:00:00+08:00' }] });
  // Opened on either side of the Beijing new year (20:00 and 00:30 Beijing are both 31 December in UTC)
  await addProject({ center: C, category: 'works', status: 'evaluating', notices: [{ type: 'tender_notice', at: '2025-12-31T20:00:00+08:00' }] });
  await addProject({ center: C, category: 'works', status: 'open', notices: [{ type: 'tender_notice', at: '2026-01-01T00:30:00+08:00' }] });
});
afterAll(async () => sys?.close());

async function readXlsx(payload: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // read() rather than load(): exceljs declares a global Buffer that extends ArrayBuffer, which no Node Buffer satisfies
  await wb.xlsx.read(Readable.from([payload]));
  return wb;
}

const ids = () => ({ province: [province.center.id, city.center.id], city: [city.center.id] });

describe('the figures', () => {
  it('covers the province and its city, per category and in total', async () => {
    const s = await tradingStats(sys.ctx.db, { centerIds: ids().province, from: '2025-01-01', to: '2025-12-31' });
    const by = Object.fromEntries(s.categories.map((c) => [c.category, c]));
    expect(by.works).toMatchObject({ projects: 2, deals: 3, awardFen: 30_000_000, budgetFen: 30_000_000, savingFen: 3_000_000, savingRate: 0.1, premiumFen: null, failed: 3 });
    expect(by.procurement).toMatchObject({ projects: 2, deals: 1, awardFen: 4_500_000, budgetFen: 6_000_000, savingFen: 1_500_000, savingRate: 0.25, failed: 0 });
    expect(by.land_mining).toMatchObject({ projects: 0, deals: 1, awardFen: 130_000_000, savingFen: null, premiumFen: 30_000_000, premiumRate: 0.3, revenueFen: 130_000_000 });
    expect(by.state_assets).toMatchObject({ deals: 1, awardFen: 55_000_000, premiumFen: 5_000_000, premiumRate: 0.1, revenueFen: 0 });
    expect(s.total).toMatchObject({
      projects: 4,
      deals: 6,
      awardFen: 219_500_000,
      budgetFen: 186_000_000,
      savingFen: 4_500_000,
      savingRate: 0.125,
      premiumFen: 35_000_000,
      premiumRate: 0.2333,
      revenueFen: 130_000_000,
      failed: 3,
    });
  });

  it('counts published notices by type and leaves out withdrawn and out-of-period ones', async () => {
    const s = await tradingStats(sys.ctx.db, { centerIds: ids().province, from: '2025-01-01', to: '2025-12-31' });
    expect(s.total.notices).toMatchObject({ tender_notice: 5, prequalification_notice: 0, termination_notice: 2 });
    expect(s.categories.find((c) => c.category === 'works')?.notices.tender_notice).toBe(3);
  });

  it('gives a monthly series by award month, zero-filled', async () => {
    const s = await tradingStats(sys.ctx.db, { centerIds: ids().province, from: '2025-01-01', to: '2025-12-31' });
    expect(s.months).toHaveLength(12);
    expect(s.months.filter((m) => m.deals > 0)).toEqual([
      { month: '2025-03', deals: 3, awardFen: 31_500_000 },
      { month: '2025-06', deals: 1, awardFen: 130_000_000 },
      { month: '2025-07', deals: 1, awardFen: 3_000_000 },
      { month: '2025-11', deals: 1, awardFen: 55_000_000 },
    ]);
  });

  it("keeps a city to its own projects, without its parent's", async () => {
    const s = await tradingStats(sys.ctx.db, { centerIds: ids().city, from: '2025-01-01', to: '2025-12-31' });
    expect(s.total).toMatchObject({ projects: 2, deals: 2, awardFen: 73_000_000, savingFen: 2_000_000, savingRate: 0.1, premiumFen: 5_000_000, premiumRate: 0.1, revenueFen: 0, failed: 1 });
  });

  it('splits the figures per center so that they add up to the total', async () => {
    const s = await tradingStats(sys.ctx.db, { centerIds: ids().province, from: '2025-01-01', to: '2025-12-31' });
    expect(s.byCenter.get(province.center.id)).toMatchObject({ projects: 2, deals: 4, awardFen: 146_500_000, failed: 2 });
    expect(s.byCenter.get(city.center.id)).toMatchObject({ projects: 2, deals: 2, awardFen: 73_000_000, failed: 1 });
  });

  it('leaves out deals awarded the day before and the day after the period', async () => {
    const s = await tradingStats(sys.ctx.db, { centerIds: ids().province, from: '2024-12-31', to: '2024-12-31' });
    expect(s.total).toMatchObject({ deals: 1, awardFen: 6_000_000 });
    const next = await tradingStats(sys.ctx.db, { centerIds: ids().province, from: '2026-01-01', to: '2026-12-31' });
    expect(next.total).toMatchObject({ deals: 1, awardFen: 7_000_000, projects: 1 });
  });
});

describe('the public page', () => {
  it('shows the table, the charts and the Excel link of the chosen year', async () => {
    const res = await sys.app.app.inject({ method: 'GET', url: '/trading/stats?year=2025' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('邵阳市公共资源交易中心交易统计');
    expect(res.body).toContain('<th scope="row">合计</th><td>4</td><td>6</td><td>219.50</td><td>186.00</td><td>4.50</td><td>12.50%</td><td>35.00</td><td>23.33%</td><td>3</td>');
    expect(res.body).toContain('<th scope="row">工程建设</th><td>2</td><td>3</td><td>30.00</td>');
    expect(res.body).toMatch(/<svg role="img" aria-label="2025年各类别成交宗数（柱状图）：工程建设 3 宗，政府采购 1 宗，土地矿业权 1 宗，国有产权 1 宗。"/);
    expect(res.body.match(/<svg role="img"/g)).toHaveLength(2);
    expect(res.body).not.toMatch(/<style|style="/); // the policy is style-src 'self'
    expect(res.body).toContain('href="/trading/stats.xlsx?year=2025"');
    expect(res.body).toContain('下载 Excel');
  });

  it("shows only a city's own figures under its portal", async () => {
    const res = await sys.app.app.inject({ method: 'GET', url: '/c/sydt/trading/stats?year=2025' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<th scope="row">合计</th><td>2</td><td>2</td><td>73.00</td>');
    expect(res.body).toContain('href="/c/sydt/trading/stats.xlsx?year=2025"');
  });

  it('defaults to the current Beijing year', async () => {
    const res = await sys.app.app.inject({ method: 'GET', url: '/trading/stats' });
    expect(res.statusCode).toBe(200);
    const year = new Date(sys.clock.now().getTime() + 8 * 3600_000).getUTCFullYear();
    expect(res.body).toContain(`分类汇总（${year}年）`);
  });

  it('answers a bad year or range with 400 and a message in Chinese', async () => {
    for (const url of ['/trading/stats?year=abc', '/trading/stats?from=2025-05-01&to=2025-04-01', '/trading/stats?from=2025-02-30', '/trading/stats.xlsx?year=abc']) {
      const res = await sys.app.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toMatch(/年份应为|起始日期/);
    }
  });
});

describe('the Excel file', () => {
  it('holds the same figures as the page, as numbers', async () => {
    const res = await sys.app.app.inject({ method: 'GET', url: '/trading/stats.xlsx?year=2025' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="trading-stats-sy-2025-01-01_2025-12-31.xlsx"; filename*=UTF-8''${encodeURIComponent('邵阳市公共资源交易中心交易统计-2025年.xlsx')}`);
    const wb = await readXlsx(res.rawPayload);
    const summary = wb.getWorksheet('汇总');
    expect(summary?.getCell('A1').value).toBe('邵阳市公共资源交易中心交易统计（2025年）');
    const values = (label: string) => {
      let found: unknown[] | null = null;
      summary?.eachRow((row) => {
        if (row.getCell(1).value === label) found = Array.from({ length: 9 }, (_, i) => row.getCell(i + 2).value);
      });
      return found;
    };
    expect(values('合计')).toEqual([4, 6, 219.5, 186, 4.5, 0.125, 35, 0.2333, 3]);
    expect(values('土地矿业权')).toEqual([0, 1, 130, 100, null, null, 30, 0.3, 0]);
    expect(summary?.getRow(4).getCell(7).numFmt).toBe('0.00%');
    expect(summary?.getRow(4).getCell(4).numFmt).toBe('#,##0.00');
    const monthly = wb.getWorksheet('月度');
    const march = monthly?.getRows(1, 20)?.find((r) => r.getCell(1).value === '2025-03');
    expect([march?.getCell(2).value, march?.getCell(3).value]).toEqual([3, 31.5]);
    expect(wb.getWorksheet('分中心')).toBeUndefined();
  });
});

describe('the back-office page', () => {
  const url = () => `/admin/c/${province.center.id}/trading/stats?year=2025`;

  it('sends an anonymous visitor to the login page', async () => {
    const res = await new Agent(sys.app.app).get(url());
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/admin\/login/);
  });

  it('shows staff of the center the figures and one row per center of its subtree', async () => {
    const editor = await loginAs(sys.app.app, province.users.editor, sys.clock);
    const res = await editor.get(url());
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<th scope="row">合计</th><td>4</td><td>6</td><td>219.50</td>');
    expect(res.body).toContain('<th scope="row">邵阳市公共资源交易中心</th><td>2</td><td>4</td><td>146.50</td>');
    expect(res.body).toContain('<th scope="row">　大祥区公共资源交易中心</th><td>2</td><td>2</td><td>73.00</td>');
    expect(res.body).toContain(`href="/admin/c/${province.center.id}/trading/stats.xlsx?year=2025"`);
    const xlsx = await editor.get(`/admin/c/${province.center.id}/trading/stats.xlsx?year=2025`);
    expect(xlsx.statusCode).toBe(200);
    const wb = await readXlsx(xlsx.rawPayload);
    expect(wb.getWorksheet('分中心')?.getRow(5).getCell(3).value).toBe(2);
  });

  it('refuses staff of another center, the child included, and staff without a role', async () => {
    for (const user of [city.users.editor, province.users.outsider]) {
      const agent = await loginAs(sys.app.app, user, sys.clock);
      const res = await agent.get(url());
      expect(res.statusCode, user.username).toBe(403);
      const xlsx = await agent.get(`/admin/c/${province.center.id}/trading/stats.xlsx?year=2025`);
      expect(xlsx.statusCode, user.username).toBe(403);
    }
  });

  it('answers a bad year with 400 and a message in Chinese', async () => {
    const editor = await loginAs(sys.app.app, province.users.editor, sys.clock);
    const res = await editor.get(`/admin/c/${province.center.id}/trading/stats?year=abc`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('年份应为 1949 至 2100 之间的四位数字');
  });
});
