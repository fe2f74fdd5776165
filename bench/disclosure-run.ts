import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/client.ts';
import { creditCodeCheckChar, organizationCodeCheckChar } from '../src/platform/credit-code.ts';
import { residentIdCheckChar } from '../src/platform/resident-id.ts';
import { createRng } from '../src/demo/demo-random.ts';
import { centers } from '../src/centers/centers.tables.ts';
import { eq } from 'drizzle-orm';
import { bulkInsertCases, calendarsOf, measureRecompute, scenarioDay, type BulkCasesResult, type RecomputeResults } from './disclosure-cases.ts';
import { createBenchPostgres } from './postgres.ts';
import type { RssFigures, SubmitFigures } from './report.ts';
import { startServer, watchRss, type AppServer } from './server.ts';
import type { TradingHarness } from './trading-run.ts';
import type { WrkRequest } from './wrk.ts';

/** The 依申请公开 phase on one engine: bulk load, the recompute after a calendar change, intake over HTTP. */
export type DisclosureEngineResults = {
  engine: 'pglite' | 'postgres';
  skipped?: string;
  error?: string;
  server?: string;
  seedS?: number;
  bulk?: BulkCasesResult;
  recompute?: RecomputeResults;
  /** Spawn → `ready` and → the first 200 of `/` of the server started on the loaded data. */
  coldStart?: { readyS: number; firstPageS: number };
  /**
   * The server's start-up run of `disclosure.daily` over the open cases: PGlite, the longest GET /healthz
   * while it ran (the job's queries never yield the event loop); PostgreSQL, the job's run time from pg-boss
   * (requests are served meanwhile).
   */
  startupJob?: { engine: 'pglite' | 'postgres'; seconds: number };
  /** POST /api/v1/disclosure-requests by each number of clients, each against GET /healthz on the same connections. */
  intake?: SubmitFigures[];
  rss?: RssFigures;
};

const INTAKE_PATH = '/api/v1/disclosure-requests';
const INTAKE_BODIES = 400;
/** The route allows INTAKE_RATE_LIMIT submissions per address in 10 minutes (20 by default); wrk comes from one address. */
const INTAKE_RATE_LIMIT = '1000000';

/** PGlite: `dataDir` holds a copy of the seeded demo (no server running on it). */
export async function measureDisclosurePglite(h: TradingHarness, o: { dataDir: string; cases: number }): Promise<DisclosureEngineResults> {
  const results: DisclosureEngineResults = { engine: 'pglite' };
  try {
    const codes = await loadAndRecompute(h, results, { open: () => openDatabase({ pgliteDir: path.join(o.dataDir, 'pgdata') }), cases: o.cases });
    await measureIntake(h, results, { dataDir: o.dataDir, env: {}, codes, waitForStartupJob: (server, spawnedAt) => waitForStartupJobPglite(server, spawnedAt) });
  } catch (err) {
    results.error = err instanceof Error ? err.message : String(err);
  }
  return results;
}

/** PostgreSQL: a database created for the run (dropped at the end), seeded by the app itself, then the same steps. */
export async function measureDisclosurePostgres(h: TradingHarness, o: { adminUrl: string; dataDir: string; cases: number }): Promise<DisclosureEngineResults> {
  const results: DisclosureEngineResults = { engine: 'postgres' };
  const pg = await createBenchPostgres(o.adminUrl);
  if ('unreachable' in pg) {
    h.log(`disclosure postgres: skipped, server not reachable (${pg.unreachable})`);
    return { ...results, skipped: 'PostgreSQL not reachable' };
  }
  results.server = `${pg.version.split(' on ')[0] ?? pg.version}, collation ${pg.collation}`;
  const pgHandle = await h.track(Promise.resolve(pg));
  try {
    const env = { DATABASE_URL: pg.url };
    h.log(`disclosure postgres: seeding the demo into ${pg.database}…`);
    const seeding = await h.track(startServer({ dataDir: o.dataDir, env: { ...env, DEMO_TRADING_SCALE: '0' }, readyTimeoutMs: 300_000 }));
    try {
      results.seedS = await seeding.waitForOutput(/demo trading ready/, 300_000);
    } finally {
      await h.untrack(seeding);
    }
    const codes = await loadAndRecompute(h, results, { open: () => openDatabase({ databaseUrl: pg.url }), cases: o.cases });
    await measureIntake(h, results, { dataDir: o.dataDir, env, codes, waitForStartupJob: () => waitForStartupJobPostgres(pg.url) });
  } catch (err) {
    results.error = err instanceof Error ? err.message : String(err);
  } finally {
    await h.untrack(pgHandle);
  }
  return results;
}

