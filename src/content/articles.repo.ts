import { and, asc, count, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../platform/db/client.ts';
import { articleRevisions, articles, attachments, columns } from './content.tables.ts';

export type Article = typeof articles.$inferSelect;
export type Revision = typeof articleRevisions.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;

/** The listing projection: no body, no search vector. */
const listFields = {
  id: articles.id,
  centerId: articles.centerId,
  columnId: articles.columnId,
  title: articles.title,
  summary: articles.summary,
  publisher: articles.publisher,
  indexNo: articles.indexNo,
  publishedAt: articles.publishedAt,
  formedOn: articles.formedOn,
  status: articles.status,
  viewCount: articles.viewCount,
};
export type ArticleListRow = { [K in keyof typeof listFields]: Article[K] };

export async function findArticle(ex: Executor, id: number): Promise<Article | null> {
  const [a] = await ex.select().from(articles).where(eq(articles.id, id));
  return a ?? null;
}

/** Reads the article row locked for update (PostgreSQL); PGlite has one connection, so it is serial anyway. */
export async function lockArticle(ex: Executor, id: number): Promise<Article | null> {
  const [a] = await ex.select().from(articles).where(eq(articles.id, id)).for('update');
  return a ?? null;
}

export async function insertArticle(ex: Executor, row: typeof articles.$inferInsert): Promise<Article> {
  const [a] = await ex.insert(articles).values(row).returning();
  if (!a) throw new Error('insert article returned nothing');
  return a;
}

/** Updates with optimistic concurrency: returns false when lock_version moved on. */
export async function updateArticle(ex: Executor, id: number, patch: Partial<typeof articles.$inferInsert>, expectedLockVersion?: number): Promise<boolean> {
  const where = expectedLockVersion === undefined ? eq(articles.id, id) : and(eq(articles.id, id), eq(articles.lockVersion, expectedLockVersion));
  const res = await ex
    .update(articles)
    .set({ ...patch, lockVersion: sql`${articles.lockVersion} + 1`, updatedAt: new Date() })
    .where(where)
    .returning({ id: articles.id });
  return res.length === 1;
}

export async function setArticleSearch(ex: Executor, id: number, indexText: string): Promise<void> {
  // strip(): positions are never used (queries AND bigrams); a third smaller vector is cheaper to read.
  await ex.update(articles).set({ search: sql`strip(to_tsvector('simple', ${indexText}))` }).where(eq(articles.id, id));
}

export async function insertRevision(ex: Executor, row: typeof articleRevisions.$inferInsert): Promise<Revision> {
  const [r] = await ex.insert(articleRevisions).values(row).returning();
  if (!r) throw new Error('insert revision returned nothing');
  return r;
}

export async function updateRevision(ex: Executor, id: number, patch: Partial<typeof articleRevisions.$inferInsert>): Promise<void> {
  await ex.update(articleRevisions).set(patch).where(eq(articleRevisions.id, id));
}

export async function findRevision(ex: Executor, id: number): Promise<Revision | null> {
  const [r] = await ex.select().from(articleRevisions).where(eq(articleRevisions.id, id));
  return r ?? null;
}

export async function listRevisions(ex: Executor, articleId: number): Promise<Revision[]> {
  return ex.select().from(articleRevisions).where(eq(articleRevisions.articleId, articleId)).orderBy(asc(articleRevisions.revisionNo));
}

export async function nextRevisionNo(ex: Executor, articleId: number): Promise<number> {
  const [r] = await ex.select({ n: sql<number>`coalesce(max(${articleRevisions.revisionNo}), 0)::int` }).from(articleRevisions).where(eq(articleRevisions.articleId, articleId));
  return (r?.n ?? 0) + 1;
}

/** Published versions with a correction note, oldest first: the public 更正 history. */
export async function listPublishedVersions(ex: Executor, articleId: number): Promise<Revision[]> {
  return ex
    .select()
    .from(articleRevisions)
    .where(and(eq(articleRevisions.articleId, articleId), sql`${articleRevisions.publishedVersionNo} is not null`))
    .orderBy(asc(articleRevisions.publishedVersionNo));
}

export type PublishedFilter = {
  columnIds: number[];
  from?: Date | undefined;
  to?: Date | undefined;
  now: Date;
};

function publishedWhere(f: PublishedFilter): SQL | undefined {
  const conds: SQL[] = [inArray(articles.columnId, f.columnIds), eq(articles.status, 'published')];
  if (f.from) conds.push(gte(articles.publishedAt, f.from));
  if (f.to) conds.push(lt(articles.publishedAt, f.to));
  return and(...conds);
}

/**
 * Newest published articles of some columns. One index walk per column (column_id, published_at), merged
 * here: a single query over an IN list would sort every article of those columns.
 */
export async function listPublished(ex: Executor, f: PublishedFilter & { limit: number; offset: number }): Promise<ArticleListRow[]> {
  if (f.columnIds.length === 0) return [];
  const one = (columnId: number, limit: number, offset: number) =>
    ex.select(listFields).from(articles).where(publishedWhere({ ...f, columnIds: [columnId] })).orderBy(desc(articles.publishedAt), desc(articles.id)).limit(limit).offset(offset);
  const [single] = f.columnIds;
  if (f.columnIds.length === 1 && single !== undefined) return one(single, f.limit, f.offset);
  const lists = await Promise.all(f.columnIds.map((id) => one(id, f.offset + f.limit, 0)));
  return lists
    .flat()
    .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0) || b.id - a.id)
    .slice(f.offset, f.offset + f.limit);
}

