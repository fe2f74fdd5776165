import { describe, expect, it } from 'vitest';
import {
  blockingChecks,
  checkBalance,
  checkCarryOver,
  checkPlaceholders,
  checkPeriodComplete,
  checkProactiveRunning,
  checkReport,
  checkResultsTotal,
  checkReviewTotals,
  checkRowTotals,
} from '../../src/reports/annual/annual-checks.ts';
import { withTotals } from '../../src/reports/annual/annual-figures.ts';
import { emptyProactive, emptyRequestGrid, emptyReview, type AnnualFigures, type RequestGrid } from '../../src/reports/annual/annual.model.ts';

/** A consistent 2021 grid: 5 new + 2 carried = 4 closed + 3 carried on, all natural persons, plus one enterprise. */
function consistentGrid(): RequestGrid {
  const g = emptyRequestGrid('2021');
  const set = (row: string, col: 'natural_person' | 'commercial_enterprise', n: number) => {
    const r = g[row];
    if (r) r[col] = n;
  };
  set('received_this_year', 'natural_person', 5);
  set('carried_from_last_year', 'natural_person', 2);
  set('disclosed', 'natural_person', 3);
  set('unavailable_not_held', 'natural_person', 1);
  set('carried_to_next_year', 'natural_person', 3);
  set('received_this_year', 'commercial_enterprise', 1);
  set('partial', 'commercial_enterprise', 1);
  return withTotals(g);
}

function figures(requests: RequestGrid): AnnualFigures {
  return { format: '2021', requests, proactive: emptyProactive(), reviewLitigation: emptyReview() };
}

function poke(g: RequestGrid, row: string, col: keyof RequestGrid[string], n: number): RequestGrid {
  const out = structuredClone(g);
  const r = out[row];
  if (r) r[col] = n;
  return out;
}

