import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { htmlToText } from '../src/platform/search/snippet.ts';
import { toIndexText } from '../src/platform/search/tokenizer.ts';
import { createRng, generateText, type ArticleKind, type Rng } from './corpus.ts';

/**
 * Worker thread of the bulk loader: generates batches of article rows (text, tokenized index text) as one
 * JSON string each, while the main thread is busy inside PGlite with the previous batch.
 */
export type Target = { columnId: number; centerId: number; kind: ArticleKind; centerName: string; indexPrefix: string; authorId: number };
export type RowsWorkerData = { seed: number; nowMs: number; targets: Target[]; firstArticleId: number; firstRevisionId: number };
export type RowsRequest = { count: number };
/** A batch as the two JSON documents the two INSERT statements read (each parses only what it needs). */
export type RowsBatch = { revisions: string; articles: string };

/** One row for jsonb_to_recordset in bulk-articles.ts; field names match its column list. */
export type BulkRow = {
  id: number;
  rid: number;
  center_id: number;
  column_id: number;
  author_id: number;
  title: string;
  body: string;
  summary: string;
  source: string;
  hash: string;
  index_no: string;
  at: string;
  idx: string;
};

const KIND_WEIGHTS: [ArticleKind, number][] = [
  ['notice', 0.5],
  ['news', 0.2],
  ['interpretation', 0.08],
  ['policy', 0.08],
  ['exposure', 0.07],
  ['service_guide', 0.07],
];
export const BULK_KINDS: ArticleKind[] = KIND_WEIGHTS.map(([k]) => k);
const FIVE_YEARS_MS = 5 * 365 * 86400_000;

/** A generator of consecutive rows: the same seed and targets give the same rows. */
export function createRowGenerator(data: RowsWorkerData): (count: number) => BulkRow[] {
  const rng = createRng(data.seed);
  const byKind = new Map<ArticleKind, Target[]>();
  for (const t of data.targets) byKind.set(t.kind, [...(byKind.get(t.kind) ?? []), t]);
  const kinds = KIND_WEIGHTS.filter(([k]) => byKind.has(k));
  let articleId = data.firstArticleId;
  let revisionId = data.firstRevisionId;
  return (count) => {
    const rows: BulkRow[] = [];
    for (let i = 0; i < count; i++) {
      const target = rng.pick(byKind.get(pickKind(rng, kinds)) ?? data.targets);
      rows.push(makeRow(rng, { target, id: articleId++, rid: revisionId++, nowMs: data.nowMs }));
    }
    return rows;
  };
}

/** Splits rows into the revision and article documents of one batch. */
export function toBatch(rows: BulkRow[]): RowsBatch {
  return {
    revisions: JSON.stringify(rows.map((r) => ({ id: r.id, rid: r.rid, title: r.title, body: r.body, summary: r.summary, source: r.source, hash: r.hash, author_id: r.author_id, at: r.at }))),
    articles: JSON.stringify(rows.map((r) => ({ id: r.id, rid: r.rid, center_id: r.center_id, column_id: r.column_id, author_id: r.author_id, index_no: r.index_no, source: r.source, title: r.title, summary: r.summary, at: r.at, idx: r.idx }))),
  };
}

function makeRow(rng: Rng, o: { target: Target; id: number; rid: number; nowMs: number }): BulkRow {
  const { target } = o;
  const text = generateText(rng, target.kind, target.centerName);
  const body = text.paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  const summary = (text.paragraphs[0] ?? '').slice(0, 120);
  const at = new Date(o.nowMs - Math.floor(rng.next() * FIVE_YEARS_MS));
  return {
    id: o.id,
    rid: o.rid,
    center_id: target.centerId,
    column_id: target.columnId,
    author_id: target.authorId,
    title: text.title,
    body,
    summary,
    source: target.centerName,
    hash: createHash('sha256').update(`${text.title}\n${body}`).digest('hex'),
    // "B" keeps these apart from the numbers the publishing path hands out.
    index_no: `${target.indexPrefix}/${at.getUTCFullYear()}-B${String(o.id).padStart(7, '0')}`,
    at: at.toISOString(),
    // The same document text the publishing path indexes (title twice, summary, body text).
    idx: toIndexText(text.title, text.title, summary, htmlToText(body)),
  };
}

function pickKind(rng: Rng, kinds: [ArticleKind, number][]): ArticleKind {
  const total = kinds.reduce((s, [, w]) => s + w, 0);
  let r = rng.next() * total;
  for (const [kind, w] of kinds) {
    r -= w;
    if (r <= 0) return kind;
  }
  return kinds[0]?.[0] ?? 'notice';
}

if (parentPort && isRowsWorkerData(workerData)) {
  const port = parentPort;
  const next = createRowGenerator(workerData);
  port.on('message', (req: RowsRequest) => port.postMessage(toBatch(next(req.count))));
}

function isRowsWorkerData(v: unknown): v is RowsWorkerData {
  return typeof v === 'object' && v !== null && 'targets' in v && 'seed' in v;
}
