import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Events written in the publishing transaction and relayed after commit (cache, log, channels). */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    event: text('event').notNull(), // article.published | article.corrected | article.withdrawn | article.expired
    centerId: integer('center_id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    relayedAt: timestamp('relayed_at', { withTimezone: true }),
  },
  (t) => [index('outbox_pending_idx').on(t.relayedAt, t.id)],
);

/** The public, append-only publication log: one leaf per publish, correction or withdrawal. */
export const publicationLog = pgTable('publication_log', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  centerId: integer('center_id').notNull(),
  itemType: text('item_type').notNull(),
  itemId: integer('item_id').notNull(),
  versionNo: integer('version_no').notNull(),
  action: text('action').notNull(),
  leaf: jsonb('leaf').$type<Record<string, unknown>>().notNull(),
  leafHash: text('leaf_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
