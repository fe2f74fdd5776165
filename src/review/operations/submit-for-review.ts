import type { Actor } from '../../audit/audit.service.ts';
import type { Role } from '../../accounts/accounts.policy.ts';
import { findArticle, findRevision, updateArticle } from '../../content/articles.repo.ts';
import { canEditArticle, type StaffUser } from '../../content/content.policy.ts';
import { staleError, tradingNoticeError } from '../../content/operations/save-article.ts';
import { findColumn } from '../../content/columns.repo.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound, validationError } from '../../platform/errors.ts';
import { startReviewRun } from './start-review-run.ts';

/**
 * Sends the working revision into the column's review chain (or the center's default). After a rejection
 * the new run resumes at the step that rejected; otherwise it starts at the first step.
 */
export async function submitForReview(ctx: AppContext, opts: { user: StaffUser; roles: ReadonlySet<Role> | undefined; actor: Actor; articleId: number; lockVersion: number }): Promise<void> {
  const article = await findArticle(ctx.db, opts.articleId);
  if (!article) throw notFound('稿件');
  if (!canEditArticle(opts.user, opts.roles, article)) throw forbidden('只有起草人或本部门编辑可以提交审核');
  const isWorking = article.status === 'draft' || article.pendingCorrection;
  if (!isWorking || article.reviewState === 'in_review' || !article.currentRevisionId) {
    throw new AppError('ARTICLE_INVALID_TRANSITION', { userMessage: article.reviewState === 'in_review' ? '稿件已在审核中' : '此稿件当前不能提交审核' });
  }
  if ((await findColumn(ctx.db, article.columnId))?.kind === 'trading') throw tradingNoticeError();
  const revision = await findRevision(ctx.db, article.currentRevisionId);
  if (!revision) throw notFound('稿件版本');
  if (article.pendingCorrection && (revision.correctionNote ?? '').length < 4) {
    throw validationError([{ field: 'correctionNote', message: '更正说明：提交更正前须写明更正内容和原因' }]);
  }
  const center = (await ctx.centers.get()).byId.get(article.centerId);
  await ctx.db.transaction(async (tx) => {
    await startReviewRun(tx, { article, revision, defaultChainId: center?.defaultChainId ?? null, submittedBy: opts.user.id, actor: opts.actor });
    if (!(await updateArticle(tx, article.id, { reviewState: 'in_review' }, opts.lockVersion))) throw staleError();
  });
}