/** In-process, server stopped: the open cases, then the recompute with next year's holidays added. Returns the centers' codes. */
async function loadAndRecompute(h: TradingHarness, results: DisclosureEngineResults, o: { open: () => Promise<Database>; cases: number }): Promise<string[]> {
  const database = await o.open();
  try {
    const codes = (await database.db.select({ code: centers.code }).from(centers).where(eq(centers.isActive, true)).orderBy(centers.id)).map((c) => c.code);
    const { asOf, addedYear: year } = scenarioDay(new Date());
    const cals = await calendarsOf(database.db, year);
    h.log(`disclosure ${results.engine}: bulk-inserting ${o.cases} open cases…`);
    results.bulk = await bulkInsertCases(database.db, { count: o.cases, seed: 20261204, asOf, cal: cals.before, isVacuumed: database.kind === 'postgres', onProgress: (n) => n % 20_000 === 0 && h.log(`  ${n}`) });
    h.log(`  ${results.bulk.seconds.toFixed(1)} s, ${results.bulk.events} events`);
    h.log(`disclosure ${results.engine}: recomputeOpenDisclosureCases with ${year} added (${cals.added.length} days)…`);
    results.recompute = await measureRecompute(database.db, { cal: cals.after, addedYear: year, addedDays: cals.added.length, asOf });
    const r = results.recompute;
    h.log(`  change: ${r.change.moved} of ${r.change.cases} moved in ${r.change.seconds.toFixed(1)} s (${r.change.casesPerS.toFixed(0)} cases/s); again: ${r.noop.seconds.toFixed(1)} s; computeClock ${r.clockUsPerCase.toFixed(1)} µs/case`);
    return codes;
  } finally {
    await database.close();
  }
}

/**
 * The app on the loaded data, uncached, with the per-address limit raised for the run: GET /healthz and then
 * POST /api/v1/disclosure-requests for each number of clients. One body of each is filed first and must
 * answer 201.
 */
async function measureIntake(
  h: TradingHarness,
  results: DisclosureEngineResults,
  o: { dataDir: string; env: Record<string, string>; codes: string[]; waitForStartupJob: (server: AppServer, spawnedAt: number) => Promise<number> },
): Promise<void> {
  h.log(`disclosure ${results.engine}: starting the server (INTAKE_RATE_LIMIT=${INTAKE_RATE_LIMIT})…`);
  // Long: on PGlite a disclosure.daily job left queued by the previous process (the demo seeding stopped
  // before its 20 s) runs as soon as pg-boss starts, on the event loop, before the server listens.
  const server = await h.track(startServer({ dataDir: o.dataDir, env: { ...o.env, RENDER_CACHE: '0', INTAKE_RATE_LIMIT }, readyTimeoutMs: JOB_WAIT_LIMIT_MS }));
  const spawnedAt = performance.now() - server.firstPageS * 1000;
  results.coldStart = { readyS: server.readyS, firstPageS: server.firstPageS };
  h.log(`  ready after ${server.readyS.toFixed(1)} s`);
  try {
    h.log(`waiting ${h.opts.settleS} s for start-up jobs, then for the start-up run of disclosure.daily…`);
    await new Promise((r) => setTimeout(r, h.opts.settleS * 1000));
    results.startupJob = { engine: results.engine, seconds: await o.waitForStartupJob(server, spawnedAt) };
    h.log(`  ${results.startupJob.seconds.toFixed(1)} s`);
    const requests = intakeRequests(o.codes);
    await probeIntake(server, requests);
    const rss = watchRss(server.pid);
    try {
      results.intake = [];
      for (const connections of h.opts.submitConnections) {
        h.log(`disclosure ${results.engine}: GET /healthz, ${connections} conn (reference)…`);
        const reference = await h.measure({ url: `${server.baseUrl}/healthz`, connections, threads: 1 });
        h.log(`disclosure ${results.engine}: POST ${INTAKE_PATH}, ${connections} conn…`);
        const run = await h.measure({ url: `${server.baseUrl}/`, requests, connections, threads: 1, timeoutS: 30 });
        results.intake.push({ connections, isSigned: false, run, reference, ratio: run.rps / reference.rps });
      }
    } finally {
      results.rss = rss.stop();
    }
  } finally {
    await h.untrack(server);
  }
}

/**
 * `INTAKE_BODIES` lawful applications: natural persons with valid resident IDs (seven in ten) and
 * enterprises with valid credit codes, spread over the centers, each asking for something else.
 */
