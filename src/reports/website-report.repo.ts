import { and, between, count, eq, gte, inArray, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import { auditEvents } from '../audit/audit.tables.ts';
import { pageViewsDaily } from '../content/content.tables.ts';
import { messages, surveyResponses, surveys } from '../interaction/interaction.tables.ts';
import type { Executor } from '../platform/db/client.ts';
import { websiteReportEntries } from './website-report.tables.ts';
import type { EnteredValues } from './website-report.model.ts';

export type YearScope = { centerIds: readonly number[]; from: string; to: string; start: Date; end: Date };

const num = (v: unknown) => Number(v ?? 0);

/** Page views counted on the scope's column, article and notice pages on the days of the period. */
export async function sumPageViews(ex: Executor, s: YearScope): Promise<number> {
  const [r] = await ex
    .select({ views: sql`coalesce(sum(${pageViewsDaily.views}), 0)`.mapWith(num) })
    .from(pageViewsDaily)
    .where(and(inArray(pageViewsDaily.centerId, [...s.centerIds]), between(pageViewsDaily.day, s.from, s.to)));
  return r?.views ?? 0;
}

/** Surveys opened in the period, the answers they received in it, and how many have published results. */
export async function countSurveys(ex: Executor, s: YearScope): Promise<{ surveys: number; responses: number; results: number }> {
  const [r] = await ex
    .select({
      surveys: sql`count(distinct ${surveys.id})`.mapWith(num),
      results: sql`count(distinct ${surveys.id}) filter (where ${surveys.isResultPublic})`.mapWith(num),
      responses: sql`count(${surveyResponses.id}) filter (where ${surveyResponses.createdAt} >= ${s.start.toISOString()}::timestamptz and ${surveyResponses.createdAt} < ${s.end.toISOString()}::timestamptz)`.mapWith(num),
    })
    .from(surveys)
    .leftJoin(surveyResponses, eq(surveyResponses.surveyId, surveys.id))
    .where(and(inArray(surveys.centerId, [...s.centerIds]), between(surveys.opensOn, s.from, s.to)));
  return { surveys: r?.surveys ?? 0, responses: r?.responses ?? 0, results: r?.results ?? 0 };
}

/**
 * Working days from receipt to reply, summed over the replied messages received in the period, 网站找错 left
 * out: the exact base of the form's 平均办理时间 (messageStats gives per-kind averages already rounded).
 */
export async function sumReplyWorkingDays(ex: Executor, s: YearScope): Promise<{ replied: number; days: number }> {
  const [r] = await ex
    .select({ replied: count(messages.repliedOn), days: sql`coalesce(sum(${messages.workingDaysTaken}), 0)`.mapWith(num) })
    .from(messages)
    .where(and(inArray(messages.centerId, [...s.centerIds]), ne(messages.kind, 'error_report'), between(messages.receivedOn, s.from, s.to), isNotNull(messages.repliedOn)));
  return { replied: r?.replied ?? 0, days: r?.days ?? 0 };
}

/** 网站找错 received in the period (kept out of the form's 留言办理 rows). */
export async function countErrorReports(ex: Executor, s: YearScope): Promise<number> {
  const [r] = await ex
    .select({ n: count() })
    .from(messages)
    .where(and(inArray(messages.centerId, [...s.centerIds]), eq(messages.kind, 'error_report'), between(messages.receivedOn, s.from, s.to)));
  return r?.n ?? 0;
}

export const SECURITY_ACTIONS = ['auth.login_failed', 'account.locked', 'auth.totp_failed'] as const;

/**
 * Back-office security events of the period from the audit log: failed password logins, account lockouts,
 * failed second factors, for the accounts whose home center is in the scope. A failure naming no known
 * account has no center: `withUnattributed` adds their count (the root center's report).
 */
export async function countSecurityEvents(ex: Executor, s: YearScope, opts: { withUnattributed: boolean }): Promise<{ byAction: Map<string, number>; unattributed: number | null }> {
  const inPeriod = and(inArray(auditEvents.action, [...SECURITY_ACTIONS]), gte(auditEvents.at, s.start), lt(auditEvents.at, s.end));
  const rows = await ex
    .select({ action: auditEvents.action, n: count() })
    .from(auditEvents)
    .where(and(inPeriod, inArray(auditEvents.centerId, [...s.centerIds])))
    .groupBy(auditEvents.action);
  let unattributed: number | null = null;
  if (opts.withUnattributed) {
    const [r] = await ex.select({ n: count() }).from(auditEvents).where(and(inPeriod, eq(auditEvents.action, 'auth.login_failed'), isNull(auditEvents.centerId)));
    unattributed = r?.n ?? 0;
  }
  return { byAction: new Map(rows.map((r) => [r.action, r.n])), unattributed };
}

export type WebsiteReportEntry = typeof websiteReportEntries.$inferSelect;

export async function findEntry(ex: Executor, centerId: number, year: number): Promise<WebsiteReportEntry | null> {
  const [r] = await ex.select().from(websiteReportEntries).where(and(eq(websiteReportEntries.centerId, centerId), eq(websiteReportEntries.year, year)));
  return r ?? null;
}

/** Locks the entry row of a center and year (null when there is none yet). */
export async function lockEntry(ex: Executor, centerId: number, year: number): Promise<WebsiteReportEntry | null> {
  const [r] = await ex.select().from(websiteReportEntries).where(and(eq(websiteReportEntries.centerId, centerId), eq(websiteReportEntries.year, year))).for('update');
  return r ?? null;
}

export async function upsertEntry(ex: Executor, row: { centerId: number; year: number; values: EnteredValues; updatedBy: number | null; now: Date }): Promise<void> {
  await ex
    .insert(websiteReportEntries)
    .values({ centerId: row.centerId, year: row.year, values: row.values, updatedBy: row.updatedBy, updatedAt: row.now })
    .onConflictDoUpdate({ target: [websiteReportEntries.centerId, websiteReportEntries.year], set: { values: row.values, updatedBy: row.updatedBy, updatedAt: row.now } });
}
