import { createRequire } from 'node:module';
import type { CalendarDayEntry } from './calendar.tables.ts';
import type { WorkingCalendar } from './working-days.ts';

/** The source of the seeded years, as recorded on each of them. */
export const SEED_SOURCE = 'chinese-days 1.5.7（国务院办公厅历年节假日安排通知）';
export const SEED_YEARS = { first: 2004, last: 2026 } as const;

type SeedData = { holidays: Record<string, string>; workdays: Record<string, string> };

/**
 * The days of the `chinese-days` package (2004–2026): holidays with their Chinese name, make-up working
 * days named after the holiday they pay back. The migration `0008` holds the same rows; this is for unit
 * tests and for `scripts/calendar-seed-sql.ts`, which wrote that migration.
 */
export function seedEntries(): CalendarDayEntry[] {
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as SeedData;
  const nameOf = (raw: string) => raw.split(',')[1] ?? raw;
  const out: CalendarDayEntry[] = [];
  for (const [day, raw] of Object.entries(data.holidays)) out.push({ day, isWorkingDay: false, name: nameOf(raw) });
  for (const [day, raw] of Object.entries(data.workdays)) out.push({ day, isWorkingDay: true, name: `${nameOf(raw)}调休上班` });
  return out.filter((e) => Number(e.day.slice(0, 4)) >= SEED_YEARS.first && Number(e.day.slice(0, 4)) <= SEED_YEARS.last).sort((a, b) => (a.day < b.day ? -1 : 1));
}

export function calendarOf(entries: CalendarDayEntry[], years: Iterable<number>): WorkingCalendar {
  return { years: new Set(years), days: new Map(entries.map((e) => [e.day, { isWorkingDay: e.isWorkingDay, name: e.name }])) };
}

let seeded: WorkingCalendar | undefined;
export function seedCalendar(): WorkingCalendar {
  const years: number[] = [];
  for (let y = SEED_YEARS.first; y <= SEED_YEARS.last; y++) years.push(y);
  seeded ??= calendarOf(seedEntries(), years);
  return seeded;
}
