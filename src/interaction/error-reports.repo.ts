import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../platform/db/client.ts';
import { errorReports } from './interaction.tables.ts';

export type ErrorReport = typeof errorReports.$inferSelect;

export async function insertErrorReport(ex: Executor, row: typeof errorReports.$inferInsert): Promise<ErrorReport> {
  const [r] = await ex.insert(errorReports).values(row).returning();
  if (!r) throw new Error('insert error report returned nothing');
  return r;
}

export async function listErrorReports(ex: Executor, centerId: number, limit: number): Promise<ErrorReport[]> {
  return ex.select().from(errorReports).where(eq(errorReports.centerId, centerId)).orderBy(desc(errorReports.id)).limit(limit);
}