export async function countPublished(ex: Executor, f: PublishedFilter): Promise<number> {
  if (f.columnIds.length === 0) return 0;
  const [r] = await ex.select({ n: count() }).from(articles).where(publishedWhere(f));
  return r?.n ?? 0;
}

export type SearchFilter = PublishedFilter & { tsquery: string; sort: 'relevance' | 'date'; limit: number; offset: number; countCap?: number };

export type SearchRow = ArticleListRow & { bodyText: string };

/** Counting stops here: "1000 条以上" is as useful to a reader as the exact figure, and much cheaper. */
export const SEARCH_COUNT_CAP = 1000;
/** Relevance ranks the newest matches only: ranking every match of a common word costs seconds. */
export const RELEVANCE_CANDIDATES = 100;

/**
 * Full-text search over published articles; bigram tsquery ANDed. By date, or by ts_rank among the newest
 * RELEVANCE_CANDIDATES matches. The total is exact up to SEARCH_COUNT_CAP.
 *
 * With planner statistics (ANALYZE runs at start-up and daily) PostgreSQL picks the plan: a rare query reads
 * its matches through the GIN index and sorts them; a common word (招标) walks article_published_idx newest
 * first and stops after a page of hits.
 */
export async function searchPublished(ex: Executor, f: SearchFilter): Promise<{ rows: SearchRow[]; total: number; isTotalCapped: boolean }> {
  if (f.columnIds.length === 0) return { rows: [], total: 0, isTotalCapped: false };
  const query = sql`to_tsquery('simple', ${f.tsquery})`;
  const where = and(publishedWhere(f), sql`${articles.search} @@ ${query}`);
  const bodyText = sql<string>`regexp_replace(left((select ${articleRevisions.bodyHtml} from ${articleRevisions} where ${articleRevisions.id} = ${articles.publishedRevisionId}), 6000), '<[^>]*>', ' ', 'g')`;
  let rows: SearchRow[];
  if (f.sort === 'date') {
    rows = await ex.select({ ...listFields, bodyText }).from(articles).where(where).orderBy(desc(articles.publishedAt), desc(articles.id)).limit(f.limit).offset(f.offset);
  } else {
    const c = ex
      .select({ cid: articles.id, rank: sql<number>`ts_rank(${articles.search}, ${query})`.as('rank'), at: sql<Date>`${articles.publishedAt}`.as('at') })
      .from(articles)
      .where(where)
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(RELEVANCE_CANDIDATES)
      .as('c');
    rows = await ex
      .select({ ...listFields, bodyText })
      .from(c)
      .innerJoin(articles, eq(articles.id, c.cid))
      .orderBy(desc(c.rank), desc(c.at), desc(articles.id))
      .limit(f.limit)
      .offset(f.offset);
  }
  const cap = f.countCap ?? SEARCH_COUNT_CAP;
  const m = ex.select({ one: sql`1` }).from(articles).where(where).limit(cap + 1).as('m');
  const [counted] = await ex.select({ n: sql<number>`count(*)::int` }).from(m);
  const n = counted?.n ?? 0;
  return { rows, total: Math.min(n, cap), isTotalCapped: n > cap };
}

