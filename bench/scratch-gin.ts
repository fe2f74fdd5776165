import { openDatabase } from '../src/platform/db/client.ts';
import { createBenchContext, measureSearchDb } from './search.ts';
const dir = process.argv[2] ?? '';
const database = await openDatabase({ pgliteDir: `${dir}/pgdata` });
const pg = database.pglite!;
const ctx = createBenchContext(database, dir);
const show = async (label: string) => {
  const r = await measureSearchDb(ctx, { rounds: 3, sort: 'relevance' });
  console.log(label, r.p50Ms.toFixed(1), r.p95Ms.toFixed(1), r.queries.map((q) => `${q.q}:${q.p50Ms.toFixed(0)}`).join(' '));
};
const pend = await pg.query(`select * from pg_class where relname = 'article_search_idx'`); console.log(pend.rows.length);
await show('as loaded');
const ex = await pg.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) select id from article where status='published' and search @@ to_tsquery('simple', '长沙 & 沙市 & 道路')`); console.log(ex.rows.map((r) => r['QUERY PLAN']).join('\n'));
let t = performance.now(); const c = await pg.query(`select gin_clean_pending_list('article_search_idx') n`); console.log('clean', c.rows, performance.now() - t);
await show('pending list cleaned');
t = performance.now(); await pg.exec('analyze'); console.log('analyze', performance.now() - t);
await show('analyzed');
await database.close();
