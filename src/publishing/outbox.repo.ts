import { and, asc, isNull, eq, sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/client.ts';
import { outbox } from './publishing.tables.ts';

export type OutboxEvent = typeof outbox.$inferSelect;
export type OutboxEventName = 'article.published' | 'article.corrected' | 'article.withdrawn' | 'article.expired' | 'center.changed' | 'calendar.changed';

export async function insertOutboxEvent(ex: Executor, e: { event: OutboxEventName; centerId: number; payload: Record<string, unknown> }): Promise<void> {
  await ex.insert(outbox).values(e);
}

export async function listUnrelayed(ex: Executor, limit: number): Promise<OutboxEvent[]> {
  return ex.select().from(outbox).where(isNull(outbox.relayedAt)).orderBy(asc(outbox.id)).limit(limit);
}

export async function markRelayed(ex: Executor, id: number, at: Date): Promise<boolean> {
  const res = await ex.update(outbox).set({ relayedAt: at }).where(and(eq(outbox.id, id), isNull(outbox.relayedAt))).returning({ id: outbox.id });
  return res.length === 1;
}

export async function maxOutboxId(ex: Executor): Promise<number> {
  const [r] = await ex.select({ n: sql<number>`coalesce(max(${outbox.id}), 0)::bigint` }).from(outbox);
  return Number(r?.n ?? 0);
}
