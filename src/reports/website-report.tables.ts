import { integer, jsonb, pgTable, serial, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The figures of a center's 政府网站工作年度报表 that no data of the platform can give (安全检测评估次数,
 * 应急演练, 创新发展 …), entered by the site's staff, one row per center and year. Computed figures are never
 * stored here: the report computes them on every reading.
 */
export const websiteReportEntries = pgTable(
  'website_report_entry',
  {
    id: serial('id').primaryKey(),
    centerId: integer('center_id').notNull(),
    year: integer('year').notNull(),
    /** Field key → value as entered: a whole number, true/false, or text (see website-report.model.ts). */
    values: jsonb('values').$type<Record<string, number | boolean | string>>().notNull().default({}),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('website_report_entry_uq').on(t.centerId, t.year)],
);
