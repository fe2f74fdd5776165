/**
 * The forms of figures staff type: an earlier year's table 三 (and table 二 for the 2021 format), and the
 * table-二 figures no feature records (行政许可, 行政处罚, 行政强制, 收费, 规章). Every problem names its cell.
 */
import type { FieldError } from '../../platform/errors.ts';
import { emptyProactive, REQUEST_COLUMN_IDS, REQUEST_COLUMN_LABELS, REQUEST_ROWS, zeroRow, type ProactiveFigures, type ReportFormat, type RequestGrid } from './annual.model.ts';

type Raw = Record<string, unknown>;

export const MAX_COUNT = 10_000_000;

export function gridFieldName(rowId: string, col: string): string {
  return `g.${rowId}.${col}`;
}

/** Table 三 as typed: every cell a non-negative whole number; an empty cell is 0. */
export function parseGridForm(raw: Raw, format: ReportFormat): { grid: RequestGrid; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const grid: RequestGrid = {};
  for (const r of REQUEST_ROWS[format]) {
    const row = zeroRow();
    for (const c of REQUEST_COLUMN_IDS) {
      const field = gridFieldName(r.id, c);
      const n = countOf(raw[field]);
      if (n === null) errors.push({ field, message: `“${r.label}”行“${REQUEST_COLUMN_LABELS[c]}”列：应为 0 至 ${MAX_COUNT} 的整数` });
      else row[c] = n;
    }
    grid[r.id] = row;
  }
  return { grid, errors };
}

/** The table-二 fields of a form (names `p.<key>`): counts, and 收费 in 元 with at most two decimals. */
export const PROACTIVE_FIELDS = [
  ['regulationsIssued', '规章 本年制发件数'],
  ['regulationsRepealed', '规章 本年废止件数'],
  ['regulationsInForce', '规章 现行有效件数'],
  ['normativeIssued', '行政规范性文件 本年制发件数'],
  ['normativeRepealed', '行政规范性文件 本年废止件数'],
  ['normativeInForce', '行政规范性文件 现行有效件数'],
  ['licensing', '行政许可 本年处理决定数量'],
  ['penalty', '行政处罚 本年处理决定数量'],
  ['coercion', '行政强制 本年处理决定数量'],
] as const;
export type ProactiveFieldKey = (typeof PROACTIVE_FIELDS)[number][0];

export function parseProactiveForm(raw: Raw, o: { hasNormative: boolean }): { figures: ProactiveFigures; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const n: Partial<Record<ProactiveFieldKey, number>> = {};
  for (const [key, label] of PROACTIVE_FIELDS) {
    if (!o.hasNormative && key.startsWith('normative')) continue;
    const v = countOf(raw[`p.${key}`]);
    if (v === null) errors.push({ field: `p.${key}`, message: `${label}：应为 0 至 ${MAX_COUNT} 的整数` });
    else n[key] = v;
  }
  const feeFen = yuanToFen(raw['p.feeYuan']);
  if (feeFen === null) errors.push({ field: 'p.feeYuan', message: '行政事业性收费（元）：应为金额，最多两位小数，如 4000.00' });
  const f = emptyProactive();
  f.regulations = { issued: n.regulationsIssued ?? 0, repealed: n.regulationsRepealed ?? 0, inForce: n.regulationsInForce ?? 0 };
  f.normativeDocuments = { issued: n.normativeIssued ?? 0, repealed: n.normativeRepealed ?? 0, inForce: n.normativeInForce ?? 0 };
  f.licensing = n.licensing ?? 0;
  f.penalty = n.penalty ?? 0;
  f.coercion = n.coercion ?? 0;
  f.feeFen = feeFen ?? 0;
  return { figures: f, errors };
}

function countOf(v: unknown): number | null {
  const s = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : v === undefined || v === null ? '' : null;
  if (s === null) return null;
  if (s === '') return 0;
  if (!/^\d{1,8}$/.test(s)) return null;
  const n = Number(s);
  return n <= MAX_COUNT ? n : null;
}

function yuanToFen(v: unknown): number | null {
  const s = typeof v === 'string' ? v.trim().replace(/,/g, '') : typeof v === 'number' ? String(v) : v === undefined || v === null ? '' : null;
  if (s === null) return null;
  if (s === '') return 0;
  const m = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
