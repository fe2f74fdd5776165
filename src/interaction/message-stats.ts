import { and, between, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/client.ts';
import { messages } from './interaction.tables.ts';
import { KIND_LABELS, MESSAGE_KINDS, type MessageKind } from './messages.model.ts';

export type MessageCounts = {
  /** Messages received in the period (by day of receipt). */
  received: number;
  /** Of those, replied (at any time up to now). */
  replied: number;
  /** Of those, replied on or before their due date. */
  repliedOnTime: number;
  /** Mean working days from receipt to reply over the replied ones, one decimal; null when none. */
  averageWorkingDays: number | null;
  /** Of those, published as Q&A on the portal. */
  published: number;
  /** Of those, still open. */
  open: number;
};
export type MessageKindStats = MessageCounts & { kind: MessageKind; label: string };
export type MessageStats = { from: string; to: string; kinds: MessageKindStats[]; total: MessageCounts };

/**
 * 互动交流统计 of some centers over [from, to] (days of receipt, both included): per kind and in total —
 * received, replied, replied on time, average working days to reply, published, still open. Every kind is
 * listed, with zeros. The portal, the back office and the annual reports use it.
 */
export async function messageStats(ex: Executor, centerIds: number[], from: string, to: string): Promise<MessageStats> {
  const rows =
    centerIds.length === 0
      ? []
      : await ex
          .select({
            kind: messages.kind,
            received: sql<number>`count(*)::int`,
            replied: sql<number>`count(${messages.repliedOn})::int`,
            repliedOnTime: sql<number>`(count(*) filter (where ${messages.isOnTime}))::int`,
            daysSum: sql<number>`coalesce(sum(${messages.workingDaysTaken}) filter (where ${messages.repliedOn} is not null), 0)::int`,
            published: sql<number>`(count(*) filter (where ${messages.isPublic}))::int`,
            open: sql<number>`(count(*) filter (where ${messages.status} = 'open'))::int`,
          })
          .from(messages)
          .where(and(inArray(messages.centerId, centerIds), between(messages.receivedOn, from, to)))
          .groupBy(messages.kind);
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  const kinds: MessageKindStats[] = MESSAGE_KINDS.map((kind) => {
    const r = byKind.get(kind);
    return { kind, label: KIND_LABELS[kind], ...countsOf(r ? { ...r, daysSum: Number(r.daysSum) } : undefined) };
  });
  const sum = (f: 'received' | 'replied' | 'repliedOnTime' | 'published' | 'open') => rows.reduce((n, r) => n + Number(r[f]), 0);
  const daysSum = rows.reduce((n, r) => n + Number(r.daysSum), 0);
  const total = countsOf({ received: sum('received'), replied: sum('replied'), repliedOnTime: sum('repliedOnTime'), daysSum, published: sum('published'), open: sum('open') });
  return { from, to, kinds, total };
}

/** A share as a percentage with one decimal, or null when the base is zero. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 1000) / whole) / 10;
}

function countsOf(r: { received: number; replied: number; repliedOnTime: number; daysSum: number; published: number; open: number } | undefined): MessageCounts {
  if (!r) return { received: 0, replied: 0, repliedOnTime: 0, averageWorkingDays: null, published: 0, open: 0 };
  const replied = Number(r.replied);
  return {
    received: Number(r.received),
    replied,
    repliedOnTime: Number(r.repliedOnTime),
    averageWorkingDays: replied === 0 ? null : Math.round((Number(r.daysSum) * 10) / replied) / 10,
    published: Number(r.published),
    open: Number(r.open),
  };
}
