import { createCalendarCache } from '../src/calendar/calendar.service.ts';
import { createCenterTreeCache } from '../src/centers/centers.service.ts';
import { loadConfig } from '../src/platform/config.ts';
import { createContext, type AppContext } from '../src/platform/context.ts';
import { and, count, eq, sql } from 'drizzle-orm';
import { articles } from '../src/content/content.tables.ts';
import type { Database } from '../src/platform/db/client.ts';
import { toTsQuery } from '../src/platform/search/tokenizer.ts';
import { parseSearchParams, searchArticles } from '../src/portal/search.service.ts';

/** What citizens and bidders type: short procurement terms, longer phrases, and two-word queries. */
export const SEARCH_QUERIES = [
  '招标',
  '政府采购',
  '公共资源交易',
  '工程建设项目',
  '专项整治',
  '信用',
  '办事指南',
  '保证金',
  '中标候选人公示',
  '电子保函',
  '评标专家',
  '串通投标',
  '不见面开标',
  '营商环境',
  '长沙市 道路',
  '医疗设备 采购',
];

export type QueryTiming = { q: string; sort: 'relevance' | 'date'; total: number; p50Ms: number; maxMs: number };
export type SearchDbResult = { samples: number; p50Ms: number; p95Ms: number; p99Ms: number; maxMs: number; queries: QueryTiming[] };

/** The app's context over an already open database, as main.ts builds it (no job queue). */
export function createBenchContext(database: Database, dataDir: string): AppContext {
  return createContext({
    config: loadConfig({ DATA_DIR: dataDir }),
    database,
    db: database.db,
    boss: undefined,
    centers: createCenterTreeCache(database.db),
    calendar: createCalendarCache(database.db),
    filesDir: `${dataDir}/files`,
    clock: () => new Date(),
  });
}

/**
 * One client, one query at a time, through the same function the search page calls (root center, so every
 * center's columns are searched; first page of 20 with snippets). Each query is run once to warm up, then
 * `rounds` times; the percentiles are over all timed runs.
 */
export async function measureSearchDb(ctx: AppContext, opts: { rounds: number; sort: 'relevance' | 'date'; queries?: string[] }): Promise<SearchDbResult> {
  const tree = await ctx.centers.get();
  const all: number[] = [];
  const queries: QueryTiming[] = [];
  for (const q of opts.queries ?? SEARCH_QUERIES) {
    const params = parseSearchParams({ q, sort: opts.sort });
    const warm = await searchArticles(ctx, tree.root, params);
    const times: number[] = [];
    for (let i = 0; i < opts.rounds; i++) {
      const t = performance.now();
      await searchArticles(ctx, tree.root, params);
      times.push(performance.now() - t);
    }
    all.push(...times);
    queries.push({ q, sort: opts.sort, total: warm.total, p50Ms: percentile(times, 50), maxMs: Math.max(...times) });
  }
  return { samples: all.length, p50Ms: percentile(all, 50), p95Ms: percentile(all, 95), p99Ms: percentile(all, 99), maxMs: Math.max(...all), queries };
}

/** How many published articles each query matches (the search page caps its own total). */
export async function countMatches(ctx: AppContext, queries: string[] = SEARCH_QUERIES): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const q of queries) {
    const tsquery = toTsQuery(q) ?? '';
    const [row] = await ctx.db.select({ n: count() }).from(articles).where(and(eq(articles.status, 'published'), sql`${articles.search} @@ to_tsquery('simple', ${tsquery})`));
    out[q] = row?.n ?? 0;
  }
  return out;
}

/** Paths of the search page for wrk to cycle through, one query per request. */
export function searchPaths(queries: string[] = SEARCH_QUERIES): string[] {
  return queries.map((q) => `/search?${new URLSearchParams({ q }).toString()}`);
}

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}
