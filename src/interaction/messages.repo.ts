import { and, asc, desc, eq, gt, gte, inArray, like, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../platform/db/client.ts';
import { messageEvents, messagePolicies, messages } from './interaction.tables.ts';

export type Message = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
export type MessagePatch = Partial<Omit<NewMessage, 'id' | 'centerId' | 'trackingNo' | 'accessCodeHash' | 'createdAt'>>;
export type MessageEvent = typeof messageEvents.$inferSelect;
export type StoredPolicy = typeof messagePolicies.$inferSelect;

export async function insertMessage(ex: Executor, row: NewMessage): Promise<Message> {
  const [r] = await ex.insert(messages).values(row).returning();
  if (!r) throw new Error('insert message returned nothing');
  return r;
}

export async function findMessageById(ex: Executor, id: number): Promise<Message | null> {
  const [r] = await ex.select().from(messages).where(eq(messages.id, id)).limit(1);
  return r ?? null;
}

export async function findMessageByTrackingNo(ex: Executor, trackingNo: string): Promise<Message | null> {
  const [r] = await ex.select().from(messages).where(eq(messages.trackingNo, trackingNo)).limit(1);
  return r ?? null;
}

export async function countTrackingNosWithPrefix(ex: Executor, prefix: string): Promise<number> {
  const [r] = await ex.select({ n: sql<number>`count(*)::int` }).from(messages).where(like(messages.trackingNo, `${prefix}%`));
  return Number(r?.n ?? 0);
}

/**
 * Updates a message; with `ifStatus`, only while it is in one of those statuses (racing staff: the second
 * one finds nothing and is told so). Returns the new row, or null when nothing matched.
 */
export async function updateMessage(ex: Executor, id: number, patch: MessagePatch, opts: { ifStatus?: readonly string[] } = {}): Promise<Message | null> {
  const where = opts.ifStatus ? and(eq(messages.id, id), inArray(messages.status, [...opts.ifStatus])) : eq(messages.id, id);
  const [r] = await ex.update(messages).set(patch).where(where).returning();
  return r ?? null;
}

/** Open messages of every center in id order, one batch after `afterId` (for recomputing due dates). */
export async function listOpenMessagesAfter(ex: Executor, afterId: number, limit: number): Promise<Message[]> {
  return ex.select().from(messages).where(and(eq(messages.status, 'open'), gt(messages.id, afterId))).orderBy(asc(messages.id)).limit(limit);
}

export type StaffListFilter = { centerId: number; kind?: string | undefined; status?: string | undefined; limit: number; offset: number };

/** The staff list: open messages by due date (most urgent first), the others newest first. */
export async function listMessagesForStaff(ex: Executor, f: StaffListFilter): Promise<{ rows: Message[]; total: number }> {
  const conds: SQL[] = [eq(messages.centerId, f.centerId)];
  if (f.kind) conds.push(eq(messages.kind, f.kind));
  if (f.status) conds.push(eq(messages.status, f.status));
  const where = and(...conds);
  const order = f.status === 'open' ? [asc(messages.dueOn), asc(messages.id)] : [sql`case when ${messages.status} = 'open' then 0 else 1 end`, sql`case when ${messages.status} = 'open' then ${messages.dueOn} end asc`, desc(messages.receivedOn), desc(messages.id)];
  const [rows, [count]] = await Promise.all([
    ex.select().from(messages).where(where).orderBy(...order).limit(f.limit).offset(f.offset),
    ex.select({ n: sql<number>`count(*)::int` }).from(messages).where(where),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

export type SenderCandidate = Pick<Message, 'id' | 'trackingNo' | 'subject' | 'body' | 'receivedOn'>;

/** The sender's messages at the center received in [sinceOn, untilOn] (for duplicate detection), newest first. */
export async function listRecentOfSender(ex: Executor, o: { centerId: number; senderKey: string; sinceOn: string; untilOn: string; limit: number }): Promise<SenderCandidate[]> {
  return ex
    .select({ id: messages.id, trackingNo: messages.trackingNo, subject: messages.subject, body: messages.body, receivedOn: messages.receivedOn })
    .from(messages)
    .where(and(eq(messages.senderKey, o.senderKey), gte(messages.receivedOn, o.sinceOn), lte(messages.receivedOn, o.untilOn), eq(messages.centerId, o.centerId)))
    .orderBy(desc(messages.id))
    .limit(o.limit);
}

export async function findMessagesByIds(ex: Executor, ids: number[]): Promise<Message[]> {
  if (ids.length === 0) return [];
  return ex.select().from(messages).where(inArray(messages.id, ids));
}

export type PublicQaRow = Pick<Message, 'id' | 'centerId' | 'kind' | 'publicSubject' | 'publicQuestion' | 'publicReply' | 'receivedOn' | 'repliedOn' | 'publishedAt'>;
const publicQaColumns = {
  id: messages.id,
  centerId: messages.centerId,
  kind: messages.kind,
  publicSubject: messages.publicSubject,
  publicQuestion: messages.publicQuestion,
  publicReply: messages.publicReply,
  receivedOn: messages.receivedOn,
  repliedOn: messages.repliedOn,
  publishedAt: messages.publishedAt,
};

/** Published Q&A of some centers, newest first. Only the public columns are read. */
export async function listPublicQa(ex: Executor, o: { centerIds: number[]; kind?: string | undefined; limit: number; offset: number }): Promise<{ rows: PublicQaRow[]; total: number }> {
  if (o.centerIds.length === 0) return { rows: [], total: 0 };
  const conds: SQL[] = [inArray(messages.centerId, o.centerIds), eq(messages.isPublic, true)];
  if (o.kind) conds.push(eq(messages.kind, o.kind));
  const where = and(...conds);
  const [rows, [count]] = await Promise.all([
    ex.select(publicQaColumns).from(messages).where(where).orderBy(desc(messages.publishedAt), desc(messages.id)).limit(o.limit).offset(o.offset),
    ex.select({ n: sql<number>`count(*)::int` }).from(messages).where(where),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

export async function findPublicQa(ex: Executor, id: number): Promise<PublicQaRow | null> {
  const [r] = await ex.select(publicQaColumns).from(messages).where(and(eq(messages.id, id), eq(messages.isPublic, true))).limit(1);
  return r ?? null;
}

export async function insertMessageEvent(ex: Executor, row: typeof messageEvents.$inferInsert): Promise<void> {
  await ex.insert(messageEvents).values(row);
}

export async function listMessageEvents(ex: Executor, messageId: number): Promise<MessageEvent[]> {
  return ex.select().from(messageEvents).where(eq(messageEvents.messageId, messageId)).orderBy(asc(messageEvents.id));
}

export async function listStoredPolicies(ex: Executor, centerIds: number[]): Promise<StoredPolicy[]> {
  if (centerIds.length === 0) return [];
  return ex.select().from(messagePolicies).where(inArray(messagePolicies.centerId, centerIds));
}

export async function upsertPolicy(ex: Executor, row: StoredPolicy): Promise<void> {
  await ex
    .insert(messagePolicies)
    .values(row)
    .onConflictDoUpdate({ target: [messagePolicies.centerId, messagePolicies.kind], set: { days: row.days, isWorkingDays: row.isWorkingDays, isOpen: row.isOpen } });
}
