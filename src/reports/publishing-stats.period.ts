/**
 * The period of 发布统计: a year, a quarter, a month or a custom range of Beijing calendar dates (both ends
 * included), and the calendar arithmetic the disclosure tasks share (month and quarter bounds).
 */
import { beijingYear } from '../platform/dates.ts';
import type { FieldError } from '../platform/errors.ts';
import { parseStatsQuery } from './trading-stats.period.ts';

export type PeriodKind = 'year' | 'quarter' | 'month' | 'range';

export type PublishingPeriod = {
  kind: PeriodKind;
  /** YYYY-MM-DD, Beijing, both included. */
  from: string;
  to: string;
  /** The year of a year, quarter or month period; null for a custom range. */
  year: number | null;
  quarter: number | null;
  month: number | null;
  label: string;
};

/** 本中心及下级中心 (the default) or 仅本中心. */
export type StatsScopeKind = 'subtree' | 'self';

export type PublishingQuery = { year: string; quarter: string; month: string; from: string; to: string; scope: string };

export const QUARTER_LABELS = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;

/**
 * Reads `?year=2025` (optionally `&quarter=2` or `&month=3`), or `?from=&to=`, and `&scope=self`. No
 * parameter: the current Beijing year, the center and its descendants. Every unreadable value is a field
 * error in Chinese, never a silent default.
 */
export function parsePublishingQuery(query: unknown, now: Date): { period: PublishingPeriod; scope: StatsScopeKind; input: PublishingQuery } | { errors: FieldError[]; input: PublishingQuery } {
  const q = query && typeof query === 'object' ? (query as Record<string, unknown>) : {};
  const errors: FieldError[] = [];
  const text = (field: 'quarter' | 'month' | 'scope', message: string): string => {
    const v = q[field];
    if (v === undefined) return '';
    if (typeof v !== 'string') {
      errors.push({ field, message });
      return '';
    }
    return v.trim().slice(0, 40);
  };
  const quarterRaw = text('quarter', '季度只能选择一个');
  const monthRaw = text('month', '月份只能选择一个');
  const scopeRaw = text('scope', '统计范围只能选择一个');
  const base = parseStatsQuery({ year: q.year, from: q.from, to: q.to }, now);
  const input: PublishingQuery = { ...base.input, quarter: quarterRaw, month: monthRaw, scope: scopeRaw };
  if ('errors' in base) errors.push(...base.errors);

  const quarter = quarterRaw === '' ? null : /^[1-4]$/.test(quarterRaw) ? Number(quarterRaw) : NaN;
  const month = monthRaw === '' ? null : /^(?:[1-9]|1[0-2]|0[1-9])$/.test(monthRaw) ? Number(monthRaw) : NaN;
  if (Number.isNaN(quarter)) errors.push({ field: 'quarter', message: '季度应为 1 至 4 之间的数字' });
  if (Number.isNaN(month)) errors.push({ field: 'month', message: '月份应为 1 至 12 之间的数字' });
  if (quarter !== null && month !== null && !Number.isNaN(quarter) && !Number.isNaN(month)) errors.push({ field: 'quarter', message: '季度和月份只能选择其中一项' });
  const hasDates = input.from !== '' || input.to !== '';
  if (hasDates && (quarter !== null || month !== null)) errors.push({ field: 'from', message: '按起止日期查询时，不能同时选择季度或月份' });
  let scope: StatsScopeKind = 'subtree';
  if (scopeRaw === 'self') scope = 'self';
  else if (scopeRaw !== '' && scopeRaw !== 'subtree') errors.push({ field: 'scope', message: '统计范围应为“本中心及下级中心”或“仅本中心”' });
  if (errors.length > 0 || 'errors' in base) return { errors, input };

  if (hasDates) {
    const p = base.period;
    return { period: p.year !== null ? yearPeriod(p.year) : { kind: 'range', from: p.from, to: p.to, year: null, quarter: null, month: null, label: p.label }, scope, input };
  }
  const year = input.year === '' ? beijingYear(now) : Number(input.year);
  if (quarter !== null) return { period: quarterPeriod(year, quarter), scope, input };
  if (month !== null) return { period: monthPeriod(year, month), scope, input };
  return { period: yearPeriod(year), scope, input };
}

export function yearPeriod(year: number): PublishingPeriod {
  return { kind: 'year', from: `${year}-01-01`, to: `${year}-12-31`, year, quarter: null, month: null, label: `${year}年` };
}

export function quarterPeriod(year: number, quarter: number): PublishingPeriod {
  const first = (quarter - 1) * 3 + 1;
  return { kind: 'quarter', from: `${year}-${pad2(first)}-01`, to: `${year}-${pad2(first + 2)}-${pad2(daysInMonth(year, first + 2))}`, year, quarter, month: null, label: `${year}年${QUARTER_LABELS[quarter - 1] ?? ''}` };
}

export function monthPeriod(year: number, month: number): PublishingPeriod {
  return { kind: 'month', from: `${year}-${pad2(month)}-01`, to: `${year}-${pad2(month)}-${pad2(daysInMonth(year, month))}`, year, quarter: null, month, label: `${year}年${month}月` };
}

/** The query string that names a period and a scope (links to the Excel file, the other forms). */
export function publishingQueryString(p: PublishingPeriod, scope: StatsScopeKind): string {
  const period =
    p.kind === 'year' ? `year=${p.year}` : p.kind === 'quarter' ? `year=${p.year}&quarter=${p.quarter}` : p.kind === 'month' ? `year=${p.year}&month=${p.month}` : `from=${p.from}&to=${p.to}`;
  return scope === 'self' ? `${period}&scope=self` : period;
}

/** Days in a month of the Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The quarter (1–4) of a month (1–12). */
export function quarterOfMonth(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/** Whole calendar days from `a` to `b` (YYYY-MM-DD); negative when `b` is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The day `n` days after `day` (YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
