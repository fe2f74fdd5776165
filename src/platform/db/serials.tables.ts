import { integer, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * The last number handed out per scope: 索引号 per center and year, 统一交易标识码 serial per day. One row
 * read and bumped per number instead of counting what exists (which reads every earlier number: O(n) on a
 * large year, and on a database whose collation is not C a btree cannot even serve the prefix LIKE).
 */
export const serialCounters = pgTable('serial_counter', {
  scope: text('scope').primaryKey(),
  value: integer('value').notNull(),
});
