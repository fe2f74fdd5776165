import { date, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { Cadence } from './task-periods.ts';

/**
 * A department's disclosure task (公开任务): it owes updates of one column at a cadence (monthly, quarterly,
 * yearly, or once by a due date), with a responsible information officer (信息员) of that department. A
 * period is fulfilled by an article of the department published in the column within it.
 */
export const disclosureTasks = pgTable(
  'disclosure_task',
  {
    id: serial('id').primaryKey(),
    centerId: integer('center_id').notNull(),
    title: text('title').notNull(),
    departmentId: integer('department_id').notNull(),
    columnId: integer('column_id').notNull(),
    /** monthly | quarterly | yearly | once */
    cadence: text('cadence').$type<Cadence>().notNull(),
    /** The due date of a one-off task (null for the recurring cadences, whose periods end on their last day). */
    dueOn: date('due_on'),
    /** The first day the task counts: periods ending before it are not owed. */
    startsOn: date('starts_on').notNull(),
    officerId: integer('officer_id').notNull(),
    note: text('note').notNull().default(''),
    lockVersion: integer('lock_version').notNull().default(0),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('disclosure_task_center_idx').on(t.centerId, t.departmentId)],
);
