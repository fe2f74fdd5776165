import { and, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import { articleRevisions, articles, columns, pageViewsDaily } from '../../content/content.tables.ts';
import { disclosureAppeals, disclosureEvents, disclosureRequests } from '../../disclosure/disclosure.tables.ts';
import type { Executor } from '../../platform/db/client.ts';

/** One center's calendar year: YYYY-MM-DD bounds (Beijing, both included) and the instants around them. */
export type YearScope = { centerId: number; from: string; to: string; start: Date; end: Date };

const num = (v: unknown) => Number(v ?? 0);

/** Counts of table 三 for one (applicant type, outcome-if-closed-this-year) group. */
export type RequestCountRow = { applicantType: string; outcome: string | null; received: number; carriedIn: number; closed: number; carriedOut: number };

/**
 * Table 三 in one aggregate query (decision 0011; docs/decisions/0012-annual-report.md):
 * 一 received in the year; 二 received before the year and still open on 31 December of the previous year
 * (not closed, or closed on or after 1 January); 三 closed in the year, by outcome; 四 received by
 * 31 December and not closed by then. Cases without a receipt date (not yet confirmed) are not counted.
 */
export async function countRequests(ex: Executor, s: YearScope): Promise<RequestCountRow[]> {
  const r = disclosureRequests;
  const closedInYear = sql`${r.closedOn} >= ${s.from} and ${r.closedOn} <= ${s.to}`;
  const outcome = sql<string | null>`case when ${closedInYear} then coalesce(${r.outcome}, '') end`;
  return ex
    .select({
      applicantType: r.applicantType,
      outcome,
      received: sql`count(*) filter (where ${r.receivedOn} >= ${s.from})`.mapWith(num),
      carriedIn: sql`count(*) filter (where ${r.receivedOn} < ${s.from})`.mapWith(num),
      closed: sql`count(*) filter (where ${closedInYear})`.mapWith(num),
      carriedOut: sql`count(*) filter (where ${r.closedOn} is null or ${r.closedOn} > ${s.to})`.mapWith(num),
    })
    .from(r)
    // Only the cases the year sees: received by its end and not closed before its start.
    .where(and(eq(r.centerId, s.centerId), sql`${r.receivedOn} <= ${s.to}`, sql`(${r.closedOn} is null or ${r.closedOn} >= ${s.from})`))
    // By position: the outcome expression carries parameters, and a repeated expression would not match.
    .groupBy(sql`1`, sql`2`);
}

/**
 * Table 四: appeals by kind and result, counted in the year they were filed (filed_on). The format's text
 * gives no counting year (reference/disclosure-law.md §2.4 marks it [R]); the filing year is the reading
 * that counts every appeal exactly once, with its result as known when the report is generated.
 */
export async function countAppeals(ex: Executor, s: YearScope): Promise<{ kind: string; result: string; count: number }[]> {
  const a = disclosureAppeals;
  return ex
    .select({ kind: a.kind, result: a.result, count: sql`count(*)`.mapWith(num) })
    .from(a)
    .where(and(eq(a.centerId, s.centerId), sql`${a.filedOn} >= ${s.from}`, sql`${a.filedOn} <= ${s.to}`))
    .groupBy(a.kind, a.result);
}

/**
 * 行政规范性文件 of table 二 from the published policy articles marked normative (the fields of their
 * published revision): 制发 = 成文日期 in the year, 废止 = 废止日期 in the year, 现行有效 = issued by
 * 31 December and not repealed by then. Withdrawn articles (taken down as published in error) do not count.
 */
export async function countNormativeDocuments(ex: Executor, s: YearScope): Promise<{ issued: number; repealed: number; inForce: number }> {
  const issuedOn = sql`(${articleRevisions.fields}->>'issuedOn')`;
  const repealedOn = sql`(${articleRevisions.fields}->>'repealedOn')`;
  const rows = await ex
    .select({
      issued: sql`count(*) filter (where ${issuedOn} >= ${s.from} and ${issuedOn} <= ${s.to})`.mapWith(num),
      repealed: sql`count(*) filter (where ${repealedOn} >= ${s.from} and ${repealedOn} <= ${s.to})`.mapWith(num),
      inForce: sql`count(*) filter (where ${issuedOn} <= ${s.to} and (${repealedOn} is null or ${repealedOn} > ${s.to}))`.mapWith(num),
    })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .innerJoin(columns, eq(columns.id, articles.columnId))
    .where(and(eq(articles.centerId, s.centerId), eq(columns.kind, 'policy'), inArray(articles.status, ['published', 'expired']), sql`(${articleRevisions.fields}->>'isNormative') = 'true'`));
  return rows[0] ?? { issued: 0, repealed: 0, inForce: 0 };
}

/** Government information first published in the year, per column of the center (trading notices apart). */
export async function countPublishedByColumn(ex: Executor, s: YearScope): Promise<{ name: string; kind: string; count: number }[]> {
  return ex
    .select({ name: columns.name, kind: columns.kind, count: sql`count(*)`.mapWith(num) })
    .from(articles)
    .innerJoin(columns, eq(columns.id, articles.columnId))
    .where(and(eq(articles.centerId, s.centerId), ne(columns.kind, 'trading'), inArray(articles.status, ['published', 'expired']), gte(articles.publishedAt, s.start), lt(articles.publishedAt, s.end)))
    .groupBy(columns.id, columns.name, columns.kind, columns.sortOrder)
    .orderBy(columns.sortOrder, columns.id);
}

export async function sumPageViews(ex: Executor, s: YearScope): Promise<number> {
  const rows = await ex
    .select({ views: sql`coalesce(sum(${pageViewsDaily.views}), 0)`.mapWith(num) })
    .from(pageViewsDaily)
    .where(and(eq(pageViewsDaily.centerId, s.centerId), sql`${pageViewsDaily.day} >= ${s.from}`, sql`${pageViewsDaily.day} <= ${s.to}`));
  return rows[0]?.views ?? 0;
}

/** Cases answered in the year after their due date (lapsed 补正 or fee periods are not replies). */
export async function countLateReplies(ex: Executor, s: YearScope): Promise<number> {
  const r = disclosureRequests;
  const rows = await ex
    .select({ n: sql`count(*)`.mapWith(num) })
    .from(r)
    .where(and(eq(r.centerId, s.centerId), sql`${r.closedOn} >= ${s.from} and ${r.closedOn} <= ${s.to}`, sql`${r.dueOn} is not null and ${r.closedOn} > ${r.dueOn}`, sql`coalesce(${r.outcome}, '') not in ('other_no_clarification', 'other_fee_unpaid')`));
  return rows[0]?.n ?? 0;
}

/**
 * 信息处理费 of the year (国办函〔2020〕109号) from the case events: notices sent (fee_notified, with their
 * amountFen) and payments recorded (fee_paid; the amount is the one notified for the same case).
 */
export async function sumFees(ex: Executor, s: YearScope): Promise<{ kind: string; count: number; fen: number }[]> {
  const e = disclosureEvents;
  const notifiedFen = sql`(select (n.data->>'amountFen')::bigint from disclosure_event n where n.request_id = ${e.requestId} and n.kind = 'fee_notified' order by n.id desc limit 1)`;
  return ex
    .select({ kind: e.kind, count: sql`count(*)`.mapWith(num), fen: sql`coalesce(sum(coalesce((${e.data}->>'amountFen')::bigint, ${notifiedFen})), 0)`.mapWith(num) })
    .from(e)
    .innerJoin(disclosureRequests, eq(disclosureRequests.id, e.requestId))
    .where(and(eq(disclosureRequests.centerId, s.centerId), inArray(e.kind, ['fee_notified', 'fee_paid', 'fee_waived']), sql`${e.onDate} >= ${s.from}`, sql`${e.onDate} <= ${s.to}`))
    .groupBy(e.kind);
}
