/** Reads of annual reports shared by the admin pages, the API and the operations. */
import type { Center } from '../../centers/centers.repo.ts';
import { findArticle, type Article } from '../../content/articles.repo.ts';
import type { AppContext } from '../../platform/context.ts';
import { formatDate } from '../../platform/dates.ts';
import type { Executor } from '../../platform/db/client.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { checkReport, type PreviousReport } from './annual-checks.ts';
import { FIRST_REPORT_YEAR, NARRATIVE_KEYS, type CheckResult, type ReportStatus } from './annual.model.ts';
import { presentReport, type AnnualReportDocument } from './annual.presenter.ts';
import { findPreviousReport, findReport, type AnnualReport } from './annual.repo.ts';

/** A year from a URL or form: four digits, from 2019 to this year. Anything else is a 400 in Chinese. */
export function parseYear(raw: unknown, o: { now: Date; isFutureAllowed?: boolean }): number {
  const s = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
  const year = /^\d{4}$/.test(s) ? Number(s) : NaN;
  const max = Number(formatDate(o.now).slice(0, 4)) + (o.isFutureAllowed ? 1 : 0);
  if (!Number.isInteger(year) || year < FIRST_REPORT_YEAR || year > max) {
    throw new AppError('VALIDATION_FAILED', { userMessage: `年度：应为 ${FIRST_REPORT_YEAR} 至 ${max} 之间的四位年份，如 ${max - 1}`, fields: [{ field: 'year', message: `年度：应为 ${FIRST_REPORT_YEAR} 至 ${max} 之间的四位年份` }] });
  }
  return year;
}

/** The center of a `:cid` route, or 404. */
export async function getCenter(ctx: AppContext, cid: number): Promise<Center> {
  const center = (await ctx.centers.get()).byId.get(cid);
  if (!center) throw notFound('中心');
  return center;
}

export async function getReport(ex: Executor, centerId: number, year: number): Promise<AnnualReport> {
  const r = await findReport(ex, centerId, year);
  if (!r) throw new AppError('ANNUAL_REPORT_NOT_FOUND', { userMessage: `尚未生成 ${year} 年度报告` });
  return r;
}

/**
 * The status follows the article the report goes through: published once the article is, in review while
 * its working revision is; an earlier year's report entered by hand was published elsewhere (and is never
 * served by the public API, which answers only with snapshots of published articles).
 */
export function statusOf(report: Pick<AnnualReport, 'source' | 'articleId'>, article: Pick<Article, 'status' | 'reviewState'> | null): ReportStatus {
  if (report.source !== 'generated') return 'published';
  if (!article) return 'draft';
  // A correction in review leaves the published version public: the report stays published.
  if (article.status === 'published') return 'published';
  return article.reviewState === 'in_review' ? 'in_review' : 'draft';
}

export type ReportView = { report: AnnualReport; article: Article | null; status: ReportStatus; doc: AnnualReportDocument };

/** A report with its article and effective status, as a document (the working figures and texts). */
export async function loadReportView(ctx: AppContext, o: { center: Center; year: number }): Promise<ReportView> {
  const report = await getReport(ctx.db, o.center.id, o.year);
  const article = report.articleId ? await findArticle(ctx.db, report.articleId) : null;
  const status = statusOf(report, article);
  return { report, article, status, doc: presentReport({ year: report.year, center: o.center, status, figures: report.figures, narrative: report.narrative, checks: report.checks }) };
}

/** The checks of a report against the previous year's report as it is now. */
export async function runChecks(ex: Executor, o: { report: Pick<AnnualReport, 'centerId' | 'year' | 'figures' | 'narrative' | 'source'>; today: string }): Promise<CheckResult[]> {
  const prev = await findPreviousReport(ex, o.report.centerId, o.report.year);
  const previous: PreviousReport | null = prev ? { year: prev.year, figures: prev.figures } : null;
  const texts = o.report.source === 'generated' ? NARRATIVE_KEYS.map((k) => o.report.narrative[k]?.text ?? '') : undefined;
  return checkReport({ year: o.report.year, figures: o.report.figures, previous, today: o.today, ...(texts ? { texts } : {}) });
}
