import { and, count, eq, sql } from 'drizzle-orm';
import { articles } from '../src/content/content.tables.ts';
import { formatDate } from '../src/platform/dates.ts';
import type { AppContext } from '../src/platform/context.ts';
import { toTsQuery } from '../src/platform/search/tokenizer.ts';
import { parseNoticeSearch, resolveCenterScope } from '../src/trading/notice-search.schema.ts';
import { listNotices } from '../src/trading/notices.query.ts';
import { notices } from '../src/trading/trading.tables.ts';
import { percentile } from './search.ts';

/**
 * The trading list and search at the database layer: `listNotices`, called as the `/trading` page and
 * `/api/v1/notices` call it (the same parameter parser, the root portal's center scope, a page of 20),
 * over a set of query shapes a bidder uses. The same shapes become the paths of the HTTP runs.
 */
export type ListShape = { name: string; params: Record<string, string> };
export type ListShapeTiming = { name: string; query: string; items: number; hasNext: boolean; p50Ms: number; maxMs: number };
export type ListDbResult = { samples: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number; shapes: ListShapeTiming[] };

const DAY_MS = 86_400_000;
/** Keywords for the shapes: common (a third of notices or more), a mid-frequency pair, and rare ones. */
export const KEYWORDS = { common: '施工', phrase: '道路 改造', rare: '体育', category: '物业管理' } as const;

/**
 * The query shapes, as query-string parameters. Page-2 shapes carry the cursor of their first page, found
 * with the same function (so HTTP requests them too). Dates are relative to `now`: a month a year ago.
 */
export async function listShapes(ctx: AppContext, now: Date): Promise<ListShape[]> {
  const from = formatDate(new Date(now.getTime() - 400 * DAY_MS));
  const to = formatDate(new Date(now.getTime() - 370 * DAY_MS));
  const shapes: ListShape[] = [
    { name: 'no filter', params: {} },
    { name: 'category', params: { category: 'procurement' } },
    { name: 'category + type', params: { category: 'procurement', type: 'award_notice' } },
    { name: 'rare category', params: { category: 'state_assets' } },
    { name: 'center (subtree)', params: { center: 'sy' } },
    { name: 'date range (a month)', params: { from, to } },
    { name: 'amount 100–200 万', params: { min: '100', max: '200' } },
    { name: `keyword ${KEYWORDS.common}`, params: { q: KEYWORDS.common } },
    { name: `keyword ${KEYWORDS.phrase}`, params: { q: KEYWORDS.phrase } },
    { name: `keyword ${KEYWORDS.rare} (rare)`, params: { q: KEYWORDS.rare } },
    { name: `keyword ${KEYWORDS.category} + category`, params: { q: KEYWORDS.category, category: 'procurement' } },
    { name: `relevance ${KEYWORDS.common}`, params: { q: KEYWORDS.common, sort: 'relevance' } },
    { name: `relevance ${KEYWORDS.phrase}`, params: { q: KEYWORDS.phrase, sort: 'relevance' } },
  ];
  for (const base of [shapes[0], shapes[7]]) {
    if (!base) continue;
    const first = await listPage(ctx, base.params, now);
    if (first.nextCursor) shapes.push({ name: `${base.name}, page 2`, params: { ...base.params, cursor: first.nextCursor } });
  }
  return shapes;
}

/**
 * One client, one call at a time: each shape once to warm up, then `rounds` times. Percentiles are over
 * every timed call; the per-shape median and maximum are kept for the log.
 */
export async function measureListDb(ctx: AppContext, o: { shapes: ListShape[]; rounds: number; now: Date }): Promise<ListDbResult> {
  const all: number[] = [];
  const shapes: ListShapeTiming[] = [];
  for (const shape of o.shapes) {
    const warm = await listPage(ctx, shape.params, o.now);
    const times: number[] = [];
    for (let i = 0; i < o.rounds; i++) {
      const t = performance.now();
      await listPage(ctx, shape.params, o.now);
      times.push(performance.now() - t);
    }
    all.push(...times);
    shapes.push({ name: shape.name, query: queryString(shape.params), items: warm.items.length, hasNext: warm.nextCursor !== null, p50Ms: percentile(times, 50), maxMs: Math.max(...times) });
  }
  return { samples: all.length, p50Ms: percentile(all, 50), p95Ms: percentile(all, 95), p99Ms: percentile(all, 99), maxMs: Math.max(...all), shapes };
}

/** How many published notices each keyword matches (the list itself never counts). */
export async function countKeywordMatches(ctx: AppContext): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const q of Object.values(KEYWORDS)) {
    const [row] = await ctx.db
      .select({ n: count() })
      .from(notices)
      .innerJoin(articles, eq(articles.id, notices.articleId))
      .where(and(eq(articles.status, 'published'), sql`${articles.search} @@ to_tsquery('simple', ${toTsQuery(q) ?? ''})`));
    out[q] = row?.n ?? 0;
  }
  return out;
}

/** Request paths of the shapes under a prefix (`/trading` or `/api/v1/notices`), for wrk to cycle through. */
export function shapePaths(prefix: string, shapes: ListShape[]): string[] {
  return shapes.map((s) => {
    const qs = queryString(s.params);
    return qs ? `${prefix}?${qs}` : prefix;
  });
}

function queryString(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

/** What the routes do: parse, resolve the center scope from the root portal, list a page of 20. */
async function listPage(ctx: AppContext, params: Record<string, string>, now: Date) {
  const search = parseNoticeSearch(params);
  if (search.errors.length > 0) throw new Error(`bench shape ${queryString(params)}: ${search.errors.map((e) => e.message).join('; ')}`);
  const tree = await ctx.centers.get();
  const scope = resolveCenterScope(tree, tree.root, search.centerCode);
  if ('error' in scope) throw new Error(`bench shape ${queryString(params)}: ${scope.error.message}`);
  return listNotices(ctx.db, { ...search, centerIds: scope.centerIds, limit: 20, now });
}
