import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { Executor } from './client.ts';

/** The tables whose plans depend on statistics: search, listings, the trading list. */
const TABLES = ['article', 'trading_notice', 'trading_project'] as const;

/**
 * ANALYZE, one table at a time with a turn of the event loop in between: on PGlite the statement runs on
 * the server's thread and stalls every request meanwhile (2 s at 100k notices). `whenStale` analyzes only
 * a table never analyzed or changed by more than a fifth since (the autovacuum rule), so an ordinary
 * restart does not stall; the nightly run analyzes all. Returns the tables analyzed.
 */
export async function analyzeTables(db: Executor, opts: { whenStale: boolean }): Promise<string[]> {
  const done: string[] = [];
  for (const table of TABLES) {
    if (opts.whenStale && !(await isStale(db, table))) continue;
    await db.execute(sql.raw(`analyze ${table}`));
    done.push(table);
    await yieldToLoop();
  }
  return done;
}

async function isStale(db: Executor, table: string): Promise<boolean> {
  const result = (await db.execute(sql`
    select c.reltuples::float8 as tuples, s.n_mod_since_analyze::float8 as changed
    from pg_class c left join pg_stat_user_tables s on s.relid = c.oid
    where c.oid = ${table}::regclass`)) as unknown as { rows: { tuples: number; changed: number | null }[] };
  const row = result.rows[0];
  if (!row || row.tuples < 0) return true;
  return (row.changed ?? 0) > 1000 + 0.2 * row.tuples;
}
