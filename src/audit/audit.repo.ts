import { and, desc, eq, gte, ilike, lte, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../platform/db/client.ts';
import { auditEvents } from './audit.tables.ts';

export type AuditRow = typeof auditEvents.$inferSelect;
export type NewAuditRow = typeof auditEvents.$inferInsert;

export async function insertAuditEvent(ex: Executor, row: NewAuditRow): Promise<void> {
  await ex.insert(auditEvents).values(row);
}

export type AuditFilter = { centerId: number; q?: string | undefined; action?: string | undefined; from?: Date | undefined; to?: Date | undefined; limit: number; beforeId?: number | undefined };

export async function searchAuditEvents(ex: Executor, f: AuditFilter): Promise<AuditRow[]> {
  const conds: SQL[] = [eq(auditEvents.centerId, f.centerId)];
  if (f.action) conds.push(eq(auditEvents.action, f.action));
  if (f.from) conds.push(gte(auditEvents.at, f.from));
  if (f.to) conds.push(lte(auditEvents.at, f.to));
  if (f.beforeId) conds.push(lte(auditEvents.id, f.beforeId - 1));
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const any = or(ilike(auditEvents.actorName, like), ilike(auditEvents.targetId, like), ilike(auditEvents.action, like), ilike(auditEvents.ip, like));
    if (any) conds.push(any);
  }
  return ex.select().from(auditEvents).where(and(...conds)).orderBy(desc(auditEvents.id)).limit(f.limit);
}

export async function hasAuditEvent(ex: Executor, action: string): Promise<boolean> {
  const rows = await ex.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, action)).limit(1);
  return rows.length > 0;
}
