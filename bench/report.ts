import type { AnnualEngineResults } from './annual.ts';
import type { BulkNoticesResult } from './bulk-notices.ts';
import type { DisclosureEngineResults } from './disclosure-run.ts';
import type { SearchDbResult } from './search.ts';
import type { ListDbResult } from './trading.ts';
import type { WrkResult } from './wrk.ts';

export type SearchPair = { relevance: SearchDbResult; date: SearchDbResult };
export type PageFigures = { path: string; bytes: number; app: WrkResult; nginx: WrkResult; ratio: number };
export type StartFigures = { readyS: number; firstPageS: number };
export type RssFigures = { peakMb: number; meanMb: number; samples: number };

/** Submissions over HTTP by `connections` concurrent clients, against GET /healthz on the same server and connections. */
export type SubmitFigures = { connections: number; isSigned: boolean; run: WrkResult; reference: WrkResult; ratio: number };

/** The trading phases on one engine: bulk load, list at the DB layer and over HTTP, submissions. */
export type TradingEngineResults = {
  engine: 'pglite' | 'postgres';
  /** Why the phase did not run (PostgreSQL not reachable). */
  skipped?: string;
  error?: string;
  /** PostgreSQL: version and the bench database's collation. */
  server?: string;
  seedS?: number;
  bulk?: BulkNoticesResult;
  /** Published notices matching each keyword of the shapes. */
  keywordMatches?: Record<string, number>;
  listDb?: ListDbResult;
  coldStart?: StartFigures;
  listPage?: WrkResult;
  listApi?: WrkResult;
  submit?: SubmitFigures[];
  /** One SM2 verification in the bench process, median ms. */
  verifyMs?: number;
  /** The cached `/trading` page against nginx serving the same bytes (PGlite only: no database work on a hit). */
  cachedPage?: PageFigures;
  rss?: RssFigures;
};

export type BenchResults = {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; nginx: string; wrk: string; os: string };
  /** 1-minute load average before and after the run: other work on the machine skews every figure. */
  loadAverage: { start: number; end?: number };
  options: {
    durationS: number;
    warmupS: number;
    articles: number;
    connections: number;
    searchConnections: number;
    searchRounds: number;
    settleS: number;
    phases: string[];
    notices: number;
    pgNotices: number;
    tradingRounds: number;
    submitConnections: number[];
    cases?: number;
    annualArticles?: number;
    annualApplications?: number;
  };
  seedS?: number;
  coldStartDemo?: StartFigures;
  home?: PageFigures;
  article?: PageFigures;
  rssDemo?: RssFigures;
  bulk?: { inserted: number; seconds: number; totalPublished: number };
  /** Published articles matching each query. */
  searchMatches?: Record<string, number>;
  searchDb?: { asLoaded: SearchPair; analyzed: SearchPair; analyzeS: number };
  coldStartBulk?: StartFigures;
  searchHttp?: WrkResult;
  homeUncachedBulk?: WrkResult;
  rssBulk?: RssFigures;
  trading?: TradingEngineResults[];
  disclosure?: DisclosureEngineResults[];
  /** The annual-report phase (issue 5), per engine. */
  annual?: AnnualEngineResults[];
  totalS?: number;
  error?: string;
};

export const TARGETS = { ratio: 0.5, p99Ms: 20, searchP95Ms: 50, coldStartS: 5, rssMb: 600 };

