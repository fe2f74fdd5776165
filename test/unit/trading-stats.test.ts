import { describe, expect, it } from 'vitest';
import { cspSafeSvg } from '../../src/reports/chart-render.ts';
import { renderCategoryChart } from '../../src/reports/trading-charts.ts';
import {
  assembleStats,
  categoryFigures,
  divRound,
  fenToWan,
  formatPercent,
  formatWan,
  formatYi,
  monthsBetween,
  rateOf,
  ZERO_SUMS,
  type DealRow,
  type RawDealSums,
} from '../../src/reports/trading-stats.model.ts';
import { parseStatsQuery } from '../../src/reports/trading-stats.period.ts';
import { leadSentence, summaryRows } from '../../src/reports/trading-stats.presenter.ts';
import { attachmentDisposition } from '../../src/reports/trading-stats.xlsx.ts';

const now = new Date('2026-11-22T02:00:00Z');
const YI = 10_000_000_000; // fen in 1 亿元

function row(category: string, sums: Partial<RawDealSums>, centerId = 1): DealRow {
  return { ...ZERO_SUMS, ...sums, centerId, category, month: null, isMonthly: false };
}

describe('report arithmetic', () => {
  it('rounds half away from zero, exactly, where floating point would not', () => {
    expect(divRound(5, 10, 1)).toBe(1);
    expect(divRound(-5, 10, 1)).toBe(-1);
    expect(divRound(4, 10, 1)).toBe(0);
    expect(divRound(1, 3, 10_000)).toBe(3333);
    expect(divRound(2, 3, 10_000)).toBe(6667);
    // 3 / 20 000 is 1.5 basis points exactly; floating point (3 / 20000 * 10000 = 1.4999…) would round it down
    expect(divRound(3, 20_000, 10_000)).toBe(2);
    expect(divRound(9_007_199_254_740_991, 2, 1)).toBe(4_503_599_627_370_496);
    expect(divRound(1, 0, 100)).toBeNull();
  });

  it('gives a rate as a fraction rounded to 0.01 %, and no rate without a base', () => {
    expect(rateOf(638, 10_000)).toBe(0.0638);
    expect(rateOf(1, 3)).toBe(0.3333);
    expect(rateOf(-1, 8)).toBe(-0.125);
    expect(rateOf(5, 0)).toBeNull();
  });

  it('converts fen to 万元 with two decimals, rounding the half cent of 万 up', () => {
    expect(fenToWan(1_889_500_000_000)).toBe(1_889_500);
    expect(fenToWan(5_000)).toBe(0.01);
    expect(fenToWan(4_999)).toBe(0);
    expect(fenToWan(-5_000)).toBe(-0.01);
    expect(fenToWan(123_456_789)).toBe(123.46);
  });

  it('formats 万元, 亿元 and percentages the way the tables print them', () => {
    expect(formatWan(1_889_500_000_000)).toBe('1,889,500.00');
    expect(formatWan(-1_500_000)).toBe('-1.50');
    expect(formatWan(null)).toBe('—');
    expect(formatYi(188.95 * YI)).toBe('188.95');
    expect(formatPercent(0.0338)).toBe('3.38%');
    expect(formatPercent(0.1)).toBe('10.00%');
    expect(formatPercent(-0.125)).toBe('-12.50%');
    expect(formatPercent(null)).toBe('—');
  });

  it('lists every month of a period across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-03')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-01-01', '2026-12-31')).toHaveLength(12);
  });
});

