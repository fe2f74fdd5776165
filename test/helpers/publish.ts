import { SYSTEM_ACTOR } from '../../src/audit/audit.service.ts';
import { findArticle } from '../../src/content/articles.repo.ts';
import type { Column } from '../../src/content/columns.repo.ts';
import { createArticle } from '../../src/content/operations/save-article.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { publishWorkingRevision } from '../../src/publishing/publish-revision.ts';
import type { CenterFixture } from './fixtures.ts';

/** Creates an article through the real operation and publishes it through the one publishing path. */
export async function publishArticle(ctx: AppContext, fx: CenterFixture, column: Column, raw: Record<string, unknown>, at?: Date): Promise<number> {
  const editor = fx.users.editor;
  const a = await createArticle(ctx, { user: editor, roles: new Set(['editor']), actor: SYSTEM_ACTOR, centerId: fx.center.id, columnId: column.id, raw: { bodyHtml: '<p>正文</p>', ...raw } });
  await ctx.db.transaction(async (tx) => {
    const article = await findArticle(tx, a.id);
    if (!article) throw new Error('missing');
    await publishWorkingRevision(tx, { article, actor: SYSTEM_ACTOR, now: at ?? ctx.clock(), isForced: false, indexPrefix: fx.center.indexPrefix });
  });
  ctx.notifyOutbox();
  return a.id;
}
