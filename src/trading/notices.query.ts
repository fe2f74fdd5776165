import { and, asc, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Center } from '../centers/centers.repo.ts';
import type { CenterTree } from '../centers/centers.service.ts';
import { RELEVANCE_CANDIDATES } from '../content/articles.repo.ts';
import { articleRevisions, articles } from '../content/content.tables.ts';
import type { Executor } from '../platform/db/client.ts';
import { beijingDayStart, formatDate, parseDateOnly } from '../platform/dates.ts';
import { validationError, type FieldError } from '../platform/errors.ts';
import { htmlToText, makeSnippet, type SnippetPart } from '../platform/search/snippet.ts';
import { queryTerms, toTsQuery } from '../platform/search/tokenizer.ts';
import { CATEGORIES, METHODS, NOTICE_TYPES, type Category, type Lot, type Method, type NoticeFacts, type NoticeType } from './trading.model.ts';
import { notices, projects } from './trading.tables.ts';
import { CURSOR_ERROR, decodeNoticeCursor, encodeNoticeCursor, PUBLIC_STATUSES, type NoticeSort } from './notice-search.schema.ts';

export type { NoticeSort };

/**
 * The public reads of trading information: published notices (a notice is public while the article it
 * rides on is published), their projects, timelines and openings. Every query here joins the article and
 * keeps `status = 'published' and published_at <= now`, so nothing unpublished leaves through it; findings,
 * inspection state, agent firm ids, idempotency keys and signatures are never selected.
 */


export type ListNoticesFilter = {
  /** Centers whose notices are listed; undefined lists every center (the root portal). */
  centerIds?: number[] | undefined;
  q?: string | undefined;
  category?: Category | undefined;
  type?: NoticeType | undefined;
  method?: Method | undefined;
  /** Publication dates, YYYY-MM-DD in Beijing, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  minFen?: number | undefined;
  maxFen?: number | undefined;
  sort: NoticeSort;
  /** An opaque cursor from a previous page's nextCursor. */
  cursor?: string | undefined;
  limit: number;
  now: Date;
};

export type NoticeListItem = {
  id: number;
  articleId: number;
  title: string;
  summary: string;
  type: string;
  category: string;
  method: string;
  centerId: number;
  projectId: number;
  publishedAt: Date;
  amountFen: number | null;
  /** Body text around the first query term; only when the list was searched. */
  snippet?: SnippetPart[];
};

export type NoticePage = { items: NoticeListItem[]; nextCursor: string | null };

/**
 * Published notices newest first (or by relevance among the newest matches), cursor-paginated.
 *
 * Without a query the list walks article_published_idx backwards from the cursor (a row comparison on
 * (published_at, id)) and probes trading_notice by article_id, stopping after a page; a selective filter
 * lets the planner start from trading_notice instead. Its estimates are good there.
 *
 * With a query the planner cannot be trusted: it multiplies the selectivities of a phrase's bigrams
 * (医疗 & 疗设 & 设备) as if they were independent, estimates a common phrase as rare, and reads every
 * match through GIN before sorting (200 ms at 100k notices). So newestMatches walks windows of the date
 * index itself, testing each article in the select list where no index can be chosen, while the matches
 * found say the rest is near; only rare matches are read through GIN, which is then the right plan.
 */
