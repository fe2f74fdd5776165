import type { Db } from '../platform/db/client.ts';
import { calendarOf } from './calendar-seed.ts';
import { listCalendarDays, listCalendarYears } from './calendar.repo.ts';
import type { WorkingCalendar } from './working-days.ts';

/** The calendar table in memory (a few thousand rows at most): loaded once, reloaded after a change. */
export type CalendarCache = { get: () => Promise<WorkingCalendar>; invalidate: () => void };

export function createCalendarCache(db: Db): CalendarCache {
  let loading: Promise<WorkingCalendar> | undefined;
  return {
    get: () => {
      loading ??= load(db).catch((err: unknown) => {
        loading = undefined;
        throw err;
      });
      return loading;
    },
    invalidate: () => {
      loading = undefined;
    },
  };
}

async function load(db: Db): Promise<WorkingCalendar> {
  const [years, days] = await Promise.all([listCalendarYears(db), listCalendarDays(db)]);
  return calendarOf(days, years.map((y) => y.year));
}
