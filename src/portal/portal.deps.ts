import type { FastifyInstance, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import type { PageCache } from '../platform/http/page-cache.ts';
import type { PageViewCounter } from './page-views.ts';

export type PortalDeps = { ctx: AppContext; cache: PageCache; views: PageViewCounter };

/** The center code of a portal request: null for the root center's own paths. */
export function codeOf(req: FastifyRequest): string | null {
  return (req.params as { code?: string }).code ?? null;
}

/** Registers a portal GET route for the root center ("/x") and for every center ("/c/:code/x"). */
export function portalGet(app: FastifyInstance, path: string, handler: RouteHandlerMethod, schema?: object): void {
  const opts = schema ? { schema: { ...schema, hide: true } } : { schema: { hide: true } };
  app.get(path, opts, handler);
  app.get(`/c/:code${path === '/' ? '' : path}`, opts, handler);
}

export function pageParam(v: unknown): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}
