import { Worker } from 'node:worker_threads';
import { and, count, eq, isNotNull, min, sql } from 'drizzle-orm';
import { users } from '../src/accounts/accounts.tables.ts';
import { centers } from '../src/centers/centers.tables.ts';
import { articleRevisions, articles, columns } from '../src/content/content.tables.ts';
import type { Db } from '../src/platform/db/client.ts';
import { agentFirms, notices, projects } from '../src/trading/trading.tables.ts';
import { createReplyQueue } from './bulk-articles.ts';
import type { NoticeCenter, NoticeFirm, NoticeRowsBatch, NoticeRowsData, NoticeRowsRequest } from './bulk-notice-rows.ts';

export type BulkNoticesResult = { inserted: number; projects: number; seconds: number; indexS: number; analyzeS: number; publishedNotices: number; publishedArticles: number };

/**
 * Adds `count` published trading notices to the demo centers' 交易信息 columns, with their projects: the
 * rows the submission path would leave (project with the state its notices moved it to, article, frozen
 * revision with the facts in fields.notice, trading_notice with the list filters), written set-based.
 * A worker thread plans the notices with the demo's planner while the database inserts the previous
 * batch (four INSERT … SELECT FROM json_to_recordset statements in one transaction, ids assigned up front).
 * Ends with ANALYZE (VACUUM ANALYZE on PostgreSQL). Works on PGlite and PostgreSQL alike.
 */
export async function bulkInsertNotices(db: Db, opts: { count: number; seed: number; now: Date; isVacuumed: boolean; batchSize?: number; onProgress?: (done: number) => void }): Promise<BulkNoticesResult> {
  const started = performance.now();
  const targets = await loadTargets(db);
  if (targets.centers.length === 0) throw new Error('no trading columns: seed the demo data first');
  const data: NoticeRowsData = { seed: opts.seed, nowMs: opts.now.getTime(), count: opts.count, ...targets, first: await firstIds(db) };
  const worker = new Worker(new URL('./bulk-notice-rows.ts', import.meta.url), { workerData: data });
  // Building the GIN index once after the load costs about half of maintaining it row by row (even with
  // a pending list); the definition is read back from the catalog and recreated as it was.
  const searchIndex = await indexDefinition(db, 'article_search_idx');
  await db.execute(sql`drop index article_search_idx`);
  let inserted = 0;
  let projectRows = 0;
  let indexS = 0;
  try {
    const batchSize = opts.batchSize ?? 2000;
    const sizes: number[] = [];
    for (let left = opts.count; left > 0; left -= batchSize) sizes.push(Math.min(batchSize, left));
    const replies = createReplyQueue(worker, isNoticeBatch);
    // Keep one batch in flight in the worker while the current one is inserted.
    sizes.slice(0, 2).forEach((count) => worker.postMessage({ count } satisfies NoticeRowsRequest));
    for (let i = 0; i < sizes.length; i++) {
      const batch = await replies.next();
      const following = sizes[i + 2];
      if (following !== undefined) worker.postMessage({ count: following } satisfies NoticeRowsRequest);
      if (batch.rows === 0) break;
      if (i === 0) await assertVectorsMatch(db, batch);
      await insertBatch(db, batch);
      inserted += batch.rows;
      projectRows += batch.projectRows;
      opts.onProgress?.(inserted);
    }
  } finally {
    await worker.terminate();
    const t = performance.now();
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
      await tx.execute(sql.raw(searchIndex));
    });
    indexS = (performance.now() - t) / 1000;
  }
  for (const table of ['article', 'article_revision', 'trading_notice', 'trading_project']) {
    await db.execute(sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`));
  }
  const t = performance.now();
  // PostgreSQL's autovacuum would otherwise vacuum the new rows in the middle of the HTTP runs; PGlite
  // never vacuums (the app only runs ANALYZE), so there the visibility map stays as a PGlite site has it.
  await db.execute(opts.isVacuumed ? sql`vacuum (analyze)` : sql`analyze`);
  // …and write the load out now, not in a checkpoint during the measurements (needs a superuser or
  // pg_checkpoint; without, the checkpoint is simply left to the server).
  if (opts.isVacuumed) await db.execute(sql`checkpoint`).catch(() => {});
  const analyzeS = (performance.now() - t) / 1000;
  const [publishedNotices] = await db.select({ n: count() }).from(notices).innerJoin(articles, eq(articles.id, notices.articleId)).where(eq(articles.status, 'published'));
  const [publishedArticles] = await db.select({ n: count() }).from(articles).where(eq(articles.status, 'published'));
  return { inserted, projects: projectRows, seconds: (performance.now() - started) / 1000, indexS, analyzeS, publishedNotices: publishedNotices?.n ?? 0, publishedArticles: publishedArticles?.n ?? 0 };
}

async function insertBatch(db: Db, b: NoticeRowsBatch): Promise<void> {
  // json, not jsonb: parsed once per statement, and json_to_recordset parses it about twice as fast.
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into trading_project (id, center_id, code, project_no, name, category, method, region, tenderer_name, tenderer_credit_code, agent_firm_id, agent_name, budget_fen, is_mandatory_tendering, lots, status, doc_sale_start, doc_sale_end, bid_deadline, opening_at, opening_place, award_amount_fen, awarded_on, created_at, updated_at)
      select id, center_id, code, project_no, name, category, method, region, tenderer_name, tenderer_credit_code, agent_firm_id, agent_name, budget_fen, is_mandatory, coalesce(lots, '[]'::jsonb), status, doc_sale_start, doc_sale_end, bid_deadline, opening_at, coalesce(opening_place, ''), award_amount_fen, awarded_on, at, at
      from json_to_recordset(${b.projects}::json) as x(id int, center_id int, code text, project_no text, name text, category text, method text, region text, tenderer_name text, tenderer_credit_code text, agent_firm_id int, agent_name text, budget_fen bigint, is_mandatory boolean, lots jsonb, status text, doc_sale_start text, doc_sale_end text, bid_deadline timestamptz, opening_at timestamptz, opening_place text, award_amount_fen bigint, awarded_on text, at timestamptz)`);
    await tx.execute(sql`
      insert into article_revision (id, article_id, revision_no, title, body_html, summary, source, fields, content_hash, author_id, published_version_no, published_at, created_at)
      select rid, id, 1, title, body, summary, source, fields, hash, author_id, 1, at, at
      from json_to_recordset(${b.revisions}::json) as x(id int, rid int, title text, body text, summary text, source text, fields jsonb, hash text, author_id int, at timestamptz)`);
    await tx.execute(sql`
      insert into article (id, center_id, column_id, author_id, status, current_revision_id, published_revision_id, index_no, publisher, title, summary, published_at, formed_on, search, created_at, updated_at)
      select id, center_id, column_id, author_id, 'published', rid, rid, index_no, publisher, title, summary, at, (at at time zone 'Asia/Shanghai')::date, idx::tsvector, at, at
      from json_to_recordset(${b.articles}::json) as x(id int, rid int, center_id int, column_id int, author_id int, index_no text, publisher text, title text, summary text, at timestamptz, idx text)`);
    // Patrolled long ago: every bulk notice has passed 巡查.
    await tx.execute(sql`
      insert into trading_notice (id, article_id, project_id, center_id, type, category, method, amount_fen, amends_notice_id, agent_firm_id, source, inspection_state, inspected_at, created_at)
      select id, article_id, project_id, center_id, type, category, method, amount_fen, amends, firm_id, 'agent_api', 'passed', at, at
      from json_to_recordset(${b.notices}::json) as x(id int, article_id int, project_id int, center_id int, type text, category text, method text, amount_fen bigint, amends int, firm_id int, at timestamptz)`);
  });
}

