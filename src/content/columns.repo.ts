import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/client.ts';
import { columns } from './content.tables.ts';

export type Column = typeof columns.$inferSelect;

export async function listColumnsOfCenters(ex: Executor, centerIds: number[]): Promise<Column[]> {
  if (centerIds.length === 0) return [];
  return ex.select().from(columns).where(inArray(columns.centerId, centerIds)).orderBy(asc(columns.centerId), asc(columns.sortOrder), asc(columns.id));
}

export async function findColumn(ex: Executor, id: number): Promise<Column | null> {
  const [c] = await ex.select().from(columns).where(eq(columns.id, id));
  return c ?? null;
}

export async function findColumnBySlug(ex: Executor, centerId: number, slug: string): Promise<Column | null> {
  const [c] = await ex.select().from(columns).where(and(eq(columns.centerId, centerId), eq(columns.slug, slug)));
  return c ?? null;
}

export async function insertColumn(ex: Executor, row: typeof columns.$inferInsert): Promise<Column> {
  const [c] = await ex.insert(columns).values(row).returning();
  if (!c) throw new Error('insert column returned nothing');
  return c;
}

export async function updateColumn(ex: Executor, id: number, patch: Partial<typeof columns.$inferInsert>): Promise<void> {
  await ex.update(columns).set(patch).where(eq(columns.id, id));
}
