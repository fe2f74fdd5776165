import type { SearchDbResult } from './search.ts';
import type { WrkResult } from './wrk.ts';

export type PageFigures = { path: string; bytes: number; app: WrkResult; nginx: WrkResult; ratio: number };
export type StartFigures = { readyS: number; firstPageS: number };
export type RssFigures = { peakMb: number; meanMb: number; samples: number };

export type BenchResults = {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; nginx: string; wrk: string; os: string };
  options: { durationS: number; warmupS: number; articles: number; connections: number; searchConnections: number; searchRounds: number };
  seedS?: number;
  coldStartDemo?: StartFigures;
  home?: PageFigures;
  article?: PageFigures;
  rssDemo?: RssFigures;
  bulk?: { inserted: number; seconds: number; totalPublished: number };
  searchDb?: { relevance: SearchDbResult; date: SearchDbResult };
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
  if (r.searchDb) {
    for (const sort of ['relevance', 'date'] as const) {
      const s = r.searchDb[sort];
      rows.push([`search p95, DB layer, ${sort} (${s.samples} runs)`, `${fmt(s.p95Ms, 1)} ms (p50 ${fmt(s.p50Ms, 1)})`, `≤ ${TARGETS.searchP95Ms} ms`, mark(s.p95Ms <= TARGETS.searchP95Ms)]);
    }
  }
  if (r.searchHttp) rows.push(['search page, uncached, HTTP', `${fmt(r.searchHttp.rps, 1)} req/s, p95 ${fmt(r.searchHttp.p95Ms, 0)} ms`, '', '']);
  if (r.homeUncachedBulk) rows.push(['home /, uncached, 100k articles', `${fmt(r.homeUncachedBulk.rps, 1)} req/s, p99 ${fmt(r.homeUncachedBulk.p99Ms, 0)} ms`, '', '']);
  for (const [name, s] of [['cold start, demo data', r.coldStartDemo], ['cold start, + bulk articles', r.coldStartBulk]] as const) {
    if (s) rows.push([name, `${fmt(s.firstPageS, 2)} s (ready ${fmt(s.readyS, 2)} s)`, `≤ ${TARGETS.coldStartS} s`, mark(s.firstPageS <= TARGETS.coldStartS)]);
  }
  for (const [name, m] of [['RSS peak under load, demo', r.rssDemo], ['RSS peak under load, bulk', r.rssBulk]] as const) {
    if (m) rows.push([name, `${fmt(m.peakMb, 0)} MB`, `≤ ${TARGETS.rssMb} MB`, mark(m.peakMb <= TARGETS.rssMb)]);
  }
  if (r.seedS !== undefined) rows.push(['first start with demo seeding', `${fmt(r.seedS, 1)} s`, '', '']);
  if (r.bulk) rows.push([`bulk insert ${r.bulk.inserted} articles`, `${fmt(r.bulk.seconds, 1)} s (${r.bulk.totalPublished} published)`, '', '']);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => width(row[i] ?? ''))));
  return rows.map((row) => row.map((cell, i) => pad(cell, widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
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
