import type { FastifyInstance } from 'fastify';
import { intParam } from '../admin/admin.http.tsx';
import { actorOf, rolesAt } from '../accounts/staff-session.ts';
import type { AppContext } from '../platform/context.ts';
import { formValuesOf } from './article-form.tsx';
import { AppError, notFound } from '../platform/errors.ts';
import { findArticle, findRevision } from './articles.repo.ts';
import { saveArticle } from './operations/save-article.ts';
import { uploadAttachment } from './operations/upload-attachment.ts';

/** Uploads a file and adds it to the working revision of an article (a new revision, like any edit). */
export function registerAttachmentUpload(app: FastifyInstance, ctx: AppContext): void {
  app.post('/admin/c/:cid/articles/:id/attachments', { config: { access: { kind: 'perm', permission: 'article.edit' } }, schema: { hide: true } }, async (req, reply) => {
    const p = req.params as { cid: string; id: string };
    const cid = intParam(p.cid);
    const article = await findArticle(ctx.db, intParam(p.id));
    if (!article || article.centerId !== cid || !article.currentRevisionId) throw notFound('稿件');
    const staff = req.staff;
    if (!staff) throw new AppError('AUTH_REQUIRED', { userMessage: '请先登录' });
    const file = await req.file();
    if (!file) throw new AppError('ATTACHMENT_TYPE_REFUSED', { userMessage: '附件：请选择要上传的文件', fields: [{ field: 'file', message: '附件：请选择要上传的文件' }] });
    const data = await file.toBuffer();
    const att = await uploadAttachment(ctx, { centerId: cid, userId: staff.user.id, actor: actorOf(req), fileName: file.filename, data });
    const rev = await findRevision(ctx.db, article.currentRevisionId);
    if (!rev) throw notFound('稿件版本');
    await saveArticle(ctx, {
      user: staff.user,
      roles: rolesAt(req, cid),
      actor: actorOf(req),
      articleId: article.id,
      lockVersion: article.lockVersion,
      raw: { ...formValuesOf(article, rev), attachmentIds: [...rev.attachmentIds, att.id] },
    });
    return reply.redirect(`/admin/c/${cid}/articles/${article.id}/edit?done=saved`, 303);
  });
}