export async function listNotices(ex: Executor, f: ListNoticesFilter): Promise<NoticePage> {
  if (f.centerIds && f.centerIds.length === 0) return { items: [], nextCursor: null };
  const cursor = f.cursor ? decodeNoticeCursor(f.cursor) : null;
  if (f.cursor && !cursor) throw validationError([CURSOR_ERROR]);
  const q = (f.q ?? '').trim();
  const tsquery = q ? toTsQuery(q) : null;
  // A query without a searchable character (only punctuation) matches nothing rather than everything.
  if (q && !tsquery) return { items: [], nextCursor: null };
  const sort: NoticeSort = tsquery && f.sort === 'relevance' ? 'relevance' : 'date';
  if (cursor && cursor.kind !== sort) throw validationError([CURSOR_ERROR]);
  const articleConds = articleConditions(f);
  if (cursor?.kind === 'date') articleConds.push(before(cursor));
  const noticeConds = noticeConditions(f);

  if (!tsquery) {
    const rows = await ex
      .select(itemFields)
      .from(notices)
      .innerJoin(articles, eq(articles.id, notices.articleId))
      .where(and(...articleConds, ...noticeConds))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(f.limit + 1);
    const page = rows.slice(0, f.limit);
    const last = page.at(-1);
    return { items: page.map(({ cursorUs: _c, ...item }) => item), nextCursor: rows.length > f.limit && last ? encodeNoticeCursor({ kind: 'date', us: last.cursorUs, id: last.articleId }) : null };
  }

  const terms = queryTerms(q);
  const search = { articleConds, noticeConds, tsquery };
  if (sort === 'date') {
    const hits = await newestMatches(ex, { ...search, need: f.limit + 1, withRank: false });
    const page = hits.slice(0, f.limit);
    const last = page.at(-1);
    return { items: await itemsOf(ex, page.map((h) => h.id), terms), nextCursor: hits.length > f.limit && last ? encodeNoticeCursor({ kind: 'date', us: last.us, id: last.id }) : null };
  }
  const offset = cursor?.kind === 'relevance' ? cursor.offset : 0;
  const ranked = (await newestMatches(ex, { ...search, need: RELEVANCE_CANDIDATES, withRank: true })).sort((a, b) => b.rank - a.rank || b.at - a.at || b.id - a.id);
  const page = ranked.slice(offset, offset + f.limit);
  const next = offset + f.limit;
  return { items: await itemsOf(ex, page.map((h) => h.id), terms), nextCursor: ranked.length > next ? encodeNoticeCursor({ kind: 'relevance', offset: next }) : null };
}

/** The notices published today (Beijing) in some centers, newest first: the home page's 今日标讯. */
export async function listTodayNotices(ex: Executor, f: { centerIds?: number[] | undefined; now: Date; limit: number }): Promise<NoticeListItem[]> {
  const today = formatDate(f.now);
  return (await listNotices(ex, { centerIds: f.centerIds, from: today, to: today, sort: 'date', limit: f.limit, now: f.now })).items;
}

export type PublicNotice = {
  id: number;
  articleId: number;
  projectId: number;
  centerId: number;
  columnId: number;
  type: string;
  category: string;
  method: string;
  amountFen: number | null;
  amendsNoticeId: number | null;
  /** published, or withdrawn / expired (the page answers 410 then). */
  status: string;
  title: string;
  indexNo: string | null;
  publisher: string;
  publishedAt: Date;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
  /** The published revision; null when the notice is no longer published. */
  revision: { title: string; summary: string; bodyHtml: string; facts: NoticeFacts | null; attachmentIds: number[]; correctionNote: string | null; versionNo: number | null } | null;
};

/** A notice the public may see (published, or withdrawn/expired after publication), or null. */
export async function findPublicNotice(ex: Executor, id: number, now: Date): Promise<PublicNotice | null> {
  const [row] = await ex
    .select({
      id: notices.id,
      articleId: notices.articleId,
      projectId: notices.projectId,
      centerId: notices.centerId,
      columnId: articles.columnId,
      type: notices.type,
      category: notices.category,
      method: notices.method,
      amountFen: notices.amountFen,
      amendsNoticeId: notices.amendsNoticeId,
      status: articles.status,
      title: articles.title,
      indexNo: articles.indexNo,
      publisher: articles.publisher,
      publishedAt: articles.publishedAt,
      withdrawnAt: articles.withdrawnAt,
      withdrawReason: articles.withdrawReason,
      publishedRevisionId: articles.publishedRevisionId,
    })
    .from(notices)
    .innerJoin(articles, eq(articles.id, notices.articleId))
    .where(eq(notices.id, id));
  if (!row || !row.publishedAt || row.publishedAt > now || !PUBLIC_STATUSES.includes(row.status)) return null;
  const { publishedRevisionId, publishedAt, ...rest } = row;
  if (row.status !== 'published' || !publishedRevisionId) return { ...rest, publishedAt, revision: null };
  const [rev] = await ex.select().from(articleRevisions).where(eq(articleRevisions.id, publishedRevisionId));
  if (!rev) return { ...rest, publishedAt, revision: null };
  return {
    ...rest,
    publishedAt,
    revision: { title: rev.title, summary: rev.summary, bodyHtml: rev.bodyHtml, facts: rev.fields.notice ?? null, attachmentIds: rev.attachmentIds, correctionNote: rev.correctionNote, versionNo: rev.publishedVersionNo },
  };
}

