import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import { can, type Role } from '../../accounts/accounts.policy.ts';
import { lockArticle, updateArticle } from '../../content/articles.repo.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound, validationError } from '../../platform/errors.ts';
import { findActiveRun, updateRun, voidPendingTasks } from '../../review/review.repo.ts';
import { publishWorkingRevision } from '../publish-revision.ts';

/**
 * Emergency publication (舆情应对) by a center admin: skips the remaining review, marks the item as
 * force-published on the portal and in the audit log, with the stated reason.
 */
export async function forcePublishArticle(ctx: AppContext, opts: { roles: ReadonlySet<Role> | undefined; actor: Actor; articleId: number; reason: string }): Promise<void> {
  if (!can(opts.roles, 'article.force_publish')) throw forbidden();
  const reason = opts.reason.trim();
  if (reason.length < 4) throw validationError([{ field: 'reason', message: '紧急发布理由：必须写明理由（至少 4 个字）' }]);
  const now = ctx.clock();
  const tree = await ctx.centers.get();
  await ctx.db.transaction(async (tx) => {
    const article = await lockArticle(tx, opts.articleId);
    if (!article) throw notFound('稿件');
    if (!(article.status === 'draft' || article.status === 'scheduled' || article.pendingCorrection)) {
      throw new AppError('ARTICLE_INVALID_TRANSITION', { userMessage: '此稿件没有待发布的内容' });
    }
    const run = await findActiveRun(tx, article.id);
    if (run) {
      await voidPendingTasks(tx, run.id);
      await updateRun(tx, run.id, { status: 'void', endedAt: now });
    }
    const center = tree.byId.get(article.centerId);
    await publishWorkingRevision(tx, { article, actor: opts.actor, now, isForced: true, indexPrefix: center?.indexPrefix ?? String(article.centerId), forceReason: reason });
    await updateArticle(tx, article.id, { isForcePublished: true });
  });
  ctx.notifyOutbox();
}
