import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemblePublishingStats, columnsByName, publishingSentence, type ArticleGroupRow, type NoticeGroupRow } from '../../src/reports/publishing-stats.model.ts';
import { addDays, daysBetween, daysInMonth, monthPeriod, parsePublishingQuery, publishingQueryString, quarterPeriod } from '../../src/reports/publishing-stats.period.ts';

const now = new Date('2026-11-22T02:00:00Z');

function parse(q: Record<string, unknown>) {
  return parsePublishingQuery(q, now);
}

function messages(q: Record<string, unknown>): string[] {
  const r = parse(q);
  return 'errors' in r ? r.errors.map((e) => e.message) : [];
}

describe('the period of 发布统计', () => {
  it('reads a year, a quarter of it, a month of it, or a date range', () => {
    const y = parse({ year: '2025' });
    expect('period' in y && y.period).toMatchObject({ kind: 'year', from: '2025-01-01', to: '2025-12-31', label: '2025年' });
    const q = parse({ year: '2025', quarter: '2' });
    expect('period' in q && q.period).toMatchObject({ kind: 'quarter', from: '2025-04-01', to: '2025-06-30', label: '2025年第二季度' });
    const q4 = parse({ year: '2025', quarter: '4' });
    expect('period' in q4 && q4.period).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
    const m = parse({ year: '2024', month: '2' });
    expect('period' in m && m.period).toMatchObject({ kind: 'month', from: '2024-02-01', to: '2024-02-29', label: '2024年2月' });
    const r = parse({ from: '2025-03-15', to: '2025-04-14' });
    expect('period' in r && r.period).toMatchObject({ kind: 'range', from: '2025-03-15', to: '2025-04-14', year: null, label: '2025-03-15 至 2025-04-14' });
  });

  it('takes the current Beijing year when nothing is asked, and the subtree as the scope', () => {
    const r = parsePublishingQuery({}, new Date('2026-12-31T16:30:00Z')); // 2027-01-01 00:30 in Beijing
    expect('period' in r && r.period.label).toBe('2027年');
    expect('scope' in r && r.scope).toBe('subtree');
    const self = parse({ year: '2025', scope: 'self' });
    expect('scope' in self && self.scope).toBe('self');
  });

  it('treats a range that is exactly a calendar year as that year', () => {
    const r = parse({ from: '2025-01-01', to: '2025-12-31' });
    expect('period' in r && r.period.kind).toBe('year');
  });

  it('refuses a bad quarter, month, scope or date with a message in Chinese', () => {
    expect(messages({ year: '2025', quarter: '5' })).toEqual(['季度应为 1 至 4 之间的数字']);
    expect(messages({ year: '2025', month: '13' })).toEqual(['月份应为 1 至 12 之间的数字']);
    expect(messages({ year: '2025', month: '0' })).toEqual(['月份应为 1 至 12 之间的数字']);
    expect(messages({ year: '2025', quarter: '1', month: '2' })).toEqual(['季度和月份只能选择其中一项']);
    expect(messages({ from: '2025-01-01', quarter: '1' })).toEqual(['按起止日期查询时，不能同时选择季度或月份']);
    expect(messages({ year: '2025', scope: 'all' })).toEqual(['统计范围应为“本中心及下级中心”或“仅本中心”']);
    expect(messages({ year: 'abc' })[0]).toContain('年份应为 1949 至 2100 之间的四位数字');
    expect(messages({ from: '2025-02-30' })[0]).toContain('起始日期格式应为');
    expect(messages({ from: '2025-03-01', to: '2025-02-01' })).toEqual(['起始日期不能晚于截止日期']);
    expect(messages({ quarter: ['1', '2'] })).toEqual(['季度只能选择一个']);
    expect(messages({ year: ['2025', '2026'] })[0]).toContain('年份只能填写一个');
  });

  it('never throws on any query: either a period within bounds or errors in Chinese', () => {
    const value = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2025', '1', '4', '12', '2025-02-28', 'self', 'subtree', ''), fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }));
    fc.assert(
      fc.property(fc.record({ year: value, quarter: value, month: value, from: value, to: value, scope: value }, { requiredKeys: [] }), (q) => {
        const r = parsePublishingQuery(q, now);
        if ('errors' in r) {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
        } else {
          expect(r.period.from <= r.period.to).toBe(true);
          expect(r.period.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('writes the query string of each kind of period back', () => {
    expect(publishingQueryString(quarterPeriod(2025, 3), 'subtree')).toBe('year=2025&quarter=3');
    expect(publishingQueryString(monthPeriod(2025, 11), 'self')).toBe('year=2025&month=11&scope=self');
    const r = parse({ from: '2025-03-15', to: '2025-04-14' });
    expect('period' in r && publishingQueryString(r.period, 'subtree')).toBe('from=2025-03-15&to=2025-04-14');
  });

  it('knows the length of months, leap Februaries included, and counts days across years', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(2100, 2), daysInMonth(2000, 2), daysInMonth(2025, 12)]).toEqual([29, 28, 28, 29, 31]);
    expect(daysBetween('2025-12-30', '2026-01-02')).toBe(3);
    expect(daysBetween('2026-01-02', '2025-12-30')).toBe(-3);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });
});

describe('the statistics of a period', () => {
  const articleRows: ArticleGroupRow[] = [
    { set: 'column', centerId: 1, columnId: 10, columnName: '要闻速递', kind: 'news', columnType: '动态', isInCatalog: true, count: 51 },
    { set: 'column', centerId: 1, columnId: 11, columnName: '重要文件', kind: 'policy', columnType: '政策文件', isInCatalog: true, count: 34 },
    { set: 'column', centerId: 1, columnId: 12, columnName: '交易信息', kind: 'trading', columnType: '信息公开', isInCatalog: true, count: 4192 },
    { set: 'column', centerId: 2, columnId: 20, columnName: '要闻速递', kind: 'news', columnType: '动态', isInCatalog: true, count: 90 },
    { set: 'department', departmentId: 5, departmentName: '综合办公室', departmentCenterId: 1, count: 85 },
    { set: 'department', departmentId: null, departmentName: null, departmentCenterId: null, count: 4192 },
    { set: 'department', departmentId: 7, departmentName: '信息科', departmentCenterId: 2, count: 90 },
    { set: 'month', month: '2021-03', count: 300 },
    { set: 'month', month: '2021-12', count: 4067 },
  ];
  // The 2021 figures of the 固原市 center's annual report.
  const noticeRows: NoticeGroupRow[] = [
    { category: 'works', type: 'tender_notice', count: 800 },
    { category: 'works', type: 'amendment_notice', count: 633 },
    { category: 'procurement', type: 'tender_notice', count: 442 },
    { category: 'procurement', type: 'amendment_notice', count: 630 },
    { category: 'works', type: 'candidates_notice', count: 967 },
    { category: 'procurement', type: 'award_notice', count: 720 },
  ];
  const stats = assemblePublishingStats({ from: '2021-01-01', to: '2021-12-31', articleRows, noticeRows });

  it('adds the columns up to the total and each center, and sorts columns and departments by count', () => {
    expect(stats.total).toBe(4367);
    expect(stats.byCenter.get(1)).toBe(4277);
    expect(stats.byCenter.get(2)).toBe(90);
    expect(stats.columns.map((c) => c.count)).toEqual([4192, 90, 51, 34]);
    // The department-less bucket (agents' notices) goes last, whatever its size.
    expect(stats.departments.map((d) => d.name)).toEqual(['信息科', '综合办公室', '未归属部门（代理机构提交的交易公告等）']);
    expect(columnsByName(stats.columns).find((c) => c.name === '要闻速递')?.count).toBe(141);
  });

  it('zero-fills every month of the period', () => {
    expect(stats.months).toHaveLength(12);
    expect(stats.months[0]).toEqual({ month: '2021-01', count: 0 });
    expect(stats.months[2]).toEqual({ month: '2021-03', count: 300 });
  });

  it('groups notices as the reports do: tender notices with amendments, results, split works / procurement', () => {
    const tender = stats.notices.groups.find((g) => g.group === 'tender');
    const result = stats.notices.groups.find((g) => g.group === 'result');
    expect(tender?.total).toBe(2505);
    expect(stats.notices.amendments).toBe(1263);
    expect([tender?.byCategory.works, tender?.byCategory.procurement]).toEqual([1433, 1072]);
    expect(result?.total).toBe(1687);
    expect([result?.byCategory.works, result?.byCategory.procurement]).toEqual([967, 720]);
    expect(stats.notices.total.total).toBe(4192);
  });

  it('writes the sentence of the annual reports', () => {
    expect(publishingSentence(stats, { periodLabel: '2021年' })).toBe(
      '2021年共发布各类信息 4367 条，其中：政务信息 175 条（包括要闻速递 141 条、重要文件 34 条）；招标公告 2505 条（含变更公告 1263 条）（其中：工程建设类 1433 条、政府采购类 1072 条）；中标公示 1687 条（其中：工程建设类 967 条、政府采购类 720 条）。',
    );
  });

  it('counts a notice of an unknown category as 其他交易 and ignores an unknown type', () => {
    const s = assemblePublishingStats({ from: '2021-01-01', to: '2021-01-31', articleRows: [], noticeRows: [{ category: 'mystery', type: 'tender_notice', count: 2 }, { category: 'works', type: 'bogus', count: 9 }] });
    expect(s.notices.total.total).toBe(2);
    expect(s.notices.total.byCategory.other).toBe(2);
    expect(publishingSentence(s, { periodLabel: '2021年1月' })).toBe('2021年1月共发布各类信息 0 条，其中：招标公告 2 条（含变更公告 0 条）（其中：工程建设类 0 条、政府采购类 0 条、其他交易类 2 条）。');
  });
});
