import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/client.ts';
import type { ClockEvent } from './clock.ts';
import { disclosureAppeals, disclosureEvents, disclosureReplies, disclosureRequests } from './disclosure.tables.ts';

export type DisclosureRequest = typeof disclosureRequests.$inferSelect;
export type DisclosureEvent = typeof disclosureEvents.$inferSelect;
export type DisclosureReply = typeof disclosureReplies.$inferSelect;
export type DisclosureAppeal = typeof disclosureAppeals.$inferSelect;

export async function insertRequest(ex: Executor, row: typeof disclosureRequests.$inferInsert): Promise<DisclosureRequest> {
  const [r] = await ex.insert(disclosureRequests).values(row).returning();
  if (!r) throw new Error('insert disclosure_request returned nothing');
  return r;
}

export async function findRequest(ex: Executor, id: number): Promise<DisclosureRequest | null> {
  const [r] = await ex.select().from(disclosureRequests).where(eq(disclosureRequests.id, id)).limit(1);
  return r ?? null;
}

export async function findRequestForUpdate(ex: Executor, id: number): Promise<DisclosureRequest | null> {
  const [r] = await ex.select().from(disclosureRequests).where(eq(disclosureRequests.id, id)).for('update').limit(1);
  return r ?? null;
}

export async function findRequestByTrackingNo(ex: Executor, trackingNo: string): Promise<DisclosureRequest | null> {
  const [r] = await ex.select().from(disclosureRequests).where(eq(disclosureRequests.trackingNo, trackingNo)).limit(1);
  return r ?? null;
}

export async function updateRequest(ex: Executor, id: number, patch: Partial<typeof disclosureRequests.$inferInsert>): Promise<void> {
  await ex
    .update(disclosureRequests)
    .set({ ...patch, updatedAt: sql`now()`, lockVersion: sql`${disclosureRequests.lockVersion} + 1` })
    .where(eq(disclosureRequests.id, id));
}

export async function insertEvent(ex: Executor, row: typeof disclosureEvents.$inferInsert): Promise<DisclosureEvent> {
  const [e] = await ex.insert(disclosureEvents).values(row).returning();
  if (!e) throw new Error('insert disclosure_event returned nothing');
  return e;
}

export async function listEvents(ex: Executor, requestId: number): Promise<DisclosureEvent[]> {
  return ex.select().from(disclosureEvents).where(eq(disclosureEvents.requestId, requestId)).orderBy(asc(disclosureEvents.id));
}

/** The clock inputs of many cases at once, oldest event first. */
export async function listClockEvents(ex: Executor, requestIds: number[]): Promise<Map<number, ClockEvent[]>> {
  const out = new Map<number, ClockEvent[]>(requestIds.map((id) => [id, []]));
  if (requestIds.length === 0) return out;
  const rows = await ex
    .select({ requestId: disclosureEvents.requestId, kind: disclosureEvents.kind, onDate: disclosureEvents.onDate, data: disclosureEvents.data })
    .from(disclosureEvents)
    .where(inArray(disclosureEvents.requestId, requestIds))
    .orderBy(asc(disclosureEvents.requestId), asc(disclosureEvents.id));
  for (const r of rows) out.get(r.requestId)?.push({ kind: r.kind, onDate: r.onDate, data: r.data });
  return out;
}

/** Open cases after `afterId`, in id order (a batch of the calendar recompute). */
export async function listOpenRequestsAfter(ex: Executor, afterId: number, limit: number): Promise<Pick<DisclosureRequest, 'id' | 'centerId' | 'dueOn' | 'isDueProvisional'>[]> {
  return ex
    .select({ id: disclosureRequests.id, centerId: disclosureRequests.centerId, dueOn: disclosureRequests.dueOn, isDueProvisional: disclosureRequests.isDueProvisional })
    .from(disclosureRequests)
    .where(and(isNull(disclosureRequests.closedOn), gt(disclosureRequests.id, afterId)))
    .orderBy(asc(disclosureRequests.id))
    .limit(limit);
}

export async function listOpenRequests(ex: Executor, centerId: number, limit: number): Promise<DisclosureRequest[]> {
  return ex
    .select()
    .from(disclosureRequests)
    .where(and(eq(disclosureRequests.centerId, centerId), isNull(disclosureRequests.closedOn)))
    .orderBy(sql`${disclosureRequests.dueOn} asc nulls last`, asc(disclosureRequests.id))
    .limit(limit);
}

export async function listClosedRequests(ex: Executor, centerId: number, limit: number): Promise<DisclosureRequest[]> {
  return ex
    .select()
    .from(disclosureRequests)
    .where(and(eq(disclosureRequests.centerId, centerId), sql`${disclosureRequests.closedOn} is not null`))
    .orderBy(desc(disclosureRequests.closedOn), desc(disclosureRequests.id))
    .limit(limit);
}

