/**
 * The rows the page, the charts and the Excel file show of 发布统计: the same rows and headers for all three,
 * so a number cannot differ between channels.
 */
import { COLUMN_KINDS } from '../content/operations/save-column.ts';
import { NOTICE_TYPE_LABELS } from '../trading/trading.model.ts';
import { columnsByName, NOTICE_GROUP_LABELS, NOTICE_GROUP_NOTES, shownCategories, type PublishingStats } from './publishing-stats.model.ts';
import type { PublishingReport } from './publishing-stats.service.ts';

export type CountRow = { label: string; detail: string; count: number };
export type CrossTable = { columns: string[]; rows: { label: string; note: string; counts: number[]; total: number }[]; totals: number[]; total: number };

/** 栏目类型 of a column kind (交易信息 is the trading column). */
export function kindLabel(kind: string): string {
  return kind === 'trading' ? '交易信息' : (COLUMN_KINDS[kind] ?? '其他');
}

/** Items per column. In a subtree the same column of several centers is one row (its centers in `detail`). */
export function columnRows(report: PublishingReport): CountRow[] {
  const isSubtree = report.centers.length > 1;
  if (!isSubtree) return report.stats.columns.map((c) => ({ label: c.name, detail: kindLabel(c.kind), count: c.count }));
  return columnsByName(report.stats.columns).map((c) => ({ label: c.name, detail: kindLabel(c.kind), count: c.count }));
}

/** Items per 栏目类型 (column kind), most first. */
export function kindRows(stats: PublishingStats): CountRow[] {
  const m = new Map<string, number>();
  for (const c of stats.columns) m.set(c.kind, (m.get(c.kind) ?? 0) + c.count);
  return Array.from(m, ([kind, count]) => ({ label: kindLabel(kind), detail: kind, count })).sort((a, b) => b.count - a.count);
}

/** Items per drafting department; in a subtree each department is named with its center. */
export function departmentRows(report: PublishingReport): CountRow[] {
  return report.stats.departments.map((d) => ({ label: d.name, detail: d.centerId !== null ? (report.centerNames.get(d.centerId) ?? '') : '', count: d.count }));
}

/** One row per center of the scope, indented by depth, zeros included. */
export function centerRows(report: PublishingReport): CountRow[] {
  return report.centers.map((c) => ({ label: `${'　'.repeat(c.depth)}${c.center.name}`, detail: '', count: c.count }));
}

/** The reports' groups (招标公告含变更, 中标公示, 其他) by category. */
export function noticeGroupTable(stats: PublishingStats): CrossTable {
  const cats = shownCategories(stats.notices);
  return {
    columns: cats.map((c) => c.label),
    rows: stats.notices.groups.map((g) => ({ label: NOTICE_GROUP_LABELS[g.group], note: NOTICE_GROUP_NOTES[g.group], counts: cats.map((c) => g.byCategory[c.category]), total: g.total })),
    totals: cats.map((c) => stats.notices.total.byCategory[c.category]),
    total: stats.notices.total.total,
  };
}

/** Every notice type by category. */
export function noticeTypeTable(stats: PublishingStats): CrossTable {
  const cats = shownCategories(stats.notices);
  return {
    columns: cats.map((c) => c.label),
    rows: stats.notices.types.map((t) => ({ label: NOTICE_TYPE_LABELS[t.type], note: '', counts: cats.map((c) => t.byCategory[c.category]), total: t.total })),
    totals: cats.map((c) => stats.notices.total.byCategory[c.category]),
    total: stats.notices.total.total,
  };
}

export const PUBLISHING_NOTES = [
  '统计对象：统计期间内首次发布、目前仍在发布或已按设定时间到期下线的信息；已撤稿的信息不计。更正不另计条数。',
  '部门：信息起草时起草人所在的部门；代理机构提交的交易公告不属于中心的部门。',
  '交易公告另按公告类型和交易类别统计；招标（采购）公告含资格预审公告和变更（澄清）公告，中标（成交）公示含中标候选人公示和结果公告。',
];
