import path from 'node:path';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { bulkInsertNotices } from './bulk-notices.ts';
import { fetchBytes } from './net.ts';
import { startNginx, type StaticServer } from './nginx.ts';
import { createBenchPostgres } from './postgres.ts';
import type { PageFigures, TradingEngineResults } from './report.ts';
import { createBenchContext } from './search.ts';
import { startServer, watchRss, type AppServer } from './server.ts';
import { countKeywordMatches, listShapes, measureListDb, shapePaths, type ListShape } from './trading.ts';
import { measureVerifyMs, prepareSubmitAgent, probeSubmission, signBodies, submitRequests, tenderBodies, type SubmitAgent } from './trading-submit.ts';
import type { WrkOptions, WrkResult } from './wrk.ts';

/** What the trading phases borrow from bench/run.ts: logging, child tracking, wrk with warm-up, options. */
export type TradingHarness = {
  log: (message: string) => void;
  track: <T extends { stop: () => Promise<void> }>(p: Promise<T>) => Promise<T>;
  untrack: (t: { stop: () => Promise<void> }) => Promise<void>;
  measure: (o: Omit<WrkOptions, 'durationS'>) => Promise<WrkResult>;
  comparePage: (o: { server: AppServer; nginx: StaticServer; path: string; file: string; bytes: number }) => Promise<PageFigures>;
  opts: { settleS: number; searchConnections: number; tradingRounds: number; submitConnections: number[] };
};

const SUBMIT_CENTER = 'hn';
/** API keys of the bench firm: the API allows 600 requests a minute per key. */
const SUBMIT_KEYS = 64;
const SIGNED_BODIES = 40;

/**
 * Trading on PGlite: `dataDir` holds a copy of the seeded demo (no server running on it). Bulk-loads
 * the notices in-process, times the list, then measures the app over HTTP uncached (list, API,
 * submissions), and finally the cached `/trading` page against nginx.
 */
export async function measureTradingPglite(h: TradingHarness, o: { dataDir: string; notices: number }): Promise<TradingEngineResults> {
  const results: TradingEngineResults = { engine: 'pglite' };
  try {
    const prepared = await loadAndTimeList(h, results, { open: () => openDatabase({ pgliteDir: path.join(o.dataDir, 'pgdata') }), dataDir: o.dataDir, notices: o.notices });
    await measureOverHttp(h, results, { ...prepared, dataDir: o.dataDir, env: {} });
    h.log('trading pglite: cached /trading against nginx…');
    results.cachedPage = await withStarted(h, startServer({ dataDir: o.dataDir, readyTimeoutMs: 120_000 }), async (server) => {
      // The start-up ANALYZE runs on PGlite's thread, the event loop: cached pages wait for it too.
      await new Promise((r) => setTimeout(r, h.opts.settleS * 1000));
      const page = await fetchBytes(`${server.baseUrl}/trading`);
      return withStarted(h, startNginx({ 'trading.html': page }), (nginx) => h.comparePage({ server, nginx, path: '/trading', file: 'trading.html', bytes: page.length }));
    });
  } catch (err) {
    results.error = err instanceof Error ? err.message : String(err);
  }
  return results;
}

/**
 * Trading on PostgreSQL: a database created for the run on the server behind `adminUrl` (dropped at the
 * end), seeded by the app itself, then the same steps as on PGlite except the cached page (served from
 * memory, the engine plays no part). Skipped, not failed, when the server cannot be reached.
 */
export async function measureTradingPostgres(h: TradingHarness, o: { adminUrl: string; dataDir: string; notices: number }): Promise<TradingEngineResults> {
  const results: TradingEngineResults = { engine: 'postgres' };
  const pg = await createBenchPostgres(o.adminUrl);
  if ('unreachable' in pg) {
    h.log(`trading postgres: skipped, ${redact(o.adminUrl)} not reachable (${pg.unreachable})`);
    return { ...results, skipped: `${redact(o.adminUrl)} not reachable` };
  }
  results.server = `${pg.version.split(' on ')[0] ?? pg.version}, collation ${pg.collation}`;
  try {
    // Tracked before any server, so that an interrupted run stops the servers before the database is dropped.
    await withStarted(h, Promise.resolve(pg), async () => {
      const env = { DATABASE_URL: pg.url };
      h.log(`trading postgres: seeding the demo into ${pg.database}…`);
      results.seedS = await withStarted(h, startServer({ dataDir: o.dataDir, env: { ...env, DEMO_TRADING_SCALE: '0' }, readyTimeoutMs: 300_000 }), (seeding) => seeding.waitForOutput(/demo trading ready/, 300_000));
      const prepared = await loadAndTimeList(h, results, { open: () => openDatabase({ databaseUrl: pg.url }), dataDir: o.dataDir, notices: o.notices });
      await measureOverHttp(h, results, { ...prepared, dataDir: o.dataDir, env });
    });
  } catch (err) {
    results.error = err instanceof Error ? err.message : String(err);
  }
  return results;
}

