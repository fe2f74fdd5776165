/**
 * 发布统计: what a center (and its descendants) published in a period — per column, per department, per
 * center and per month — and its trading notices per type and category, grouped the way the centers'
 * annual reports count them (招标公告含变更公告, 中标公示, split 工程建设 / 政府采购). Pure: the repo returns
 * grouped counts, everything derived is here.
 *
 * What counts as published: an article whose first publication (`published_at`) falls in the period and that
 * is still published or has reached its planned expiry (到期下线). A withdrawn article (撤稿) is left out.
 */
import { CATEGORIES, CATEGORY_LABELS, NOTICE_TYPES, type Category, type NoticeType } from '../trading/trading.model.ts';
import { monthsBetween } from './trading-stats.model.ts';

/** Article statuses that count as published in a period (see the module comment). */
export const COUNTED_STATUSES = ['published', 'expired'] as const;

/** One row of the repo's grouped article query: a (center, column) group, a department group or a month. */
export type ArticleGroupRow =
  | { set: 'column'; centerId: number; columnId: number; columnName: string; kind: string; columnType: string; isInCatalog: boolean; count: number }
  | { set: 'department'; departmentId: number | null; departmentName: string | null; departmentCenterId: number | null; count: number }
  | { set: 'month'; month: string; count: number };

export type NoticeGroupRow = { category: string; type: string; count: number };

export type ColumnCount = { centerId: number; columnId: number; name: string; kind: string; columnType: string; isInCatalog: boolean; count: number };
export type DepartmentCount = { departmentId: number | null; name: string; centerId: number | null; count: number };
export type MonthCount = { month: string; count: number };

/** The annual reports' groups of trading notices. */
export const NOTICE_GROUPS = ['tender', 'result', 'other'] as const;
export type NoticeGroup = (typeof NOTICE_GROUPS)[number];

export const NOTICE_GROUP_LABELS: Record<NoticeGroup, string> = {
  tender: '招标（采购）公告（含变更公告）',
  result: '中标（成交）公示',
  other: '其他交易公告',
};

/** Short labels for chart axes. */
export const NOTICE_GROUP_SHORT: Record<NoticeGroup, string> = { tender: '招标公告（含变更）', result: '中标公示', other: '其他交易公告' };

export const NOTICE_GROUP_NOTES: Record<NoticeGroup, string> = {
  tender: '招标（采购、出让）公告、资格预审公告和变更（澄清）公告',
  result: '中标候选人公示和中标（成交）结果公告',
  other: '终止（流标）公告和合同公告',
};

const GROUP_OF_TYPE: Record<NoticeType, NoticeGroup> = {
  tender_notice: 'tender',
  prequalification_notice: 'tender',
  amendment_notice: 'tender',
  candidates_notice: 'result',
  award_notice: 'result',
  termination_notice: 'other',
  contract_notice: 'other',
};

export function noticeGroupOf(type: NoticeType): NoticeGroup {
  return GROUP_OF_TYPE[type];
}

/** Counts of one notice type or group, per category and in total. */
export type CategoryCounts = { byCategory: Record<Category, number>; total: number };

export type NoticeStats = {
  /** Every notice type in vocabulary order, zeros included. */
  types: ({ type: NoticeType } & CategoryCounts)[];
  groups: ({ group: NoticeGroup } & CategoryCounts)[];
  /** Of the tender group: the amendments (the reports' “含变更公告 … 条”). */
  amendments: number;
  total: CategoryCounts;
};

export type PublishingStats = {
  from: string;
  to: string;
  total: number;
  /** Each (center, column) with anything published, most first. */
  columns: ColumnCount[];
  /** Each department (the drafting department of the article) with anything published, most first; null: none. */
  departments: DepartmentCount[];
  /** Items per center (its own columns); centers without any are absent. */
  byCenter: Map<number, number>;
  /** Every month of the period, zero-filled. */
  months: MonthCount[];
  notices: NoticeStats;
};

/** The label of articles without a department: notices submitted by agents, or authors without one. */
export const NO_DEPARTMENT_LABEL = '未归属部门（代理机构提交的交易公告等）';