/** The trading notice an article carries, if it is one (the article page redirects to the notice page). */
export async function noticeIdForArticle(ex: Executor, articleId: number): Promise<number | null> {
  const [row] = await ex.select({ id: notices.id }).from(notices).where(eq(notices.articleId, articleId));
  return row?.id ?? null;
}

export type PublicProject = {
  id: number;
  centerId: number;
  code: string;
  projectNo: string;
  name: string;
  category: string;
  method: string;
  region: string;
  tendererName: string;
  agentName: string;
  budgetFen: number | null;
  lots: Lot[];
  status: string;
  docSaleStart: string | null;
  docSaleEnd: string | null;
  bidDeadline: Date | null;
  openingAt: Date | null;
  openingPlace: string;
  awardAmountFen: number | null;
  awardedOn: string | null;
};

const projectFields = {
  id: projects.id,
  centerId: projects.centerId,
  code: projects.code,
  projectNo: projects.projectNo,
  name: projects.name,
  category: projects.category,
  method: projects.method,
  region: projects.region,
  tendererName: projects.tendererName,
  agentName: projects.agentName,
  budgetFen: projects.budgetFen,
  lots: projects.lots,
  status: projects.status,
  docSaleStart: projects.docSaleStart,
  docSaleEnd: projects.docSaleEnd,
  bidDeadline: projects.bidDeadline,
  openingAt: projects.openingAt,
  openingPlace: projects.openingPlace,
  awardAmountFen: projects.awardAmountFen,
  awardedOn: projects.awardedOn,
};

/** A project the public may see: one with at least one published notice. */
export async function findPublicProject(ex: Executor, id: number, now: Date): Promise<PublicProject | null> {
  const [row] = await ex.select(projectFields).from(projects).where(and(eq(projects.id, id), hasPublishedNotice(now)));
  return row ?? null;
}

export type TimelineEntry = {
  id: number;
  articleId: number;
  type: string;
  title: string;
  publishedAt: Date;
  amendsNoticeId: number | null;
  amountFen: number | null;
  facts: NoticeFacts | null;
  correctionNote: string | null;
};

/** A project's published notices, oldest first, each with the facts of its published version. */
export async function listProjectNotices(ex: Executor, projectId: number, now: Date): Promise<TimelineEntry[]> {
  const rows = await ex
    .select({
      id: notices.id,
      articleId: notices.articleId,
      type: notices.type,
      title: articles.title,
      publishedAt: articles.publishedAt,
      amendsNoticeId: notices.amendsNoticeId,
      amountFen: notices.amountFen,
      fields: articleRevisions.fields,
      correctionNote: articleRevisions.correctionNote,
    })
    .from(notices)
    .innerJoin(articles, eq(articles.id, notices.articleId))
    .leftJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .where(and(eq(notices.projectId, projectId), ...publishedConditions(now)))
    .orderBy(asc(articles.publishedAt), asc(articles.id));
  return rows.map(({ fields, publishedAt, ...r }) => ({ ...r, publishedAt: publishedAt ?? now, facts: fields?.notice ?? null }));
}

export type OpeningItem = {
  projectId: number;
  code: string;
  name: string;
  category: string;
  method: string;
  centerId: number;
  status: string;
  openingAt: Date;
  openingPlace: string;
};

