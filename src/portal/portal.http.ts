import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage, PageCache } from '../platform/http/page-cache.ts';
import type { PageViewCounter } from './page-views.ts';

export const ELDER_COOKIE = 'gk_elder';

export function isElderMode(req: FastifyRequest): boolean {
  return req.cookies[ELDER_COOKIE] === '1';
}

const keyOf = (url: string, isElder: boolean) => `${isElder ? 'E' : 'N'}${url}`;

export type RenderedPage = { body: string; status?: number; view?: CachedPage['view'] };

/**
 * Serves a public page from the render cache, rendering it on a miss. Public pages carry no cookie and no
 * per-user content, so one rendering serves every visitor of the same display mode. A page that counts
 * views says what to count, so that cache hits count too.
 */
export async function servePage(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: { cache: PageCache; views?: PageViewCounter; contentType?: string; render: () => Promise<RenderedPage> },
): Promise<FastifyReply> {
  const key = keyOf(req.url, isElderMode(req));
  let page = opts.cache.get(key);
  if (!page) {
    // Single flight: concurrent misses of one page share one rendering (PGlite runs one query at a time).
    let inFlight = inFlightByCache.get(opts.cache);
    if (!inFlight) {
      inFlight = new Map();
      inFlightByCache.set(opts.cache, inFlight);
    }
    const renders = inFlight;
    let pending = renders.get(key);
    if (!pending) {
      pending = renderPage(opts).finally(() => renders.delete(key));
      renders.set(key, pending);
    }
    page = await pending;
    if (page.status === 200) opts.cache.set(key, page);
  }
  if (page.view) opts.views?.count(page.view);
  return sendCached(req, reply, page);
}

/** Renders under way, per cache (each app instance has its own cache). */
const inFlightByCache = new WeakMap<PageCache, Map<string, Promise<CachedPage>>>();

async function renderPage(opts: { contentType?: string; render: () => Promise<RenderedPage> }): Promise<CachedPage> {
  const out = await opts.render();
  const body = Buffer.from(out.body);
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, contentType: opts.contentType ?? 'text/html; charset=utf-8', status: out.status ?? 200, view: out.view };
}

function sendCached(req: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  reply.header('cache-control', 'public, max-age=0, must-revalidate').header('etag', page.etag).header('vary', 'Cookie');
  if (req.headers['if-none-match'] === page.etag) return reply.status(304).send();
  return reply.status(page.status).header('content-type', page.contentType).send(page.body);
}

/**
 * Answers cached public pages before Fastify sees the request (a serverFactory hook): no routing, no hooks,
 * precomputed headers. This is the hot path of a portal under load; everything else falls through.
 */
export function createCacheFastPath(opts: { cache: PageCache; views: PageViewCounter; securityHeaders: [string, string][] }): (req: IncomingMessage, res: ServerResponse) => boolean {
  const fixed = opts.securityHeaders.flat();
  return (req, res) => {
    if (req.method !== 'GET' || opts.cache.size === 0 || req.url === undefined) return false;
    const raw = req.headers.cookie;
    const isElder = raw !== undefined && /(?:^|;\s*)gk_elder=1(?:;|$)/.test(raw);
    const page = opts.cache.get(keyOf(req.url, isElder));
    if (!page) return false;
    if (page.view) opts.views.count(page.view);
    const headers = [...fixed, 'cache-control', 'public, max-age=0, must-revalidate', 'etag', page.etag, 'vary', 'Cookie'];
    if (req.headers['if-none-match'] === page.etag) {
      res.writeHead(304, headers);
      res.end();
    } else {
      res.writeHead(page.status, [...headers, 'content-type', page.contentType, 'content-length', String(page.body.length)]);
      res.end(page.body);
    }
    return true;
  };
}