/** Articles in the back office: every state, newest first. Trading notices have their own pages. */
export async function listForAdmin(ex: Executor, f: { centerId: number; status?: string | undefined; columnId?: number | undefined; authorId?: number | undefined; limit: number; offset: number }): Promise<(ArticleListRow & { reviewState: string; authorId: number; updatedAt: Date })[]> {
  const conds: SQL[] = [eq(articles.centerId, f.centerId), sql`${articles.columnId} not in (select id from site_column where kind = 'trading')`];
  if (f.status) conds.push(eq(articles.status, f.status));
  if (f.columnId) conds.push(eq(articles.columnId, f.columnId));
  if (f.authorId) conds.push(eq(articles.authorId, f.authorId));
  return ex
    .select({ ...listFields, reviewState: articles.reviewState, authorId: articles.authorId, updatedAt: articles.updatedAt })
    .from(articles)
    .where(and(...conds))
    .orderBy(desc(articles.updatedAt))
    .limit(f.limit)
    .offset(f.offset);
}

export async function listDueScheduled(ex: Executor, now: Date): Promise<Article[]> {
  return ex.select().from(articles).where(and(eq(articles.status, 'scheduled'), lte(articles.goLiveAt, now))).limit(100);
}

export async function listDueExpiry(ex: Executor, now: Date): Promise<Article[]> {
  return ex.select().from(articles).where(and(eq(articles.status, 'published'), lte(articles.expiresAt, now))).limit(100);
}

export async function countIndexNosOfYear(ex: Executor, centerId: number, prefix: string): Promise<number> {
  const [r] = await ex.select({ n: count() }).from(articles).where(and(eq(articles.centerId, centerId), sql`${articles.indexNo} like ${`${prefix}%`}`));
  return r?.n ?? 0;
}

export async function findAttachments(ex: Executor, ids: number[]): Promise<Attachment[]> {
  if (ids.length === 0) return [];
  const rows = await ex.select().from(attachments).where(inArray(attachments.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is Attachment => !!r);
}

export async function insertAttachment(ex: Executor, row: typeof attachments.$inferInsert): Promise<Attachment> {
  const [a] = await ex.insert(attachments).values(row).returning();
  if (!a) throw new Error('insert attachment returned nothing');
  return a;
}

/** Whether an attachment belongs to a published revision (so the public may download it). */
export async function isAttachmentPublic(ex: Executor, attachmentId: number): Promise<boolean> {
  const rows = await ex
    .select({ id: articles.id })
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .where(and(eq(articles.status, 'published'), sql`${articleRevisions.attachmentIds} @> ${JSON.stringify([attachmentId])}::jsonb`))
    .limit(1);
  return rows.length > 0;
}

/** Published policies of a center (for linking interpretations), newest first. */
export async function listPublishedOfKind(ex: Executor, centerIds: number[], kind: string, limit: number): Promise<ArticleListRow[]> {
  if (centerIds.length === 0) return [];
  return ex
    .select(listFields)
    .from(articles)
    .innerJoin(columns, eq(columns.id, articles.columnId))
    .where(and(inArray(articles.centerId, centerIds), eq(columns.kind, kind), eq(articles.status, 'published')))
    .orderBy(desc(articles.publishedAt))
    .limit(limit);
}

/** Interpretations whose published revision links to a policy article. */
export async function listInterpretationsOf(ex: Executor, policyArticleId: number): Promise<ArticleListRow[]> {
  return ex
    .select(listFields)
    .from(articles)
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .where(and(eq(articles.status, 'published'), sql`(${articleRevisions.fields} ->> 'policyArticleId')::int = ${policyArticleId}`));
}

export async function addViews(ex: Executor, id: number, n: number): Promise<void> {
  await ex.update(articles).set({ viewCount: sql`${articles.viewCount} + ${n}` }).where(eq(articles.id, id));
}
