import { insertOutboxEvent } from '../publishing/outbox.repo.ts';
import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/client.ts';
import { outbox } from '../publishing/publishing.tables.ts';
import { calendarChanges, calendarDays, calendarYears, type CalendarDayEntry } from './calendar.tables.ts';

export type CalendarYear = typeof calendarYears.$inferSelect;
export type CalendarChange = typeof calendarChanges.$inferSelect;

export async function listCalendarYears(ex: Executor): Promise<CalendarYear[]> {
  return ex.select().from(calendarYears).orderBy(asc(calendarYears.year));
}

export async function findCalendarYear(ex: Executor, year: number): Promise<CalendarYear | null> {
  const [row] = await ex.select().from(calendarYears).where(eq(calendarYears.year, year));
  return row ?? null;
}

export async function listCalendarDays(ex: Executor, year?: number): Promise<CalendarDayEntry[]> {
  const q = ex.select({ day: calendarDays.day, isWorkingDay: calendarDays.isWorkingDay, name: calendarDays.name }).from(calendarDays);
  return (year === undefined ? q : q.where(eq(calendarDays.year, year))).orderBy(asc(calendarDays.day));
}

/** A version number that changes with every change of the calendar (for caches in other processes). */
export async function calendarStamp(ex: Executor): Promise<string> {
  const result = (await ex.execute(sql`select coalesce(max(id), 0)::text as stamp from calendar_change`)) as unknown as { rows: { stamp: string }[] };
  return result.rows[0]?.stamp ?? '0';
}

/** Replaces a year's days and bumps its version; returns the version written. */
export async function replaceYear(ex: Executor, o: { year: number; days: CalendarDayEntry[]; source: string; by: number | null }): Promise<number> {
  await ex.delete(calendarDays).where(eq(calendarDays.year, o.year));
  if (o.days.length > 0) await ex.insert(calendarDays).values(o.days.map((d) => ({ ...d, year: o.year })));
  const [row] = await ex
    .insert(calendarYears)
    .values({ year: o.year, source: o.source, version: 1, updatedBy: o.by })
    .onConflictDoUpdate({ target: calendarYears.year, set: { source: o.source, version: sql`${calendarYears.version} + 1`, updatedBy: o.by, updatedAt: sql`now()` } })
    .returning({ version: calendarYears.version });
  return row?.version ?? 1;
}

export async function insertCalendarChange(ex: Executor, row: typeof calendarChanges.$inferInsert): Promise<CalendarChange> {
  const [c] = await ex.insert(calendarChanges).values(row).returning();
  if (!c) throw new Error('insert calendar_change returned nothing');
  return c;
}

export async function listCalendarChanges(ex: Executor, limit: number): Promise<CalendarChange[]> {
  return ex.select().from(calendarChanges).orderBy(sql`${calendarChanges.id} desc`).limit(limit);
}

export async function findCalendarChange(ex: Executor, id: number): Promise<CalendarChange | null> {
  const [row] = await ex.select().from(calendarChanges).where(eq(calendarChanges.id, id));
  return row ?? null;
}

/** Serialises calendar changes until commit: two administrators saving at once would both replace the year. */
export async function lockCalendar(ex: Executor): Promise<void> {
  await ex.execute(sql`select pg_advisory_xact_lock(727201)`);
}

/**
 * The outbox event that tells every process to reload its calendar (and clear its page caches). Written
 * here because `OutboxEventName` in publishing/outbox.repo.ts does not list 'calendar.changed' yet; once it
 * does, this should call `insertOutboxEvent` instead.
 */
export async function insertCalendarChangedEvent(ex: Executor, e: { centerId: number; payload: Record<string, unknown> }): Promise<void> {
  await insertOutboxEvent(ex, { event: 'calendar.changed', centerId: e.centerId, payload: e.payload });
}
