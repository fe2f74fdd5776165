import type { FastifyInstance } from 'fastify';
import type { FieldError } from '../platform/errors.ts';
import { makeSnippet } from '../platform/search/snippet.ts';
import { queryTerms } from '../platform/search/tokenizer.ts';
import { ErrorSummary, SelectField, TextField } from '../platform/views/admin-layout.tsx';
import { renderDocument } from '../platform/views/render.ts';
import { portalGet, type PortalDeps } from '../portal/portal.deps.ts';
import { servePage } from '../portal/portal.http.ts';
import { listNotices, type NoticeListItem } from './notices.query.ts';
import { MAX_QUERY_LENGTH, noticeSearchQuery, parseNoticeSearch, resolveCenterScope, type NoticeSearch } from './notice-search.schema.ts';
import { registerNoticePage } from './notice.portal.tsx';
import { registerOpeningCalendar } from './opening-calendar.portal.tsx';
import { registerProjectPage } from './project.portal.tsx';
import { registerTradingFeeds } from './trading.feeds.ts';
import { CATEGORIES, CATEGORY_LABELS, METHODS, METHOD_LABELS, NOTICE_TYPES, NOTICE_TYPE_SHORT, wanYuan } from './trading.model.ts';
import { categoryLabel, Highlighted, loadTradingPortal, noticeHref, Time, TradingLayout, TypeBadge, type TradingPortal } from './trading-parts.portal.tsx';

export const TRADING_PAGE_SIZE = 20;

/**
 * The bidders' portal (交易信息): the notice list and search, a notice, a project with its timeline, the
 * opening calendar and the Atom feeds, for the root center at /trading and every center at /c/:code/trading.
 */
export function registerTradingPortal(app: FastifyInstance, deps: PortalDeps): void {
  portalGet(app, '/trading', async (req, reply) =>
    servePage(req, reply, {
      cache: deps.cache,
      render: async () => {
        const portal = await loadTradingPortal(deps, req);
        const search = parseNoticeSearch(req.query);
        const scope = resolveCenterScope(portal.tree, portal.center, search.centerCode);
        const errors = 'error' in scope ? [...search.errors, scope.error] : search.errors;
        const page =
          errors.length > 0 || !('centerIds' in scope)
            ? { items: [], nextCursor: null }
            : await listNotices(deps.ctx.db, { ...search, centerIds: scope.centerIds, limit: TRADING_PAGE_SIZE, now: deps.ctx.clock() });
        return { status: errors.length > 0 ? 400 : 200, body: renderDocument(<NoticeListPage portal={portal} search={search} errors={errors} items={page.items} nextCursor={page.nextCursor} />) };
      },
    }),
  );
  registerNoticePage(app, deps);
  registerProjectPage(app, deps);
  registerOpeningCalendar(app, deps);
  registerTradingFeeds(app, deps);
}

