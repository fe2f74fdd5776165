import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { findAttachments, isAttachmentPublic } from '../content/articles.repo.ts';
import { notFound } from '../platform/errors.ts';
import type { PortalDeps } from './portal.deps.ts';
import { ELDER_COOKIE } from './portal.http.ts';

export function registerFilesAndPrefs(app: FastifyInstance, deps: PortalDeps): void {
  /** Attachments of published articles; anything else is 404 to the public. */
  app.get('/files/:id/:name', { schema: { hide: true } }, async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw notFound('附件');
    const [att] = await findAttachments(deps.ctx.db, [id]);
    if (!att || !(await isAttachmentPublic(deps.ctx.db, id))) throw notFound('附件');
    return reply
      .header('content-type', att.mime)
      .header('content-length', String(att.sizeBytes))
      .header('content-disposition', `attachment; filename="${att.safeName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(att.originalName)}`)
      .header('cache-control', 'public, max-age=86400')
      .header('x-content-type-options', 'nosniff')
      .send(createReadStream(path.join(deps.ctx.filesDir, att.sha256.slice(0, 2), att.sha256)));
  });

  /** 长者模式 without JavaScript: a link sets a cookie and returns to the page. */
  app.get('/prefs/elder', { schema: { hide: true } }, async (req, reply) => {
    const q = req.query as { on?: string; back?: string };
    const back = typeof q.back === 'string' && /^\/(?!\/)[^\s\\]*$/.test(q.back) ? q.back : '/';
    if (q.on === '1') reply.setCookie(ELDER_COOKIE, '1', { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86400 });
    else reply.clearCookie(ELDER_COOKIE, { path: '/' });
    return reply.redirect(back, 303);
  });
}
