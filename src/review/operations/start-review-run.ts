import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { Article, Revision } from '../../content/articles.repo.ts';
import { findColumn } from '../../content/columns.repo.ts';
import type { Executor } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { findChain, findLatestRun, insertRun, insertTask } from '../review.repo.ts';
import { resolveAssignees } from '../review.service.ts';

/**
 * Opens a review run for the article's working revision in the column's chain (or the center's default)
 * and its first task, in the caller's transaction. After a rejection the run resumes at the step that
 * rejected. Shared by articles and trading notices; callers check who may submit and set review_state.
 */
export async function startReviewRun(
  ex: Executor,
  opts: { article: Article; revision: Revision; defaultChainId: number | null; submittedBy: number; actor: Actor },
): Promise<{ runId: number; startStep: number }> {
  const { article, revision } = opts;
  const column = await findColumn(ex, article.columnId);
  const chainId = column?.reviewChainId ?? opts.defaultChainId;
  const chain = chainId ? await findChain(ex, chainId) : null;
  if (!chain || chain.steps.length === 0) throw new AppError('REVIEW_INVALID_TRANSITION', { userMessage: '本栏目尚未配置审核流程，请联系系统管理员' });

  const previous = await findLatestRun(ex, article.id);
  const isResuming = previous?.status === 'rejected' && article.reviewState === 'rejected';
  const startStep = isResuming && previous ? Math.min(previous.currentStep, chain.steps.length - 1) : 0;
  const steps = isResuming && previous ? previous.steps : chain.steps;
  const step = steps[startStep];
  if (!step) throw new AppError('REVIEW_INVALID_TRANSITION', { userMessage: '审核流程配置有误' });
  const assignees = await resolveAssignees(ex, { centerId: article.centerId, assignee: step.assignee, departmentId: article.departmentId, authorId: article.authorId });
  if (assignees.length === 0) throw new AppError('REVIEW_INVALID_TRANSITION', { userMessage: `审核环节“${step.name}”没有可处理的审核人，请联系系统管理员配置部门负责人或审核组` });

  const run = await insertRun(ex, {
    centerId: article.centerId,
    articleId: article.id,
    revisionId: revision.id,
    purpose: article.pendingCorrection ? 'correct' : 'publish',
    status: 'active',
    chainName: chain.name,
    steps,
    currentStep: startStep,
    resumedFromRunId: isResuming && previous ? previous.id : null,
    submittedBy: opts.submittedBy,
  });
  await insertTask(ex, {
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
  await recordAudit(ex, opts.actor, {
    action: 'review.submit',
    centerId: article.centerId,
    targetType: 'article',
    targetId: article.id,
    after: { revision: revision.contentHash },
    details: { runId: run.id, startStep, isResuming },
  });
  return { runId: run.id, startStep };
}
