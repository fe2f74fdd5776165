import type { FastifyInstance } from 'fastify';
import { listPublished } from '../content/articles.repo.ts';
import { findColumnBySlug, listColumnsOfCenters } from '../content/columns.repo.ts';
import { notFound } from '../platform/errors.ts';
import { servePage } from './portal.http.ts';
import { codeOf, portalGet, type PortalDeps } from './portal.deps.ts';
import { basePathOf, columnScope, getPortalSite } from './portal.service.ts';

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);

export function registerFeeds(app: FastifyInstance, deps: PortalDeps): void {
  portalGet(app, '/feeds/:file', async (req, reply) => {
    const file = (req.params as { file: string }).file;
    const m = /^([a-z0-9-]{1,60})\.atom$/.exec(file);
    if (!m?.[1]) throw notFound('订阅');
    const { center, site } = await getPortalSite(deps.ctx, codeOf(req));
    const column = await findColumnBySlug(deps.ctx.db, center.id, m[1]);
    if (!column) throw notFound('栏目');
    return servePage(req, reply, {
      cache: deps.cache,
      contentType: 'application/atom+xml; charset=utf-8',
      render: async () => {
        const origin = originOf(req.headers.host, center.domain);
        const items = await listPublished(deps.ctx.db, { columnIds: await columnScope(deps.ctx, center, column), now: deps.ctx.clock(), limit: 50, offset: 0 });
        const updated = (items[0]?.publishedAt ?? new Date(0)).toISOString();
        const entries = items
          .map((a) => {
            const link = `${origin}${site.basePath}/art/${a.id}`;
            return `<entry><id>${xml(link)}</id><title>${xml(a.title)}</title><link href="${xml(link)}"/><updated>${a.publishedAt?.toISOString() ?? updated}</updated><published>${a.publishedAt?.toISOString() ?? updated}</published><author><name>${xml(a.publisher)}</name></author>${a.summary ? `<summary>${xml(a.summary)}</summary>` : ''}</entry>`;
          })
          .join('');
        const self = `${origin}${site.basePath}/feeds/${column.slug}.atom`;
        return {
          body: `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>${xml(self)}</id><title>${xml(`${site.siteName} - ${column.name}`)}</title><link rel="self" href="${xml(self)}"/><link href="${xml(`${origin}${site.basePath}/col/${column.slug}`)}"/><updated>${updated}</updated>${entries}</feed>`,
        };
      },
    });
  });

  app.get('/sitemap.xml', { schema: { hide: true } }, async (req, reply) =>
    servePage(req, reply, {
      cache: deps.cache,
      contentType: 'application/xml; charset=utf-8',
      render: async () => {
        const tree = await deps.ctx.centers.get();
        const origin = originOf(req.headers.host, tree.root.domain);
        const centers = tree.all.filter((c) => c.isActive);
        const columns = await listColumnsOfCenters(deps.ctx.db, centers.map((c) => c.id));
        const urls: string[] = [];
        for (const c of centers) {
          const base = `${origin}${basePathOf(c, tree.root.id)}`;
          urls.push(`${base}/`, `${base}/guide`, `${base}/catalog`);
          for (const col of columns.filter((x) => x.centerId === c.id)) urls.push(`${base}/col/${col.slug}`);
        }
        // The newest articles; older ones are reached through the column pages and the catalog.
        const recent = await listPublished(deps.ctx.db, { columnIds: columns.map((c) => c.id), now: deps.ctx.clock(), limit: 5000, offset: 0 });
        const byColumn = new Map(columns.map((c) => [c.id, c]));
        for (const a of recent) {
          const center = tree.byId.get(byColumn.get(a.columnId)?.centerId ?? 0);
          if (center) urls.push(`${origin}${basePathOf(center, tree.root.id)}/art/${a.id}`);
        }
        return { body: `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.map((u) => `<url><loc>${xml(u)}</loc></url>`).join('')}</urlset>` };
      },
    }),
  );
}

function originOf(host: string | undefined, domain: string | null): string {
  if (domain) return `https://${domain}`;
  const h = (host ?? 'localhost').replace(/[^a-zA-Z0-9.:[\]-]/g, '');
  return `http://${h}`;
}
