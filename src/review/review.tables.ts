import { index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

export type StepAssignee =
  | { kind: 'drafter_dept_head' }
  | { kind: 'dept_leader' }
  | { kind: 'group'; groupId: number }
  | { kind: 'role'; role: string };

export const reviewChains = pgTable('review_chain', {
  id: serial('id').primaryKey(),
  centerId: integer('center_id').notNull(),
  name: text('name').notNull(),
  steps: jsonb('steps').$type<{ name: string; assignee: StepAssignee }[]>().notNull(),
});

/** One pass of an article revision through a chain (a snapshot of its steps). */
export const reviewRuns = pgTable(
  'review_run',
  {
    id: serial('id').primaryKey(),
    centerId: integer('center_id').notNull(),
    articleId: integer('article_id').notNull(),
    revisionId: integer('revision_id').notNull(),
    purpose: text('purpose').notNull(), // publish | correct
    status: text('status').notNull(), // active | approved | rejected | void
    chainName: text('chain_name').notNull(),
    steps: jsonb('steps').$type<{ name: string; assignee: StepAssignee }[]>().notNull(),
    currentStep: integer('current_step').notNull().default(0),
    resumedFromRunId: integer('resumed_from_run_id'),
    submittedBy: integer('submitted_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('review_run_article_idx').on(t.articleId)],
);

/** A step's task. Resolved assignees are stored so "who may act" never depends on later edits. */
export const reviewTasks = pgTable(
  'review_task',
  {
    id: serial('id').primaryKey(),
    centerId: integer('center_id').notNull(),
    runId: integer('run_id').notNull(),
    articleId: integer('article_id').notNull(),
    revisionId: integer('revision_id').notNull(),
    revisionHash: text('revision_hash').notNull(),
    stepIndex: integer('step_index').notNull(),
    stepName: text('step_name').notNull(),
    assigneeIds: jsonb('assignee_ids').$type<number[]>().notNull(),
    status: text('status').notNull(), // pending | approved | rejected | void
    claimedBy: integer('claimed_by'),
    actedBy: integer('acted_by'),
    actedAt: timestamp('acted_at', { withTimezone: true }),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('review_task_run_idx').on(t.runId), index('review_task_center_status_idx').on(t.centerId, t.status)],
);