function NoticeListPage(props: { portal: TradingPortal; search: NoticeSearch; errors: FieldError[]; items: NoticeListItem[]; nextCursor: string | null }) {
  const { portal, search, errors } = props;
  const base = portal.site.basePath;
  const form = search.form;
  const url = `${base}/trading${noticeSearchQuery(form)}`;
  const terms = search.q ? queryTerms(search.q) : [];
  const options = <K extends string>(keys: readonly K[], labels: Record<K, string>, all: string) => [{ value: '', label: all }, ...keys.map((k) => ({ value: k, label: labels[k] }))];
  const scopeIds = portal.tree.subtreeIds(portal.center.id);
  const depth0 = portal.tree.pathTo(portal.center.id).length;
  const centerOptions = [
    { value: '', label: '全部' },
    ...scopeIds.flatMap((id) => {
      const c = portal.tree.byId.get(id);
      return c && c.isActive ? [{ value: c.code, label: `${'　'.repeat(portal.tree.pathTo(id).length - depth0)}${c.name}` }] : [];
    }),
  ];
  const feedHref = `${base}/feeds/notices.atom${noticeSearchQuery(form, ['sort', 'cursor'])}`;
  return (
    <TradingLayout portal={portal} meta={{ title: search.q ? `交易信息：${search.q}` : '交易信息', url, description: `${portal.site.siteName}交易公告：招标公告、变更公告、中标候选人公示、结果公告和合同公告` }} crumbs={[{ label: '交易信息' }]}>
      <h1>交易信息</h1>
      <p class="trading-links">
        <a href={`${base}/trading/calendar`}>开标安排</a> · <a href={`${base}/trading/stats`}>数据统计</a>
      </p>
      <ErrorSummary errors={errors} />
      <form class="trading-filters" method="get" action={`${base}/trading`} aria-label="交易公告查询条件">
        <TextField name="q" label="关键词" type="search" value={form.q} maxLength={MAX_QUERY_LENGTH} errors={errors} hint="项目名称、编号、招标人等" />
        <SelectField name="category" label="交易类别" value={form.category} options={options(CATEGORIES, CATEGORY_LABELS, '全部类别')} errors={errors} />
        <SelectField name="type" label="公告类型" value={form.type} options={options(NOTICE_TYPES, NOTICE_TYPE_SHORT, '全部类型')} errors={errors} />
        <SelectField name="center" label="地区/中心" value={form.center} options={centerOptions} errors={errors} />
        <SelectField name="method" label="交易方式" value={form.method} options={options(METHODS, METHOD_LABELS, '全部方式')} errors={errors} />
        <fieldset class="range">
          <legend>发布日期</legend>
          <TextField name="from" label="从" type="date" value={form.from} errors={errors} />
          <TextField name="to" label="至" type="date" value={form.to} errors={errors} />
        </fieldset>
        <fieldset class="range">
          <legend>金额范围（万元）</legend>
          <TextField name="min" label="最低" value={form.min} maxLength={20} errors={errors} />
          <TextField name="max" label="最高" value={form.max} maxLength={20} errors={errors} />
        </fieldset>
        <SelectField
          name="sort"
          label="排序"
          value={form.sort || 'date'}
          options={[
            { value: 'date', label: '按时间' },
            { value: 'relevance', label: '按相关度' },
          ]}
          errors={errors}
        />
        <div class="filter-actions">
          <button type="submit" class="primary">
            查询
          </button>
          <a href={`${base}/trading`}>清除条件</a>
        </div>
      </form>
      <p class="feed-link">
        <a href={feedHref} type="application/atom+xml">
          订阅此搜索 (Atom)
        </a>
      </p>
      {errors.length > 0 ? null : props.items.length === 0 ? (
        <p role="status">没有找到符合条件的交易公告。</p>
      ) : (
        <>
          <p role="status" class="sr-only">
            {search.cursor ? '已显示下一页结果' : '已显示查询结果'}
          </p>
          <ol class="notice-results">
            {props.items.map((n) => (
              <li key={n.id}>
                <h2>
                  <TypeBadge type={n.type} />{' '}
                  <a href={noticeHref(base, n.id)}>{terms.length > 0 ? <Highlighted parts={makeSnippet(n.title, terms, 300)} /> : n.title}</a>
                </h2>
                {n.snippet ? (
                  <p class="snippet">
                    <Highlighted parts={n.snippet} />
                  </p>
                ) : n.summary ? (
                  <p class="snippet">{n.summary}</p>
                ) : null}
                <p class="notice-meta">
                  <span>{categoryLabel(n.category)}</span>
                  <span>{portal.tree.byId.get(n.centerId)?.name ?? ''}</span>
                  <span>
                    发布：<Time at={n.publishedAt} withTime={false} />
                  </span>
                  {n.amountFen !== null ? <span>金额：{wanYuan(n.amountFen)}</span> : null}
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
      {search.cursor || props.nextCursor ? (
        <nav class="pagination" aria-label="分页">
          {search.cursor ? <a href={`${base}/trading${noticeSearchQuery(form, ['cursor'])}`}>第一页</a> : null}
          {props.nextCursor ? (
            <a href={`${base}/trading${noticeSearchQuery({ ...form, cursor: props.nextCursor })}`} rel="next">
              下一页
            </a>
          ) : null}
        </nav>
      ) : null}
    </TradingLayout>
  );
}
