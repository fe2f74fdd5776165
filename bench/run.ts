import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../src/platform/context.ts';
import { openDatabase } from '../src/platform/db/client.ts';
import { bulkInsertArticles } from './bulk-articles.ts';
import { stopAllChildren } from './child.ts';
import { fetchBytes } from './net.ts';
import { startNginx, type StaticServer } from './nginx.ts';
import { formatQueries, formatTable, type BenchResults, type PageFigures, type SearchPair } from './report.ts';
import { countMatches, createBenchContext, measureSearchDb, searchPaths } from './search.ts';
import { startServer, watchRss, type AppServer } from './server.ts';
import { measureAnnualPglite, measureAnnualPostgres, type AnnualEngineResults } from './annual.ts';
import { measureDisclosurePglite, measureDisclosurePostgres } from './disclosure-run.ts';
import { measureTradingPglite, measureTradingPostgres, type TradingHarness } from './trading-run.ts';
import { runWrk, type WrkOptions, type WrkResult } from './wrk.ts';

/**
 * `npm run bench`: page throughput against nginx serving the same bytes, search over a bulk-loaded
 * database, cold start and RSS on PGlite; then trading (notice list and search, the submission API) on
 * PGlite and on PostgreSQL, in one run. Figures are ratios or absolute times for the report; nothing is
 * asserted. Env: BENCH_DURATION (s per wrk run, 10), BENCH_ARTICLES (100000), BENCH_WARMUP (s, 2),
 * BENCH_SEARCH_ROUNDS (3), BENCH_SEARCH_CONNECTIONS (2), BENCH_SETTLE (s, 15), BENCH_KEEP (0),
 * BENCH_PHASES (pages,search,trading,trading-pg), BENCH_NOTICES (100000), BENCH_PG_NOTICES (500000),
 * BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres; "off" skips), BENCH_TRADING_ROUNDS (10),
 * BENCH_SUBMIT_CONNECTIONS (1,4), BENCH_WATCHDOG_MIN (45), BENCH_CASES (100000, the disclosure phases' open cases),
 * BENCH_ANNUAL_ARTICLES (100000) and BENCH_ANNUAL_APPLICATIONS (10000) for the `annual` phase (PGlite, then PostgreSQL).
 * docs/benchmarks.md explains each figure.
 */
const opts = readOptions(process.env);
const resultsDir = fileURLToPath(new URL('./results/', import.meta.url));
const started = performance.now();
const work = await mkdtemp(path.join(os.tmpdir(), 'gongkai-bench-'));
const dataDir = path.join(work, 'data');
const tradingDir = path.join(work, 'trading');
const disclosureDir = path.join(work, 'disclosure');
const running = new Set<{ stop: () => Promise<void> }>();
const results: BenchResults = {
  date: new Date().toISOString(),
  machine: machine(),
  loadAverage: { start: os.loadavg()[0] ?? 0 },
  options: {
    durationS: opts.durationS,
    warmupS: opts.warmupS,
    articles: opts.articles,
    connections: 50,
    searchConnections: opts.searchConnections,
    searchRounds: opts.searchRounds,
    settleS: opts.settleS,
    phases: [...opts.phases],
    notices: opts.notices,
    pgNotices: opts.pgNotices,
    tradingRounds: opts.tradingRounds,
    submitConnections: opts.submitConnections,
    cases: opts.cases,
    annualArticles: opts.annualArticles,
    annualApplications: opts.annualApplications,
  },
};
const harness: TradingHarness = { log, track, untrack, measure, comparePage, opts };

// Whatever happens, stop every child and remove the temp dir; a watchdog bounds the whole run.
const watchdog = setTimeout(() => void abort(`watchdog: the run took longer than ${opts.watchdogMin} minutes`), opts.watchdogMin * 60_000);
watchdog.unref();
process.once('SIGINT', () => void abort('interrupted'));
process.once('SIGTERM', () => void abort('terminated'));