/** Earlier applications of the same applicant (fees per natural month, duplicates, 第三十五条). */
export async function listRequestsOfApplicant(ex: Executor, centerId: number, applicantKey: string, since: Date): Promise<Pick<DisclosureRequest, 'id' | 'trackingNo' | 'description' | 'submittedAt' | 'receivedOn'>[]> {
  return ex
    .select({ id: disclosureRequests.id, trackingNo: disclosureRequests.trackingNo, description: disclosureRequests.description, submittedAt: disclosureRequests.submittedAt, receivedOn: disclosureRequests.receivedOn })
    .from(disclosureRequests)
    .where(and(eq(disclosureRequests.centerId, centerId), eq(disclosureRequests.applicantKey, applicantKey), sql`${disclosureRequests.submittedAt} >= ${since}`))
    .orderBy(desc(disclosureRequests.submittedAt))
    .limit(200);
}

export async function insertReply(ex: Executor, row: typeof disclosureReplies.$inferInsert): Promise<DisclosureReply> {
  const [r] = await ex.insert(disclosureReplies).values(row).returning();
  if (!r) throw new Error('insert disclosure_reply returned nothing');
  return r;
}

export async function updateReply(ex: Executor, id: number, patch: Partial<typeof disclosureReplies.$inferInsert>): Promise<void> {
  await ex.update(disclosureReplies).set(patch).where(eq(disclosureReplies.id, id));
}

export async function listReplies(ex: Executor, requestId: number): Promise<DisclosureReply[]> {
  return ex.select().from(disclosureReplies).where(eq(disclosureReplies.requestId, requestId)).orderBy(asc(disclosureReplies.id));
}

export async function insertAppeal(ex: Executor, row: typeof disclosureAppeals.$inferInsert): Promise<DisclosureAppeal> {
  const [r] = await ex.insert(disclosureAppeals).values(row).returning();
  if (!r) throw new Error('insert disclosure_appeal returned nothing');
  return r;
}

export async function updateAppeal(ex: Executor, id: number, patch: Partial<typeof disclosureAppeals.$inferInsert>): Promise<void> {
  await ex.update(disclosureAppeals).set(patch).where(eq(disclosureAppeals.id, id));
}

export async function listAppeals(ex: Executor, requestId: number): Promise<DisclosureAppeal[]> {
  return ex.select().from(disclosureAppeals).where(eq(disclosureAppeals.requestId, requestId)).orderBy(asc(disclosureAppeals.id));
}

/** The n-th application of this applicant in the natural month of its receipt (按件计收, 109号 第四条). */
export async function nthApplicationInMonth(ex: Executor, r: Pick<DisclosureRequest, 'id' | 'centerId' | 'applicantKey' | 'receivedOn'>): Promise<number> {
  const month = (r.receivedOn ?? '').slice(0, 7);
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(disclosureRequests)
    .where(and(eq(disclosureRequests.centerId, r.centerId), eq(disclosureRequests.applicantKey, r.applicantKey), sql`to_char(${disclosureRequests.receivedOn}, 'YYYY-MM') = ${month}`, sql`${disclosureRequests.id} <= ${r.id}`));
  return row?.n ?? 1;
}

/** Open cases of a center by urgency, for the dashboard: overdue (due before today) and due by `soonOn`. */
export async function countOpenByUrgency(ex: Executor, centerId: number, today: string, soonOn: string): Promise<{ open: number; overdue: number; dueSoon: number }> {
  const [row] = await ex
    .select({
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${disclosureRequests.dueOn} < ${today})::int`,
      dueSoon: sql<number>`count(*) filter (where ${disclosureRequests.dueOn} >= ${today} and ${disclosureRequests.dueOn} <= ${soonOn})::int`,
    })
    .from(disclosureRequests)
    .where(and(eq(disclosureRequests.centerId, centerId), isNull(disclosureRequests.closedOn)));
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0, dueSoon: row?.dueSoon ?? 0 };
}

/**
 * Open cases the daily job must look at, after `afterId`: those due by `soonOn` (reminders, overdue) and those
 * waiting for a correction or a payment whose period may have lapsed. The rest need nothing today.
 */
export async function listCasesNeedingAttention(ex: Executor, afterId: number, limit: number, soonOn: string): Promise<Pick<DisclosureRequest, 'id' | 'centerId' | 'dueOn'>[]> {
  return ex
    .select({ id: disclosureRequests.id, centerId: disclosureRequests.centerId, dueOn: disclosureRequests.dueOn })
    .from(disclosureRequests)
    .where(
      and(
        isNull(disclosureRequests.closedOn),
        gt(disclosureRequests.id, afterId),
        sql`(${disclosureRequests.dueOn} <= ${soonOn} or ${disclosureRequests.status} in ('awaiting_clarification', 'awaiting_payment'))`,
      ),
    )
    .orderBy(asc(disclosureRequests.id))
    .limit(limit);
}