describe('saving and premium by category', () => {
  it('measures 节资 on a budgeted category and no 溢价', () => {
    const f = categoryFigures('works', { ...ZERO_SUMS, deals: 2, awardFen: 900, budgetFen: 1000, comparableBaseFen: 1000, comparableAwardFen: 900 });
    expect(f).toMatchObject({ savingFen: 100, savingRate: 0.1, premiumFen: null, premiumRate: null, revenueFen: 0 });
  });

  it('measures 溢价 against the starting price for land, and counts its award as 出让收入', () => {
    const f = categoryFigures('land_mining', { ...ZERO_SUMS, deals: 1, awardFen: 1300, budgetFen: 1000, comparableBaseFen: 1000, comparableAwardFen: 1300 });
    expect(f).toMatchObject({ savingFen: null, savingRate: null, premiumFen: 300, premiumRate: 0.3, revenueFen: 1300 });
  });

  it('gives no saving rate to deals without a budget', () => {
    const f = categoryFigures('procurement', { ...ZERO_SUMS, deals: 1, awardFen: 500 });
    expect(f.savingFen).toBeNull();
    expect(f.savingRate).toBeNull();
  });

  it('totals saving over non-sale categories only and premium over sales only', () => {
    const s = assembleStats({
      from: '2025-01-01',
      to: '2025-12-31',
      noticeRows: [],
      dealRows: [
        row('works', { deals: 1, awardFen: 900, budgetFen: 1000, comparableBaseFen: 1000, comparableAwardFen: 900 }),
        row('procurement', { deals: 1, awardFen: 750, budgetFen: 1000, comparableBaseFen: 1000, comparableAwardFen: 750 }),
        row('state_assets', { deals: 1, awardFen: 1100, budgetFen: 1000, comparableBaseFen: 1000, comparableAwardFen: 1100 }),
      ],
    });
    expect(s.total).toMatchObject({ deals: 3, awardFen: 2750, budgetFen: 3000, savingFen: 350, savingRate: 0.175, premiumFen: 100, premiumRate: 0.1, revenueFen: 0 });
  });
});

describe('the empty period', () => {
  const empty = assembleStats({ from: '2026-01-01', to: '2026-12-31', dealRows: [], noticeRows: [] });

  it('has zeros, no rates and twelve empty months', () => {
    expect(empty.total).toMatchObject({ projects: 0, deals: 0, awardFen: 0, budgetFen: 0, savingFen: null, savingRate: null, premiumFen: null, premiumRate: null, revenueFen: 0, failed: 0 });
    expect(empty.categories.map((c) => c.category)).toEqual(['works', 'procurement', 'land_mining', 'state_assets', 'medicine', 'other']);
    expect(empty.months).toHaveLength(12);
    expect(empty.months.every((m) => m.deals === 0 && m.awardFen === 0)).toBe(true);
    expect(empty.byCenter.size).toBe(0);
  });

  it('shows only the total row, and says so in words', () => {
    expect(summaryRows(empty).map((r) => r.label)).toEqual(['合计']);
    expect(leadSentence(empty, { from: '2026-01-01', to: '2026-12-31', year: 2026, label: '2026年' })).toBe('2026年全年共完成交易 0 宗，成交金额 0.00 万元。');
  });
});

describe('the Shaoyang 2018 yardstick', () => {
  it('shows 1,016 deals worth ¥188.95亿 split 686 / 247 / 66 / 17', () => {
    const s = assembleStats({
      from: '2018-01-01',
      to: '2018-12-31',
      noticeRows: [{ category: 'works', type: 'tender_notice', count: 1301 }],
      dealRows: [
        row('works', { deals: 686, awardFen: 150 * YI }),
        row('procurement', { deals: 247, awardFen: 20 * YI }),
        row('land_mining', { deals: 66, awardFen: 15.5 * YI }),
        row('state_assets', { deals: 17, awardFen: 3.45 * YI }),
      ],
    });
    const rows = summaryRows(s);
    expect(rows.map((r) => [r.label, r.deals])).toEqual([
      ['工程建设', 686],
      ['政府采购', 247],
      ['土地矿业权', 66],
      ['国有产权', 17],
      ['合计', 1016],
    ]);
    expect(formatYi(s.total.awardFen)).toBe('188.95');
    expect(formatWan(s.total.awardFen)).toBe('1,889,500.00');
    expect(s.total.notices.tender_notice).toBe(1301);
    expect(leadSentence(s, { from: '2018-01-01', to: '2018-12-31', year: 2018, label: '2018年' })).toContain('共完成交易 1016 宗，成交金额 188.95 亿元');
  });

  it('counts a category outside the vocabulary as 其他交易 instead of losing it', () => {
    const s = assembleStats({ from: '2018-01-01', to: '2018-12-31', noticeRows: [], dealRows: [row('carbon', { deals: 2, awardFen: 10 })] });
    expect(s.categories.find((c) => c.category === 'other')?.deals).toBe(2);
    expect(s.total.deals).toBe(2);
  });
});

