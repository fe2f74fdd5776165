import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PageCache } from '../platform/http/page-cache.ts';

export const ELDER_COOKIE = 'gk_elder';

export function isElderMode(req: FastifyRequest): boolean {
  return req.cookies[ELDER_COOKIE] === '1';
}

/**
 * Serves a public page from the render cache, rendering it on a miss. Public pages carry no cookie and no
 * per-user content, so one rendering serves every visitor of the same display mode.
 */
export async function servePage(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: { cache: PageCache; contentType?: string; render: () => Promise<{ body: string; status?: number }> },
): Promise<FastifyReply> {
  const contentType = opts.contentType ?? 'text/html; charset=utf-8';
  const key = `${isElderMode(req) ? 'E' : 'N'}${req.url}`;
  let page = opts.cache.get(key);
  if (!page) {
    const out = await opts.render();
    const body = Buffer.from(out.body);
    page = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, contentType, status: out.status ?? 200 };
    if (page.status === 200) opts.cache.set(key, page);
  }
  reply.header('cache-control', 'public, max-age=0, must-revalidate').header('etag', page.etag).header('vary', 'Cookie');
  if (req.headers['if-none-match'] === page.etag) return reply.status(304).send();
  return reply.status(page.status).type(page.contentType).send(page.body);
}
