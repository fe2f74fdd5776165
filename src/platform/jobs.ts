import { fromPglite, PgBoss } from 'pg-boss';
import type { Database } from './db/client.ts';

/** pg-boss on the same database: PGlite through its adapter, PostgreSQL through its own pool. */
export async function startBoss(database: Database): Promise<PgBoss> {
  const boss = database.pglite
    ? new PgBoss({ db: fromPglite(database.pglite), backend: 'pglite', schedule: true, supervise: true })
    : new PgBoss({ connectionString: database.connectionString ?? '', max: 4, schedule: true, supervise: true });
  boss.on('error', (err: unknown) => {
    // pg-boss reports transient polling errors here; they must not crash the process.
    console.error('[jobs]', err instanceof Error ? err.message : err);
  });
  await boss.start();
  return boss;
}

export async function stopBoss(boss: PgBoss): Promise<void> {
  await boss.stop({ graceful: true, timeout: 5000 });
}
