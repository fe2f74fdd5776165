import type { SearchDbResult } from './search.ts';
import type { WrkResult } from './wrk.ts';

export type SearchPair = { relevance: SearchDbResult; date: SearchDbResult };
export type PageFigures = { path: string; bytes: number; app: WrkResult; nginx: WrkResult; ratio: number };
export type StartFigures = { readyS: number; firstPageS: number };
export type RssFigures = { peakMb: number; meanMb: number; samples: number };

export type BenchResults = {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; nginx: string; wrk: string; os: string };
  /** 1-minute load average before and after the run: other work on the machine skews every figure. */
  loadAverage: { start: number; end?: number };
  options: { durationS: number; warmupS: number; articles: number; connections: number; searchConnections: number; searchRounds: number; settleS: number };
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
  totalS?: number;
  error?: string;
};

export const TARGETS = { ratio: 0.5, p99Ms: 20, searchP95Ms: 50, coldStartS: 5, rssMb: 600 };

/** The figures against the targets, one line each, for the terminal. */
export function formatTable(r: BenchResults): string {
  const rows: [string, string, string, string][] = [['figure', 'measured', 'target', '']];
  const mark = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'ok' : 'MISS');
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
  const matches = r.searchMatches ? Object.entries(r.searchMatches).map(([q, n]) => `${q} ${n}`).join(', ') : '';
  return [...(matches ? [`matches: ${matches}`] : []), ...lines].join('\n');
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
