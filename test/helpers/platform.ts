import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { createCalendarCache } from '../../src/calendar/calendar.service.ts';
import { createCenterTreeCache } from '../../src/centers/centers.service.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createContext, type AppContext } from '../../src/platform/context.ts';
import { openDatabase } from '../../src/platform/db/client.ts';

export type TestSystem = { ctx: AppContext; app: App; clock: { advance: (ms: number) => void; now: () => Date }; close: () => Promise<void> };

/** A fresh database per test file: a PGlite from the migrated template, or a reset schema on PostgreSQL. */
export async function startTestSystem(): Promise<TestSystem> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query('DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA IF EXISTS pgboss CASCADE; CREATE SCHEMA public;');
    await c.end();
  }
  const template = url ? '' : inject('pgliteTemplate');
  const database = await openDatabase({ databaseUrl: url, pgliteTemplate: template ? new Blob([await readFile(template)]) : undefined, poolSize: 4 });
  let offset = 0;
  const clock = { advance: (ms: number) => void (offset += ms), now: () => new Date(Date.now() + offset) };
  const ctx = createContext({
    config: { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), logLevel: 'silent' },
    database,
    db: database.db,
    boss: undefined,
    centers: createCenterTreeCache(database.db),
    calendar: createCalendarCache(database.db),
    filesDir: await mkdtemp(path.join(tmpdir(), 'gk-files-')),
    clock: clock.now,
  });
  const app = await buildApp(ctx);
  await app.app.ready();
  return {
    ctx,
    app,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
