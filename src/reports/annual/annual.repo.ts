import { and, asc, desc, eq, getTableColumns, inArray, lt, sql } from 'drizzle-orm';
import { articles } from '../../content/content.tables.ts';
import type { Executor } from '../../platform/db/client.ts';
import type { AnnualReportDocument } from './annual.presenter.ts';
import { annualAdminFigures, annualReports, annualReportSubmissions } from './annual.tables.ts';

export type AnnualReport = typeof annualReports.$inferSelect;
export type AnnualAdminFigures = typeof annualAdminFigures.$inferSelect;
export type AnnualReportSubmission = typeof annualReportSubmissions.$inferSelect;

export async function findReport(ex: Executor, centerId: number, year: number): Promise<AnnualReport | null> {
  const [row] = await ex.select().from(annualReports).where(and(eq(annualReports.centerId, centerId), eq(annualReports.year, year))).limit(1);
  return row ?? null;
}

export async function findReportForUpdate(ex: Executor, centerId: number, year: number): Promise<AnnualReport | null> {
  const [row] = await ex.select().from(annualReports).where(and(eq(annualReports.centerId, centerId), eq(annualReports.year, year))).limit(1).for('update');
  return row ?? null;
}

/** The latest report of the center before `year` (the carry-over checks want exactly year − 1). */
export async function findPreviousReport(ex: Executor, centerId: number, year: number): Promise<AnnualReport | null> {
  const [row] = await ex.select().from(annualReports).where(and(eq(annualReports.centerId, centerId), lt(annualReports.year, year))).orderBy(desc(annualReports.year)).limit(1);
  return row ?? null;
}

export async function listReportsOfCenter(ex: Executor, centerId: number): Promise<(AnnualReport & { articleStatus: string | null; articleReviewState: string | null })[]> {
  return ex
    .select({ ...getTableColumns(annualReports), articleStatus: articles.status, articleReviewState: articles.reviewState })
    .from(annualReports)
    .leftJoin(articles, eq(articles.id, annualReports.articleId))
    .where(eq(annualReports.centerId, centerId))
    .orderBy(desc(annualReports.year));
}

export async function insertReport(ex: Executor, row: typeof annualReports.$inferInsert): Promise<AnnualReport> {
  const [r] = await ex.insert(annualReports).values(row).returning();
  if (!r) throw new Error('insert annual_report returned nothing');
  return r;
}

/** Updates a report row; with `expectedLockVersion`, only if nobody changed it since (false otherwise). */
export async function updateReport(ex: Executor, id: number, patch: Partial<typeof annualReports.$inferInsert>, expectedLockVersion?: number): Promise<boolean> {
  const where = expectedLockVersion === undefined ? eq(annualReports.id, id) : and(eq(annualReports.id, id), eq(annualReports.lockVersion, expectedLockVersion));
  const rows = await ex
    .update(annualReports)
    .set({ ...patch, updatedAt: sql`now()`, lockVersion: sql`${annualReports.lockVersion} + 1` })
    .where(where)
    .returning({ id: annualReports.id });
  return rows.length > 0;
}

export async function insertSubmission(ex: Executor, row: typeof annualReportSubmissions.$inferInsert): Promise<void> {
  await ex.insert(annualReportSubmissions).values(row);
}

export async function findSubmissionOfRevision(ex: Executor, revisionId: number): Promise<AnnualReportSubmission | null> {
  const [row] = await ex.select().from(annualReportSubmissions).where(eq(annualReportSubmissions.revisionId, revisionId)).limit(1);
  return row ?? null;
}

/**
 * Published reports (their article is published), with the snapshot of the published revision, newest
 * year first; of some centers, or of all when `centerIds` is null.
 */
export async function listPublishedReports(ex: Executor, centerIds: number[] | null): Promise<{ centerId: number; year: number; articleId: number }[]> {
  const rows = await ex
    .select({ centerId: annualReports.centerId, year: annualReports.year, articleId: articles.id })
    .from(annualReports)
    .innerJoin(articles, eq(articles.id, annualReports.articleId))
    .innerJoin(annualReportSubmissions, eq(annualReportSubmissions.revisionId, articles.publishedRevisionId))
    .where(and(eq(articles.status, 'published'), centerIds ? inArray(annualReports.centerId, centerIds) : undefined))
    .orderBy(desc(annualReports.year), asc(annualReports.centerId));
  return rows;
}

/** The public snapshot of a center's year: the submission of the article's published revision, if published. */
export async function findPublishedSnapshot(ex: Executor, centerId: number, year: number): Promise<{ snapshot: AnnualReportDocument; articleId: number } | null> {
  const [row] = await ex
    .select({ snapshot: annualReportSubmissions.snapshot, articleId: articles.id })
    .from(annualReports)
    .innerJoin(articles, eq(articles.id, annualReports.articleId))
    .innerJoin(annualReportSubmissions, eq(annualReportSubmissions.revisionId, articles.publishedRevisionId))
    .where(and(eq(annualReports.centerId, centerId), eq(annualReports.year, year), eq(articles.status, 'published')))
    .limit(1);
  return row ?? null;
}

export async function findAdminFigures(ex: Executor, centerId: number, year: number): Promise<AnnualAdminFigures | null> {
  const [row] = await ex.select().from(annualAdminFigures).where(and(eq(annualAdminFigures.centerId, centerId), eq(annualAdminFigures.year, year))).limit(1);
  return row ?? null;
}

export async function upsertAdminFigures(ex: Executor, row: typeof annualAdminFigures.$inferInsert): Promise<void> {
  const { licensing, penalty, coercion, feeFen, regulationsIssued, regulationsRepealed, regulationsInForce, updatedBy } = row;
  await ex
    .insert(annualAdminFigures)
    .values(row)
    .onConflictDoUpdate({ target: [annualAdminFigures.centerId, annualAdminFigures.year], set: { licensing, penalty, coercion, feeFen, regulationsIssued, regulationsRepealed, regulationsInForce, updatedBy, updatedAt: sql`now()` } });
}
