import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import { can, type Role } from '../../accounts/accounts.policy.ts';
import { findRevision, lockArticle, setArticleSearch, updateArticle } from '../../content/articles.repo.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError, forbidden, notFound, validationError } from '../../platform/errors.ts';
import { insertOutboxEvent } from '../outbox.repo.ts';
import { appendLogEntry } from '../publication-log.ts';

/** 撤稿: takes a published article down with a public reason; its URL then says it was withdrawn and when. */
export async function withdrawArticle(ctx: AppContext, opts: { roles: ReadonlySet<Role> | undefined; actor: Actor; articleId: number; reason: string }): Promise<void> {
  if (!can(opts.roles, 'article.withdraw')) throw forbidden();
  const reason = opts.reason.trim();
  if (reason.length < 4) throw validationError([{ field: 'reason', message: '撤稿理由：必须写明理由（至少 4 个字）' }]);
  if (reason.length > 500) throw validationError([{ field: 'reason', message: '撤稿理由：不能超过 500 字' }]);
  await ctx.db.transaction(async (tx) => {
    const article = await lockArticle(tx, opts.articleId);
    if (!article) throw notFound('稿件');
    if (article.status !== 'published') throw new AppError('ARTICLE_INVALID_TRANSITION', { userMessage: '只有已发布的稿件才能撤稿' });
    await takeDown(tx, { articleId: article.id, status: 'withdrawn', reason, actor: opts.actor, now: ctx.clock() });
  });
  ctx.notifyOutbox();
}

/** Shared by withdrawal and expiry: status change, log leaf, outbox event, audit. */
export async function takeDown(tx: Tx, opts: { articleId: number; status: 'withdrawn' | 'expired'; reason: string; actor: Actor; now: Date }): Promise<void> {
  const article = await lockArticle(tx, opts.articleId);
  if (!article || !article.publishedRevisionId) throw notFound('稿件');
  const revision = await findRevision(tx, article.publishedRevisionId);
  await updateArticle(tx, article.id, { status: opts.status, withdrawnAt: opts.now, withdrawReason: opts.reason });
  await setArticleSearch(tx, article.id, '');
  const entry = await appendLogEntry(tx, {
    centerId: article.centerId,
    itemType: 'article',
    itemId: article.id,
    versionNo: revision?.publishedVersionNo ?? 1,
    action: opts.status === 'withdrawn' ? 'withdraw' : 'expire',
    contentHash: revision?.contentHash ?? '',
    title: article.title,
    at: opts.now,
  });
  await insertOutboxEvent(tx, { event: opts.status === 'withdrawn' ? 'article.withdrawn' : 'article.expired', centerId: article.centerId, payload: { articleId: article.id, columnId: article.columnId, reason: opts.reason, logSeq: entry.seq } });
  await recordAudit(tx, opts.actor, { action: opts.status === 'withdrawn' ? 'article.withdraw' : 'article.expire', centerId: article.centerId, targetType: 'article', targetId: article.id, details: { reason: opts.reason } });
}
