/**
 * Working days (工作日) of the People's Republic of China: Monday–Friday, minus statutory holidays, plus the
 * State Council's make-up working days (调休上班). The days come from a `WorkingCalendar`: the versioned
 * calendar table (seeded from `chinese-days`, later years entered by an administrator when the State Council
 * announces them; `calendar.service.ts`), or in unit tests the seed itself (`calendar-seed.ts`). A year
 * not in the calendar falls back to Monday–Friday and every answer that touches it is marked provisional,
 * so a caller can say so instead of presenting a guess as the law.
 *
 * Dates are calendar dates 'YYYY-MM-DD' (Beijing).
 */

export type CalendarDay = { isWorkingDay: boolean; name: string };
export type WorkingCalendar = {
  /** Years whose arrangement is known. */
  years: ReadonlySet<number>;
  /** Days that differ from the Monday–Friday rule, or holidays that fall on a weekend (for their name). */
  days: ReadonlyMap<string, CalendarDay>;
};

export type DayKind = { isWorkingDay: boolean; isProvisional: boolean; /** why a day is not worked, or a make-up day's name */ name: string };
export type WorkingDayCount = { days: number; isProvisional: boolean };
export type WorkingDayResult = { date: string; isProvisional: boolean };
export type SkippedDay = { date: string; reason: string };

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** 周一 … 周日 of a date. */
export function weekdayName(date: string): string {
  return WEEKDAY[weekdayOf(date)] ?? '';
}

export function isWeekend(date: string): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}

export function dayKind(cal: WorkingCalendar, date: string): DayKind {
  const { y } = parts(date);
  const weekday = weekdayOf(date);
  const isRestDay = weekday === 0 || weekday === 6;
  if (!cal.years.has(y)) return { isWorkingDay: !isRestDay, isProvisional: true, name: WEEKDAY[weekday] ?? '' };
  const listed = cal.days.get(date);
  if (listed) return { isWorkingDay: listed.isWorkingDay, isProvisional: false, name: listed.name };
  return { isWorkingDay: !isRestDay, isProvisional: false, name: WEEKDAY[weekday] ?? '' };
}

/** Whether a date is a working day; `isProvisional` when its year is not in the calendar. */
export function isWorkingDay(cal: WorkingCalendar, date: string): { isWorkingDay: boolean; isProvisional: boolean } {
  const k = dayKind(cal, date);
  return { isWorkingDay: k.isWorkingDay, isProvisional: k.isProvisional };
}

/** Working days from `fromDate` to `toDate`, both ends included; 0 when `toDate` is before `fromDate`. */
export function countWorkingDays(cal: WorkingCalendar, fromDate: string, toDate: string): WorkingDayCount {
  let days = 0;
  let isProvisional = false;
  for (let day = fromDate; day <= toDate; day = shiftDay(day, 1)) {
    const w = dayKind(cal, day);
    if (w.isWorkingDay) days += 1;
    isProvisional ||= w.isProvisional;
  }
  return { days, isProvisional };
}

/**
 * The n-th working day after `date` (the day itself is not counted, as 民法典 第二百零一条 counts periods);
 * n = 0 returns `date`, a negative n counts backwards. `skipped` lists the non-working days passed over.
 */
export function addWorkingDays(cal: WorkingCalendar, date: string, n: number): WorkingDayResult & { skipped: SkippedDay[] } {
  let day = date;
  let isProvisional = false;
  const skipped: SkippedDay[] = [];
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(Math.trunc(n)); left > 0; ) {
    day = shiftDay(day, step);
    const w = dayKind(cal, day);
    isProvisional ||= w.isProvisional;
    if (w.isWorkingDay) left -= 1;
    else skipped.push({ date: day, reason: w.name });
  }
  return { date: day, isProvisional, skipped };
}

/** `date` if it is a working day, else the first working day after it (民法典 第二百零三条 roll-over). */
export function firstWorkingDayFrom(cal: WorkingCalendar, date: string): WorkingDayResult {
  let day = date;
  let isProvisional = false;
  // Bounded: the longest run of non-working days (春节 + weekends) is well under 15 days.
  for (let i = 0; i < 31; i++) {
    const w = dayKind(cal, day);
    isProvisional ||= w.isProvisional;
    if (w.isWorkingDay) break;
    day = shiftDay(day, 1);
  }
  return { date: day, isProvisional };
}

export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const dt = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return dt.toISOString().slice(0, 10) === value;
}

export function shiftDay(date: string, days: number): string {
  const { y, m, d } = parts(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function weekdayOf(date: string): number {
  const { y, m, d } = parts(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function parts(date: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}
