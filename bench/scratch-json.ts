import { openDatabase } from '../src/platform/db/client.ts';
import { createRng, generateText } from './corpus.ts';
import { toIndexText } from '../src/platform/search/tokenizer.ts';
import { htmlToText } from '../src/platform/search/snippet.ts';
import { createHash } from 'node:crypto';
const dir = process.argv[2] ?? '';
const database = await openDatabase({ pgliteDir: `${dir}/pgdata` });
const pg = database.pglite!;
const rng = createRng(1);
const m = await pg.query<{ a: number; r: number }>('select (select max(id) from article) a, (select max(id) from article_revision) r');
let aid = m.rows[0]!.a, rid = m.rows[0]!.r;
const t0 = performance.now(); let tGen = 0, tDb = 0, tRev = 0;
if (process.argv[3] === 'nogin') await pg.exec('drop index article_search_idx');
for (let b = 0; b < 10; b++) {
  let t = performance.now();
  const rows = [];
  for (let i = 0; i < 1000; i++) {
    const g = generateText(rng, 'notice', '湖南省公共资源交易中心');
    const body = g.paragraphs.map((p) => `<p>${p}</p>`).join('\n');
    const summary = (g.paragraphs[0] ?? '').slice(0, 120);
    const at = new Date(Date.now() - Math.floor(rng.next() * 5 * 365 * 86400e3)).toISOString();
    rows.push({ id: ++aid, rid: ++rid, center_id: 1, column_id: 2, author_id: 1, title: g.title, body, summary, at, hash: createHash('sha256').update(body).digest('hex'), idx: toIndexText(g.title, g.title, summary, htmlToText(body)), index_no: `X/${aid}` });
  }
  const json = JSON.stringify(rows);
  tGen += performance.now() - t; t = performance.now();
  await pg.transaction(async (tx) => {
    const t1 = performance.now();
    await tx.query(`insert into article_revision (id, article_id, revision_no, title, body_html, summary, source, content_hash, author_id, published_version_no, published_at, created_at)
      select rid, id, 1, title, body, summary, '中心', hash, author_id, 1, at, at from jsonb_to_recordset($1::jsonb) as x(id int, rid int, title text, body text, summary text, hash text, author_id int, at timestamptz)`, [json]);
    tRev += performance.now() - t1;
    await tx.query(`insert into article (id, center_id, column_id, author_id, status, current_revision_id, published_revision_id, index_no, publisher, title, summary, published_at, formed_on, search, created_at, updated_at)
      select id, center_id, column_id, author_id, 'published', rid, rid, index_no, '中心', title, summary, at, at::date, to_tsvector('simple', idx), at, at from jsonb_to_recordset($1::jsonb) as x(id int, rid int, center_id int, column_id int, author_id int, index_no text, title text, summary text, at timestamptz, idx text)`, [json]);
  });
  tDb += performance.now() - t;
}
console.log('total', performance.now() - t0, 'gen', tGen, 'db', tDb, 'rev', tRev);
let t9 = performance.now(); if (process.argv[3] === 'nogin') await pg.exec('create index article_search_idx on article using gin (search)'); console.log('gin', performance.now() - t9);
await database.close();
