/**
 * The checks of a report before publication (reference/disclosure-law.md §2.3 and §2.4), pure. Each failed
 * check names the offending cells and their numbers, so the one who fixes it need not recompute anything.
 */
import {
  APPEAL_COLUMN_LABELS,
  APPEAL_GROUP_LABELS,
  APPEAL_GROUPS,
  APPLICANT_COLUMN_IDS,
  cellOf,
  outcomeRows,
  REQUEST_COLUMN_IDS,
  REQUEST_COLUMN_LABELS,
  REQUEST_ROWS,
  ROW,
  type AnnualFigures,
  type CheckResult,
  type DocumentCounts,
  type ProactiveFigures,
  type ReportFormat,
  type RequestGrid,
  type ReviewFigures,
} from './annual.model.ts';

export const CHECK_IDS = ['balance', 'results_total', 'row_totals', 'carry_over', 'review_totals', 'proactive_running', 'period_complete', 'placeholders'] as const;

/** A previous year's report as far as the cross-year checks need it. */
export type PreviousReport = { year: number; figures: AnnualFigures };

/** Every check of a report, in a stable order. */
export function checkReport(o: { year: number; figures: AnnualFigures; previous: PreviousReport | null; today: string; texts?: string[] }): CheckResult[] {
  const { figures } = o;
  const out = [checkBalance(figures.requests), checkResultsTotal(figures.requests, figures.format), checkRowTotals(figures.requests, figures.format), checkCarryOver(figures.requests, o.year, o.previous)];
  if (figures.reviewLitigation) out.push(checkReviewTotals(figures.reviewLitigation));
  if (figures.proactive) out.push(checkProactiveRunning(figures.proactive, o.year, o.previous));
  out.push(checkPeriodComplete(o.year, o.today));
  if (o.texts) out.push(checkPlaceholders(o.texts));
  return out;
}

/** Rule 1, per column: 一 + 二 = 三（七）总计 + 四 (the 勾稽关系 printed in the table). */
export function checkBalance(grid: RequestGrid): CheckResult {
  const bad = REQUEST_COLUMN_IDS.flatMap((c) => {
    const a = cellOf(grid, ROW.received, c);
    const b = cellOf(grid, ROW.carriedIn, c);
    const t = cellOf(grid, ROW.resultsTotal, c);
    const d = cellOf(grid, ROW.carriedOut, c);
    return a + b === t + d ? [] : [`“${REQUEST_COLUMN_LABELS[c]}”列：一（${a}）+ 二（${b}）= ${a + b}，三（七）总计（${t}）+ 四（${d}）= ${t + d}，相差 ${a + b - t - d}`];
  });
  return result('balance', 'error', bad, '每一列均满足：第一项加第二项之和，等于第三项（七）总计加第四项之和', '第一项加第二项之和不等于第三项（七）总计加第四项之和：');
}

/** Rule 2, per column: （七）总计 = the sum of the outcome rows. */
export function checkResultsTotal(grid: RequestGrid, format: ReportFormat): CheckResult {
  const rows = outcomeRows(format);
  const bad = REQUEST_COLUMN_IDS.flatMap((c) => {
    const sum = rows.reduce((n, r) => n + cellOf(grid, r.id, c), 0);
    const total = cellOf(grid, ROW.resultsTotal, c);
    return sum === total ? [] : [`“${REQUEST_COLUMN_LABELS[c]}”列：（七）总计为 ${total}，各项办理结果之和为 ${sum}，相差 ${total - sum}`];
  });
  return result('results_total', 'error', bad, '（七）总计等于（一）至（六）各项办理结果之和', '（七）总计不等于各项办理结果之和：');
}

/** Rule 3, per row: 总计 = 自然人 + the five 法人或其他组织 columns. */
export function checkRowTotals(grid: RequestGrid, format: ReportFormat): CheckResult {
  const bad = REQUEST_ROWS[format].flatMap((r) => {
    const sum = APPLICANT_COLUMN_IDS.reduce((n, c) => n + cellOf(grid, r.id, c), 0);
    const total = cellOf(grid, r.id, 'total');
    return sum === total ? [] : [`“${r.label}”行：总计为 ${total}，各类申请人之和为 ${sum}，相差 ${total - sum}`];
  });
  return result('row_totals', 'error', bad, '每一行的总计等于自然人与各类法人或其他组织之和', '总计不等于各类申请人之和：');
}

