import { and, count, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { articles } from '../content/content.tables.ts';
import type { Executor } from '../platform/db/client.ts';
import { OPENING_TYPES } from '../trading/trading.model.ts';
import { notices, projects } from '../trading/trading.tables.ts';
import type { DealRow, NoticeRow } from './trading-stats.model.ts';

export type StatsScope = {
  centerIds: readonly number[];
  /** YYYY-MM-DD, Beijing, both included. */
  from: string;
  to: string;
  /** The instants that bound the period: start of `from`, start of the day after `to`. */
  start: Date;
  end: Date;
};

const num = (v: unknown) => Number(v ?? 0);

/**
 * One grouped query over the scope's projects: sums per (center, category), plus deals and award per award
 * month (GROUPING SETS), so the summary, the per-center breakdown and the monthly series come from one scan.
 */
export async function sumDeals(ex: Executor, s: StatsScope): Promise<DealRow[]> {
  const startIso = s.start.toISOString();
  const endIso = s.end.toISOString();
  // When each project was opened: its first published opening notice (a withdrawn notice does not count).
  const opened = ex
    .select({ projectId: notices.projectId, at: sql<string>`min(${articles.publishedAt})`.as('opened_at') })
    .from(notices)
    .innerJoin(articles, eq(articles.id, notices.articleId))
    .where(and(inArray(notices.centerId, [...s.centerIds]), inArray(notices.type, [...OPENING_TYPES]), eq(articles.status, 'published'), lt(articles.publishedAt, s.end)))
    .groupBy(notices.projectId)
    .as('opened');
  // When each project ended without award: its latest published termination notice.
  const ended = ex
    .select({ projectId: notices.projectId, at: sql<string>`max(${articles.publishedAt})`.as('ended_at') })
    .from(notices)
    .innerJoin(articles, eq(articles.id, notices.articleId))
    .where(and(inArray(notices.centerId, [...s.centerIds]), eq(notices.type, 'termination_notice'), eq(articles.status, 'published')))
    .groupBy(notices.projectId)
    .as('ended');
  const isOpened = sql`${opened.at} is not null and ${opened.at} >= ${startIso}::timestamptz`;
  const isDeal = sql`${projects.status} in ('awarded', 'contracted') and ${projects.awardedOn} >= ${s.from} and ${projects.awardedOn} <= ${s.to}`;
  // A project ended before this feature's notices existed (or loaded directly) falls back on its last change.
  const endedAt = sql`coalesce(${ended.at}, ${projects.updatedAt})`;
  const isFailed = sql`${projects.status} in ('terminated', 'failed') and ${endedAt} >= ${startIso}::timestamptz and ${endedAt} < ${endIso}::timestamptz`;
  const scoped = ex
    .select({
      centerId: projects.centerId,
      category: projects.category,
      budgetFen: projects.budgetFen,
      awardFen: projects.awardAmountFen,
      isOpened: sql<boolean>`coalesce(${isOpened}, false)`.as('is_opened'),
      isDeal: sql<boolean>`coalesce(${isDeal}, false)`.as('is_deal'),
      isFailed: sql<boolean>`coalesce(${isFailed}, false)`.as('is_failed'),
      dealMonth: sql<string | null>`case when ${isDeal} then substr(${projects.awardedOn}, 1, 7) end`.as('deal_month'),
    })
    .from(projects)
    .leftJoin(opened, eq(opened.projectId, projects.id))
    .leftJoin(ended, eq(ended.projectId, projects.id))
    .where(and(inArray(projects.centerId, [...s.centerIds]), sql`(${isOpened} or ${projects.awardedOn} between ${s.from} and ${s.to} or ${projects.status} in ('terminated', 'failed'))`))
    .as('scoped');
  const comparable = sql`${scoped.isDeal} and ${scoped.budgetFen} > 0 and ${scoped.awardFen} is not null`;
  const rows = await ex
    .select({
      centerId: scoped.centerId,
      category: scoped.category,
      month: scoped.dealMonth,
      isMonthly: sql<number>`grouping(${scoped.centerId})`.mapWith(Number),
      projects: sql`count(*) filter (where ${scoped.isOpened})`.mapWith(num),
      deals: sql`count(*) filter (where ${scoped.isDeal})`.mapWith(num),
      awardFen: sql`coalesce(sum(${scoped.awardFen}) filter (where ${scoped.isDeal}), 0)`.mapWith(num),
      budgetFen: sql`coalesce(sum(${scoped.budgetFen}) filter (where ${scoped.isDeal}), 0)`.mapWith(num),
      comparableBaseFen: sql`coalesce(sum(${scoped.budgetFen}) filter (where ${comparable}), 0)`.mapWith(num),
      comparableAwardFen: sql`coalesce(sum(${scoped.awardFen}) filter (where ${comparable}), 0)`.mapWith(num),
      failed: sql`count(*) filter (where ${scoped.isFailed})`.mapWith(num),
    })
    .from(scoped)
    .groupBy(sql`grouping sets ((${scoped.centerId}, ${scoped.category}), (${scoped.dealMonth}))`);
  return rows.map((r) => ({ ...r, isMonthly: r.isMonthly === 1 }));
}

/** Published trading notices in the period, per category and type. */
export async function countNotices(ex: Executor, s: StatsScope): Promise<NoticeRow[]> {
  return ex
    .select({ category: notices.category, type: notices.type, count: count() })
    .from(notices)
    .innerJoin(articles, eq(articles.id, notices.articleId))
    .where(and(inArray(notices.centerId, [...s.centerIds]), eq(articles.status, 'published'), gte(articles.publishedAt, s.start), lt(articles.publishedAt, s.end)))
    .groupBy(notices.category, notices.type);
}
