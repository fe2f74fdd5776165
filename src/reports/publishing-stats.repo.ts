import { and, count, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { users } from '../accounts/accounts.tables.ts';
import { departments } from '../centers/centers.tables.ts';
import { articles, columns } from '../content/content.tables.ts';
import type { Executor } from '../platform/db/client.ts';
import { notices } from '../trading/trading.tables.ts';
import { COUNTED_STATUSES, type ArticleGroupRow, type NoticeGroupRow } from './publishing-stats.model.ts';

export type PublishingScope = {
  centerIds: readonly number[];
  /** The instants that bound the period: start of its first Beijing day, start of the day after its last. */
  start: Date;
  end: Date;
};

/** The Beijing month (YYYY-MM) of a timestamptz, whatever the session's time zone. */
export const beijingMonth = (col: unknown) => sql<string>`to_char((${col} at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`;

/**
 * One grouped scan of the scope's articles published in the period (GROUPING SETS): per (center, column),
 * per drafting department (the article's department, else its author's), and per Beijing month.
 */
export async function countArticles(ex: Executor, s: PublishingScope): Promise<ArticleGroupRow[]> {
  const dept = sql<number | null>`coalesce(${articles.departmentId}, ${users.departmentId})`;
  const month = beijingMonth(articles.publishedAt);
  const rows = await ex
    .select({
      centerId: articles.centerId,
      columnId: articles.columnId,
      columnName: columns.name,
      kind: columns.kind,
      columnType: columns.columnType,
      isInCatalog: columns.isInCatalog,
      departmentId: sql<number | null>`${dept}`.mapWith((v: unknown) => (v === null ? null : Number(v))),
      departmentName: departments.name,
      departmentCenterId: departments.centerId,
      month: sql<string | null>`${month}`,
      isColumnSet: sql<number>`grouping(${articles.columnId})`.mapWith(Number),
      isDepartmentSet: sql<number>`grouping(${departments.name})`.mapWith(Number),
      count: count(),
    })
    .from(articles)
    .innerJoin(columns, eq(columns.id, articles.columnId))
    .leftJoin(users, eq(users.id, articles.authorId))
    .leftJoin(departments, eq(departments.id, dept))
    .where(and(inArray(articles.centerId, [...s.centerIds]), inArray(articles.status, [...COUNTED_STATUSES]), gte(articles.publishedAt, s.start), lt(articles.publishedAt, s.end)))
    .groupBy(
      sql`grouping sets ((${articles.centerId}, ${articles.columnId}, ${columns.name}, ${columns.kind}, ${columns.columnType}, ${columns.isInCatalog}), (${dept}, ${departments.name}, ${departments.centerId}), (${month}))`,
    );
  return rows.map((r): ArticleGroupRow => {
    if (r.isColumnSet === 0) return { set: 'column', centerId: r.centerId, columnId: r.columnId, columnName: r.columnName, kind: r.kind, columnType: r.columnType, isInCatalog: r.isInCatalog, count: r.count };
    if (r.isDepartmentSet === 0) return { set: 'department', departmentId: r.departmentId, departmentName: r.departmentName, departmentCenterId: r.departmentCenterId, count: r.count };
    return { set: 'month', month: r.month ?? '', count: r.count };
  });
}

/** Trading notices of the scope published in the period, per category and type. */
export async function countNoticesByType(ex: Executor, s: PublishingScope): Promise<NoticeGroupRow[]> {
  return ex
    .select({ category: notices.category, type: notices.type, count: count() })
    .from(notices)
    .innerJoin(articles, eq(articles.id, notices.articleId))
    .where(and(inArray(notices.centerId, [...s.centerIds]), inArray(articles.status, [...COUNTED_STATUSES]), gte(articles.publishedAt, s.start), lt(articles.publishedAt, s.end)))
    .groupBy(notices.category, notices.type);
}
