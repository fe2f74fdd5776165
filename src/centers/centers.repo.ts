import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/client.ts';
import { centers, departments } from './centers.tables.ts';

export type Center = typeof centers.$inferSelect;
export type Department = typeof departments.$inferSelect;

export async function listCenters(ex: Executor): Promise<Center[]> {
  return ex.select().from(centers).orderBy(asc(centers.id));
}

export async function insertCenter(ex: Executor, row: typeof centers.$inferInsert): Promise<Center> {
  const [c] = await ex.insert(centers).values(row).returning();
  if (!c) throw new Error('insert center returned nothing');
  return c;
}

export async function updateCenter(ex: Executor, id: number, patch: Partial<typeof centers.$inferInsert>): Promise<void> {
  await ex.update(centers).set(patch).where(eq(centers.id, id));
}

export async function insertDepartment(ex: Executor, row: typeof departments.$inferInsert): Promise<Department> {
  const [d] = await ex.insert(departments).values(row).returning();
  if (!d) throw new Error('insert department returned nothing');
  return d;
}

export async function updateDepartment(ex: Executor, id: number, patch: Partial<typeof departments.$inferInsert>): Promise<void> {
  await ex.update(departments).set(patch).where(eq(departments.id, id));
}

export async function listDepartments(ex: Executor, centerId: number): Promise<Department[]> {
  return ex.select().from(departments).where(eq(departments.centerId, centerId)).orderBy(asc(departments.id));
}

export async function findDepartment(ex: Executor, id: number): Promise<Department | null> {
  const [d] = await ex.select().from(departments).where(eq(departments.id, id));
  return d ?? null;
}
