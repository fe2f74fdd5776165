import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { Role } from '../../accounts/accounts.policy.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { findArticle, findRevision, insertRevision, nextRevisionNo, updateArticle, type Article } from '../articles.repo.ts';
import { canEditArticle, type StaffUser } from '../content.policy.ts';
import { revisionHash } from '../revision-hash.ts';
import { findColumn } from '../columns.repo.ts';
import { staleError, tradingNoticeError } from './save-article.ts';

/**
 * Opens a correction (更正) of a published article: a new working revision copied from the published
 * one. The public keeps seeing the published version until the correction passes review.
 */
export async function startCorrection(ctx: AppContext, opts: { user: StaffUser; roles: ReadonlySet<Role> | undefined; actor: Actor; articleId: number; lockVersion: number }): Promise<Article> {
  const article = await findArticle(ctx.db, opts.articleId);
  if (!article) throw notFound('稿件');
  if (!canEditArticle(opts.user, opts.roles, article)) throw forbidden('只有起草人或本部门编辑可以发起更正');
  if (article.status !== 'published' || !article.publishedRevisionId) throw new AppError('ARTICLE_INVALID_TRANSITION', { userMessage: '只有已发布的稿件才能更正' });
  if ((await findColumn(ctx.db, article.columnId))?.kind === 'trading') throw tradingNoticeError();
  if (article.pendingCorrection) throw new AppError('ARTICLE_INVALID_TRANSITION', { userMessage: '此稿件已有一份正在进行的更正' });
  const published = await findRevision(ctx.db, article.publishedRevisionId);
  if (!published) throw notFound('已发布版本');
  return ctx.db.transaction(async (tx) => {
    const rev = await insertRevision(tx, {
      articleId: article.id,
      revisionNo: await nextRevisionNo(tx, article.id),
      title: published.title,
      bodyHtml: published.bodyHtml,
      summary: published.summary,
      source: published.source,
      fields: published.fields,
      attachmentIds: published.attachmentIds,
      correctionNote: '',
      contentHash: revisionHash({ ...published, correctionNote: '' }),
      authorId: opts.user.id,
    });
    if (!(await updateArticle(tx, article.id, { currentRevisionId: rev.id, pendingCorrection: true, reviewState: 'none' }, opts.lockVersion))) throw staleError();
    await recordAudit(tx, opts.actor, { action: 'article.start_correction', centerId: article.centerId, targetType: 'article', targetId: article.id });
    const updated = await findArticle(tx, article.id);
    if (!updated) throw notFound('稿件');
    return updated;
  });
}
