import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { Role } from '../../accounts/accounts.policy.ts';
import { findArticle, findRevision, updateArticle } from '../../content/articles.repo.ts';
import { findColumn } from '../../content/columns.repo.ts';
import { canEditArticle, type StaffUser } from '../../content/content.policy.ts';
import { staleError } from '../../content/operations/save-article.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound, validationError } from '../../platform/errors.ts';
import { findChain, findLatestRun, insertRun, insertTask } from '../review.repo.ts';
import { resolveAssignees } from '../review.service.ts';

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
  const revision = await findRevision(ctx.db, article.currentRevisionId);
  if (!revision) throw notFound('稿件版本');
  if (article.pendingCorrection && (revision.correctionNote ?? '').length < 4) {
    throw validationError([{ field: 'correctionNote', message: '更正说明：提交更正前须写明更正内容和原因' }]);
  }
  const column = await findColumn(ctx.db, article.columnId);
  const center = (await ctx.centers.get()).byId.get(article.centerId);
  const chainId = column?.reviewChainId ?? center?.defaultChainId;
  const chain = chainId ? await findChain(ctx.db, chainId) : null;
  if (!chain || chain.steps.length === 0) throw new AppError('REVIEW_INVALID_TRANSITION', { userMessage: '本栏目尚未配置审核流程，请联系系统管理员' });

  const previous = await findLatestRun(ctx.db, article.id);
  const isResuming = previous?.status === 'rejected' && article.reviewState === 'rejected';
  const startStep = isResuming && previous ? Math.min(previous.currentStep, chain.steps.length - 1) : 0;
  const steps = isResuming && previous ? previous.steps : chain.steps;
  const step = steps[startStep];
  if (!step) throw new AppError('REVIEW_INVALID_TRANSITION', { userMessage: '审核流程配置有误' });
  const assignees = await resolveAssignees(ctx.db, { centerId: article.centerId, assignee: step.assignee, departmentId: article.departmentId, authorId: article.authorId });
  if (assignees.length === 0) throw new AppError('REVIEW_INVALID_TRANSITION', { userMessage: `审核环节“${step.name}”没有可处理的审核人，请联系系统管理员配置部门负责人或审核组` });

  await ctx.db.transaction(async (tx) => {
    const run = await insertRun(tx, {
      centerId: article.centerId,
      articleId: article.id,
      revisionId: revision.id,
      purpose: article.pendingCorrection ? 'correct' : 'publish',
      status: 'active',
      chainName: chain.name,
      steps,
      currentStep: startStep,
      resumedFromRunId: isResuming && previous ? previous.id : null,
      submittedBy: opts.user.id,
    });
    await insertTask(tx, {
      centerId: article.centerId,
      runId: run.id,
      articleId: article.id,
      revisionId: revision.id,
      revisionHash: revision.contentHash,
      stepIndex: startStep,
      stepName: step.name,
      assigneeIds: assignees,
      status: 'pending',
    });
    if (!(await updateArticle(tx, article.id, { reviewState: 'in_review' }, opts.lockVersion))) throw staleError();
    await recordAudit(tx, opts.actor, {
      action: 'review.submit',
      centerId: article.centerId,
      targetType: 'article',
      targetId: article.id,
      after: { revision: revision.contentHash },
      details: { runId: run.id, startStep, isResuming },
    });
  });
}
