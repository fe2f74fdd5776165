import { Type } from 'typebox';
import type { FieldError } from '../platform/errors.ts';
import { isIsoDate } from './working-days.ts';

/**
 * Parameters and answers of the public calendar API. The TypeBox schemas document the API (OpenAPI); the
 * handlers check the parameters with the parsers below, so every message is Chinese and names the field.
 */

/** Dates the API answers for: wider than any case file, narrow enough that one answer stays a short loop. */
export const QUERY_YEARS = { first: 1990, last: 2100 } as const;
export const MAX_ADD = 250;

export type WorkingDaysQuery = { from: string; add: number };

export const WorkingDaysQuerySchema = Type.Object({
  from: Type.String({ format: 'date', description: `开始日期（YYYY-MM-DD，北京时间，${QUERY_YEARS.first}–${QUERY_YEARS.last} 年）；本日不计入` }),
  add: Type.Integer({ minimum: -MAX_ADD, maximum: MAX_ADD, description: `工作日数 N（${-MAX_ADD} 到 ${MAX_ADD} 的整数；0 返回开始日期本身，负数向前数）` }),
});

export const WorkingDaysBody = Type.Object({
  date: Type.String({ format: 'date', description: '开始日期之后第 N 个工作日' }),
  provisional: Type.Boolean({ description: '为 true 时，计算经过了尚未录入国务院节假日安排的年份（按周一至周五推算），结果可能变化' }),
  skipped: Type.Array(Type.Object({ date: Type.String({ format: 'date' }), reason: Type.String({ description: '节假日名称（如 国庆节），或 周六 / 周日' }) }), {
    description: '途经的非工作日',
  }),
});

const YearItem = {
  year: Type.Integer(),
  source: Type.String({ description: '依据，如 国办发明电〔2025〕7号' }),
  version: Type.Integer({ description: '版本号，每次修改加 1' }),
  updatedAt: Type.String({ format: 'date-time' }),
};
export const YearListBody = Type.Object({ items: Type.Array(Type.Object(YearItem)) });
export const YearBody = Type.Object({
  ...YearItem,
  days: Type.Array(Type.Object({ date: Type.String({ format: 'date' }), isWorkingDay: Type.Boolean({ description: 'true 为调休上班日，false 为放假日' }), name: Type.String() }), {
    description: '与“周一至周五上班”不同的日子，以及落在周末的法定节假日',
  }),
});
export const YearParams = Type.Object({ year: Type.Integer({ minimum: QUERY_YEARS.first, maximum: QUERY_YEARS.last }) });

/** Parses `?from=&add=` strictly; a repeated, missing or malformed parameter is a field error, never a throw. */
export function parseWorkingDaysQuery(raw: unknown): { query: WorkingDaysQuery; errors: [] } | { query: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const from = parseFrom(param(raw, 'from'), errors);
  const add = parseAdd(param(raw, 'add'), errors);
  if (from === null || add === null || errors.length > 0) return { query: null, errors };
  return { query: { from, add }, errors: [] };
}

/** A year in the API's range, or a field error naming 年份. */
export function parseYearParam(raw: unknown): { year: number } | { error: FieldError } {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < QUERY_YEARS.first || n > QUERY_YEARS.last) return { error: { field: 'year', message: `年份：应为 ${QUERY_YEARS.first} 到 ${QUERY_YEARS.last} 之间的四位整数` } };
  return { year: n };
}

function param(raw: unknown, name: string): unknown {
  return typeof raw === 'object' && raw !== null ? Reflect.get(raw, name) : undefined;
}

function parseFrom(v: unknown, errors: FieldError[]): string | null {
  const field = 'from';
  if (v === undefined || v === '') return fail(errors, field, '开始日期：缺少必填项（格式 YYYY-MM-DD，如 2026-09-30）');
  if (typeof v !== 'string') return fail(errors, field, '开始日期：只能填写一个日期');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return fail(errors, field, '开始日期：应为 YYYY-MM-DD 格式的日期，如 2026-09-30');
  if (!isIsoDate(v)) return fail(errors, field, `开始日期：${v} 不是存在的日期`);
  const year = Number(v.slice(0, 4));
  if (year < QUERY_YEARS.first || year > QUERY_YEARS.last) return fail(errors, field, `开始日期：应在 ${QUERY_YEARS.first}-01-01 到 ${QUERY_YEARS.last}-12-31 之间`);
  return v;
}

function parseAdd(v: unknown, errors: FieldError[]): number | null {
  const field = 'add';
  if (v === undefined || v === '') return fail(errors, field, `工作日数：缺少必填项（${-MAX_ADD} 到 ${MAX_ADD} 之间的整数）`);
  // The schema's type coercion may already have turned "7" into 7; anything else stays the raw string.
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^[+-]?\d{1,6}$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n)) return fail(errors, field, Array.isArray(v) ? '工作日数：只能填写一个数' : '工作日数：应为整数');
  if (Math.abs(n) > MAX_ADD) return fail(errors, field, `工作日数：应在 ${-MAX_ADD} 到 ${MAX_ADD} 之间`);
  return n === 0 ? 0 : n; // no -0 in the answer
}

function fail(errors: FieldError[], field: string, message: string): null {
  errors.push({ field, message });
  return null;
}
