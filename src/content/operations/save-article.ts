import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/client.ts';
import { AppError, forbidden, notFound, validationError } from '../../platform/errors.ts';
import { findActiveRun, updateRun, voidPendingTasks } from '../../review/review.repo.ts';
import type { Role } from '../../accounts/accounts.policy.ts';
import { findArticle, findRevision, insertArticle, insertRevision, nextRevisionNo, updateArticle, type Article } from '../articles.repo.ts';
import { findColumn } from '../columns.repo.ts';
import { parseArticleInput, type ArticleInput } from '../content.schema.ts';
import { attachments } from '../content.tables.ts';
import { canEditArticle, type StaffUser } from '../content.policy.ts';
import { revisionHash } from '../revision-hash.ts';

type Editor = { user: StaffUser; roles: ReadonlySet<Role> | undefined; actor: Actor };

/** Creates a draft article (revision 1) in a column of the center. */
export async function createArticle(ctx: AppContext, opts: Editor & { centerId: number; columnId: number; raw: Record<string, unknown> }): Promise<Article> {
  const column = await findColumn(ctx.db, opts.columnId);
  if (!column || column.centerId !== opts.centerId) throw validationError([{ field: 'columnId', message: '栏目：请选择本中心的栏目' }]);
  if (column.kind === 'trading') throw validationError([{ field: 'columnId', message: '栏目：交易公告请在“交易项目 → 录入交易公告”中提交' }]);
  if (!canEditArticle(opts.user, opts.roles, { authorId: opts.user.id, departmentId: opts.user.departmentId })) throw forbidden();
  const input = await parseOrThrow(ctx, { raw: opts.raw, columnKind: column.kind, isCorrection: false, centerId: opts.centerId });
  const center = (await ctx.centers.get()).byId.get(opts.centerId);
  return ctx.db.transaction(async (tx) => {
    const article = await insertArticle(tx, {
      centerId: opts.centerId,
      columnId: column.id,
      departmentId: opts.user.departmentId,
      authorId: opts.user.id,
      status: 'draft',
      publisher: center?.name ?? '',
      title: input.title,
      summary: input.summary,
      goLiveAt: input.goLiveAt,
      expiresAt: input.expiresAt,
      formedOn: input.formedOn,
    });
    const rev = await insertRevision(tx, { articleId: article.id, revisionNo: 1, ...revisionValues(input), authorId: opts.user.id });
    await updateArticle(tx, article.id, { currentRevisionId: rev.id });
    await recordAudit(tx, opts.actor, { action: 'article.create', centerId: opts.centerId, targetType: 'article', targetId: article.id, after: { revision: rev.contentHash } });
    return { ...article, currentRevisionId: rev.id, lockVersion: article.lockVersion + 1 };
  });
}

/**
 * Saves the working revision as a new revision. Editing an item under review voids the approvals given
 * so far (a verdict is bound to the exact revision); a stale form is refused, not merged.
 */
export async function saveArticle(ctx: AppContext, opts: Editor & { articleId: number; lockVersion: number; raw: Record<string, unknown> }): Promise<Article> {
  const article = await findArticle(ctx.db, opts.articleId);
  if (!article) throw notFound('稿件');
  if (!canEditArticle(opts.user, opts.roles, article)) throw forbidden('只有起草人或本部门编辑可以修改此稿件');
  const isWorking = article.status === 'draft' || article.pendingCorrection;
  if (!isWorking || !article.currentRevisionId) {
    throw new AppError('ARTICLE_INVALID_TRANSITION', { userMessage: '已发布的稿件不能直接修改，请使用“更正”发布新版本' });
  }
  const column = await findColumn(ctx.db, article.columnId);
  if (column?.kind === 'trading') throw tradingNoticeError();
  const input = await parseOrThrow(ctx, { raw: opts.raw, columnKind: column?.kind ?? 'general', isCorrection: article.pendingCorrection, centerId: article.centerId });
  const current = await findRevision(ctx.db, article.currentRevisionId);
  const hash = revisionHash(input);
  return ctx.db.transaction(async (tx) => {
    let revisionId = article.currentRevisionId;
    if (current?.contentHash !== hash) {
      const rev = await insertRevision(tx, { articleId: article.id, revisionNo: await nextRevisionNo(tx, article.id), ...revisionValues(input), authorId: opts.user.id });
      revisionId = rev.id;
    }
    const run = await findActiveRun(tx, article.id);
    const isVoiding = !!run && revisionId !== article.currentRevisionId;
    if (run && isVoiding) {
      await voidPendingTasks(tx, run.id);
      await updateRun(tx, run.id, { status: 'void', endedAt: ctx.clock() });
    }
    const patch = {
      currentRevisionId: revisionId,
      ...(article.status === 'draft' ? { title: input.title, summary: input.summary } : {}),
      goLiveAt: input.goLiveAt,
      expiresAt: input.expiresAt,
      formedOn: input.formedOn,
      ...(isVoiding ? { reviewState: 'none' } : {}),
    };
    if (!(await updateArticle(tx, article.id, patch, opts.lockVersion))) throw staleError();
    await recordAudit(tx, opts.actor, {
      action: 'article.save',
      centerId: article.centerId,
      targetType: 'article',
      targetId: article.id,
      before: { revision: current?.contentHash },
      after: { revision: hash },
      details: isVoiding ? { voidedRunId: run?.id } : {},
    });
    const saved = await findArticle(tx, article.id);
    if (!saved) throw notFound('稿件');
    return saved;
  });
}

/** Trading notices ride on articles but change only through their own path (checks, inspection). */
export function tradingNoticeError(): AppError {
  return new AppError('ARTICLE_INVALID_TRANSITION', { userMessage: '这是交易公告：请通过代理机构提交新版本或在“交易巡查”中处理，不能在稿件中修改' });
}

export function staleError(): AppError {
  return new AppError('CONFLICT_STALE', { userMessage: '稿件已被他人修改或状态已变化，您的内容尚未保存。请复制您的修改，刷新后重新提交。' });
}

export function revisionValues(input: ArticleInput) {
  return {
    title: input.title,
    bodyHtml: input.bodyHtml,
    summary: input.summary,
    source: input.source,
    fields: input.fields,
    attachmentIds: input.attachmentIds,
    correctionNote: input.correctionNote,
    contentHash: revisionHash(input),
  };
}

async function parseOrThrow(ctx: AppContext, opts: { raw: Record<string, unknown>; columnKind: string; isCorrection: boolean; centerId: number }): Promise<ArticleInput> {
  const { input, errors } = parseArticleInput(opts.raw, { columnKind: opts.columnKind, isCorrection: opts.isCorrection, now: ctx.clock() });
  if (input.attachmentIds.length > 0 && !(await areAttachmentsOfCenter(ctx.db, input.attachmentIds, opts.centerId))) {
    errors.push({ field: 'attachmentIds', message: '附件：包含不属于本中心的文件' });
  }
  if (input.fields.policyArticleId) {
    const policy = await findArticle(ctx.db, input.fields.policyArticleId);
    const policyColumn = policy ? await findColumn(ctx.db, policy.columnId) : null;
    if (!policy || policyColumn?.kind !== 'policy') errors.push({ field: 'policyArticleId', message: '所解读的政策文件：找不到该政策文件' });
  }
  if (errors.length > 0) throw validationError(errors);
  return input;
}

async function areAttachmentsOfCenter(ex: Executor, ids: number[], centerId: number): Promise<boolean> {
  const rows = await ex.select({ id: attachments.id }).from(attachments).where(and(inArray(attachments.id, ids), eq(attachments.centerId, centerId)));
  return rows.length === ids.length;
}
