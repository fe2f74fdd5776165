import pg from 'pg';

export type BenchPostgres = { url: string; database: string; version: string; collation: string; stop: () => Promise<void> };

/**
 * Creates an empty database `gongkai_bench_<pid>` on the server behind `adminUrl` (a connection to an
 * existing database, e.g. postgres://postgres@127.0.0.1:5432/postgres). `stop` drops it, closing any
 * connection still open. Returns null with the reason when the server cannot be reached, so the caller
 * can skip the PostgreSQL phase.
 */
export async function createBenchPostgres(adminUrl: string): Promise<BenchPostgres | { unreachable: string }> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    await admin.end().catch(() => {});
    return { unreachable: err instanceof Error ? err.message : String(err) };
  }
  const database = `gongkai_bench_${process.pid}`;
  try {
    const version = String((await admin.query<{ v: string }>('select version() as v')).rows[0]?.v ?? '');
    await admin.query(`drop database if exists ${database} with (force)`);
    // The server's default locale, as a deployment would get it (it decides whether LIKE 'prefix%' can use a btree).
    await admin.query(`create database ${database}`);
    const collation = String((await admin.query<{ c: string }>('select datcollate as c from pg_database where datname = $1', [database])).rows[0]?.c ?? '');
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    let isDropped = false;
    const stop = async () => {
      if (isDropped) return;
      isDropped = true;
      const c = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
      await c.connect();
      try {
        await c.query(`drop database if exists ${database} with (force)`);
      } finally {
        await c.end();
      }
    };
    return { url: url.toString(), database, version, collation, stop };
  } finally {
    await admin.end();
  }
}
