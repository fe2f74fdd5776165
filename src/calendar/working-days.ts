import chineseDays from 'chinese-days';

/**
 * Working days (工作日) of the People's Republic of China: Monday–Friday, minus statutory holidays, plus the
 * State Council's make-up working days (调休上班). The data come from the `chinese-days` package, which
 * covers 2004–2026 in the installed version (1.5.7). Outside that range we fall back to Monday–Friday and
 * mark the answer provisional, so a caller can say so instead of presenting a guess as the law.
 *
 * Dates are calendar dates 'YYYY-MM-DD' (Beijing). A versioned calendar table will later replace the
 * package behind these same functions.
 */

export type WorkingDayCount = { days: number; isProvisional: boolean };
export type WorkingDayResult = { date: string; isProvisional: boolean };

/** The years the holiday data cover; keep in step with the installed chinese-days. */
export const COVERED_YEARS = { first: 2004, last: 2026 } as const;

/** Whether a date is a working day; `isProvisional` when the year is outside the covered range. */
export function isWorkingDay(date: string): { isWorkingDay: boolean; isProvisional: boolean } {
  const { y, m, d } = parts(date);
  if (!isCovered(y)) {
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    return { isWorkingDay: weekday >= 1 && weekday <= 5, isProvisional: true };
  }
  // A local-time Date: chinese-days reads the weekday and the calendar date with local getters, and parses a
  // 'YYYY-MM-DD' string as UTC midnight, which lands on the previous day west of Greenwich.
  return { isWorkingDay: chineseDays.isWorkday(new Date(y, m - 1, d)), isProvisional: false };
}

/** Working days from `fromDate` to `toDate`, both ends included; 0 when `toDate` is before `fromDate`. */
export function countWorkingDays(fromDate: string, toDate: string): WorkingDayCount {
  let days = 0;
  let isProvisional = false;
  for (let day = fromDate; day <= toDate; day = nextDay(day)) {
    const w = isWorkingDay(day);
    if (w.isWorkingDay) days += 1;
    isProvisional ||= w.isProvisional;
  }
  return { days, isProvisional };
}

/**
 * The n-th working day after `date` (the day itself is not counted, as 民法典 第二百零一条 counts periods);
 * n = 0 returns `date`, a negative n counts backwards.
 */
export function addWorkingDays(date: string, n: number): WorkingDayResult {
  let day = date;
  let isProvisional = false;
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(Math.trunc(n)); left > 0; ) {
    day = shiftDay(day, step);
    const w = isWorkingDay(day);
    isProvisional ||= w.isProvisional;
    if (w.isWorkingDay) left -= 1;
  }
  return { date: day, isProvisional };
}

/** `date` if it is a working day, else the first working day after it (民法典 第二百零三条 roll-over). */
export function firstWorkingDayFrom(date: string): WorkingDayResult {
  let day = date;
  let isProvisional = false;
  // Bounded: the longest run of non-working days (春节 + weekends) is well under 15 days.
  for (let i = 0; i < 31; i++) {
    const w = isWorkingDay(day);
    isProvisional ||= w.isProvisional;
    if (w.isWorkingDay) break;
    day = nextDay(day);
  }
  return { date: day, isProvisional };
}

function isCovered(year: number): boolean {
  return year >= COVERED_YEARS.first && year <= COVERED_YEARS.last;
}

function parts(date: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

function nextDay(date: string): string {
  return shiftDay(date, 1);
}

function shiftDay(date: string, days: number): string {
  const { y, m, d } = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
