import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound, validationError } from '../platform/errors.ts';
import { codeOf, portalGet, type PortalDeps } from '../portal/portal.deps.ts';
import { servePage } from '../portal/portal.http.ts';
import { getPortalSite } from '../portal/portal.service.ts';
import { findPublicProject, listNotices, listProjectNotices } from './notices.query.ts';
import { parseNoticeSearch, resolveCenterScope } from './notice-search.schema.ts';
import { CATEGORY_LABELS, NOTICE_TYPE_SHORT } from './trading.model.ts';
import { idParam, typeLabel, typeShort } from './trading-parts.portal.tsx';

export const FEED_SIZE = 50;

const ATOM = 'application/atom+xml; charset=utf-8';

/**
 * Atom 1.0 feeds of trading notices, no login: a saved search (/feeds/notices.atom?category=&type=&q=&center=…,
 * the list page's parameters) and one project's timeline (/feeds/projects/:id.atom). The static path wins
 * over the column feeds' /feeds/:file in the router.
 */
export function registerTradingFeeds(app: FastifyInstance, deps: PortalDeps): void {
  portalGet(app, '/feeds/notices.atom', async (req, reply) => {
    const search = parseNoticeSearch(req.query);
    if (search.errors.length > 0) throw validationError(search.errors);
    return servePage(req, reply, {
      cache: deps.cache,
      contentType: ATOM,
      render: async () => {
        const { center, site } = await getPortalSite(deps.ctx, codeOf(req));
        const tree = await deps.ctx.centers.get();
        const scope = resolveCenterScope(tree, center, search.centerCode);
        if ('error' in scope) throw validationError([scope.error]);
        const page = await listNotices(deps.ctx.db, { ...search, sort: 'date', cursor: undefined, centerIds: scope.centerIds, limit: FEED_SIZE, now: deps.ctx.clock() });
        const origin = originOf(req, center.domain);
        const query = new URL(req.url, 'http://x').search;
        const described = [search.q ? `“${search.q}”` : '', search.category ? CATEGORY_LABELS[search.category] : '', search.type ? NOTICE_TYPE_SHORT[search.type] : ''].filter(Boolean).join(' ');
        return {
          body: atomFeed({
            id: `${origin}${site.basePath}/feeds/notices.atom${query}`,
            title: `${site.siteName} - 交易信息${described ? `：${described}` : ''}`,
            alternate: `${origin}${site.basePath}/trading${query}`,
            entries: page.items.map((n) => ({
              id: `${origin}${site.basePath}/trading/notices/${n.id}`,
              title: `[${typeShort(n.type)}] ${n.title}`,
              published: n.publishedAt,
              author: tree.byId.get(n.centerId)?.name ?? site.name,
              summary: n.summary,
              category: { term: n.type, label: typeLabel(n.type) },
            })),
          }),
        };
      },
    });
  });

  portalGet(app, '/feeds/projects/:id.atom', async (req, reply) => {
    const id = idParam(req);
    if (!id) throw notFound('项目');
    return servePage(req, reply, {
      cache: deps.cache,
      contentType: ATOM,
      render: async () => {
        const { center, site } = await getPortalSite(deps.ctx, codeOf(req));
        const tree = await deps.ctx.centers.get();
        const now = deps.ctx.clock();
        const project = await findPublicProject(deps.ctx.db, id, now);
        if (!project || !tree.subtreeIds(center.id).includes(project.centerId)) throw notFound('项目');
        const entries = await listProjectNotices(deps.ctx.db, id, now);
        const origin = originOf(req, center.domain);
        return {
          body: atomFeed({
            id: `${origin}${site.basePath}/feeds/projects/${id}.atom`,
            title: `${project.name} - 项目进程`,
            alternate: `${origin}${site.basePath}/trading/projects/${id}`,
            entries: entries.reverse().map((n) => ({
              id: `${origin}${site.basePath}/trading/notices/${n.id}`,
              title: `[${typeShort(n.type)}] ${n.title}`,
              published: n.publishedAt,
              author: tree.byId.get(project.centerId)?.name ?? site.name,
              summary: n.facts?.changeSummary ?? '',
              category: { term: n.type, label: typeLabel(n.type) },
            })),
          }),
        };
      },
    });
  });
}

export type AtomEntry = { id: string; title: string; published: Date; author: string; summary: string; category?: { term: string; label: string } };

/** A whole Atom 1.0 document; entries newest first. `id` doubles as the self link. */
export function atomFeed(f: { id: string; title: string; alternate: string; entries: AtomEntry[] }): string {
  const updated = (f.entries[0]?.published ?? new Date(0)).toISOString();
  const entries = f.entries
    .map((e) => {
      const at = e.published.toISOString();
      return (
        `<entry><id>${xml(e.id)}</id><title>${xml(e.title)}</title><link rel="alternate" type="text/html" href="${xml(e.id)}"/>` +
        `<published>${at}</published><updated>${at}</updated><author><name>${xml(e.author)}</name></author>` +
        (e.category ? `<category term="${xml(e.category.term)}" label="${xml(e.category.label)}"/>` : '') +
        (e.summary ? `<summary>${xml(e.summary)}</summary>` : '') +
        `</entry>`
      );
    })
    .join('');
  return (
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">` +
    `<id>${xml(f.id)}</id><title>${xml(f.title)}</title><link rel="self" type="application/atom+xml" href="${xml(f.id)}"/>` +
    `<link rel="alternate" type="text/html" href="${xml(f.alternate)}"/><updated>${updated}</updated>${entries}</feed>`
  );
}

/** XML text and attribute escaping; characters XML 1.0 forbids are dropped. */
function xml(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}

function originOf(req: FastifyRequest, domain: string | null): string {
  if (domain) return `https://${domain}`;
  const h = (req.headers.host ?? 'localhost').replace(/[^a-zA-Z0-9.:[\]-]/g, '');
  return `http://${h}`;
}