/** Bid openings between two Beijing dates (inclusive) of projects with a published notice, in time order. */
export async function listOpenings(ex: Executor, f: { centerIds?: number[] | undefined; fromDate: string; toDate: string; now: Date; limit?: number }): Promise<OpeningItem[]> {
  if (f.centerIds && f.centerIds.length === 0) return [];
  const conds: SQL[] = [gte(projects.openingAt, beijingDayStart(f.fromDate)), lt(projects.openingAt, nextDayStart(f.toDate)), hasPublishedNotice(f.now)];
  if (f.centerIds) conds.push(inArray(projects.centerId, f.centerIds));
  const rows = await ex
    .select({ projectId: projects.id, code: projects.code, name: projects.name, category: projects.category, method: projects.method, centerId: projects.centerId, status: projects.status, openingAt: projects.openingAt, openingPlace: projects.openingPlace })
    .from(projects)
    .where(and(...conds))
    .orderBy(asc(projects.openingAt), asc(projects.id))
    .limit(f.limit ?? 1000);
  return rows.flatMap(({ openingAt, ...r }) => (openingAt ? [{ ...r, openingAt }] : []));
}

// ---------------------------------------------------------------------------------------------------------
// Query parameters: one parser for the list page, the feed and the JSON API, with Chinese messages that
// name the field.

const itemFields = {
  id: notices.id,
  articleId: notices.articleId,
  title: articles.title,
  summary: articles.summary,
  type: notices.type,
  category: notices.category,
  method: notices.method,
  centerId: notices.centerId,
  projectId: notices.projectId,
  publishedAt: sql<Date>`${articles.publishedAt}`.mapWith(articles.publishedAt),
  amountFen: notices.amountFen,
  // The position for the next page's cursor, exact to the microsecond.
  cursorUs: sql<string>`(extract(epoch from ${articles.publishedAt}) * 1000000)::bigint::text`,
};

/** The text of the published revision's body, enough for a snippet (tags stripped in SQL, entities here). */
const bodyTextSql = sql<string>`regexp_replace(left((select ${articleRevisions.bodyHtml} from ${articleRevisions} where ${articleRevisions.id} = ${articles.publishedRevisionId}), 6000), '<[^>]*>', ' ', 'g')`;

function publishedConditions(now: Date): SQL[] {
  return [eq(articles.status, 'published'), lte(articles.publishedAt, now)];
}

function articleConditions(f: Pick<ListNoticesFilter, 'now' | 'from' | 'to'>): SQL[] {
  const conds = publishedConditions(f.now);
  if (f.from) conds.push(gte(articles.publishedAt, beijingDayStart(f.from)));
  if (f.to) conds.push(lt(articles.publishedAt, nextDayStart(f.to)));
  return conds;
}

function noticeConditions(f: ListNoticesFilter): SQL[] {
  const conds: SQL[] = [];
  if (f.centerIds) conds.push(inArray(notices.centerId, f.centerIds));
  if (f.category) conds.push(eq(notices.category, f.category));
  if (f.type) conds.push(eq(notices.type, f.type));
  if (f.method) conds.push(eq(notices.method, f.method));
  if (f.minFen !== undefined) conds.push(gte(notices.amountFen, f.minFen));
  if (f.maxFen !== undefined) conds.push(lte(notices.amountFen, f.maxFen));
  return conds;
}

/** How many of the newest published articles the first search step walks (see listNotices). */
const SEARCH_WINDOW = 3000;
/** The most a later step walks when the first found some matches: beyond that, GIN is cheaper. */
const MAX_WALK = 12_000;

type Match = { id: number; at: number; us: string; rank: number };

/**
 * The newest `need` notices (by their article id) matching a search, newest first, with their rank.
 * Walks windows of the date index while the matches found so far say the rest is near; otherwise reads
 * the remaining matches through GIN.
 */
