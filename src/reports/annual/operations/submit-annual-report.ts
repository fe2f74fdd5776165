import { can, type Role } from '../../../accounts/accounts.policy.ts';
import { recordAudit, type Actor } from '../../../audit/audit.service.ts';
import { findArticle, findRevision, insertArticle, insertRevision, lockArticle, nextRevisionNo, updateArticle, type Article } from '../../../content/articles.repo.ts';
import { listColumnsOfCenters } from '../../../content/columns.repo.ts';
import { parseArticleInput } from '../../../content/content.schema.ts';
import { revisionValues } from '../../../content/operations/save-article.ts';
import type { StaffUser } from '../../../content/content.policy.ts';
import type { AppContext } from '../../../platform/context.ts';
import { formatDate } from '../../../platform/dates.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { AppError, forbidden, validationError } from '../../../platform/errors.ts';
import { startReviewRun } from '../../../review/operations/start-review-run.ts';
import { blockingChecks } from '../annual-checks.ts';
import { reportBodyHtml } from '../annual.document.tsx';
import { presentReport, reportTitle } from '../annual.presenter.ts';
import { findReportForUpdate, insertSubmission, updateReport } from '../annual.repo.ts';
import { getCenter, runChecks } from '../annual.service.ts';
import { lockCenterReports } from './generate-annual-report.ts';

export const MIN_OVERRIDE_REASON = 10;

export type SubmitResult = { articleId: number; revisionId: number; isCorrection: boolean; isOverridden: boolean };

/**
 * Submits a generated report for publication: the checks are run again (last year's report may have been
 * entered since); a failed check refuses, unless the submitter gives a reason, which is recorded in the
 * audit log with the failed checks. The report's HTML becomes the body of an article in the center's
 * 年度报告 column (a new one, a new revision of the draft, or a 更正 of the published one), which enters the
 * column's review chain: the four-level review publishes it, and the report is published with it. The
 * figures and texts submitted are kept per revision, so the public API answers with what was published.
 */
export async function submitAnnualReport(
  ctx: AppContext,
  o: { centerId: number; year: number; user: StaffUser; roles: ReadonlySet<Role> | undefined; actor: Actor; overrideReason?: string; correctionNote?: string },
): Promise<SubmitResult> {
  if (!can(o.roles, 'site.manage')) throw forbidden('只有本中心的系统管理员可以提交年度报告');
  // Read caches before the transaction: PGlite has one connection, and the transaction holds it.
  const center = await getCenter(ctx, o.centerId);
  const column = (await listColumnsOfCenters(ctx.db, [o.centerId])).filter((c) => c.kind === 'annual_report').sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)[0];
  if (!column) throw new AppError('ANNUAL_REPORT_COLUMN_MISSING', { userMessage: '本中心没有“年度报告”栏目：请先在“栏目”中添加类型为年度报告的栏目' });
  const now = ctx.clock();
  const today = formatDate(now);
  const reason = (o.overrideReason ?? '').trim();
  const result = await ctx.db.transaction(async (tx) => {
    await lockCenterReports(tx, o.centerId);
    const report = await findReportForUpdate(tx, o.centerId, o.year);
    if (!report) throw new AppError('ANNUAL_REPORT_NOT_FOUND', { userMessage: `尚未生成 ${o.year} 年度报告` });
    if (report.source !== 'generated') throw new AppError('ANNUAL_REPORT_INVALID_TRANSITION', { userMessage: '手工录入或导入的往年报告只用于核对，不在本平台发布' });
    const checks = await runChecks(tx, { report, today });
    const failed = blockingChecks(checks);
    if (failed.length > 0 && reason.length < MIN_OVERRIDE_REASON) {
      throw new AppError('ANNUAL_REPORT_CHECKS_FAILED', {
        userMessage: `有 ${failed.length} 项核对未通过，不能提交发布：${failed.map((c) => c.message).join('；')}。如确需按原数据发布，请填写不少于 ${MIN_OVERRIDE_REASON} 个字的理由（将记入审计日志）。`,
        fields: [{ field: 'overrideReason', message: `未通过核对时提交发布，须填写不少于 ${MIN_OVERRIDE_REASON} 个字的理由` }],
        details: { checks: failed.map((c) => ({ id: c.id, message: c.message })) },
      });
    }
    const existing = report.articleId ? await lockArticle(tx, report.articleId) : null;
    const doc = presentReport({ year: report.year, center, status: 'published', figures: report.figures, narrative: report.narrative, checks });
    const { article, revisionId, isCorrection } = await saveReportArticle(tx, {
      existing,
      centerId: o.centerId,
      columnId: column.id,
      publisher: center.name,
      user: o.user,
      actor: o.actor,
      raw: { title: reportTitle(center.name, report.year), bodyHtml: reportBodyHtml(doc), summary: `${center.name}${report.year}年政府信息公开工作年度报告（统计期限为${report.year}年1月1日至12月31日）。`, formedOn: today, correctionNote: o.correctionNote ?? '' },
      now,
    });
    const revision = await findRevision(tx, revisionId);
    if (!revision) throw new Error(`revision ${revisionId} vanished`);
    await startReviewRun(tx, { article, revision, defaultChainId: center.defaultChainId, submittedBy: o.user.id, actor: o.actor });
    await updateArticle(tx, article.id, { reviewState: 'in_review' });
    await insertSubmission(tx, { reportId: report.id, revisionId, snapshot: doc, submittedBy: o.actor.userId, submittedAt: now });
    const isOverridden = failed.length > 0;
    const override = isOverridden ? { reason, by: o.actor.name, at: now.toISOString(), checkIds: failed.map((c) => c.id) } : report.checksOverride;
    await updateReport(tx, report.id, { articleId: article.id, status: 'in_review', checks, checksOverride: override });
    if (isOverridden) {
      await recordAudit(tx, o.actor, {
        action: 'annual_report.override_checks',
        centerId: o.centerId,
        targetType: 'annual_report',
        targetId: report.id,
        details: { year: report.year, reason, checks: failed.map((c) => ({ id: c.id, message: c.message })) },
      });
    }
    await recordAudit(tx, o.actor, { action: 'annual_report.submit', centerId: o.centerId, targetType: 'annual_report', targetId: report.id, after: doc, details: { year: report.year, articleId: article.id, revisionId, isCorrection, isOverridden } });
    return { articleId: article.id, revisionId, isCorrection, isOverridden };
  });
  return result;
}