/**
 * The loader casts the index text to tsvector directly (its tokens are unique, lower-case CJK bigrams and
 * [a-z0-9] words, so the literal is the stripped vector): twice as fast as to_tsvector. This checks that
 * on the first batch, so that a tokenizer change cannot silently make bulk vectors differ from the app's.
 */
async function assertVectorsMatch(db: Db, b: NoticeRowsBatch): Promise<void> {
  const [r] = await db
    .select({ n: count() })
    .from(sql`json_to_recordset(${b.articles}::json) as x(id int, idx text)`)
    .where(sql`idx::tsvector is distinct from strip(to_tsvector('simple', idx))`);
  if ((r?.n ?? 0) > 0) throw new Error(`${r?.n} bulk search vectors differ from strip(to_tsvector('simple', …)): use to_tsvector in bench/bulk-notices.ts`);
}

async function indexDefinition(db: Db, name: string): Promise<string> {
  const [row] = await db.select({ def: sql<string>`pg_get_indexdef(${name}::regclass)` }).from(sql`(select 1) as one`);
  if (!row?.def) throw new Error(`index ${name} not found`);
  return row.def;
}

async function firstIds(db: Db): Promise<NoticeRowsData['first']> {
  const next = async (table: typeof articles | typeof articleRevisions | typeof notices | typeof projects) => {
    const [r] = await db.select({ id: sql<number>`coalesce(max(${table.id}), 0)::int` }).from(table);
    return (r?.id ?? 0) + 1;
  };
  return { article: await next(articles), revision: await next(articleRevisions), notice: await next(notices), project: await next(projects) };
}

async function loadTargets(db: Db): Promise<{ centers: NoticeCenter[]; firms: NoticeFirm[]; fallbackUserId: number }> {
  const cols = await db
    .select({ centerId: centers.id, code: centers.code, columnId: columns.id, indexPrefix: centers.indexPrefix, creditCode: centers.creditCode, name: centers.name })
    .from(columns)
    .innerJoin(centers, eq(centers.id, columns.centerId))
    .where(and(eq(centers.isActive, true), eq(columns.kind, 'trading')))
    .orderBy(columns.id);
  const firmUsers = await db.select({ firmId: users.agentFirmId, id: min(users.id) }).from(users).where(isNotNull(users.agentFirmId)).groupBy(users.agentFirmId);
  const userOf = new Map(firmUsers.map((u) => [u.firmId, u.id ?? 0]));
  const [anyUser] = await db.select({ id: min(users.id) }).from(users);
  const fallbackUserId = anyUser?.id ?? 1;
  const firms = await db.select({ firmId: agentFirms.id, centerId: agentFirms.centerId, creditCode: agentFirms.creditCode, name: agentFirms.name }).from(agentFirms);
  return {
    // The first 18 characters of a deal code, as submitNotice derives them from the center.
    centers: cols.map((c) => ({ centerId: c.centerId, code: c.code, columnId: c.columnId, indexPrefix: c.indexPrefix, name: c.name, uscc: (c.creditCode || c.indexPrefix).padEnd(18, '0').slice(0, 18).toUpperCase().replace(/[^0-9A-Z]/g, '0') })),
    firms: firms.map((f) => ({ ...f, userId: userOf.get(f.firmId) ?? fallbackUserId })),
    fallbackUserId,
  };
}

function isNoticeBatch(v: unknown): v is NoticeRowsBatch {
  return typeof v === 'object' && v !== null && 'notices' in v && 'rows' in v && typeof v.notices === 'string' && typeof v.rows === 'number';
}
