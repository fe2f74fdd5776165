import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The common supertype of both drivers: one set of query code serves PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction: repos accept both. */
export type Executor = Db | Tx;

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  pglite: PGlite | undefined;
  connectionString: string | undefined;
  close: () => Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** Opens PGlite (data dir, memory, or a template dump) or a PostgreSQL pool, and applies migrations. */
export async function openDatabase(opts: {
  databaseUrl?: string | undefined;
  pgliteDir?: string | undefined;
  pgliteTemplate?: Blob | undefined;
  poolSize?: number;
}): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    const db = drizzlePg({ client: pool });
    await migratePg(db, { migrationsFolder });
    return { kind: 'postgres', db, pglite: undefined, connectionString: opts.databaseUrl, close: () => pool.end() };
  }
  const client = new PGlite(opts.pgliteDir ?? 'memory://', opts.pgliteTemplate ? { loadDataDir: opts.pgliteTemplate } : {});
  await client.waitReady;
  const db = drizzlePglite({ client });
  await migratePglite(db, { migrationsFolder });
  return { kind: 'pglite', db, pglite: client, connectionString: undefined, close: () => client.close() };
}