describe('the period of a statistics query', () => {
  it('defaults to the current Beijing year', () => {
    const r = parseStatsQuery({}, new Date('2026-12-31T16:30:00Z')); // 2027-01-01 00:30 in Beijing
    expect('period' in r && r.period).toEqual({ from: '2027-01-01', to: '2027-12-31', year: 2027, label: '2027年' });
  });

  it('reads a year, and a date range', () => {
    const y = parseStatsQuery({ year: '2018' }, now);
    expect('period' in y && y.period.from).toBe('2018-01-01');
    const r = parseStatsQuery({ from: '2026-03-01', to: '2026-05-31' }, now);
    expect('period' in r && r.period).toEqual({ from: '2026-03-01', to: '2026-05-31', year: null, label: '2026-03-01 至 2026-05-31' });
  });

  it('runs a start date alone to today, and names a whole calendar year as that year', () => {
    const r = parseStatsQuery({ from: '2026-06-01' }, now);
    expect('period' in r && r.period.to).toBe('2026-11-22');
    const y = parseStatsQuery({ from: '2025-01-01', to: '2025-12-31' }, now);
    expect('period' in y && y.period.year).toBe(2025);
  });

  it('refuses an unreadable year, an impossible date, a reversed or too long range, and repeated values, in Chinese', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ year: 'abc' }, 'year'],
      [{ year: '1800' }, 'year'],
      [{ from: '2026-02-30' }, 'from'],
      [{ to: '2026/12/31' }, 'to'],
      [{ from: '2026-05-01', to: '2026-04-01' }, 'from'],
      [{ from: '2000-01-01', to: '2026-01-01' }, 'from'],
      [{ year: ['2025', '2026'] }, 'year'],
    ];
    for (const [q, field] of cases) {
      const r = parseStatsQuery(q, now);
      expect('errors' in r, JSON.stringify(q)).toBe(true);
      if ('errors' in r) {
        expect(r.errors[0]?.field).toBe(field);
        expect(r.errors[0]?.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});

describe('charts and downloads', () => {
  it('makes ECharts SVG pass a style-src self policy and names it for screen readers', () => {
    const out = cspSafeSvg('<svg width="10"><style>.a:hover{}</style><text class="zr1-cls-2" style="font-size:12px;font-family:sans-serif;">工程</text></svg>', '成交 "宗数" <图>');
    expect(out).toBe('<svg role="img" aria-label="成交 &quot;宗数&quot; &lt;图&gt;" focusable="false" width="10"><text font-size="12px" font-family="sans-serif">工程</text></svg>');
  });

  it('renders a category chart to SVG with its numbers in the accessible name', async () => {
    const svg = await renderCategoryChart([{ category: 'works', label: '工程建设', deals: 686, awardFen: 0 }], { title: '各类别成交宗数' });
    expect(svg).toMatch(/^<svg role="img" aria-label="各类别成交宗数（柱状图）：工程建设 686 宗。"/);
    expect(svg).toContain('>686</text>');
    expect(svg).not.toMatch(/<style|style="/);
  });

  it('names the Excel file in UTF-8 (RFC 5987) with an ASCII fallback', () => {
    const d = attachmentDisposition({ filename: '邵阳交易统计-2018年(全).xlsx', fallback: 'trading-stats-2018.xlsx' });
    expect(d).toBe(`attachment; filename="trading-stats-2018.xlsx"; filename*=UTF-8''${encodeURIComponent('邵阳交易统计-2018年')}%28${encodeURIComponent('全')}%29.xlsx`);
  });
});
