import type { FastifyInstance } from 'fastify';
import { loadTodayNotices, TodayNotices } from '../trading/today.portal.tsx';
import { listPublished, type ArticleListRow } from '../content/articles.repo.ts';
import { formatDate } from '../platform/dates.ts';
import { renderDocument } from '../platform/views/render.ts';
import { PortalLayout } from '../platform/views/portal-layout.tsx';
import { isElderMode, servePage } from './portal.http.ts';
import { codeOf, portalGet, type PortalDeps } from './portal.deps.ts';
import { columnScope, getPortalSite } from './portal.service.ts';

const HOME_COLUMN_KINDS = ['news', 'notice', 'policy', 'interpretation', 'service_guide', 'exposure'];

export function registerHomePage(app: FastifyInstance, deps: PortalDeps): void {
  portalGet(app, '/', async (req, reply) =>
    servePage(req, reply, {
      cache: deps.cache,
      render: async () => {
        const { center, site, nav, columns } = await getPortalSite(deps.ctx, codeOf(req));
        const tree = await deps.ctx.centers.get();
        const now = deps.ctx.clock();
        const blocks: { slug: string; name: string; items: ArticleListRow[] }[] = [];
        for (const column of columns.filter((c) => HOME_COLUMN_KINDS.includes(c.kind))) {
          const ids = await columnScope(deps.ctx, center, column);
          blocks.push({ slug: column.slug, name: column.name, items: await listPublished(deps.ctx.db, { columnIds: ids, now, limit: 7, offset: 0 }) });
        }
        const today = await loadTodayNotices(deps.ctx, center);
        const children = tree.childrenOf(center.id);
        const url = `${site.basePath}/`;
        return {
          body: renderDocument(
            <PortalLayout site={site} nav={nav} isElder={isElderMode(req)} meta={{ title: '首页', url, columnName: '首页', columnType: '首页', description: `${site.siteName}：${center.name}信息公开` }}>
              <h1 class="sr-only">{site.siteName}</h1>
              <TodayNotices data={today} />
              <div class="home-grid">
                {blocks.map((b) => (
                  <section class="block" key={b.slug} aria-labelledby={`b-${b.slug}`}>
                    <h2 id={`b-${b.slug}`}>
                      <a href={`${site.basePath}/col/${b.slug}`}>{b.name}</a>
                    </h2>
                    {b.items.length === 0 ? (
                      <p class="muted">暂无信息</p>
                    ) : (
                      <ul class="list">
                        {b.items.map((a) => (
                          <li key={a.id}>
                            <a href={`${site.basePath}/art/${a.id}`}>{a.title}</a>
                            <time dateTime={a.publishedAt?.toISOString()}>{a.publishedAt ? formatDate(a.publishedAt) : ''}</time>
                          </li>
                        ))}
                      </ul>
                    )}
                    <a class="more" href={`${site.basePath}/col/${b.slug}`} aria-label={`${b.name}：更多`}>
                      更多
                    </a>
                  </section>
                ))}
              </div>
              {children.length > 0 ? (
                <section class="block" aria-labelledby="sub-centers">
                  <h2 id="sub-centers">下级交易中心</h2>
                  <ul class="chips">
                    {children.map((c) => (
                      <li key={c.id}>
                        <a href={`/c/${c.code}`}>{c.name}</a>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
            </PortalLayout>,
          ),
        };
      },
    }),
  );
}
