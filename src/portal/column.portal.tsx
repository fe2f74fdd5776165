import type { FastifyInstance } from 'fastify';
import { countPublished, listPublished } from '../content/articles.repo.ts';
import { findColumnBySlug } from '../content/columns.repo.ts';
import { formatDate } from '../platform/dates.ts';
import { notFound } from '../platform/errors.ts';
import { renderDocument } from '../platform/views/render.ts';
import { Pagination, PortalLayout } from '../platform/views/portal-layout.tsx';
import { isElderMode, servePage } from './portal.http.ts';
import { codeOf, pageParam, portalGet, type PortalDeps } from './portal.deps.ts';
import { columnScope, getPortalSite } from './portal.service.ts';

const PAGE_SIZE = 20;

export function registerColumnPage(app: FastifyInstance, deps: PortalDeps): void {
  portalGet(app, '/col/:slug', async (req, reply) => {
    const { slug } = req.params as { slug: string };
    const page = pageParam((req.query as { page?: string }).page);
    return servePage(req, reply, {
      cache: deps.cache,
      views: deps.views,
      render: async () => {
        const { center, site, nav } = await getPortalSite(deps.ctx, codeOf(req));
        const column = await findColumnBySlug(deps.ctx.db, center.id, slug.slice(0, 60));
        if (!column) throw notFound('栏目');
        const ids = await columnScope(deps.ctx, center, column);
        const now = deps.ctx.clock();
        const [items, total] = await Promise.all([
          listPublished(deps.ctx.db, { columnIds: ids, now, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
          countPublished(deps.ctx.db, { columnIds: ids, now }),
        ]);
        const tree = await deps.ctx.centers.get();
        const url = `${site.basePath}/col/${column.slug}${page > 1 ? `?page=${page}` : ''}`;
        return {
          view: { centerId: center.id, columnId: column.id, articleId: 0 },
          body: renderDocument(
            <PortalLayout site={site} nav={nav} isElder={isElderMode(req)} currentSlug={column.slug} meta={{ title: column.name, url, columnName: column.name, columnType: column.columnType, columnDescription: column.description, description: column.description }}>
              <nav class="breadcrumb" aria-label="当前位置">
                <a href={`${site.basePath}/`}>首页</a> › <span aria-current="page">{column.name}</span>
              </nav>
              <h1>{column.name}</h1>
              {column.description ? <p class="muted">{column.description}</p> : null}
              <p class="muted">
                共 {total} 条 · <a href={`${site.basePath}/feeds/${column.slug}.atom`}>订阅本栏目（Atom）</a>
              </p>
              {items.length === 0 ? (
                <p>本栏目暂无信息。</p>
              ) : (
                <ul class="list">
                  {items.map((a) => {
                    const source = a.centerId !== center.id ? tree.byId.get(a.centerId)?.shortName : undefined;
                    return (
                      <li key={a.id}>
                        <a href={`${site.basePath}/art/${a.id}`}>{a.title}</a>
                        {source ? <span class="tag">{source}</span> : null}
                        <time dateTime={a.publishedAt?.toISOString()}>{a.publishedAt ? formatDate(a.publishedAt) : ''}</time>
                      </li>
                    );
                  })}
                </ul>
              )}
              <Pagination page={page} pageCount={Math.ceil(total / PAGE_SIZE)} href={(p) => `${site.basePath}/col/${column.slug}?page=${p}`} />
            </PortalLayout>,
          ),
        };
      },
    });
  });
}
