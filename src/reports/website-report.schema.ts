/** The query of the 网站年度报表 pages and the form of its entered rows; every error names the row in Chinese. */
import { cleanPlainText } from '../content/sanitize.ts';
import { beijingYear } from '../platform/dates.ts';
import type { FieldError } from '../platform/errors.ts';
import type { StatsScopeKind } from './publishing-stats.period.ts';
import { ENTERED_FIELDS, MAX_COUNT, MAX_TEXT, type EnteredValues } from './website-report.model.ts';

export type ReportQuery = { year: string; scope: string };

/** The first year a report may be asked for, and how far ahead of the current year. */
export const FIRST_REPORT_YEAR = 2000;

/**
 * `?year=2025&scope=self`. No year: the previous Beijing year (the form is filled in January for the year
 * before). A year must be four digits between 2000 and the current year.
 */
export function parseReportQuery(query: unknown, now: Date): { year: number; scope: StatsScopeKind; input: ReportQuery } | { errors: FieldError[]; input: ReportQuery } {
  const q = query && typeof query === 'object' ? (query as Record<string, unknown>) : {};
  const errors: FieldError[] = [];
  const text = (field: keyof ReportQuery, message: string): string => {
    const v = q[field];
    if (v === undefined) return '';
    if (typeof v !== 'string') {
      errors.push({ field, message });
      return '';
    }
    return v.trim().slice(0, 20);
  };
  const input = { year: text('year', '年度只能填写一个，如 2025'), scope: text('scope', '统计范围只能选择一个') };
  const current = beijingYear(now);
  let year = current - 1;
  if (input.year !== '') {
    const y = /^\d{4}$/.test(input.year) ? Number(input.year) : NaN;
    if (Number.isNaN(y) || y < FIRST_REPORT_YEAR || y > current) errors.push({ field: 'year', message: `年度应为 ${FIRST_REPORT_YEAR} 至 ${current} 之间的四位数字，如 ${current - 1}` });
    else year = y;
  }
  let scope: StatsScopeKind = 'self';
  if (input.scope === 'subtree') scope = 'subtree';
  else if (input.scope !== '' && input.scope !== 'self') errors.push({ field: 'scope', message: '统计范围应为“本中心网站”或“含下级中心”' });
  return errors.length > 0 ? { errors, input } : { year, scope, input };
}

/**
 * The entered rows of the form: a count is a whole number (empty: not entered), a yes/no row is `yes`, `no`
 * or empty, a choice one of its options, text at most 200 characters without markup.
 */
export function parseEnteredValues(raw: Record<string, unknown>): { values: EnteredValues; errors: FieldError[] } {
  const values: EnteredValues = {};
  const errors: FieldError[] = [];
  for (const f of ENTERED_FIELDS) {
    const v = raw[f.key];
    if (v !== undefined && typeof v !== 'string') {
      errors.push({ field: f.key, message: `${f.label}：只能填写一个值` });
      continue;
    }
    const s = (v ?? '').trim();
    if (s === '') continue;
    if (f.kind === 'count') {
      const n = /^\d{1,13}$/.test(s.replace(/,/g, '')) ? Number(s.replace(/,/g, '')) : NaN;
      if (Number.isNaN(n) || n > MAX_COUNT) errors.push({ field: f.key, message: `${f.label}：应为不小于 0 的整数${f.unit ? `（单位：${f.unit}）` : ''}` });
      else values[f.key] = n;
    } else if (f.kind === 'bool') {
      if (s === 'yes') values[f.key] = true;
      else if (s === 'no') values[f.key] = false;
      else errors.push({ field: f.key, message: `${f.label}：请选择“是”或“否”` });
    } else if (f.kind === 'choice') {
      if (f.choices?.includes(s)) values[f.key] = s;
      else errors.push({ field: f.key, message: `${f.label}：请从列出的选项中选择` });
    } else {
      const t = cleanPlainText(s);
      if (t.length > MAX_TEXT) errors.push({ field: f.key, message: `${f.label}：不能超过 ${MAX_TEXT} 个字` });
      else if (t !== '') values[f.key] = t;
    }
  }
  return { values, errors };
}
