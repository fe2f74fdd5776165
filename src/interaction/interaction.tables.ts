import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/** 网站找错: a visitor's report of an error on a page. Handling and clocks come with the messages feature. */
export const errorReports = pgTable(
  'error_report',
  {
    id: serial('id').primaryKey(),
    centerId: integer('center_id').notNull(),
    pageUrl: text('page_url').notNull(),
    description: text('description').notNull(),
    contact: text('contact').notNull().default(''),
    status: text('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('error_report_center_idx').on(t.centerId, t.createdAt)],
);
