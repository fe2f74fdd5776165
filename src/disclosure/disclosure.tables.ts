import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ClockTrace } from './clock.ts';

/**
 * 依申请公开: one application for disclosure. Personal data (name, ID, contact) lives only here and never
 * leaves through a public page or API. The clock's inputs are the case's events; `dueOn`, `status` and the
 * trace are recomputed from them (and from the calendar) and cached here for lists and reminders.
 */
export const disclosureRequests = pgTable(
  'disclosure_request',
  {
    id: serial('id').primaryKey(),
    centerId: integer('center_id').notNull(),
    trackingNo: text('tracking_no').notNull(),
    accessCodeHash: text('access_code_hash').notNull(),
    applicantType: text('applicant_type').notNull(),
    applicantName: text('applicant_name').notNull(),
    idNumber: text('id_number'),
    creditCode: text('credit_code'),
    /** Who counts as "the same applicant" for fees, duplicates and Art. 35: ID, credit code, else name + phone. */
    applicantKey: text('applicant_key').notNull(),
    contact: jsonb('contact').$type<{ phone?: string; email?: string; address?: string }>().notNull(),
    description: text('description').notNull(),
    purpose: text('purpose').notNull().default(''),
    deliveryForm: text('delivery_form').notNull(),
    channel: text('channel').notNull(),
    needsAssistance: boolean('needs_assistance').notNull().default(false),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    receivedOn: date('received_on'),
    status: text('status').notNull(),
    outcome: text('outcome'),
    dueOn: date('due_on'),
    isDueProvisional: boolean('is_due_provisional').notNull().default(false),
    trace: jsonb('trace').$type<ClockTrace>(),
    assigneeId: integer('assignee_id'),
    possibleDuplicateOf: integer('possible_duplicate_of'),
    closedOn: date('closed_on'),
    lockVersion: integer('lock_version').notNull().default(0),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('disclosure_request_tracking_uq').on(t.trackingNo),
    index('disclosure_request_open_idx').on(t.centerId, t.dueOn).where(sql`closed_on is null`),
    index('disclosure_request_received_idx').on(t.centerId, t.receivedOn),
    index('disclosure_request_applicant_idx').on(t.applicantKey, t.submittedAt),
  ],
);

/** One step of a case, in order: the clock and the public history are computed from these. */
export const disclosureEvents = pgTable(
  'disclosure_event',
  {
    id: serial('id').primaryKey(),
    requestId: integer('request_id').notNull(),
    kind: text('kind').notNull(),
    /** The Beijing date the step counts from (receipt, dispatch of a notice, arrival of a correction …). */
    onDate: date('on_date').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** Shown in the applicant's history (with the access code); internal notes are not. */
    isPublic: boolean('is_public').notNull().default(false),
    actorId: integer('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('disclosure_event_request_idx').on(t.requestId, t.id)],
);

/** The written answer (告知书): drafted from the outcome's template, reviewed, then served. */
export const disclosureReplies = pgTable(
  'disclosure_reply',
  {
    id: serial('id').primaryKey(),
    requestId: integer('request_id').notNull(),
    outcome: text('outcome').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull(), // draft | in_review | approved | rejected | served
    draftedBy: integer('drafted_by').notNull(),
    reviewedBy: integer('reviewed_by'),
    reviewComment: text('review_comment').notNull().default(''),
    serviceMethod: text('service_method'),
    serviceTrackingNo: text('service_tracking_no'),
    servedOn: date('served_on'),
    feeFen: bigint('fee_fen', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('disclosure_reply_request_idx').on(t.requestId)],
);

/** 行政复议 / 行政诉讼 arising from a case (annual report table 四). */
export const disclosureAppeals = pgTable(
  'disclosure_appeal',
  {
    id: serial('id').primaryKey(),
    requestId: integer('request_id').notNull(),
    centerId: integer('center_id').notNull(),
    kind: text('kind').notNull(), // reconsideration | litigation_direct | litigation_after_reconsideration
    filedOn: date('filed_on').notNull(),
    result: text('result').notNull(), // upheld | corrected | other | pending
    decidedOn: date('decided_on'),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('disclosure_appeal_center_idx').on(t.centerId, t.filedOn)],
);
