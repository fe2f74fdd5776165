import chineseDays from 'chinese-days';

/**
 * Calendar arithmetic for the trading plan. A day is an integer (days since 1970-01-01 of the Beijing
 * calendar), a moment is a day plus minutes after Beijing midnight; both turn into the model's strings
 * ('YYYY-MM-DD' and ISO instants with +08:00) only at the edge. Working days follow the State Council
 * calendar (holidays and make-up working days) as packaged in `chinese-days`.
 */

export type Moment = { day: number; minute: number };

export function dayFromString(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86400_000);
}

const dayStrings = new Map<number, string>();

export function dayToString(day: number): string {
  let s = dayStrings.get(day);
  if (s === undefined) {
    s = new Date(day * 86400_000).toISOString().slice(0, 10);
    dayStrings.set(day, s);
  }
  return s;
}

export function dayParts(day: number): { y: number; m: number; d: number } {
  const t = new Date(day * 86400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 2026年3月12日 */
export function cnDay(day: number): string {
  const { y, m, d } = dayParts(day);
  return `${y}年${m}月${d}日`;
}

/** 2026年3月12日9时30分 — the way notices state deadlines (北京时间). */
export function cnMoment(at: Moment): string {
  const minutes = at.minute % 60;
  return `${cnDay(at.day)}${Math.floor(at.minute / 60)}时${String(minutes).padStart(2, '0')}分`;
}

export function momentKey(at: Moment): number {
  return at.day * 1440 + at.minute;
}

/** ISO instant with the Beijing offset: 2026-03-12T09:30:00+08:00. */
export function momentToIso(at: Moment): string {
  const h = String(Math.floor(at.minute / 60)).padStart(2, '0');
  const mi = String(at.minute % 60).padStart(2, '0');
  return `${dayToString(at.day)}T${h}:${mi}:00+08:00`;
}

export function hm(hours: number, minutes = 0): number {
  return hours * 60 + minutes;
}

const workdayCache = new Map<number, boolean>();

export function isWorkday(day: number): boolean {
  let known = workdayCache.get(day);
  if (known === undefined) {
    known = chineseDays.isWorkday(dayToString(day));
    workdayCache.set(day, known);
  }
  return known;
}

/** The day itself when it is a working day, else the next one. */
export function onOrNextWorkday(day: number): number {
  let d = day;
  while (!isWorkday(d)) d++;
  return d;
}

/** The day itself when it is a working day, else the previous one. */
export function onOrPreviousWorkday(day: number): number {
  let d = day;
  while (!isWorkday(d)) d--;
  return d;
}

/** The n-th working day after `day` (n ≥ 1; `day` itself never counts). */
export function addWorkdays(day: number, n: number): number {
  let d = day;
  for (let left = n; left > 0; ) {
    d++;
    if (isWorkday(d)) left--;
  }
  return d;
}

/** Working days in (from, to]. */
export function workdaysBetween(from: number, to: number): number {
  let n = 0;
  for (let d = from + 1; d <= to; d++) if (isWorkday(d)) n++;
  return n;
}
