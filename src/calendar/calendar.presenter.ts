import type { CalendarYear } from './calendar.repo.ts';
import type { CalendarDayEntry } from './calendar.tables.ts';
import type { SkippedDay, WorkingDayResult } from './working-days.ts';

/** What leaves about a year: never who changed it (that is for the audit log). */
export function presentYear(y: CalendarYear) {
  return { year: y.year, source: y.source, version: y.version, updatedAt: y.updatedAt.toISOString() };
}

export function presentDay(d: CalendarDayEntry) {
  return { date: d.day, isWorkingDay: d.isWorkingDay, name: d.name };
}

export function presentWorkingDays(r: WorkingDayResult & { skipped: SkippedDay[] }) {
  return { date: r.date, provisional: r.isProvisional, skipped: r.skipped.map((s) => ({ date: s.date, reason: s.reason })) };
}
