import { beijingYear, formatDate, parseDateOnly } from '../platform/dates.ts';
import type { FieldError } from '../platform/errors.ts';

/** A statistics period: Beijing calendar dates, both ends included. */
export type StatsPeriod = { from: string; to: string; year: number | null; label: string };

export type PeriodQuery = { year: string; from: string; to: string };

export const MAX_PERIOD_YEARS = 10;

/**
 * Reads `?year=2026` or `?from=&to=` (dates win when given). No parameter: the current Beijing year.
 * A `from` alone runs to today; a `to` alone starts on 1 January of its year. Anything unreadable is a
 * field error in Chinese, never a silent default.
 */
export function parseStatsQuery(query: unknown, now: Date): { period: StatsPeriod; input: PeriodQuery } | { errors: FieldError[]; input: PeriodQuery } {
  const q = query && typeof query === 'object' ? (query as Record<string, unknown>) : {};
  const errors: FieldError[] = [];
  const text = (field: keyof PeriodQuery, message: string): string => {
    const v = q[field];
    if (v === undefined) return '';
    if (typeof v !== 'string') {
      errors.push({ field, message });
      return '';
    }
    return v.trim().slice(0, 40);
  };
  const input: PeriodQuery = {
    year: text('year', '年份只能填写一个，如 2026'),
    from: text('from', '起始日期只能填写一个'),
    to: text('to', '截止日期只能填写一个'),
  };
  let year: number | null = null;
  if (input.year !== '') {
    year = /^\d{4}$/.test(input.year) ? Number(input.year) : null;
    if (year === null || year < 1949 || year > 2100) errors.push({ field: 'year', message: '年份应为 1949 至 2100 之间的四位数字，如 2026' });
  }
  const from = input.from === '' ? null : parseDateOnly(input.from);
  const to = input.to === '' ? null : parseDateOnly(input.to);
  if (input.from !== '' && from === null) errors.push({ field: 'from', message: '起始日期格式应为“年-月-日”，如 2026-01-01' });
  if (input.to !== '' && to === null) errors.push({ field: 'to', message: '截止日期格式应为“年-月-日”，如 2026-12-31' });
  if (errors.length > 0) return { errors, input };

  if (from === null && to === null) {
    const y = year ?? beijingYear(now);
    return { period: yearPeriod(y), input };
  }
  const start = from ?? `${(to ?? '').slice(0, 4)}-01-01`;
  const end = to ?? formatDate(now);
  if (start > end) return { errors: [{ field: 'from', message: '起始日期不能晚于截止日期' }], input };
  if (Number(end.slice(0, 4)) - Number(start.slice(0, 4)) >= MAX_PERIOD_YEARS) {
    return { errors: [{ field: 'from', message: `统计期间不能超过 ${MAX_PERIOD_YEARS} 年` }], input };
  }
  const y = Number(start.slice(0, 4));
  if (start === `${y}-01-01` && end === `${y}-12-31`) return { period: yearPeriod(y), input };
  return { period: { from: start, to: end, year: null, label: `${start} 至 ${end}` }, input };
}

export function yearPeriod(year: number): StatsPeriod {
  return { from: `${year}-01-01`, to: `${year}-12-31`, year, label: `${year}年` };
}

/** The query string that names a period (for links to the Excel file and the other page). */
export function periodQueryString(p: StatsPeriod): string {
  return p.year !== null ? `year=${p.year}` : `from=${p.from}&to=${p.to}`;
}
