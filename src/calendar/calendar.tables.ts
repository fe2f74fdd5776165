import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The working-day calendar, one row per day that is not an ordinary weekday or weekend: a holiday on a
 * weekday, a named holiday day on a weekend, a make-up working day (调休上班) on a weekend. Days not listed
 * follow Monday–Friday — but only inside a year listed in `calendar_year`; any other year is provisional.
 */
export const calendarDays = pgTable('calendar_day', {
  day: date('day').primaryKey(),
  isWorkingDay: boolean('is_working_day').notNull(),
  name: text('name').notNull(), // 春节, 国庆节调休上班 …
  year: integer('year').notNull(),
});

/** A year whose State Council arrangement is in the calendar, with its source and version. */
export const calendarYears = pgTable('calendar_year', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(), // 'chinese-days 1.5.7' or the notice, e.g. 国办发明电〔2026〕x号
  version: integer('version').notNull().default(1),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Every change of a year's arrangement: what was there before and after, who changed it and why. */
export const calendarChanges = pgTable(
  'calendar_change',
  {
    id: serial('id').primaryKey(),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    source: text('source').notNull(),
    before: jsonb('before').$type<CalendarDayEntry[]>().notNull(),
    after: jsonb('after').$type<CalendarDayEntry[]>().notNull(),
    /** Open cases whose due date moved because of this change. */
    casesMoved: integer('cases_moved').notNull().default(0),
    changedBy: integer('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('calendar_change_year_idx').on(t.year, t.version)],
);

export type CalendarDayEntry = { day: string; isWorkingDay: boolean; name: string };