async function newestMatches(ex: Executor, o: { articleConds: SQL[]; noticeConds: SQL[]; tsquery: string; need: number; withRank: boolean }): Promise<Match[]> {
  const query = sql`to_tsquery('simple', ${o.tsquery})`;
  // A scalar subquery with LIMIT, not EXISTS: the planner would turn an EXISTS into a hash of all of
  // trading_notice; this stays one probe of trading_notice_article_uq per walked article.
  const isNotice = sql`coalesce((select true from ${notices} where ${and(eq(notices.articleId, articles.id), ...o.noticeConds)} limit 1), false)`;
  const us = sql<string>`(extract(epoch from ${articles.publishedAt}) * 1000000)::bigint::text`;
  const found: Match[] = [];
  let conds = o.articleConds;
  let window = SEARCH_WINDOW;
  let walked = 0;
  for (;;) {
    // ts_match_vq (the function behind @@) in the select list keeps the GIN index out of the walk.
    const w = ex
      .select({
        id: sql<number>`${articles.id}`.as('mid'),
        at: sql<Date>`${articles.publishedAt}`.as('mat'),
        us: us.as('mus'),
        hit: sql<boolean>`case when ts_match_vq(${articles.search}, ${query}) then ${isNotice} else false end`.as('hit'),
        rank: (o.withRank ? sql<number>`case when ts_match_vq(${articles.search}, ${query}) then ts_rank(${articles.search}, ${query}) else 0 end` : sql<number>`0`).as('mrank'),
        rn: sql<number>`(row_number() over (order by ${articles.publishedAt} desc, ${articles.id} desc))::int`.as('rn'),
      })
      .from(articles)
      .where(and(...conds))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(window)
      .as('w');
    // The last row of a full window comes along as a marker of where the walk stopped.
    const rows = await ex.select({ id: w.id, at: w.at, us: w.us, hit: w.hit, rank: w.rank, rn: w.rn }).from(w).where(sql`${w.hit} or ${w.rn} = ${window}`).orderBy(desc(w.at), desc(w.id)).limit(o.need - found.length);
    found.push(...rows.filter((r) => r.hit).map(toMatch));
    const marker = rows.find((r) => r.rn === window);
    if (found.length >= o.need || !marker) return found.slice(0, o.need);
    walked += window;
    conds = [...o.articleConds, before(marker)];
    const toWalk = found.length === 0 ? Infinity : ((o.need - found.length) * walked) / found.length;
    if (walked + toWalk > MAX_WALK + SEARCH_WINDOW) break;
    window = Math.max(1000, Math.ceil(toWalk * 1.5));
  }
  // The matches are rare among recent notices: read the remaining ones through GIN and let the planner
  // join trading_notice (a hash join with the filter index, or a probe per match).
  const rest = await ex
    .select({ id: articles.id, at: articles.publishedAt, us, rank: o.withRank ? sql<number>`ts_rank(${articles.search}, ${query})` : sql<number>`0` })
    .from(articles)
    .innerJoin(notices, eq(notices.articleId, articles.id))
    .where(and(...conds, ...o.noticeConds, sql`${articles.search} @@ ${query}`))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(o.need - found.length);
  return [...found, ...rest.map((r) => toMatch({ ...r, at: r.at ?? new Date(0) }))];
}

/** Rows strictly after a walked row in (published_at, id) descending order. */
function before(row: { us: string; id: number }): SQL {
  return sql`(${articles.publishedAt}, ${articles.id}) < (timestamptz 'epoch' + ${row.us}::bigint * interval '1 microsecond', ${row.id}::int)`;
}

function toMatch(r: { id: number; at: Date; us: string; rank: number }): Match {
  return { id: r.id, at: new Date(r.at).getTime(), us: r.us, rank: Number(r.rank) };
}

/** The list items of some articles' notices, in the order given, with snippets of the query terms. */
async function itemsOf(ex: Executor, articleIds: number[], terms: string[]): Promise<NoticeListItem[]> {
  if (articleIds.length === 0) return [];
  const rows = await ex.select({ ...itemFields, bodyText: bodyTextSql }).from(notices).innerJoin(articles, eq(articles.id, notices.articleId)).where(inArray(notices.articleId, articleIds));
  const byId = new Map(rows.map((r) => [r.articleId, r]));
  return articleIds.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const { bodyText, cursorUs: _c, ...item } = r;
    return [{ ...item, snippet: makeSnippet(htmlToText(bodyText ?? ''), terms) }];
  });
}

function hasPublishedNotice(now: Date): SQL {
  return sql`exists (select 1 from ${notices} inner join ${articles} on ${articles.id} = ${notices.articleId} where ${notices.projectId} = ${projects.id} and ${and(...publishedConditions(now))})`;
}

function nextDayStart(day: string): Date {
  return new Date(beijingDayStart(day).getTime() + 86_400_000);
}
