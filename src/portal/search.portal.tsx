import type { FastifyInstance } from 'fastify';
import { RELEVANCE_CANDIDATES } from '../content/articles.repo.ts';
import { formatDate } from '../platform/dates.ts';
import { renderDocument } from '../platform/views/render.ts';
import { Pagination, PortalLayout } from '../platform/views/portal-layout.tsx';
import { makeSnippet } from '../platform/search/snippet.ts';
import { queryTerms } from '../platform/search/tokenizer.ts';
import { isElderMode, servePage } from './portal.http.ts';
import { codeOf, portalGet, type PortalDeps } from './portal.deps.ts';
import { getPortalSite } from './portal.service.ts';
import { parseSearchParams, searchArticles, SEARCH_PAGE_SIZE } from './search.service.ts';

export function registerSearchPage(app: FastifyInstance, deps: PortalDeps): void {
  portalGet(app, '/search', async (req, reply) =>
    servePage(req, reply, {
      cache: deps.cache,
      render: async () => {
        const { center, site, nav, columns } = await getPortalSite(deps.ctx, codeOf(req));
        const p = parseSearchParams(req.query as Record<string, unknown>);
        const result = await searchArticles(deps.ctx, center, p);
        const terms = queryTerms(p.q);
        const qs = (page: number) => `${site.basePath}/search?${new URLSearchParams({ q: p.q, column: p.column, from: p.from, to: p.to, sort: p.sort, page: String(page) }).toString()}`;
        return {
          status: result.errors.length > 0 ? 400 : 200,
          body: renderDocument(
            <PortalLayout site={site} nav={nav} isElder={isElderMode(req)} searchQuery={p.q} meta={{ title: p.q ? `搜索：${p.q}` : '站内搜索', url: qs(p.page), columnName: '站内搜索', columnType: '搜索' }}>
              <h1>站内搜索</h1>
              <form class="search-filters" method="get" action={`${site.basePath}/search`}>
                <div class="field">
                  <label for="q">关键词</label>
                  <input id="q" name="q" type="search" value={p.q} maxLength={100} />
                </div>
                <div class="field">
                  <label for="column">栏目</label>
                  <select id="column" name="column">
                    <option value="">全部栏目</option>
                    {columns.map((c) => (
                      <option key={c.slug} value={c.slug} selected={p.column === c.slug}>
                        {c.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div class="field">
                  <label for="from">起始日期</label>
                  <input id="from" name="from" type="date" value={p.from} aria-invalid={result.errors.some((e) => e.field === 'from') ? 'true' : undefined} />
                </div>
                <div class="field">
                  <label for="to">截止日期</label>
                  <input id="to" name="to" type="date" value={p.to} aria-invalid={result.errors.some((e) => e.field === 'to') ? 'true' : undefined} />
                </div>
                <div class="field">
                  <label for="sort">排序</label>
                  <select id="sort" name="sort">
                    <option value="relevance" selected={p.sort === 'relevance'}>按相关度</option>
                    <option value="date" selected={p.sort === 'date'}>按时间</option>
                  </select>
                </div>
                <button type="submit">搜索</button>
              </form>
              {result.errors.length > 0 ? (
                <div class="error-summary" role="alert">
                  <ul>
                    {result.errors.map((e) => (
                      <li key={e.field}>{e.message}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {p.q ? (
                <p role="status">
                  找到{result.isTotalCapped ? ` ${result.total} 条以上` : ` ${result.total} 条`}与“{p.q}”相关的信息
                </p>
              ) : (
                <p>请输入关键词。</p>
              )}
              <ol class="results">
                {result.hits.map((h) => (
                  <li key={h.id}>
                    <h2>
                      <a href={`${site.basePath}/art/${h.id}`}>
                        {makeSnippet(h.title, terms, 200).map((part, i) => (part.isHit ? <mark key={i}>{part.text}</mark> : part.text))}
                      </a>
                    </h2>
                    <p class="snippet">{h.snippet.map((part, i) => (part.isHit ? <mark key={i}>{part.text}</mark> : part.text))}</p>
                    <p class="muted">
                      {h.columnName} · {h.publisher} · {h.publishedAt ? formatDate(h.publishedAt) : ''}
                    </p>
                  </li>
                ))}
              </ol>
              <Pagination page={p.page} pageCount={Math.min(p.sort === 'relevance' ? RELEVANCE_CANDIDATES / SEARCH_PAGE_SIZE : 50, Math.ceil(result.total / SEARCH_PAGE_SIZE))} href={qs} />
            </PortalLayout>,
          ),
        };
      },
    }),
  );
}