/** Builds the statistics from the repo's grouped rows (no rows: an empty period). */
export function assemblePublishingStats(opts: { from: string; to: string; articleRows: readonly ArticleGroupRow[]; noticeRows: readonly NoticeGroupRow[] }): PublishingStats {
  const columns: ColumnCount[] = [];
  const departments: DepartmentCount[] = [];
  const byMonth = new Map<string, number>();
  const byCenter = new Map<number, number>();
  for (const r of opts.articleRows) {
    if (r.set === 'column') {
      columns.push({ centerId: r.centerId, columnId: r.columnId, name: r.columnName, kind: r.kind, columnType: r.columnType, isInCatalog: r.isInCatalog, count: r.count });
      byCenter.set(r.centerId, (byCenter.get(r.centerId) ?? 0) + r.count);
    } else if (r.set === 'department') {
      departments.push({ departmentId: r.departmentId, name: r.departmentName ?? NO_DEPARTMENT_LABEL, centerId: r.departmentCenterId, count: r.count });
    } else {
      byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.count);
    }
  }
  const byCount = <T extends { count: number; name: string }>(a: T, b: T) => b.count - a.count || a.name.localeCompare(b.name, 'zh-Hans-CN');
  columns.sort(byCount);
  // Departments by count, the department-less bucket last.
  departments.sort((a, b) => Number(a.departmentId === null) - Number(b.departmentId === null) || byCount(a, b));
  return {
    from: opts.from,
    to: opts.to,
    total: columns.reduce((n, c) => n + c.count, 0),
    columns,
    departments,
    byCenter,
    months: monthsBetween(opts.from, opts.to).map((m) => ({ month: m, count: byMonth.get(m) ?? 0 })),
    notices: assembleNoticeStats(opts.noticeRows),
  };
}

/** Notice counts per type and per the reports' groups; a category outside the vocabulary is 其他交易. */
export function assembleNoticeStats(rows: readonly NoticeGroupRow[]): NoticeStats {
  const types = NOTICE_TYPES.map((type) => ({ type, ...emptyCounts() }));
  const groups = NOTICE_GROUPS.map((group) => ({ group, ...emptyCounts() }));
  const total = emptyCounts();
  for (const r of rows) {
    const type = NOTICE_TYPES.find((t) => t === r.type);
    if (!type) continue;
    const category = CATEGORIES.find((c) => c === r.category) ?? 'other';
    const t = types.find((x) => x.type === type);
    const g = groups.find((x) => x.group === noticeGroupOf(type));
    for (const counts of [t, g, total]) {
      if (!counts) continue;
      counts.byCategory[category] += r.count;
      counts.total += r.count;
    }
  }
  return { types, groups, amendments: types.find((t) => t.type === 'amendment_notice')?.total ?? 0, total };
}

/** Categories with any notice in the period, in vocabulary order; 工程建设 and 政府采购 always (the reports' split). */
export function shownCategories(n: NoticeStats): { category: Category; label: string }[] {
  return CATEGORIES.filter((c) => c === 'works' || c === 'procurement' || n.total.byCategory[c] > 0).map((c) => ({ category: c, label: CATEGORY_LABELS[c] }));
}

/** Columns added up by name (a subtree's centers share the standard columns), most first. */
export function columnsByName(columns: readonly ColumnCount[]): { name: string; kind: string; count: number }[] {
  const m = new Map<string, { name: string; kind: string; count: number }>();
  for (const c of columns) {
    const e = m.get(c.name) ?? { name: c.name, kind: c.kind, count: 0 };
    e.count += c.count;
    m.set(c.name, e);
  }
  return Array.from(m.values()).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-Hans-CN'));
}

/**
 * The sentence of the centers' annual reports: “共发布各类信息 4367 条，其中：政务信息 175 条（…）；招标公告
 * 2505 条（含变更公告 1263 条）（其中：工程建设类 1433 条、政府采购类 1072 条）；中标公示 …”.
 */
export function publishingSentence(s: PublishingStats, opts: { periodLabel: string }): string {
  const n = s.notices;
  const government = s.total - n.total.total;
  const own = columnsByName(s.columns.filter((c) => c.kind !== 'trading'));
  const head = `${opts.periodLabel}共发布各类信息 ${s.total} 条`;
  const details: string[] = [];
  if (government > 0) details.push(`政务信息 ${government} 条${own.length > 0 ? `（包括${own.map((c) => `${c.name} ${c.count} 条`).join('、')}）` : ''}`);
  const split = (c: CategoryCounts) => `（其中：工程建设类 ${c.byCategory.works} 条、政府采购类 ${c.byCategory.procurement} 条${otherCategories(c)}）`;
  const tender = n.groups.find((g) => g.group === 'tender');
  const result = n.groups.find((g) => g.group === 'result');
  if (tender && tender.total > 0) details.push(`招标公告 ${tender.total} 条（含变更公告 ${n.amendments} 条）${split(tender)}`);
  if (result && result.total > 0) details.push(`中标公示 ${result.total} 条${split(result)}`);
  const other = n.groups.find((g) => g.group === 'other');
  if (other && other.total > 0) details.push(`其他交易公告 ${other.total} 条`);
  return details.length > 0 ? `${head}，其中：${details.join('；')}。` : `${head}。`;
}

function otherCategories(c: CategoryCounts): string {
  const rest = CATEGORIES.filter((k) => k !== 'works' && k !== 'procurement' && c.byCategory[k] > 0);
  return rest.map((k) => `、${CATEGORY_LABELS[k]}类 ${c.byCategory[k]} 条`).join('');
}

function emptyCounts(): CategoryCounts {
  return { byCategory: { works: 0, procurement: 0, land_mining: 0, state_assets: 0, medicine: 0, other: 0 }, total: 0 };
}
