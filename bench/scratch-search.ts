import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { Database } from '../src/platform/db/client.ts';
import { createBenchContext, measureSearchDb } from './search.ts';
const dir = process.argv[2] ?? '';
let t = performance.now();
const client = new PGlite(`${dir}/pgdata`); await client.waitReady;
const database: Database = { kind: 'pglite', db: drizzle({ client }), pglite: client, connectionString: undefined, close: () => client.close() };
console.log('open', performance.now() - t);
const ctx = createBenchContext(database, dir);
for (const phase of ['before', 'after']) {
  if (phase === 'after') { t = performance.now(); await database.pglite!.exec('analyze'); console.log('analyze', performance.now() - t); }
  for (const sort of ['relevance', 'date'] as const) {
    t = performance.now();
    const r = await measureSearchDb(ctx, { rounds: 3, sort });
    console.log(phase, sort, (performance.now() - t).toFixed(0), JSON.stringify({ ...r, queries: r.queries.map((q) => `${q.q}:${q.total}:${q.p50Ms.toFixed(1)}/${q.maxMs.toFixed(1)}`) }));
  }
}
const e = await database.pglite!.query<{ 'QUERY PLAN': string }>(`explain analyze select id, ts_rank(search, to_tsquery('simple', '招标')) r from article where status = 'published' and search @@ to_tsquery('simple', '招标') order by r desc limit 20`);
console.log(e.rows.map((r) => r['QUERY PLAN']).join('\n'));
await database.close();
