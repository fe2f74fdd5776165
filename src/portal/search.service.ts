import type { Center } from '../centers/centers.repo.ts';
import { searchPublished, type ArticleListRow } from '../content/articles.repo.ts';
import type { AppContext } from '../platform/context.ts';
import { beijingDayStart, parseDateOnly } from '../platform/dates.ts';
import type { FieldError } from '../platform/errors.ts';
import { makeSnippet, type SnippetPart } from '../platform/search/snippet.ts';
import { queryTerms, toTsQuery } from '../platform/search/tokenizer.ts';
import { searchScope } from './portal.service.ts';

export type SearchParams = { q: string; column: string; from: string; to: string; sort: 'relevance' | 'date'; page: number };
export type SearchHit = ArticleListRow & { snippet: SnippetPart[]; columnName: string; columnSlug: string };
export type SearchResult = { hits: SearchHit[]; total: number; isTotalCapped: boolean; errors: FieldError[] };

export const SEARCH_PAGE_SIZE = 20;

export function parseSearchParams(raw: Record<string, unknown>): SearchParams {
  const s = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string).slice(0, 100) : '');
  const page = Number(raw.page);
  return { q: s('q').trim(), column: s('column'), from: s('from'), to: s('to'), sort: s('sort') === 'date' ? 'date' : 'relevance', page: Number.isInteger(page) && page > 0 && page <= 500 ? page : 1 };
}

/** Site search across a center's columns and its descendants', with highlighted snippets. */
export async function searchArticles(ctx: AppContext, center: Center, p: SearchParams): Promise<SearchResult> {
  const errors: FieldError[] = [];
  const from = p.from ? parseDateOnly(p.from) : null;
  const to = p.to ? parseDateOnly(p.to) : null;
  if (p.from && !from) errors.push({ field: 'from', message: '起始日期：不是有效日期（YYYY-MM-DD）' });
  if (p.to && !to) errors.push({ field: 'to', message: '截止日期：不是有效日期（YYYY-MM-DD）' });
  if (from && to && from > to) errors.push({ field: 'to', message: '截止日期：不能早于起始日期' });
  const tsquery = toTsQuery(p.q);
  if (!tsquery || errors.length > 0) return { hits: [], total: 0, isTotalCapped: false, errors };
  const columns = await searchScope(ctx, center, p.column || undefined);
  const byId = new Map(columns.map((c) => [c.id, c]));
  const { rows, total, isTotalCapped } = await searchPublished(ctx.db, {
    columnIds: columns.map((c) => c.id),
    from: from ? beijingDayStart(from) : undefined,
    to: to ? new Date(beijingDayStart(to).getTime() + 86400_000) : undefined,
    now: ctx.clock(),
    tsquery,
    sort: p.sort,
    limit: SEARCH_PAGE_SIZE,
    offset: (p.page - 1) * SEARCH_PAGE_SIZE,
  });
  const terms = queryTerms(p.q);
  return {
    total,
    isTotalCapped,
    errors,
    hits: rows.map((r) => {
      const { bodyText, ...rest } = r;
      return { ...rest, snippet: makeSnippet(bodyText.replace(/\s+/g, ' ').trim(), terms), columnName: byId.get(r.columnId)?.name ?? '', columnSlug: byId.get(r.columnId)?.slug ?? '' };
    }),
  };
}