/** In-process, server stopped: bulk load, list timings, the bench agent firm and its keys. */
async function loadAndTimeList(
  h: TradingHarness,
  results: TradingEngineResults,
  o: { open: () => Promise<Database>; dataDir: string; notices: number },
): Promise<{ shapes: ListShape[]; agent: SubmitAgent }> {
  const database = await o.open();
  try {
    h.log(`trading ${results.engine}: bulk-inserting ${o.notices} notices…`);
    const step = o.notices >= 200_000 ? 50_000 : 20_000;
    results.bulk = await bulkInsertNotices(database.db, { count: o.notices, seed: 20261122, now: new Date(), isVacuumed: database.kind === 'postgres', onProgress: (n) => n % step === 0 && h.log(`  ${n}`) });
    h.log(`  ${results.bulk.seconds.toFixed(1)} s (GIN build ${results.bulk.indexS.toFixed(1)} s, ${database.kind === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE'} ${results.bulk.analyzeS.toFixed(1)} s); ${results.bulk.publishedNotices} notices published`);
    const ctx = createBenchContext(database, o.dataDir);
    results.keywordMatches = await countKeywordMatches(ctx);
    const now = new Date();
    const shapes = await listShapes(ctx, now);
    h.log(`trading ${results.engine}: listNotices, ${shapes.length} query shapes × ${h.opts.tradingRounds}, one client…`);
    results.listDb = await measureListDb(ctx, { shapes, rounds: h.opts.tradingRounds, now });
    h.log(`  p50 ${results.listDb.p50Ms.toFixed(1)} ms, p95 ${results.listDb.p95Ms.toFixed(1)} ms, max ${results.listDb.maxMs.toFixed(0)} ms`);
    const agent = await prepareSubmitAgent(ctx, { centerCode: SUBMIT_CENTER, keys: SUBMIT_KEYS });
    return { shapes, agent };
  } finally {
    await database.close();
  }
}

/**
 * The app uncached on the bulk data: the list page and the JSON API cycling through the shapes, then
 * submissions by each number of concurrent clients (unsigned), and signed by the fewest, each with
 * GET /healthz on the same connections as the reference.
 */
async function measureOverHttp(h: TradingHarness, results: TradingEngineResults, o: { shapes: ListShape[]; agent: SubmitAgent; dataDir: string; env: Record<string, string> }): Promise<void> {
  const { engine } = results;
  h.log(`trading ${engine}: restarting on the bulk data with RENDER_CACHE=0…`);
  await withStarted(h, startServer({ dataDir: o.dataDir, env: { ...o.env, RENDER_CACHE: '0' }, readyTimeoutMs: 180_000 }), async (server) => {
    results.coldStart = { readyS: server.readyS, firstPageS: server.firstPageS };
    await measureServer(h, results, { ...o, server });
  });
}

async function measureServer(h: TradingHarness, results: TradingEngineResults, o: { shapes: ListShape[]; agent: SubmitAgent; server: AppServer }): Promise<void> {
  const { engine } = results;
  h.log(`waiting ${h.opts.settleS} s for start-up jobs…`);
  await new Promise((r) => setTimeout(r, h.opts.settleS * 1000));
  const rss = watchRss(o.server.pid);
  try {
    const list = { url: `${o.server.baseUrl}/`, connections: h.opts.searchConnections, threads: 1, timeoutS: 30 };
    h.log(`trading ${engine}: /trading uncached, one shape per request…`);
    results.listPage = await h.measure({ ...list, paths: shapePaths('/trading', o.shapes) });
    h.log(`trading ${engine}: /api/v1/notices, one shape per request…`);
    results.listApi = await h.measure({ ...list, paths: shapePaths('/api/v1/notices', o.shapes) });
    await measureSubmissions(h, results, o);
  } finally {
    results.rss = rss.stop();
  }
}

/** Unsigned submissions by each number of clients, then signed ones by the fewest; /healthz before each. */
async function measureSubmissions(h: TradingHarness, results: TradingEngineResults, o: { agent: SubmitAgent; server: AppServer }): Promise<void> {
  const bodies = tenderBodies({ now: new Date(), count: 200, centerCode: SUBMIT_CENTER });
  const signedBodies = signBodies(bodies.slice(0, SIGNED_BODIES), o.agent.privateKey);
  const plain = submitRequests(bodies, o.agent.apiKeys);
  const signed = submitRequests(signedBodies, o.agent.apiKeys.slice().reverse());
  for (const r of [plain[0], signed[0]]) {
    if (!r) throw new Error('no submission bodies');
    await probeSubmission(o.server.baseUrl, r);
  }
  results.verifyMs = measureVerifyMs(signedBodies, o.agent.publicKey);
  const runs = [...h.opts.submitConnections.map((c) => ({ connections: c, isSigned: false })), { connections: Math.min(...h.opts.submitConnections), isSigned: true }];
  results.submit = [];
  for (const r of runs) {
    h.log(`trading ${results.engine}: GET /healthz, ${r.connections} conn (reference)…`);
    const reference = await h.measure({ url: `${o.server.baseUrl}/healthz`, connections: r.connections, threads: 1 });
    h.log(`trading ${results.engine}: submit${r.isSigned ? ' signed' : ''} tender notices, ${r.connections} conn…`);
    const run = await h.measure({ url: `${o.server.baseUrl}/`, requests: r.isSigned ? signed : plain, connections: r.connections, threads: 1, timeoutS: 30 });
    results.submit.push({ ...r, run, reference, ratio: run.rps / reference.rps });
  }
}

/** Tracks what `start` starts for the cleanup of an interrupted run, uses it, and stops it whatever happens. */
async function withStarted<T extends { stop: () => Promise<void> }, R>(h: TradingHarness, start: Promise<T>, use: (t: T) => Promise<R>): Promise<R> {
  const t = await h.track(start);
  try {
    return await use(t);
  } finally {
    await h.untrack(t);
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return 'BENCH_PG_URL';
  }
}