describe('annual report checks', () => {
  it('passes a consistent grid on every arithmetic rule', () => {
    const g = consistentGrid();
    expect(checkBalance(g).ok).toBe(true);
    expect(checkResultsTotal(g, '2021').ok).toBe(true);
    expect(checkRowTotals(g, '2021').ok).toBe(true);
  });

  it('fails 一 + 二 = 三（七）总计 + 四 in the column where it breaks, with both sides and the difference', () => {
    const g = poke(poke(consistentGrid(), 'carried_to_next_year', 'natural_person', 2), 'carried_to_next_year', 'total', 2);
    const c = checkBalance(g);
    expect(c).toMatchObject({ id: 'balance', ok: false, level: 'error' });
    expect(c.message).toContain('“自然人”列：一（5）+ 二（2）= 7，三（七）总计（4）+ 四（2）= 6，相差 1');
    expect(c.message).toContain('“总计”列：一（6）+ 二（2）= 8，三（七）总计（5）+ 四（2）= 7，相差 1');
    expect(c.message).not.toContain('商业企业');
  });

  it('fails （七）总计 when it is not the sum of the outcome rows', () => {
    const g = poke(consistentGrid(), 'results_total', 'natural_person', 5);
    const c = checkResultsTotal(g, '2021');
    expect(c.ok).toBe(false);
    expect(c.message).toContain('“自然人”列：（七）总计为 5，各项办理结果之和为 4，相差 1');
  });

  it('sums the three （六） rows of 2021 and the single （六） row of the 2019 format', () => {
    const g21 = withTotals(poke(poke(emptyRequestGrid('2021'), 'other_fee_unpaid', 'natural_person', 2), 'other_other', 'natural_person', 1));
    expect(g21.results_total?.natural_person).toBe(3);
    expect(checkResultsTotal(g21, '2021').ok).toBe(true);
    const g19 = withTotals(poke(emptyRequestGrid('2019'), 'other', 'natural_person', 4), '2019');
    expect(g19.results_total?.natural_person).toBe(4);
    expect(checkResultsTotal(g19, '2019').ok).toBe(true);
  });

  it('fails 总计 of a row that is not the sum of the six applicant columns, naming the row', () => {
    const g = poke(consistentGrid(), 'disclosed', 'total', 4);
    const c = checkRowTotals(g, '2021');
    expect(c.ok).toBe(false);
    expect(c.message).toBe('总计不等于各类申请人之和：“（一）予以公开”行：总计为 4，各类申请人之和为 3，相差 1');
  });

  it('compares this year’s 上年结转 with last year’s 结转下年度继续办理 column by column', () => {
    const now = consistentGrid();
    const last = poke(poke(emptyRequestGrid('2021'), 'carried_to_next_year', 'natural_person', 3), 'carried_to_next_year', 'total', 3);
    const c = checkCarryOver(now, 2025, { year: 2024, figures: figures(last) });
    expect(c.ok).toBe(false);
    expect(c.message).toContain('“自然人”列：本年“上年结转”为 2，2024 年度报告“结转下年度继续办理”为 3，相差 -1');
    expect(c.message).toContain('“总计”列');
    const same = poke(poke(emptyRequestGrid('2019'), 'carried_to_next_year', 'natural_person', 2), 'carried_to_next_year', 'total', 2);
    expect(checkCarryOver(now, 2021, { year: 2020, figures: { ...figures(same), format: '2019' } }).ok).toBe(true);
  });

  it('skips the carry-over check, without blocking, when last year’s report is missing or not the year before', () => {
    const missing = checkCarryOver(consistentGrid(), 2025, null);
    expect(missing).toMatchObject({ ok: true, isSkipped: true });
    expect(missing.message).toContain('未找到 2024 年度报告');
    expect(checkCarryOver(consistentGrid(), 2025, { year: 2022, figures: figures(emptyRequestGrid('2021')) }).isSkipped).toBe(true);
  });

  it('fails a table-四 group whose 总计 is not 维持 + 纠正 + 其他 + 尚未审结', () => {
    const r = emptyReview();
    r.reconsideration = { upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 };
    r.litigation_direct = { upheld: 2, corrected: 0, other: 0, pending: 0, total: 1 };
    const c = checkReviewTotals(r);
    expect(c.ok).toBe(false);
    expect(c.message).toBe('行政复议、行政诉讼的总计不等于各项结果之和：“未经复议直接起诉”：总计为 1，各项结果之和为 2，相差 -1');
  });

  it('warns, without blocking, when 现行有效 does not follow last year’s + 制发 − 废止', () => {
    const last = emptyProactive();
    last.normativeDocuments = { issued: 2, repealed: 0, inForce: 10 };
    const now = emptyProactive();
    now.normativeDocuments = { issued: 3, repealed: 1, inForce: 11 };
    const c = checkProactiveRunning(now, 2025, { year: 2024, figures: { ...figures(emptyRequestGrid('2021')), proactive: last } });
    expect(c).toMatchObject({ ok: false, level: 'warning' });
    expect(c.message).toContain('“行政规范性文件”：现行有效 11 件，按上年现行有效 10 + 本年制发 3 − 本年废止 1 应为 12 件');
    now.normativeDocuments.inForce = 12;
    expect(checkProactiveRunning(now, 2025, { year: 2024, figures: { ...figures(emptyRequestGrid('2021')), proactive: last } }).ok).toBe(true);
    expect(blockingChecks([c])).toEqual([]);
  });

  it('warns about a year that has not ended and about 【请补充】 prompts left in the texts', () => {
    expect(checkPeriodComplete(2026, '2026-12-04')).toMatchObject({ ok: false, level: 'warning' });
    expect(checkPeriodComplete(2025, '2026-01-05').ok).toBe(true);
    expect(checkPlaceholders(['一段【请补充：工作机构】', '又【请补充：问题】'])).toMatchObject({ ok: false, message: '正文中还有 2 处“【请补充……】”待填写' });
  });

  it('blocks publication on failed errors only', () => {
    const bad = poke(poke(consistentGrid(), 'disclosed', 'natural_person', 4), 'carried_to_next_year', 'natural_person', 1);
    const checks = checkReport({ year: 2025, figures: figures(bad), previous: null, today: '2026-01-10', texts: ['【请补充：x】'] });
    expect(blockingChecks(checks).map((c) => c.id)).toEqual(['balance', 'results_total', 'row_totals']);
    expect(checks.find((c) => c.id === 'placeholders')?.ok).toBe(false);
  });
});