/** The figures against the targets, one line each, for the terminal. */
export function formatTable(r: BenchResults): string {
  const rows: [string, string, string, string][] = [['figure', 'measured', 'target', '']];
  for (const [name, page] of [['home /', r.home], ['article', r.article]] as const) {
    if (!page) continue;
    rows.push([`${name} req/s (nginx ${fmt(page.nginx.rps, 0)})`, `${fmt(page.app.rps, 0)} = ${fmt(page.ratio, 2)}× nginx`, `≥ ${TARGETS.ratio}×`, mark(page.ratio >= TARGETS.ratio)]);
    rows.push([`${name} p99 (nginx ${fmt(page.nginx.p99Ms, 1)} ms)`, `${fmt(page.app.p99Ms, 1)} ms`, `≤ ${TARGETS.p99Ms} ms`, mark(page.app.p99Ms <= TARGETS.p99Ms)]);
  }
  for (const [state, pair] of [['stale stats', r.searchDb?.asLoaded], ['after ANALYZE', r.searchDb?.analyzed]] as const) {
    for (const sort of ['relevance', 'date'] as const) {
      const s = pair?.[sort];
      if (s) rows.push([`search p95, DB layer, ${sort}, ${state}`, `${fmt(s.p95Ms, 1)} ms (p50 ${fmt(s.p50Ms, 1)})`, `≤ ${TARGETS.searchP95Ms} ms`, mark(s.p95Ms <= TARGETS.searchP95Ms)]);
    }
  }
  if (r.searchHttp) rows.push(['search page, uncached, HTTP', `${fmt(r.searchHttp.rps, 1)} req/s, p95 ${fmt(r.searchHttp.p95Ms, 0)} ms`, '', '']);
  if (r.homeUncachedBulk) rows.push([`home /, uncached, +${r.options.articles} articles`, `${fmt(r.homeUncachedBulk.rps, 1)} req/s, p99 ${fmt(r.homeUncachedBulk.p99Ms, 0)} ms`, '', '']);
  for (const [name, s] of [['cold start, demo data', r.coldStartDemo], [`cold start, +${r.options.articles} articles`, r.coldStartBulk]] as const) {
    if (s) rows.push([name, `${fmt(s.firstPageS, 2)} s (ready ${fmt(s.readyS, 2)} s)`, `≤ ${TARGETS.coldStartS} s`, mark(s.firstPageS <= TARGETS.coldStartS)]);
  }
  for (const [name, m] of [['RSS peak under load, demo', r.rssDemo], ['RSS peak under load, bulk', r.rssBulk]] as const) {
    if (m) rows.push([name, `${fmt(m.peakMb, 0)} MB`, `≤ ${TARGETS.rssMb} MB`, mark(m.peakMb <= TARGETS.rssMb)]);
  }
  for (const t of r.trading ?? []) rows.push(...tradingRows(t));
  for (const d of r.disclosure ?? []) rows.push(...disclosureRows(d));
  for (const a of r.annual ?? []) rows.push(...annualRows(a));
  if (r.seedS !== undefined) rows.push(['first start with demo seeding', `${fmt(r.seedS, 1)} s`, '', '']);
  if (r.searchDb) rows.push(['ANALYZE after the bulk load', `${fmt(r.searchDb.analyzeS, 1)} s`, '', '']);
  if (r.bulk) rows.push([`bulk insert ${r.bulk.inserted} articles`, `${fmt(r.bulk.seconds, 1)} s (${r.bulk.totalPublished} published)`, '', '']);
  // The run itself keeps both cores busy, so only the load before it says whether other work interfered.
  rows.push(['load average (1 min) before the run', fmt(r.loadAverage.start, 2), '', r.loadAverage.start > r.machine.cpus * 0.75 ? 'machine busy: figures skewed' : '']);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => width(row[i] ?? ''))));
  return rows.map((row) => row.map((cell, i) => pad(cell, widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

/** Per-query medians of the in-process search, one line per sort. */
export function formatQueries(r: BenchResults): string {
  const lines: string[] = [];
  for (const [state, pair] of [['stale stats', r.searchDb?.asLoaded], ['after ANALYZE', r.searchDb?.analyzed]] as const) {
    for (const sort of ['relevance', 'date'] as const) {
      const s = pair?.[sort];
      if (s) lines.push(`${sort}, ${state}: ${s.queries.map((q) => `${q.q} ${fmt(q.p50Ms, 0)}`).join(', ')}`);
    }
  }
  for (const t of r.trading ?? []) {
    if (t.keywordMatches) lines.push(`trading ${t.engine}, keyword matches: ${Object.entries(t.keywordMatches).map(([q, n]) => `${q} ${n}`).join(', ')}`);
    if (t.listDb) lines.push(`trading ${t.engine}, listNotices median (max) ms: ${t.listDb.shapes.map((s) => `${s.name} ${fmt(s.p50Ms, 1)} (${fmt(s.maxMs, 0)})`).join(', ')}`);
  }
  const matches = r.searchMatches ? Object.entries(r.searchMatches).map(([q, n]) => `${q} ${n}`).join(', ') : '';
  return [...(matches ? [`matches: ${matches}`] : []), ...lines].join('\n');
}

function tradingRows(t: TradingEngineResults): [string, string, string, string][] {
  const rows: [string, string, string, string][] = [];
  const name = `trading ${t.engine}`;
  if (t.skipped) return [[name, `skipped: ${t.skipped}`, '', '']];
  const n = t.bulk ? `${Math.round(t.bulk.publishedNotices / 1000)}k notices` : '';
  if (t.listDb) rows.push([`${name}: list p95, DB layer, ${n}`, `${fmt(t.listDb.p95Ms, 1)} ms (p50 ${fmt(t.listDb.p50Ms, 1)}, max ${fmt(t.listDb.maxMs, 0)})`, '', '']);
  for (const [label, w] of [['/trading uncached, HTTP', t.listPage], ['/api/v1/notices, HTTP', t.listApi]] as const) {
    if (w) rows.push([`${name}: ${label}`, `${fmt(w.rps, 1)} req/s, p95 ${fmt(w.p95Ms, 0)} ms${errors(w)}`, '', '']);
  }
  for (const s of t.submit ?? []) {
    rows.push([
      `${name}: submit${s.isSigned ? ' signed' : ''}, ${s.connections} conn`,
      `${fmt(s.run.rps, 1)} notices/s, p50 ${fmt(s.run.p50Ms, 0)} / p95 ${fmt(s.run.p95Ms, 0)} ms = ${fmt(s.ratio, 3)}× /healthz (${fmt(s.reference.rps, 0)}/s)${errors(s.run)}`,
      '',
      '',
    ]);
  }
  const signed = t.submit?.find((s) => s.isSigned);
  const plain = t.submit?.find((s) => !s.isSigned && s.connections === signed?.connections);
  if (signed && plain && t.verifyMs !== undefined) {
    const perSigned = 1000 / signed.run.rps;
    rows.push([`${name}: SM2 verification`, `${fmt(t.verifyMs, 1)} ms each = ${fmt((100 * t.verifyMs) / perSigned, 0)} % of a signed submission (rate ${fmt(signed.run.rps / plain.run.rps, 2)}× unsigned)`, '', '']);
  }
  if (t.cachedPage) rows.push([`${name}: /trading cached req/s (nginx ${fmt(t.cachedPage.nginx.rps, 0)})`, `${fmt(t.cachedPage.app.rps, 0)} = ${fmt(t.cachedPage.ratio, 2)}× nginx, p99 ${fmt(t.cachedPage.app.p99Ms, 1)} ms`, `≥ ${TARGETS.ratio}×`, mark(t.cachedPage.ratio >= TARGETS.ratio)]);
  if (t.coldStart) rows.push([`${name}: cold start, ${n}`, `${fmt(t.coldStart.firstPageS, 2)} s (ready ${fmt(t.coldStart.readyS, 2)} s)`, `≤ ${TARGETS.coldStartS} s`, mark(t.coldStart.firstPageS <= TARGETS.coldStartS)]);
  if (t.rss) rows.push([`${name}: RSS peak under load`, `${fmt(t.rss.peakMb, 0)} MB`, `≤ ${TARGETS.rssMb} MB`, mark(t.rss.peakMb <= TARGETS.rssMb)]);
  if (t.bulk) rows.push([`${name}: bulk insert ${t.bulk.inserted} notices`, `${fmt(t.bulk.seconds, 1)} s (GIN build ${fmt(t.bulk.indexS, 1)} s, ${t.engine === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE'} ${fmt(t.bulk.analyzeS, 1)} s)`, '', '']);
  if (t.error) rows.push([name, `error: ${(t.error.split('\n')[0] ?? '').slice(0, 160)}`, '', '']);
  return rows;
}

function annualRows(a: AnnualEngineResults): [string, string, string, string][] {
  const name = `annual ${a.engine}`;
  if (a.skipped) return [[name, `skipped: ${a.skipped}`, '', '']];
  const rows: [string, string, string, string][] = [];
  if (a.medianS !== undefined) {
    const what = `${Math.round((a.articles ?? 0) / 1000)}k published, ${Math.round((a.applications ?? 0) / 1000)}k applications`;
    // The issue's target is for PostgreSQL; the PGlite figure is reported against it without a verdict.
    rows.push([`${name}: generateAnnualReport, one center-year, ${what}`, `${fmt(a.medianS * 1000, 0)} ms median (${(a.runsS ?? []).map((s) => fmt(s * 1000, 0)).join(', ')})`, `≤ ${a.targetS} s`, a.engine === 'postgres' ? mark(a.medianS <= a.targetS) : '']);
  }
  if (a.loadS !== undefined) rows.push([`${name}: bulk load (articles moved into the center-year, applications, events, ANALYZE)`, `${fmt(a.loadS, 1)} s (${a.events ?? 0} events; demo seeded in ${fmt(a.seedS ?? 0, 1)} s)`, '', '']);
  if (a.error) rows.push([name, `error: ${(a.error.split('\n')[0] ?? '').slice(0, 160)}`, '', '']);
  return rows;
}

function disclosureRows(d: DisclosureEngineResults): [string, string, string, string][] {
  const name = `disclosure ${d.engine}`;
  if (d.skipped) return [[name, `skipped: ${d.skipped}`, '', '']];
  const rows: [string, string, string, string][] = [];
  const rc = d.recompute;
  if (rc) {
    const n = `${Math.round(rc.change.cases / 1000)}k open cases`;
    rows.push([`${name}: recompute after adding ${rc.addedYear}, ${n}`, `${fmt(rc.change.casesPerS, 0)} cases/s (${fmt(rc.change.seconds, 1)} s, ${rc.change.moved} moved)`, '', '']);
    rows.push([`${name}: recompute again, nothing to move`, `${fmt(rc.noop.casesPerS, 0)} cases/s (${fmt(rc.noop.seconds, 1)} s; reading alone ${fmt(rc.readS, 1)} s)`, '', '']);
    const perCaseUs = (s: number) => (s * 1e6) / Math.max(1, rc.change.cases);
    const share = (s: number) => `${fmt((100 * rc.clockUsPerCase) / perCaseUs(s), 0)} %`;
    rows.push([`${name}: computeClock alone (reference)`, `${fmt(rc.clockUsPerCase, 1)} µs/case = ${share(rc.change.seconds)} of the change's ${fmt(perCaseUs(rc.change.seconds), 0)} µs/case, ${share(rc.noop.seconds)} of the no-op's ${fmt(perCaseUs(rc.noop.seconds), 0)}`, '', '']);
    if (rc.change.moved > 0) rows.push([`${name}: writing one moved case`, `${fmt(((rc.change.seconds - rc.noop.seconds) * 1000) / rc.change.moved, 2)} ms (update + due_moved event)`, '', '']);
  }
  if (d.coldStart) rows.push([`${name}: first start on the loaded data`, `${fmt(d.coldStart.firstPageS, 1)} s (ready ${fmt(d.coldStart.readyS, 1)} s)`, '', '']);
  if (d.startupJob) rows.push([`${name}: the server's start-up disclosure.daily`, d.engine === 'pglite' ? `slowest /healthz after the start: ${fmt(d.startupJob.seconds, 1)} s (a run before listen is in the first start)` : `ran ${fmt(d.startupJob.seconds, 1)} s (requests served meanwhile)`, '', '']);
  for (const s of d.intake ?? []) {
    rows.push([`${name}: intake, ${s.connections} conn`, `${fmt(s.run.rps, 1)} applications/s, p50 ${fmt(s.run.p50Ms, 0)} / p95 ${fmt(s.run.p95Ms, 0)} ms = ${fmt(s.ratio, 3)}× /healthz (${fmt(s.reference.rps, 0)}/s)${errors(s.run)}`, '', '']);
  }
  if (d.rss) rows.push([`${name}: RSS peak under intake load`, `${fmt(d.rss.peakMb, 0)} MB`, '', '']);
  if (d.bulk) rows.push([`${name}: bulk insert ${d.bulk.inserted} cases`, `${fmt(d.bulk.seconds, 1)} s (${d.bulk.events} events; ${d.engine === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE'} ${fmt(d.bulk.analyzeS, 1)} s)`, '', '']);
  if (d.error) rows.push([name, `error: ${(d.error.split('\n')[0] ?? '').slice(0, 160)}`, '', '']);
  return rows;
}

function errors(w: WrkResult): string {
  return w.socketErrors || w.non2xx ? `, errors ${w.socketErrors}, non-2xx ${w.non2xx}` : '';
}

function mark(ok: boolean | undefined): string {
  return ok === undefined ? '' : ok ? 'ok' : 'MISS';
}

function fmt(n: number, digits: number): string {
  return n.toFixed(digits);
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}
