import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * 互动交流: a public message — 咨询, 质疑, 投诉, 举报, 主任信箱, 意见建议, 网站找错 — with its clock (the
 * kind's policy at the center), assignment, reply and optional publication without personal data.
 */
export const messages = pgTable(
  'message',
  {
    id: serial('id').primaryKey(),
    centerId: integer('center_id').notNull(),
    kind: text('kind').notNull(),
    trackingNo: text('tracking_no').notNull(),
    accessCodeHash: text('access_code_hash').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** 网站找错: the page; 质疑: the project or notice it concerns. */
    reference: text('reference').notNull().default(''),
    name: text('name').notNull().default(''),
    phone: text('phone').notNull().default(''),
    email: text('email').notNull().default(''),
    senderKey: text('sender_key').notNull().default(''),
    receivedOn: date('received_on').notNull(),
    /** The clock promised at receipt (the kind's policy then): a later policy change does not move it. */
    clockDays: integer('clock_days').notNull().default(0),
    isClockWorkingDays: boolean('is_clock_working_days').notNull().default(true),
    dueOn: date('due_on').notNull(),
    isDueProvisional: boolean('is_due_provisional').notNull().default(false),
    status: text('status').notNull(), // open | replied | closed
    assigneeId: integer('assignee_id'),
    reply: text('reply').notNull().default(''),
    repliedOn: date('replied_on'),
    repliedBy: integer('replied_by'),
    workingDaysTaken: integer('working_days_taken'),
    isOnTime: boolean('is_on_time'),
    /** Published Q&A: the staff's edited question (no personal data) and the reply. */
    isPublic: boolean('is_public').notNull().default(false),
    publicSubject: text('public_subject').notNull().default(''),
    publicQuestion: text('public_question').notNull().default(''),
    /** The published answer: the reply, edited by staff where it addressed the sender personally. */
    publicReply: text('public_reply').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    possibleDuplicateOf: integer('possible_duplicate_of'),
    internalNote: text('internal_note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('message_tracking_uq').on(t.trackingNo),
    index('message_center_idx').on(t.centerId, t.kind, t.receivedOn),
    index('message_open_idx').on(t.centerId, t.dueOn).where(sql`status = 'open'`),
    index('message_public_idx').on(t.centerId, t.publishedAt).where(sql`is_public`),
    index('message_sender_idx').on(t.senderKey, t.receivedOn).where(sql`sender_key <> ''`),
  ],
);

/**
 * The history of a message as the staff see it: received, assigned, replied, published, closed, notes, and
 * due dates moved by a calendar change (with the reason). Staff actions are also in the audit log.
 */
export const messageEvents = pgTable(
  'message_event',
  {
    id: serial('id').primaryKey(),
    messageId: integer('message_id').notNull(),
    action: text('action').notNull(),
    note: text('note').notNull().default(''),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('message_event_message_idx').on(t.messageId, t.id)],
);

/** How long a center gives itself to answer each kind of message. */
export const messagePolicies = pgTable(
  'message_policy',
  {
    centerId: integer('center_id').notNull(),
    kind: text('kind').notNull(),
    days: integer('days').notNull(),
    isWorkingDays: boolean('is_working_days').notNull().default(true),
    isOpen: boolean('is_open').notNull().default(true),
  },
  (t) => [uniqueIndex('message_policy_uq').on(t.centerId, t.kind)],
);

/** 调查征集: a survey or call for comments, open for a period, with its published results. */
export const surveys = pgTable(
  'survey',
  {
    id: serial('id').primaryKey(),
    centerId: integer('center_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    questions: jsonb('questions').$type<SurveyQuestion[]>().notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    isResultPublic: boolean('is_result_public').notNull().default(false),
    resultSummary: text('result_summary').notNull().default(''),
    createdBy: integer('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('survey_center_idx').on(t.centerId, t.opensOn)],
);

export type SurveyQuestion = { id: string; text: string; kind: 'single' | 'multiple' | 'text'; options: string[]; isRequired: boolean };

export const surveyResponses = pgTable(
  'survey_response',
  {
    id: serial('id').primaryKey(),
    surveyId: integer('survey_id').notNull(),
    answers: jsonb('answers').$type<Record<string, string | string[]>>().notNull(),
    /** SHA-256 of the client address and the survey id: one answer per address is not enforced, only counted. */
    clientHash: text('client_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('survey_response_survey_idx').on(t.surveyId)],
);