export function intakeRequests(codes: string[]): WrkRequest[] {
  if (codes.length === 0) throw new Error('no centers to file applications with');
  const rng = createRng('bench:intake');
  const asks = ['评标专家抽取的工作规程及抽取记录', '进场交易项目的统计数据', '投标保证金收取、退还的管理办法', '部门预算及“三公”经费支出情况', '中标候选人公示期间收到的异议及处理结果', '电子保函受理银行的名单和准入条件'];
  const out: WrkRequest[] = [];
  for (let i = 0; i < INTAKE_BODIES; i++) {
    const isPerson = rng.chance(0.7);
    const contact = { phone: `0731-8${String(1_000_000 + i).slice(1)}`, email: `applicant${i}@example.cn` };
    const who = isPerson ? { applicantType: 'natural_person', name: `申请人${i}`, idNumber: residentId(i) } : { applicantType: 'commercial_enterprise', name: `湖南申请人${i}建设有限公司`, creditCode: creditCode(i) };
    const body = { center: codes[i % codes.length], ...who, contact, description: `请提供本中心 2026 年度${rng.pick(asks)}（第 ${i + 1} 件）。`, purpose: '了解交易活动情况。', deliveryForm: rng.pick(['electronic', 'electronic', 'paper']) };
    if (body.deliveryForm === 'paper') Object.assign(contact, { address: `长沙市岳麓区麓山南路 ${i + 1} 号` });
    out.push({ method: 'POST', path: INTAKE_PATH, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  }
  return out;
}

/** The job is queued at boot with startAfter 20 s. */
const STARTUP_JOB_AFTER_S = 20;
const JOB_WAIT_LIMIT_MS = 900_000;

/**
 * PGlite: the job's queries run on the event loop without yielding, so a request sent while it runs is
 * answered when it ends. Polls /healthz from 20 s after the spawn until one answer was slow and the next
 * ones are fast again, or nothing was slow for 15 s; returns the slowest answer (s).
 */
async function waitForStartupJobPglite(server: AppServer, spawnedAt: number): Promise<number> {
  const start = performance.now();
  while (performance.now() - spawnedAt < STARTUP_JOB_AFTER_S * 1000) await sleep(250);
  let slowest = 0;
  let quietSince = performance.now();
  for (;;) {
    const t = performance.now();
    // undici gives up on headers after 300 s: a stall that long is measured all the same.
    await fetch(`${server.baseUrl}/healthz`, { signal: AbortSignal.timeout(JOB_WAIT_LIMIT_MS) })
      .then((res) => res.arrayBuffer())
      .catch(() => undefined);
    const s = (performance.now() - t) / 1000;
    if (s > 0.5) {
      slowest = Math.max(slowest, s);
      quietSince = performance.now();
    }
    if (performance.now() - quietSince > 15_000) return slowest;
    if (performance.now() - start > JOB_WAIT_LIMIT_MS) throw new Error('the start-up disclosure.daily job did not finish');
    await sleep(200);
  }
}

/** PostgreSQL: asks pg-boss when the job queued at this start has completed; returns its run time (s). */
async function waitForStartupJobPostgres(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + JOB_WAIT_LIMIT_MS;
    for (;;) {
      const { rows } = await client.query<{ state: string; s: number | null }>(
        `select state, extract(epoch from completed_on - started_on)::float8 as s from pgboss.job where name = 'disclosure.daily' order by created_on desc limit 1`,
      );
      const job = rows[0];
      if (job && (job.state === 'completed' || job.state === 'failed')) {
        if (job.state === 'failed') throw new Error('the start-up disclosure.daily job failed');
        return job.s ?? 0;
      }
      if (Date.now() > deadline) throw new Error('the start-up disclosure.daily job did not finish');
      await sleep(1000);
    }
  } finally {
    await client.end();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function probeIntake(server: AppServer, requests: WrkRequest[]): Promise<void> {
  for (const r of requests.slice(0, 3)) {
    const res = await fetch(`${server.baseUrl}${r.path}`, { method: r.method, headers: r.headers, body: r.body ?? null, signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    if (res.status !== 201 || !text.includes('"trackingNo"')) throw new Error(`probe application answered ${res.status}: ${text.slice(0, 1000)}`);
  }
}

function residentId(i: number): string {
  const first17 = `430104${1960 + (i % 40)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

function creditCode(i: number): string {
  const org8 = `MA${String(100_000 + i).slice(-6)}`;
  const first17 = `91430100${org8}${organizationCodeCheckChar(org8)}`;
  return first17 + creditCodeCheckChar(first17);
}
