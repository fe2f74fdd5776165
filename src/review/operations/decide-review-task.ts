import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import { can, type Role } from '../../accounts/accounts.policy.ts';
import { findArticle, lockArticle, updateArticle } from '../../content/articles.repo.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound, validationError } from '../../platform/errors.ts';
import { publishWorkingRevision } from '../../publishing/publish-revision.ts';
import { claimTask, findRun, findTask, insertTask, listTasksOfRuns, settleTask, updateRun, type ReviewTask } from '../review.repo.ts';
import { resolveAssignees } from '../review.service.ts';

type Reviewer = { userId: number; roles: ReadonlySet<Role> | undefined; actor: Actor };

/**
 * Approves a review task. The verdict is bound to the revision hash the reviewer saw; the last approval
 * publishes the article (or schedules it for its go-live time).
 */
export async function approveReviewTask(ctx: AppContext, opts: Reviewer & { taskId: number; revisionHash: string; comment?: string }): Promise<{ isPublished: boolean; isScheduled: boolean }> {
  const task = await checkActable(ctx, opts);
  const now = ctx.clock();
  // Read outside the transaction: PGlite has one connection, and the transaction holds it.
  const tree = await ctx.centers.get();
  const result = await ctx.db.transaction(async (tx) => {
    const article = await lockArticle(tx, task.articleId);
    const run = await findRun(tx, task.runId);
    if (!article || !run) throw notFound('稿件');
    if (article.currentRevisionId !== task.revisionId || run.status !== 'active') throw staleTask();
    if (!(await settleTask(tx, { taskId: task.id, userId: opts.userId, status: 'approved', comment: opts.comment?.trim() || null, at: now }))) throw taken();
    await recordAudit(tx, opts.actor, { action: 'review.approve', centerId: task.centerId, targetType: 'review_task', targetId: task.id, details: { articleId: article.id, step: task.stepName, revision: task.revisionHash } });
    const nextIndex = task.stepIndex + 1;
    const nextStep = run.steps[nextIndex];
    if (nextStep) {
      const assignees = await resolveAssignees(tx, { centerId: article.centerId, assignee: nextStep.assignee, departmentId: article.departmentId, authorId: article.authorId });
      if (assignees.length === 0) throw new AppError('REVIEW_INVALID_TRANSITION', { userMessage: `下一审核环节“${nextStep.name}”没有可处理的审核人，请联系系统管理员` });
      await updateRun(tx, run.id, { currentStep: nextIndex });
      await insertTask(tx, { centerId: task.centerId, runId: run.id, articleId: article.id, revisionId: task.revisionId, revisionHash: task.revisionHash, stepIndex: nextIndex, stepName: nextStep.name, assigneeIds: assignees, status: 'pending' });
      return { isPublished: false, isScheduled: false };
    }
    await updateRun(tx, run.id, { status: 'approved', endedAt: now });
    const isScheduled = !article.pendingCorrection && article.goLiveAt !== null && article.goLiveAt > now;
    if (isScheduled) {
      await updateArticle(tx, article.id, { status: 'scheduled', reviewState: 'none' });
      await recordAudit(tx, opts.actor, { action: 'article.schedule', centerId: article.centerId, targetType: 'article', targetId: article.id, details: { goLiveAt: article.goLiveAt?.toISOString() } });
      return { isPublished: false, isScheduled: true };
    }
    const center = tree.byId.get(article.centerId);
    await publishWorkingRevision(tx, { article, actor: opts.actor, now, isForced: false, indexPrefix: center?.indexPrefix ?? String(article.centerId) });
    return { isPublished: true, isScheduled: false };
  });
  if (result.isPublished) ctx.notifyOutbox();
  return result;
}

/** Returns the item to its drafter with a mandatory comment. Resubmission resumes at this step. */
export async function rejectReviewTask(ctx: AppContext, opts: Reviewer & { taskId: number; revisionHash: string; comment: string }): Promise<void> {
  const comment = opts.comment.trim();
  if (comment.length < 2) throw validationError([{ field: 'comment', message: '退回意见：退回时必须填写修改意见' }]);
  if (comment.length > 2000) throw validationError([{ field: 'comment', message: '退回意见：不能超过 2000 字' }]);
  const task = await checkActable(ctx, opts);
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const article = await lockArticle(tx, task.articleId);
    const run = await findRun(tx, task.runId);
    if (!article || !run) throw notFound('稿件');
    if (article.currentRevisionId !== task.revisionId || run.status !== 'active') throw staleTask();
    if (!(await settleTask(tx, { taskId: task.id, userId: opts.userId, status: 'rejected', comment, at: now }))) throw taken();
    await updateRun(tx, run.id, { status: 'rejected', endedAt: now });
    await updateArticle(tx, article.id, { reviewState: 'rejected' });
    await recordAudit(tx, opts.actor, { action: 'review.reject', centerId: task.centerId, targetType: 'review_task', targetId: task.id, details: { articleId: article.id, step: task.stepName, comment } });
  });
}

/** Takes a task so the other members of the step's group see it is being handled; `release` gives it back. */
export async function claimReviewTask(ctx: AppContext, opts: Reviewer & { taskId: number; isReleasing: boolean }): Promise<void> {
  const task = await checkActable(ctx, { ...opts, revisionHash: null });
  await ctx.db.transaction(async (tx) => {
    if (opts.isReleasing) {
      if (task.claimedBy !== opts.userId) throw taken();
      await claimTask(tx, task.id, null);
    } else if (!(await claimTask(tx, task.id, opts.userId))) throw taken();
    await recordAudit(tx, opts.actor, { action: opts.isReleasing ? 'review.release' : 'review.claim', centerId: task.centerId, targetType: 'review_task', targetId: task.id });
  });
}

async function checkActable(ctx: AppContext, opts: Reviewer & { taskId: number; revisionHash: string | null }): Promise<ReviewTask> {
  const task = await findTask(ctx.db, opts.taskId);
  if (!task) throw notFound('审核任务');
  if (!can(opts.roles, 'review.act')) throw forbidden();
  const article = await findArticle(ctx.db, task.articleId);
  if (!article) throw notFound('稿件');
  if (article.authorId === opts.userId) throw new AppError('REVIEW_SELF_APPROVAL', { userMessage: '不能审核自己起草的稿件' });
  if (!task.assigneeIds.includes(opts.userId)) throw new AppError('REVIEW_NOT_ASSIGNEE', { userMessage: '您不是此审核环节的审核人' });
  if (task.status !== 'pending') throw new AppError('REVIEW_INVALID_TRANSITION', { userMessage: '此审核任务已处理，无需重复操作' });
  if (task.claimedBy !== null && task.claimedBy !== opts.userId) throw taken();
  if (opts.revisionHash !== null && opts.revisionHash !== task.revisionHash) throw staleTask();
  const runTasks = await listTasksOfRuns(ctx.db, [task.runId]);
  if (runTasks.some((t) => t.id !== task.id && t.status === 'approved' && t.actedBy === opts.userId)) {
    throw new AppError('REVIEW_SELF_APPROVAL', { userMessage: '同一稿件的不同审核环节不能由同一人审核' });
  }
  return task;
}

function taken(): AppError {
  return new AppError('REVIEW_TASK_TAKEN', { userMessage: '此审核任务已由其他审核人处理或领取' });
}

function staleTask(): AppError {
  return new AppError('CONFLICT_STALE', { userMessage: '稿件在您审阅期间已被修改，此前的审核已作废，请刷新后查看最新内容' });
}
