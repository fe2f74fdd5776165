import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asFormError, flashOf, formBody, intParam, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import { actorOf, rolesAt } from '../accounts/staff-session.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { AdminLayout } from '../platform/views/admin-layout.tsx';
import { forcePublishArticle } from '../publishing/operations/force-publish-article.ts';
import { withdrawArticle } from '../publishing/operations/withdraw-article.ts';
import { submitForReview } from '../review/operations/submit-for-review.ts';
import { findArticle, findRevision, listPublishedOfKind, type Article } from './articles.repo.ts';
import { ArticleForm, formValuesOf, type ArticleFormValues } from './article-form.tsx';
import { registerArticleDetail } from './article-detail.admin.tsx';
import { findColumn, listColumnsOfCenters, type Column } from './columns.repo.ts';
import { createArticle, saveArticle } from './operations/save-article.ts';
import { startCorrection } from './operations/start-correction.ts';
import { registerArticleList } from './article-list.admin.tsx';
import { registerAttachmentUpload } from './attachments.admin.ts';

const edit = { access: { kind: 'perm', permission: 'article.edit' } } as const;

export function registerArticleAdmin(app: FastifyInstance, ctx: AppContext): void {
  registerArticleList(app, ctx);
  registerArticleDetail(app, ctx);
  registerAttachmentUpload(app, ctx);

  app.get('/admin/c/:cid/articles/new', { config: edit, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const columns = await listColumnsOfCenters(ctx.db, [cid]);
    const wanted = Number((req.query as { column?: string }).column);
    const column = columns.find((c) => c.id === wanted) ?? columns[0];
    if (!column) throw notFound('栏目');
    return renderForm(ctx, req, reply, { cid, columns, column, values: {}, isCorrection: false });
  });

  app.post('/admin/c/:cid/articles', { config: edit, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const body = formBody(req);
    const columns = await listColumnsOfCenters(ctx.db, [cid]);
    const column = columns.find((c) => c.id === Number(str(body.columnId))) ?? columns[0];
    if (!column) throw notFound('栏目');
    const staff = req.staff;
    if (!staff) throw new AppError('AUTH_REQUIRED', { userMessage: '请先登录' });
    try {
      const article = await createArticle(ctx, { user: staff.user, roles: rolesAt(req, cid), actor: actorOf(req), centerId: cid, columnId: column.id, raw: body });
      if (str(body.intent) === 'submit') {
        await submitForReview(ctx, { user: staff.user, roles: rolesAt(req, cid), actor: actorOf(req), articleId: article.id, lockVersion: article.lockVersion });
        return reply.redirect(`/admin/c/${cid}/articles/${article.id}?done=submitted`, 303);
      }
      return reply.redirect(`/admin/c/${cid}/articles/${article.id}/edit?done=saved`, 303);
    } catch (err) {
      const e = asFormError(err);
      return renderForm(ctx, req, reply, { cid, columns, column, values: asValues(body), isCorrection: false, error: e }, e.status);
    }
  });

  app.get('/admin/c/:cid/articles/:id/edit', { config: edit, schema: { hide: true } }, async (req, reply) => {
    const { cid, article, column } = await loadOwned(ctx, req);
    if (!article.currentRevisionId || !(article.status === 'draft' || article.pendingCorrection)) return reply.redirect(`/admin/c/${cid}/articles/${article.id}`, 303);
    const rev = await findRevision(ctx.db, article.currentRevisionId);
    if (!rev) throw notFound('稿件版本');
    const values = formValuesOf(article, rev);
    return renderForm(ctx, req, reply, { cid, columns: [column], column, values, isCorrection: article.pendingCorrection, article });
  });

  app.post('/admin/c/:cid/articles/:id', { config: edit, schema: { hide: true } }, async (req, reply) => {
    const { cid, article, column } = await loadOwned(ctx, req);
    const body = formBody(req);
    const staff = req.staff;
    if (!staff) throw new AppError('AUTH_REQUIRED', { userMessage: '请先登录' });
    try {
      const saved = await saveArticle(ctx, { user: staff.user, roles: rolesAt(req, cid), actor: actorOf(req), articleId: article.id, lockVersion: Number(str(body.lockVersion)), raw: body });
      if (str(body.intent) === 'submit') {
        await submitForReview(ctx, { user: staff.user, roles: rolesAt(req, cid), actor: actorOf(req), articleId: saved.id, lockVersion: saved.lockVersion });
        return reply.redirect(`/admin/c/${cid}/articles/${article.id}?done=submitted`, 303);
      }
      return reply.redirect(`/admin/c/${cid}/articles/${article.id}/edit?done=saved`, 303);
    } catch (err) {
      const e = asFormError(err);
      const fresh = (await findArticle(ctx.db, article.id)) ?? article;
      // A stale form keeps its lock version so a blind resubmit fails again; the user's text stays on screen.
      return renderForm(ctx, req, reply, { cid, columns: [column], column, values: asValues(body), isCorrection: article.pendingCorrection, article: e.code === 'CONFLICT_STALE' ? { ...fresh, lockVersion: Number(str(body.lockVersion)) } : fresh, error: e }, e.status);
    }
  });

  const action = (path: string, permission: 'article.edit' | 'article.withdraw' | 'article.force_publish', run: (req: FastifyRequest, a: Article, cid: number) => Promise<string>) =>
    app.post(`/admin/c/:cid/articles/:id/${path}`, { config: { access: { kind: 'perm', permission } }, schema: { hide: true } }, async (req, reply) => {
      const { cid, article } = await loadOwned(ctx, req);
      const done = await run(req, article, cid);
      return reply.redirect(`/admin/c/${cid}/articles/${article.id}${done === 'correction' ? '/edit' : ''}?done=${done}`, 303);
    });
  const staffOf = (req: FastifyRequest) => {
    if (!req.staff) throw new AppError('AUTH_REQUIRED', { userMessage: '请先登录' });
    return req.staff.user;
  };
  action('submit', 'article.edit', async (req, a, cid) => {
    await submitForReview(ctx, { user: staffOf(req), roles: rolesAt(req, cid), actor: actorOf(req), articleId: a.id, lockVersion: Number(str(formBody(req).lockVersion)) });
    return 'submitted';
  });
  action('correct', 'article.edit', async (req, a, cid) => {
    await startCorrection(ctx, { user: staffOf(req), roles: rolesAt(req, cid), actor: actorOf(req), articleId: a.id, lockVersion: Number(str(formBody(req).lockVersion)) });
    return 'correction';
  });
  action('withdraw', 'article.withdraw', async (req, a, cid) => {
    await withdrawArticle(ctx, { roles: rolesAt(req, cid), actor: actorOf(req), articleId: a.id, reason: str(formBody(req).reason) });
    return 'withdrawn';
  });
  action('force-publish', 'article.force_publish', async (req, a, cid) => {
    await forcePublishArticle(ctx, { roles: rolesAt(req, cid), actor: actorOf(req), articleId: a.id, reason: str(formBody(req).reason) });
    return 'forced';
  });
}