/** Rule 4, per column: this year's 二、上年结转 = last year's 四、结转下年度继续办理 (skipped without last year's report). */
export function checkCarryOver(grid: RequestGrid, year: number, previous: PreviousReport | null): CheckResult {
  if (!previous || previous.year !== year - 1) {
    return { id: 'carry_over', ok: true, level: 'error', isSkipped: true, message: `未找到 ${year - 1} 年度报告，上年结转未核对（可在“往年报告”中录入或导入 ${year - 1} 年度报告）` };
  }
  const bad = REQUEST_COLUMN_IDS.flatMap((c) => {
    const now = cellOf(grid, ROW.carriedIn, c);
    const before = cellOf(previous.figures.requests, ROW.carriedOut, c);
    return now === before ? [] : [`“${REQUEST_COLUMN_LABELS[c]}”列：本年“上年结转”为 ${now}，${previous.year} 年度报告“结转下年度继续办理”为 ${before}，相差 ${now - before}`];
  });
  return result('carry_over', 'error', bad, `上年结转与 ${previous.year} 年度报告的结转下年度继续办理一致`, `上年结转与 ${previous.year} 年度报告不一致：`);
}

/** Table 四, per group: 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
export function checkReviewTotals(review: ReviewFigures): CheckResult {
  const bad = APPEAL_GROUPS.flatMap((g) => {
    const v = review[g];
    const sum = v.upheld + v.corrected + v.other + v.pending;
    return sum === v.total ? [] : [`“${APPEAL_GROUP_LABELS[g]}”：${APPEAL_COLUMN_LABELS.total}为 ${v.total}，各项结果之和为 ${sum}，相差 ${v.total - sum}`];
  });
  return result('review_totals', 'error', bad, '行政复议、行政诉讼各组的总计等于各项结果之和', '行政复议、行政诉讼的总计不等于各项结果之和：');
}

/** Warning only: 现行有效(N) = 现行有效(N−1) + 本年制发 − 本年废止 (a heuristic, not an official rule). */
export function checkProactiveRunning(current: ProactiveFigures, year: number, previous: PreviousReport | null): CheckResult {
  const before = previous && previous.year === year - 1 ? previous.figures.proactive : null;
  if (!before) return { id: 'proactive_running', ok: true, level: 'warning', isSkipped: true, message: `没有 ${year - 1} 年度报告的主动公开数据，现行有效件数未与上年核对` };
  const row = (label: string, now: DocumentCounts, last: DocumentCounts) => {
    const expected = last.inForce + now.issued - now.repealed;
    return expected === now.inForce ? [] : [`“${label}”：现行有效 ${now.inForce} 件，按上年现行有效 ${last.inForce} + 本年制发 ${now.issued} − 本年废止 ${now.repealed} 应为 ${expected} 件`];
  };
  const bad = [...row('规章', current.regulations, before.regulations), ...row('行政规范性文件', current.normativeDocuments, before.normativeDocuments)];
  return result('proactive_running', 'warning', bad, '现行有效件数与上年现行有效件数、本年制发和废止件数相符', '现行有效件数与上年数据不衔接（提示，请核实是否有修改、失效等情况）：');
}

/** Warning: a report of a year that has not ended counts only up to today. */
export function checkPeriodComplete(year: number, today: string): CheckResult {
  const isComplete = today > `${year}-12-31`;
  return { id: 'period_complete', ok: isComplete, level: 'warning', message: isComplete ? `统计期 ${year} 年 1 月 1 日至 12 月 31 日已结束` : `${year} 年尚未结束，数据统计至 ${today}，发布前请在年度结束后重新生成` };
}

/** Warning: a drafted text still holds a “【请补充…】” prompt for staff. */
export function checkPlaceholders(texts: string[]): CheckResult {
  const n = texts.reduce((k, t) => k + (t.match(/【请补充[^】]*】/g)?.length ?? 0), 0);
  return { id: 'placeholders', ok: n === 0, level: 'warning', message: n === 0 ? '正文没有待补充的内容' : `正文中还有 ${n} 处“【请补充……】”待填写` };
}

/** Failed checks that block publication. */
export function blockingChecks(checks: readonly CheckResult[]): CheckResult[] {
  return checks.filter((c) => !c.ok && c.level === 'error');
}

function result(id: string, level: CheckResult['level'], bad: string[], okMessage: string, badLead: string): CheckResult {
  return bad.length === 0 ? { id, ok: true, level, message: okMessage } : { id, ok: false, level, message: `${badLead}${bad.join('；')}` };
}
