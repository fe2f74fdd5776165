import { bigint, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { AnnualFacts, AnnualFigures, CheckResult, Narrative } from './annual.model.ts';
import type { AnnualReportDocument } from './annual.presenter.ts';

/**
 * 政府信息公开工作年度报告 of a center and year: generated from the platform's data, or an earlier year's report
 * entered by hand or imported (so the carry-over check works from the first year of use). The figures are
 * JSON with the stable row and column ids of `annual.model.ts`; the narrative keeps whether staff edited it.
 * The public status follows the article the report is published through (`article_id`).
 */
export const annualReports = pgTable(
  'annual_report',
  {
    id: serial('id').primaryKey(),
    centerId: integer('center_id').notNull(),
    year: integer('year').notNull(),
    format: text('format').notNull(), // 2021 | 2019
    source: text('source').notNull(), // generated | entered | imported
    status: text('status').notNull(), // draft | in_review | published (cached; the article decides)
    figures: jsonb('figures').$type<AnnualFigures>().notNull(),
    facts: jsonb('facts').$type<AnnualFacts>(),
    narrative: jsonb('narrative').$type<Narrative>().notNull().default({}),
    checks: jsonb('checks').$type<CheckResult[]>().notNull().default([]),
    /** The last publication despite failed checks: who, when, why, which checks. */
    checksOverride: jsonb('checks_override').$type<{ reason: string; by: string; at: string; checkIds: string[] }>(),
    articleId: integer('article_id'),
    generatedBy: integer('generated_by'),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    lockVersion: integer('lock_version').notNull().default(0),
  },
  (t) => [uniqueIndex('annual_report_center_year_uq').on(t.centerId, t.year)],
);

/**
 * What was submitted for review, per article revision: the public API answers with the snapshot of the
 * article's published revision, so a report regenerated after publication never changes what is public.
 */
export const annualReportSubmissions = pgTable(
  'annual_report_submission',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id').notNull(),
    revisionId: integer('revision_id').notNull(),
    snapshot: jsonb('snapshot').$type<AnnualReportDocument>().notNull(),
    submittedBy: integer('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('annual_report_submission_revision_uq').on(t.revisionId), index('annual_report_submission_report_idx').on(t.reportId)],
);

/**
 * Table 二 figures no other feature records: decisions on 行政许可 / 行政处罚 / 行政强制, 行政事业性收费 and
 * 规章 (a trading center issues none), entered per center and year by staff. Money in fen.
 */
export const annualAdminFigures = pgTable(
  'annual_admin_figures',
  {
    id: serial('id').primaryKey(),
    centerId: integer('center_id').notNull(),
    year: integer('year').notNull(),
    licensing: integer('licensing').notNull().default(0),
    penalty: integer('penalty').notNull().default(0),
    coercion: integer('coercion').notNull().default(0),
    feeFen: bigint('fee_fen', { mode: 'number' }).notNull().default(0),
    regulationsIssued: integer('regulations_issued').notNull().default(0),
    regulationsRepealed: integer('regulations_repealed').notNull().default(0),
    regulationsInForce: integer('regulations_in_force').notNull().default(0),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('annual_admin_figures_center_year_uq').on(t.centerId, t.year)],
);