/** The article named in the URL, which must belong to the center named in the URL. */
export async function loadOwned(ctx: AppContext, req: FastifyRequest): Promise<{ cid: number; article: Article; column: Column }> {
  const p = req.params as { cid: string; id: string };
  const cid = intParam(p.cid);
  const article = await findArticle(ctx.db, intParam(p.id));
  if (!article || article.centerId !== cid) throw notFound('稿件');
  const column = await findColumn(ctx.db, article.columnId);
  if (!column) throw notFound('栏目');
  return { cid, article, column };
}

function asValues(body: Record<string, unknown>): ArticleFormValues {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, str(v).slice(0, 600_000)]));
}

async function renderForm(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  o: { cid: number; columns: Column[]; column: Column; values: ArticleFormValues; isCorrection: boolean; article?: Article; error?: AppError },
  status = 200,
) {
  const current = o.article ? '' : `/admin/c/${o.cid}/articles`;
  const shell = await shellFor(ctx, req, reply, o.cid, current);
  const tree = await ctx.centers.get();
  const policies = o.column.kind === 'interpretation' ? await listPublishedOfKind(ctx.db, tree.subtreeIds(o.cid), 'policy', 200) : [];
  const title = o.article ? (o.isCorrection ? '编辑更正稿' : '编辑稿件') : '起草新稿件';
  return sendHtml(
    reply,
    <AdminLayout title={title} shell={shell} flash={flashOf(req)} error={o.error && !o.error.fields ? o.error.userMessage : undefined}>
      {o.article ? (
        <p>
          <a href={`/admin/c/${o.cid}/articles/${o.article.id}`}>返回稿件详情</a>
        </p>
      ) : null}
      <ArticleForm
        action={o.article ? `/admin/c/${o.cid}/articles/${o.article.id}` : `/admin/c/${o.cid}/articles`}
        csrf={shell.csrfToken ?? ''}
        columns={o.columns}
        column={o.column}
        values={o.values}
        errors={o.error?.fields}
        {...(o.article ? { lockVersion: o.article.lockVersion } : {})}
        isCorrection={o.isCorrection}
        policies={policies}
      />
      {o.article ? (
        <form method="post" action={`/admin/c/${o.cid}/articles/${o.article.id}/attachments?_csrf=${encodeURIComponent(shell.csrfToken ?? '')}`} enctype="multipart/form-data" class="upload">
          <label for="f-file">上传附件（PDF、Word、Excel、OFD、ZIP、图片，不超过 20 MB）</label>
          <input id="f-file" type="file" name="file" required />
          <button type="submit">上传并添加到稿件</button>
        </form>
      ) : (
        <p class="muted">保存草稿后可上传附件。</p>
      )}
    </AdminLayout>,
    status,
  );
}
