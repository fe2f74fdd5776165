import { Worker } from 'node:worker_threads';
import { and, eq, inArray, min, sql } from 'drizzle-orm';
import { users } from '../src/accounts/accounts.tables.ts';
import { centers } from '../src/centers/centers.tables.ts';
import { articleRevisions, articles, columns } from '../src/content/content.tables.ts';
import type { Db } from '../src/platform/db/client.ts';
import type { ArticleKind } from './corpus.ts';
import { BULK_KINDS, type RowsBatch, type RowsRequest, type RowsWorkerData, type Target } from './bulk-rows.ts';

export type BulkResult = { inserted: number; seconds: number; totalPublished: number };

/**
 * Adds `count` published articles (one frozen revision each, the search vector built like setArticleSearch
 * builds it: strip(to_tsvector('simple', toIndexText(…)))) to the existing columns of the existing centers.
 * A worker thread generates the text while PGlite inserts the previous batch; each batch is two
 * INSERT … SELECT FROM json_to_recordset statements in one transaction, with ids assigned up front.
 */
export async function bulkInsertArticles(db: Db, opts: { count: number; seed: number; now: Date; batchSize?: number; onProgress?: (done: number) => void }): Promise<BulkResult> {
  const started = performance.now();
  const targets = await loadTargets(db);
  if (targets.length === 0) throw new Error('no columns to fill: seed the demo data first');
  const [maxArticle] = await db.select({ id: sql<number>`coalesce(max(${articles.id}), 0)::int` }).from(articles);
  const [maxRevision] = await db.select({ id: sql<number>`coalesce(max(${articleRevisions.id}), 0)::int` }).from(articleRevisions);
  const data: RowsWorkerData = { seed: opts.seed, nowMs: opts.now.getTime(), targets, firstArticleId: (maxArticle?.id ?? 0) + 1, firstRevisionId: (maxRevision?.id ?? 0) + 1 };
  const worker = new Worker(new URL('./bulk-rows.ts', import.meta.url), { workerData: data });
  // A bulk import buffers GIN entries in the pending list and merges them once at the end (the app keeps
  // fastupdate off, which suits a trickle of publications but makes mass inserts about five times slower).
  await db.execute(sql`alter index article_search_idx set (fastupdate = on)`);
  try {
    const batchSize = opts.batchSize ?? 2000;
    const sizes: number[] = [];
    for (let left = opts.count; left > 0; left -= batchSize) sizes.push(Math.min(batchSize, left));
    const replies = createReplyQueue(worker, isBatch);
    // Keep one batch in flight in the worker while the current one is inserted.
    sizes.slice(0, 2).forEach((count) => worker.postMessage({ count } satisfies RowsRequest));
    let done = 0;
    for (let i = 0; i < sizes.length; i++) {
      const batch = await replies.next();
      const following = sizes[i + 2];
      if (following !== undefined) worker.postMessage({ count: following } satisfies RowsRequest);
      await insertBatch(db, batch);
      done += sizes[i] ?? 0;
      opts.onProgress?.(done);
    }
  } finally {
    await worker.terminate();
    await db.execute(sql`select gin_clean_pending_list('article_search_idx'::regclass)`);
    await db.execute(sql`alter index article_search_idx set (fastupdate = off)`);
  }
  await db.execute(sql`select setval(pg_get_serial_sequence('article', 'id'), (select max(id) from article))`);
  await db.execute(sql`select setval(pg_get_serial_sequence('article_revision', 'id'), (select max(id) from article_revision))`);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(articles).where(eq(articles.status, 'published'));
  return { inserted: opts.count, seconds: (performance.now() - started) / 1000, totalPublished: total?.n ?? 0 };
}

async function insertBatch(db: Db, batch: RowsBatch): Promise<void> {
  // json, not jsonb: parsed once per statement, and json_to_recordset parses it about twice as fast.
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into article_revision (id, article_id, revision_no, title, body_html, summary, source, content_hash, author_id, published_version_no, published_at, created_at)
      select rid, id, 1, title, body, summary, source, hash, author_id, 1, at, at
      from json_to_recordset(${batch.revisions}::json) as x(id int, rid int, title text, body text, summary text, source text, hash text, author_id int, at timestamptz)`);
    await tx.execute(sql`
      insert into article (id, center_id, column_id, author_id, status, current_revision_id, published_revision_id, index_no, publisher, title, summary, published_at, formed_on, search, created_at, updated_at)
      select id, center_id, column_id, author_id, 'published', rid, rid, index_no, source, title, summary, at, (at at time zone 'Asia/Shanghai')::date, strip(to_tsvector('simple', idx)), at, at
      from json_to_recordset(${batch.articles}::json) as x(id int, rid int, center_id int, column_id int, author_id int, index_no text, source text, title text, summary text, at timestamptz, idx text)`);
  });
}

function isBatch(v: unknown): v is RowsBatch {
  return typeof v === 'object' && v !== null && 'revisions' in v && 'articles' in v && typeof v.revisions === 'string' && typeof v.articles === 'string';
}

/** Replies of a bulk-row worker in order; a worker error (or an unexpected reply) rejects the waiting call. */
export function createReplyQueue<T>(worker: Worker, isReply: (v: unknown) => v is T): { next: () => Promise<T> } {
  const ready: T[] = [];
  const waiting: { resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
  let failure: unknown;
  const fail = (err: unknown) => {
    failure = err;
    for (const w of waiting.splice(0)) w.reject(err);
  };
  worker.on('message', (msg: unknown) => {
    if (!isReply(msg)) return fail(new Error('bulk row worker sent an unexpected reply'));
    const w = waiting.shift();
    if (w) w.resolve(msg);
    else ready.push(msg);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`bulk row worker exited with code ${code}`)));
  return {
    next: () => {
      const reply = ready.shift();
      if (reply !== undefined) return Promise.resolve(reply);
      if (failure !== undefined) return Promise.reject(failure);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
  };
}

async function loadTargets(db: Db): Promise<Target[]> {
  const cols = await db
    .select({ columnId: columns.id, centerId: columns.centerId, kind: columns.kind, centerName: centers.name, indexPrefix: centers.indexPrefix })
    .from(columns)
    .innerJoin(centers, eq(centers.id, columns.centerId))
    .where(and(eq(centers.isActive, true), inArray(columns.kind, BULK_KINDS)))
    .orderBy(columns.id);
  const authors = await db.select({ centerId: users.homeCenterId, id: min(users.id) }).from(users).groupBy(users.homeCenterId);
  const authorOf = new Map(authors.map((a) => [a.centerId, a.id ?? 0]));
  const anyAuthor = authors[0]?.id ?? 1;
  return cols.map((c) => ({ ...c, kind: toKind(c.kind), authorId: authorOf.get(c.centerId) ?? anyAuthor }));
}

function toKind(kind: string): ArticleKind {
  const found = BULK_KINDS.find((k) => k === kind);
  if (!found) throw new Error(`unexpected column kind ${kind}`);
  return found;
}
