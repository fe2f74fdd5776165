import { PGlite } from '@electric-sql/pglite';
import { createRowGenerator } from './bulk-rows.ts';
const dir = process.argv[2] ?? '';
const mode = process.argv[3] ?? 'a';
const pg = new PGlite(`${dir}/pgdata`); await pg.waitReady;
const gen = createRowGenerator({ seed: 1, nowMs: Date.now(), targets: [{ columnId: 2, centerId: 1, kind: 'notice', centerName: '湖南省公共资源交易中心', indexPrefix: 'X', authorId: 1 }], firstArticleId: 100000, firstRevisionId: 100000 });
const t0 = performance.now();
for (let b = 0; b < 10; b++) {
  const json = JSON.stringify(gen(2000));
  await pg.transaction(async (tx) => {
    if (mode === 'b') await tx.exec(`set local gin_pending_list_limit = '64MB'`);
    await tx.query(`with x as materialized (select * from json_to_recordset($1::json) as x(id int, rid int, center_id int, column_id int, author_id int, index_no text, source text, title text, body text, summary text, hash text, at timestamptz, idx text)),
      r as (insert into article_revision (id, article_id, revision_no, title, body_html, summary, source, content_hash, author_id, published_version_no, published_at, created_at)
      select rid, id, 1, title, body, summary, source, hash, author_id, 1, at, at from x)
      insert into article (id, center_id, column_id, author_id, status, current_revision_id, published_revision_id, index_no, publisher, title, summary, published_at, formed_on, search, created_at, updated_at)
      select id, center_id, column_id, author_id, 'published', rid, rid, index_no, source, title, summary, at, at::date, to_tsvector('simple', idx), at, at from x`, [json]);
  });
}
console.log('insert', (performance.now() - t0).toFixed(0));
const t1 = performance.now();
await pg.query(`select gin_clean_pending_list('article_search_idx')`);
console.log('clean', (performance.now() - t1).toFixed(0));
await pg.close();
