import { Worker } from 'node:worker_threads';
import { and, count, eq, isNotNull, min, sql } from 'drizzle-orm';
import { users } from '../src/accounts/accounts.tables.ts';
import { centers } from '../src/centers/centers.tables.ts';
import { articleRevisions, articles, columns } from '../src/content/content.tables.ts';
import type { Db } from '../src/platform/db/client.ts';
import { agentFirms, notices, projects } from '../src/trading/trading.tables.ts';
import { createReplyQueue } from './bulk-articles.ts';
import type { NoticeCenter, NoticeFirm, NoticeRowsBatch, NoticeRowsData, NoticeRowsRequest } from './bulk-notice-rows.ts';

export type BulkNoticesResult = { inserted: number; projects: number; seconds: number; analyzeS: number; publishedNotices: number; publishedArticles: number };

/**
 * Adds `count` published trading notices to the demo centers' 交易信息 columns, with their projects: the
 * rows the submission path would leave (project with the state its notices moved it to, article, frozen
 * revision with the facts in fields.notice, trading_notice with the list filters), written set-based.
 * A worker thread plans the notices with the demo's planner while the database inserts the previous
 * batch (four INSERT … SELECT FROM json_to_recordset statements in one transaction, ids assigned up front).
 * Ends with ANALYZE. Works on PGlite and PostgreSQL alike.
 */
export async function bulkInsertNotices(db: Db, opts: { count: number; seed: number; now: Date; batchSize?: number; onProgress?: (done: number) => void }): Promise<BulkNoticesResult> {
  const started = performance.now();
  const targets = await loadTargets(db);
  if (targets.centers.length === 0) throw new Error('no trading columns: seed the demo data first');
  const data: NoticeRowsData = { seed: opts.seed, nowMs: opts.now.getTime(), count: opts.count, ...targets, first: await firstIds(db) };
  const worker = new Worker(new URL('./bulk-notice-rows.ts', import.meta.url), { workerData: data });
  // As in bulk-articles.ts: buffer GIN entries during the load, merge them once at the end.
  await db.execute(sql`alter index article_search_idx set (fastupdate = on)`);
  let inserted = 0;
  let projectRows = 0;
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
      await insertBatch(db, batch);
      inserted += batch.rows;
      projectRows += batch.projectRows;
      opts.onProgress?.(inserted);
    }
  } finally {
    await worker.terminate();
    await db.execute(sql`select gin_clean_pending_list('article_search_idx'::regclass)`);
    await db.execute(sql`alter index article_search_idx set (fastupdate = off)`);
  }
  for (const table of ['article', 'article_revision', 'trading_notice', 'trading_project']) {
    await db.execute(sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`));
  }
  const t = performance.now();
  await db.execute(sql`analyze`);
  const analyzeS = (performance.now() - t) / 1000;
  const [publishedNotices] = await db.select({ n: count() }).from(notices).innerJoin(articles, eq(articles.id, notices.articleId)).where(eq(articles.status, 'published'));
  const [publishedArticles] = await db.select({ n: count() }).from(articles).where(eq(articles.status, 'published'));
  return { inserted, projects: projectRows, seconds: (performance.now() - started) / 1000, analyzeS, publishedNotices: publishedNotices?.n ?? 0, publishedArticles: publishedArticles?.n ?? 0 };
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
      select id, center_id, column_id, author_id, 'published', rid, rid, index_no, publisher, title, summary, at, (at at time zone 'Asia/Shanghai')::date, strip(to_tsvector('simple', idx)), at, at
      from json_to_recordset(${b.articles}::json) as x(id int, rid int, center_id int, column_id int, author_id int, index_no text, publisher text, title text, summary text, at timestamptz, idx text)`);
    // Patrolled long ago: every bulk notice has passed 巡查.
    await tx.execute(sql`
      insert into trading_notice (id, article_id, project_id, center_id, type, category, method, amount_fen, amends_notice_id, agent_firm_id, source, inspection_state, inspected_at, created_at)
      select id, article_id, project_id, center_id, type, category, method, amount_fen, amends, firm_id, 'agent_api', 'passed', at, at
      from json_to_recordset(${b.notices}::json) as x(id int, article_id int, project_id int, center_id int, type text, category text, method text, amount_fen bigint, amends int, firm_id int, at timestamptz)`);
  });
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
