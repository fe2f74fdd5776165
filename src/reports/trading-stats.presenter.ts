/**
 * What the page, the admin page and the Excel file show of the statistics: the same rows and headers for
 * all three, so a number cannot differ between channels. Money stays in fen here; each channel formats it.
 */
import { NOTICE_TYPES, NOTICE_TYPE_SHORT, type Category, type NoticeType } from '../trading/trading.model.ts';
import { formatPercent, formatWan, formatYi, hasActivity, type DealFigures, type TradingStats } from './trading-stats.model.ts';
import type { StatsPeriod } from './trading-stats.period.ts';
import type { TradingReport } from './trading-stats.service.ts';

export type SummaryRow = {
  label: string;
  category: Category | null;
  projects: number;
  deals: number;
  awardFen: number;
  budgetFen: number;
  savingFen: number | null;
  savingRate: number | null;
  premiumFen: number | null;
  premiumRate: number | null;
  failed: number;
};

export type MoneyKind = 'count' | 'wan' | 'rate';
export type SummaryColumn = { key: Exclude<keyof SummaryRow, 'label' | 'category'>; header: string; kind: MoneyKind };

/** The columns after 类别, in order. */
export const SUMMARY_COLUMNS: readonly SummaryColumn[] = [
  { key: 'projects', header: '项目数', kind: 'count' },
  { key: 'deals', header: '成交宗数', kind: 'count' },
  { key: 'awardFen', header: '成交金额（万元）', kind: 'wan' },
  { key: 'budgetFen', header: '预算金额（万元）', kind: 'wan' },
  { key: 'savingFen', header: '节资额（万元）', kind: 'wan' },
  { key: 'savingRate', header: '节资率', kind: 'rate' },
  { key: 'premiumFen', header: '溢价额（万元）', kind: 'wan' },
  { key: 'premiumRate', header: '溢价率', kind: 'rate' },
  { key: 'failed', header: '终止（流标）宗数', kind: 'count' },
];

export const SUMMARY_NOTES = [
  '项目数：统计期间内首次发布招标（采购、出让）公告或资格预审公告的项目；成交宗数、成交金额：统计期间内发布中标（成交）结果的项目。',
  '预算金额：工程建设、政府采购等为预算金额或最高限价，土地矿业权、国有产权为起始价。',
  '节资额 = 预算金额 − 成交金额，节资率 = 节资额 ÷ 预算金额，只计有预算金额的非出让类交易；溢价额 = 成交金额 − 起始价，溢价率 = 溢价额 ÷ 起始价，只计土地矿业权和国有产权交易。',
];

/** Category rows with anything to show, then 合计. */
export function summaryRows(stats: TradingStats): SummaryRow[] {
  const rows = stats.categories.filter(hasActivity).map((c) => rowOf(c.label, c.category, c));
  return [...rows, rowOf('合计', null, stats.total)];
}

export function formatCell(kind: MoneyKind, v: number | null): string {
  if (kind === 'count') return v === null ? '—' : String(v);
  return kind === 'wan' ? formatWan(v) : formatPercent(v);
}

/** Notice counts: one row per notice type, one column per category shown in the summary, then 合计. */
export function noticeTable(stats: TradingStats): { categories: { category: Category; label: string }[]; rows: { type: NoticeType; label: string; counts: number[]; total: number }[] } {
  const shown = stats.categories.filter(hasActivity);
  return {
    categories: shown.map((c) => ({ category: c.category, label: c.label })),
    rows: NOTICE_TYPES.map((t) => ({ type: t, label: NOTICE_TYPE_SHORT[t], counts: shown.map((c) => c.notices[t]), total: stats.total.notices[t] })),
  };
}

export type BreakdownRow = { label: string; depth: number; figures: DealFigures };

/** One row per center of the report's subtree, each with its own projects only (the rows add up to the total). */
export function breakdownRows(report: TradingReport): BreakdownRow[] {
  return report.breakdown.map((b) => ({ label: b.center.name, depth: b.depth, figures: b.figures ?? ZERO_FIGURES }));
}

/** The opening sentence, in the words of the centers' annual reports (全年共完成交易 … 宗，成交金额 … 亿元). */
export function leadSentence(stats: TradingStats, period: StatsPeriod): string {
  const t = stats.total;
  const parts = [`${period.year !== null ? `${period.year}年全年` : `${period.label}期间`}共完成交易 ${t.deals} 宗，成交金额 ${money(t.awardFen)}`];
  if (t.savingFen !== null) parts.push(`节约资金 ${money(t.savingFen)}，节资率 ${formatPercent(t.savingRate)}`);
  if (t.premiumFen !== null) parts.push(`土地矿业权和国有产权交易溢价 ${money(t.premiumFen)}，溢价率 ${formatPercent(t.premiumRate)}`);
  if (t.revenueFen > 0) parts.push(`土地矿业权出让收入 ${money(t.revenueFen)}`);
  const shown = stats.categories.filter((c) => c.deals > 0);
  const split = shown.length > 0 ? `其中${shown.map((c) => `${c.label} ${c.deals} 宗`).join('，')}。` : '';
  return `${parts.join('，')}。${split}`;
}

/** 亿元 from 1 亿 up, 万元 below. */
function money(fen: number): string {
  return Math.abs(fen) >= 10_000_000_000 ? `${formatYi(fen)} 亿元` : `${formatWan(fen)} 万元`;
}

function rowOf(label: string, category: Category | null, f: DealFigures): SummaryRow {
  return {
    label,
    category,
    projects: f.projects,
    deals: f.deals,
    awardFen: f.awardFen,
    budgetFen: f.budgetFen,
    savingFen: f.savingFen,
    savingRate: f.savingRate,
    premiumFen: f.premiumFen,
    premiumRate: f.premiumRate,
    failed: f.failed,
  };
}

const ZERO_FIGURES: DealFigures = { projects: 0, deals: 0, awardFen: 0, budgetFen: 0, savingFen: null, savingRate: null, premiumFen: null, premiumRate: null, revenueFen: 0, failed: 0 };