/**
 * The report's article: created in the column, or a new working revision of its draft, or a correction of
 * the published one (with its mandatory 更正说明). An article in review is left alone; a withdrawn one is
 * replaced by a new article.
 */
async function saveReportArticle(
  tx: Tx,
  o: { existing: Article | null; centerId: number; columnId: number; publisher: string; user: StaffUser; actor: Actor; raw: Record<string, unknown>; now: Date },
): Promise<{ article: Article; revisionId: number; isCorrection: boolean }> {
  const a = o.existing && (o.existing.status === 'draft' || o.existing.status === 'published') ? o.existing : null;
  if (a?.reviewState === 'in_review') throw new AppError('ANNUAL_REPORT_INVALID_TRANSITION', { userMessage: '年度报告已在审核中，审核结束（通过或退回）后才能再次提交' });
  const isCorrection = a?.status === 'published';
  const { input, errors } = parseArticleInput(o.raw, { columnKind: 'annual_report', isCorrection, now: o.now });
  if (errors.length > 0) throw validationError(errors.map((e) => (e.field === 'correctionNote' ? { field: 'correctionNote', message: `更正说明：报告已发布，重新提交即为更正，须写明更正内容和原因（至少 4 个字）` } : e)));
  const values = revisionValues(input);
  if (!a) {
    const article = await insertArticle(tx, { centerId: o.centerId, columnId: o.columnId, departmentId: o.user.departmentId, authorId: o.user.id, status: 'draft', publisher: o.publisher, title: input.title, summary: input.summary, formedOn: input.formedOn });
    const rev = await insertRevision(tx, { articleId: article.id, revisionNo: 1, ...values, authorId: o.user.id });
    await updateArticle(tx, article.id, { currentRevisionId: rev.id });
    await recordAudit(tx, o.actor, { action: 'article.create', centerId: o.centerId, targetType: 'article', targetId: article.id, after: { revision: rev.contentHash }, details: { from: 'annual_report' } });
    return { article: { ...article, currentRevisionId: rev.id }, revisionId: rev.id, isCorrection: false };
  }
  const current = a.currentRevisionId ? await findRevision(tx, a.currentRevisionId) : null;
  // The same content already waiting as the working revision (after a rejection) is submitted as it is.
  const isSame = current !== null && current.contentHash === values.contentHash && (a.status === 'draft' || a.pendingCorrection);
  const revisionId = isSame && current ? current.id : (await insertRevision(tx, { articleId: a.id, revisionNo: await nextRevisionNo(tx, a.id), ...values, authorId: o.user.id })).id;
  const patch = { currentRevisionId: revisionId, ...(a.status === 'draft' ? { title: input.title, summary: input.summary } : { pendingCorrection: true }), formedOn: input.formedOn };
  await updateArticle(tx, a.id, patch);
  await recordAudit(tx, o.actor, { action: isCorrection ? 'article.start_correction' : 'article.save', centerId: o.centerId, targetType: 'article', targetId: a.id, after: { revision: values.contentHash }, details: { from: 'annual_report' } });
  const article = await findArticle(tx, a.id);
  if (!article) throw new Error(`article ${a.id} vanished`);
  return { article, revisionId, isCorrection };
}
