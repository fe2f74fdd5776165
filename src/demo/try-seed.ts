import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { reviewGroupMembers, reviewGroups, roleGrants, users } from '../accounts/accounts.tables.ts';
import { auditEvents } from '../audit/audit.tables.ts';
import { createCenterTreeCache } from '../centers/centers.service.ts';
import { centers, departments } from '../centers/centers.tables.ts';
import { articleRevisions, articles, columns } from '../content/content.tables.ts';
import { loadConfig } from '../platform/config.ts';
import { createContext } from '../platform/context.ts';
import { openDatabase } from '../platform/db/client.ts';
import { outbox, publicationLog } from '../publishing/publishing.tables.ts';
import { reviewChains, reviewRuns, reviewTasks } from '../review/review.tables.ts';
import { seedDemo } from './seed-demo.ts';

/** Seeds an in-memory database and prints what it made: `npx tsx src/demo/try-seed.ts [articlesPerCenter]`. */
const TABLES: [string, PgTable][] = [
  ['center', centers],
  ['department', departments],
  ['app_user', users],
  ['role_grant', roleGrants],
  ['review_group', reviewGroups],
  ['review_group_member', reviewGroupMembers],
  ['review_chain', reviewChains],
  ['site_column', columns],
  ['article', articles],
  ['article_revision', articleRevisions],
  ['review_run', reviewRuns],
  ['review_task', reviewTasks],
  ['publication_log', publicationLog],
  ['outbox', outbox],
  ['audit_event', auditEvents],
];

const t0 = performance.now();
const database = await openDatabase({});
const t1 = performance.now();
const ctx = createContext({
  config: loadConfig(),
  database,
  db: database.db,
  boss: undefined,
  centers: createCenterTreeCache(database.db),
  filesDir: '/tmp/gk-files',
  clock: () => new Date(),
});
const perCenter = process.argv[2] ? Number(process.argv[2]) : undefined;
const credentials = await seedDemo(ctx, perCenter === undefined ? {} : { articlesPerCenter: perCenter });
const t2 = performance.now();

for (const [name, table] of TABLES) {
  const [row] = await database.db.select({ n: count() }).from(table);
  console.log(`${name.padEnd(22)} ${row?.n ?? 0}`);
}
const byStatus = await database.db
  .select({ centerId: articles.centerId, status: articles.status, reviewState: articles.reviewState, n: count() })
  .from(articles)
  .groupBy(articles.centerId, articles.status, articles.reviewState)
  .orderBy(articles.centerId, articles.status);
for (const r of byStatus) console.log(`center ${r.centerId} ${r.status}/${r.reviewState}: ${r.n}`);
console.log(`users: ${credentials.length}, e.g. ${credentials[0]?.username} / ${credentials[0]?.password}`);
console.log(`open database + migrate: ${((t1 - t0) / 1000).toFixed(2)} s; seedDemo: ${((t2 - t1) / 1000).toFixed(2)} s`);
await database.close();