try {
  await seedDemoData();
  if (opts.phases.has('pages')) await measureDemo();
  if (opts.phases.has('search')) await measureBulk();
  if (opts.phases.has('trading')) await measureTrading(() => measureTradingPglite(harness, { dataDir: tradingDir, notices: opts.notices }));
  if (opts.phases.has('trading-pg')) {
    if (opts.pgUrl === 'off') results.trading = [...(results.trading ?? []), { engine: 'postgres', skipped: 'BENCH_PG_URL=off' }];
    else await measureTrading(() => measureTradingPostgres(harness, { adminUrl: opts.pgUrl, dataDir: path.join(work, 'pg-files'), notices: opts.pgNotices }));
  }
  if (opts.phases.has('disclosure')) await measureDisclosure(() => measureDisclosurePglite(harness, { dataDir: disclosureDir, cases: opts.cases }));
  if (opts.phases.has('disclosure-pg')) {
    if (opts.pgUrl === 'off') results.disclosure = [...(results.disclosure ?? []), { engine: 'postgres', skipped: 'BENCH_PG_URL=off' }];
    else await measureDisclosure(() => measureDisclosurePostgres(harness, { adminUrl: opts.pgUrl, dataDir: path.join(work, 'pg-disclosure-files'), cases: opts.cases }));
  }
  if (opts.phases.has('annual')) await measureAnnual();
} catch (err) {
  results.error = err instanceof Error ? err.message : String(err);
  process.exitCode = 1;
} finally {
  await cleanup();
}
results.totalS = (performance.now() - started) / 1000;
results.loadAverage.end = os.loadavg()[0] ?? 0;
await mkdir(resultsDir, { recursive: true });
await writeFile(path.join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nsearch, per query: median ms\n${formatQueries(results)}\n\n${formatTable(results)}\n`);
if (results.error) console.error(`error: ${results.error}`);
console.log(`total ${results.totalS.toFixed(0)} s; figures in bench/results/latest.json`);
clearTimeout(watchdog);

/**
 * Seeds the demo on an empty data dir and keeps a copy for the trading phase. The demo's background
 * trading replay runs at its smallest (DEMO_TRADING_SCALE=0: a handful of notices, finished within
 * seconds) and is waited for, so the demo pages stay comparable with earlier runs and the trading
 * phases measure their own bulk data.
 */
async function seedDemoData(): Promise<void> {
  log('starting the server on an empty data dir (seeds the demo data)…');
  const seeding = await track(startServer({ dataDir, env: { DEMO_TRADING_SCALE: '0' }, readyTimeoutMs: 300_000 }));
  results.seedS = seeding.readyS;
  await seeding.waitForOutput(/demo trading ready/, 120_000);
  await untrack(seeding);
  if (opts.phases.has('trading')) await cp(dataDir, tradingDir, { recursive: true });
  if (opts.phases.has('disclosure')) await cp(dataDir, disclosureDir, { recursive: true });
}

/** Measures cold start, `/` and one article against nginx, and the RSS under that load. */
async function measureDemo(): Promise<void> {
  log('restarting on the demo data (cold start)…');
  const server = await track(startServer({ dataDir, readyTimeoutMs: 60_000 }));
  results.coldStartDemo = { readyS: server.readyS, firstPageS: server.firstPageS };
  const home = await fetchBytes(`${server.baseUrl}/`);
  const articlePath = /href="(\/art\/\d+)"/.exec(home.toString('utf8'))?.[1];
  if (!articlePath) throw new Error('no article link on the home page');
  const article = await fetchBytes(`${server.baseUrl}${articlePath}`);
  const nginx = await track(startNginx({ 'home.html': home, 'article.html': article }));
  const rss = watchRss(server.pid);
  try {
    results.home = await comparePage({ server, nginx, path: '/', file: 'home.html', bytes: home.length });
    results.article = await comparePage({ server, nginx, path: articlePath, file: 'article.html', bytes: article.length });
  } finally {
    results.rssDemo = rss.stop();
  }
  await untrack(nginx);
  await untrack(server);
}

/** Bulk-loads articles with the server stopped, times search in-process, then restarts uncached and loads it over HTTP. */
async function measureBulk(): Promise<void> {
  log(`bulk-inserting ${opts.articles} articles…`);
  const database = await openDatabase({ pgliteDir: path.join(dataDir, 'pgdata') });
  try {
    results.bulk = await bulkInsertArticles(database.db, { count: opts.articles, seed: 20261122, now: new Date(), onProgress: (n) => n % 20_000 === 0 && log(`  ${n}`) });
    const ctx = createBenchContext(database, dataDir);
    // PGlite runs no autovacuum: right after the load the planner has no statistics for the new rows (as
    // between two of the app's ANALYZE runs); after ANALYZE it has them (the app's steady state).
    results.searchMatches = await countMatches(ctx);
    log('search through searchArticles (one client), statistics stale…');
    const asLoaded = await measureSearchBothSorts(ctx);
    const t = performance.now();
    await database.db.execute(sql`analyze`);
    const analyzeS = (performance.now() - t) / 1000;
    log(`search again after ANALYZE (${analyzeS.toFixed(1)} s)…`);
    results.searchDb = { asLoaded, analyzed: await measureSearchBothSorts(ctx), analyzeS };
  } finally {
    await database.close();
  }

  log('restarting on the bulk data with RENDER_CACHE=0 (cold start)…');
  const server = await track(startServer({ dataDir, env: { RENDER_CACHE: '0' }, readyTimeoutMs: 120_000 }));
  results.coldStartBulk = { readyS: server.readyS, firstPageS: server.firstPageS };
  // Let start-up jobs run first (the app schedules an ANALYZE 10 s after start): steady state is measured.
  log(`waiting ${opts.settleS} s for start-up jobs…`);
  await new Promise((r) => setTimeout(r, opts.settleS * 1000));
  const rss = watchRss(server.pid);
  try {
    log('search page over HTTP, one query per request, uncached…');
    // PGlite answers one query at a time: more connections only queue, so a couple are enough for throughput.
    results.searchHttp = await measure({ url: `${server.baseUrl}/`, paths: searchPaths(), connections: opts.searchConnections, threads: 1, timeoutS: 30 });
    log('home page uncached…');
    results.homeUncachedBulk = await measure({ url: `${server.baseUrl}/`, connections: opts.searchConnections, threads: 1, timeoutS: 30 });
  } finally {
    results.rssBulk = rss.stop();
  }
  await untrack(server);
}

/** One engine's trading phase; its failure is recorded and the run goes on. */
async function measureTrading(run: () => Promise<NonNullable<BenchResults['trading']>[number]>): Promise<void> {
  const r = await run();
  results.trading = [...(results.trading ?? []), r];
  if (r.error) {
    log(`trading ${r.engine} failed: ${r.error}`);
    process.exitCode = 1;
  }
}

/** One engine's disclosure phase; its failure is recorded and the run goes on. */
async function measureDisclosure(run: () => Promise<NonNullable<BenchResults['disclosure']>[number]>): Promise<void> {
  const r = await run();
  results.disclosure = [...(results.disclosure ?? []), r];
  if (r.error) {
    log(`disclosure ${r.engine} failed: ${r.error}`);
    process.exitCode = 1;
  }
}

/** The annual report (issue 5) on PGlite, then on PostgreSQL unless BENCH_PG_URL=off; a failure is recorded and the run goes on. */
async function measureAnnual(): Promise<void> {
  const sizes = { articles: opts.annualArticles, applications: opts.annualApplications };
  const runs = [() => measureAnnualPglite(harness, sizes), () => (opts.pgUrl === 'off' ? Promise.resolve<AnnualEngineResults>({ engine: 'postgres', targetS: 2, skipped: 'BENCH_PG_URL=off' }) : measureAnnualPostgres(harness, { adminUrl: opts.pgUrl, ...sizes }))];
  for (const run of runs) {
    const r = await run();
    results.annual = [...(results.annual ?? []), r];
    if (r.error) {
      log(`annual ${r.engine} failed: ${r.error}`);
      process.exitCode = 1;
    }
  }
}

async function measureSearchBothSorts(ctx: AppContext): Promise<SearchPair> {
  return {
    relevance: await measureSearchDb(ctx, { rounds: opts.searchRounds, sort: 'relevance' }),
    date: await measureSearchDb(ctx, { rounds: opts.searchRounds, sort: 'date' }),
  };
}

async function comparePage(o: { server: AppServer; nginx: StaticServer; path: string; file: string; bytes: number }): Promise<PageFigures> {
  log(`${o.path}: nginx, then the app (${o.bytes} bytes)…`);
  const nginx = await measure({ url: `${o.nginx.baseUrl}/${o.file}`, connections: 50, threads: 2 });
  const app = await measure({ url: `${o.server.baseUrl}${o.path}`, connections: 50, threads: 2 });
  return { path: o.path, bytes: o.bytes, app, nginx, ratio: app.rps / nginx.rps };
}

/** A short warm-up run (discarded), then the measured run. */
async function measure(o: Omit<WrkOptions, 'durationS'>): Promise<WrkResult> {
  if (opts.warmupS > 0) await runWrk({ ...o, durationS: opts.warmupS });
  const r = await runWrk({ ...o, durationS: opts.durationS });
  log(`  ${r.rps.toFixed(1)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms${r.socketErrors || r.non2xx ? `, errors ${r.socketErrors}, non-2xx ${r.non2xx}` : ''}`);
  return r;
}

async function track<T extends { stop: () => Promise<void> }>(p: Promise<T>): Promise<T> {
  const t = await p;
  running.add(t);
  return t;
}

async function untrack(t: { stop: () => Promise<void> }): Promise<void> {
  running.delete(t);
  await t.stop();
}

async function cleanup(): Promise<void> {
  for (const t of Array.from(running).reverse()) await t.stop().catch(() => {});
  running.clear();
  // Children interrupted while starting were never handed to `running`.
  await stopAllChildren();
  if (opts.keep) log(`kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}

async function abort(reason: string): Promise<void> {
  console.error(`bench: ${reason}; stopping…`);
  await cleanup();
  process.exit(1);
}

function log(message: string): void {
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
}

function readOptions(env: NodeJS.ProcessEnv) {
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    const n = raw === undefined || raw === '' ? fallback : Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer ${min}–${max}, got "${raw}"`);
    return n;
  };
  return {
    durationS: int('BENCH_DURATION', 10, 1, 600),
    warmupS: int('BENCH_WARMUP', 2, 0, 60),
    articles: int('BENCH_ARTICLES', 100_000, 0, 2_000_000),
    searchRounds: int('BENCH_SEARCH_ROUNDS', 3, 1, 100),
    searchConnections: int('BENCH_SEARCH_CONNECTIONS', 2, 1, 1000),
    settleS: int('BENCH_SETTLE', 15, 0, 120),
    keep: env.BENCH_KEEP === '1',
    phases: readPhases(env.BENCH_PHASES),
    notices: int('BENCH_NOTICES', 100_000, 1000, 2_000_000),
    pgNotices: int('BENCH_PG_NOTICES', 500_000, 1000, 5_000_000),
    pgUrl: env.BENCH_PG_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres',
    tradingRounds: int('BENCH_TRADING_ROUNDS', 10, 1, 100),
    submitConnections: readConnections(env.BENCH_SUBMIT_CONNECTIONS),
    watchdogMin: int('BENCH_WATCHDOG_MIN', 45, 5, 240),
    cases: int('BENCH_CASES', 100_000, 1000, 2_000_000),
    annualArticles: int('BENCH_ANNUAL_ARTICLES', 100_000, 1000, 2_000_000),
    annualApplications: int('BENCH_ANNUAL_APPLICATIONS', 10_000, 100, 1_000_000),
  };
}

function readPhases(raw: string | undefined): Set<string> {
  const all = ['pages', 'search', 'trading', 'trading-pg', 'disclosure', 'disclosure-pg', 'annual'];
  const phases = (raw?.trim() ? raw.split(',') : all).map((p) => p.trim()).filter(Boolean);
  const unknown = phases.filter((p) => !all.includes(p));
  if (unknown.length > 0 || phases.length === 0) throw new Error(`BENCH_PHASES is a comma-separated subset of ${all.join(',')}, got "${raw}"`);
  return new Set(phases);
}

function readConnections(raw: string | undefined): number[] {
  const list = (raw?.trim() ? raw.split(',') : ['1', '4']).map((c) => Number(c.trim()));
  if (list.length === 0 || list.some((c) => !Number.isInteger(c) || c < 1 || c > 64)) throw new Error(`BENCH_SUBMIT_CONNECTIONS is a comma-separated list of 1–64, got "${raw}"`);
  return list;
}

function machine(): BenchResults['machine'] {
  // nginx -v prints to stderr; wrk -v exits with 1 after printing its version.
  const version = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 5000 });
    return `${r.stdout ?? ''}${r.stderr ?? ''}`.split('\n').find((l) => l.trim())?.trim() ?? '';
  };
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? '',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    nginx: version('/usr/sbin/nginx', ['-v']),
    wrk: version('/usr/bin/wrk', ['-v']),
    os: `${os.type()} ${os.release()}`,
  };
}
