import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import { users } from '../../accounts/accounts.tables.ts';
import { articles } from '../../content/content.tables.ts';
import { beijingDayStart } from '../../platform/dates.ts';
import type { Executor } from '../../platform/db/client.ts';
import { COUNTED_STATUSES } from '../publishing-stats.model.ts';
import { disclosureTasks } from './disclosure-tasks.tables.ts';

export type DisclosureTask = typeof disclosureTasks.$inferSelect;
export type NewDisclosureTask = typeof disclosureTasks.$inferInsert;

export async function listTasksOfCenter(ex: Executor, centerId: number): Promise<DisclosureTask[]> {
  return ex.select().from(disclosureTasks).where(eq(disclosureTasks.centerId, centerId)).orderBy(asc(disclosureTasks.departmentId), asc(disclosureTasks.id));
}

export async function findTask(ex: Executor, id: number): Promise<DisclosureTask | null> {
  const [r] = await ex.select().from(disclosureTasks).where(eq(disclosureTasks.id, id));
  return r ?? null;
}

export async function lockTask(ex: Executor, id: number): Promise<DisclosureTask | null> {
  const [r] = await ex.select().from(disclosureTasks).where(eq(disclosureTasks.id, id)).for('update');
  return r ?? null;
}

export async function insertTask(ex: Executor, row: NewDisclosureTask): Promise<DisclosureTask> {
  const [r] = await ex.insert(disclosureTasks).values(row).returning();
  if (!r) throw new Error('insert disclosure_task returned nothing');
  return r;
}

/** Updates a task if its lock version is still `lockVersion`; false when someone saved it in between. */
export async function updateTask(ex: Executor, id: number, lockVersion: number, patch: Partial<NewDisclosureTask>): Promise<boolean> {
  const rows = await ex
    .update(disclosureTasks)
    .set({ ...patch, lockVersion: lockVersion + 1 })
    .where(and(eq(disclosureTasks.id, id), eq(disclosureTasks.lockVersion, lockVersion)))
    .returning({ id: disclosureTasks.id });
  return rows.length > 0;
}

export async function deleteTask(ex: Executor, id: number): Promise<void> {
  await ex.delete(disclosureTasks).where(eq(disclosureTasks.id, id));
}

export type PublicationDay = { columnId: number; departmentId: number | null; day: string };

/**
 * The Beijing days since `since` on which each (column, drafting department) of a center published — one
 * row per day, however many items: the input of the tasks' states.
 */
export async function listPublicationDays(ex: Executor, opts: { centerId: number; columnIds: number[]; since: string }): Promise<PublicationDay[]> {
  if (opts.columnIds.length === 0) return [];
  const dept = sql<number | null>`coalesce(${articles.departmentId}, ${users.departmentId})`;
  const day = sql<string>`to_char((${articles.publishedAt} at time zone 'UTC') + interval '8 hours', 'YYYY-MM-DD')`;
  const rows = await ex
    .select({ columnId: articles.columnId, departmentId: sql<number | null>`${dept}`.mapWith((v: unknown) => (v === null ? null : Number(v))), day: sql<string>`${day}` })
    .from(articles)
    .leftJoin(users, eq(users.id, articles.authorId))
    .where(and(eq(articles.centerId, opts.centerId), inArray(articles.columnId, opts.columnIds), inArray(articles.status, [...COUNTED_STATUSES]), gte(articles.publishedAt, beijingDayStart(opts.since))))
    .groupBy(articles.columnId, dept, day)
    .orderBy(day);
  return rows;
}
