/**
 * Reads table 三 of an earlier year's report from an Excel workbook: the sheet 表三 (or the first sheet that
 * holds “本年新收”), the data rows in the official order, seven numbers each (自然人 … 总计). The format is
 * told by the number of rows (2021: 25, 2019 trial: 23) and every row's label is checked, so a sheet with
 * rows out of order is refused with the row named, never silently misread.
 */
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { REQUEST_COLUMN_IDS, REQUEST_ROWS, zeroRow, type ReportFormat, type RequestGrid } from './annual.model.ts';
import { REQUESTS_SHEET } from './annual.xlsx.ts';

export type ImportedGrid = { format: ReportFormat; grid: RequestGrid };

export async function readRequestGrid(data: Buffer): Promise<ImportedGrid> {
  const { default: ExcelJS } = await import('exceljs');
  const wb: Workbook = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(toArrayBuffer(data));
  } catch (cause) {
    throw new AppError('ANNUAL_REPORT_IMPORT_UNREADABLE', { userMessage: '无法读取该文件：请上传 .xlsx 格式的 Excel 文件（可先下载本平台导出的年度报告表格作为模板）', cause });
  }
  const ws = wb.getWorksheet(REQUESTS_SHEET) ?? wb.worksheets.find((s) => sheetText(s).includes('本年新收'));
  if (!ws) throw unreadable('找不到表三：请把“收到和处理政府信息公开申请情况”表放在名为“表三”的工作表中');
  const lines: { rowNo: number; text: string; numbers: CellValue[] }[] = [];
  ws.eachRow((row, rowNo) => {
    const values = cellsOf(row.values);
    const numbers = values.filter((v) => numberOf(v) !== null || isNegativeOrDecimal(v));
    if (numbers.length >= 7) lines.push({ rowNo, text: normalize(values.filter((v) => numberOf(v) === null && !isNegativeOrDecimal(v)).map(textOf).join('')), numbers: numbers.slice(-7) });
  });
  const format: ReportFormat | null = lines.length === REQUEST_ROWS['2021'].length ? '2021' : lines.length === REQUEST_ROWS['2019'].length ? '2019' : null;
  if (!format) throw unreadable(`表三：找到 ${lines.length} 行数据，2021 年格式应为 ${REQUEST_ROWS['2021'].length} 行、2019 年试行格式应为 ${REQUEST_ROWS['2019'].length} 行（每行 7 个数字：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）`);
  const errors: FieldError[] = [];
  const grid: RequestGrid = {};
  REQUEST_ROWS[format].forEach((def, i) => {
    const line = lines[i];
    if (!line) return;
    if (!labelMatches(line.text, def.label)) errors.push({ field: `row${line.rowNo}`, message: `表三第 ${line.rowNo} 行：应为“${def.label}”，实际为“${line.text.slice(0, 40) || '（空）'}”` });
    const row = zeroRow();
    REQUEST_COLUMN_IDS.forEach((c, k) => {
      const n = numberOf(line.numbers[k] ?? null);
      if (n === null) errors.push({ field: `row${line.rowNo}`, message: `表三第 ${line.rowNo} 行（${def.label}）第 ${k + 1} 个数：应为非负整数` });
      else row[c] = n;
    });
    grid[def.id] = row;
  });
  if (errors.length > 0) throw new AppError('ANNUAL_REPORT_IMPORT_UNREADABLE', { userMessage: `${errors[0]?.message ?? '表三有误'}${errors.length > 1 ? `（共 ${errors.length} 处问题）` : ''}`, fields: errors.slice(0, 50) });
  return { format, grid };
}

/** A copy of the bytes as a plain ArrayBuffer (what exceljs's typings accept; a Buffer may view a shared pool). */
export function toArrayBuffer(data: Uint8Array): ArrayBuffer {
  const out = new ArrayBuffer(data.byteLength);
  new Uint8Array(out).set(data);
  return out;
}

/** Labels compare after folding the spellings seen in published reports (half-width brackets, 政务信息, spaces). */
export function normalize(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[“”"'‘’]/g, '')
    .replace(/[．、,，]/g, '.')
    .replace(/政务信息/g, '政府信息');
}

function labelMatches(text: string, label: string): boolean {
  const full = normalize(label);
  const core = full.replace(/^(（.）|\d+\.|[一二三四]\.)/, '').replace(/（区分处理的.*$/, '');
  return text.includes(full) || text.includes(core);
}

function numberOf(v: CellValue): number | null {
  const raw = typeof v === 'object' && v !== null && 'result' in v ? v.result : v;
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 && raw <= 10_000_000 ? raw : null;
  if (typeof raw === 'string' && /^\s*\d{1,8}\s*$/.test(raw)) return Number(raw);
  return null;
}

/** A number that is not a count (negative, decimal): still a data cell, refused with its row named. */
function isNegativeOrDecimal(v: CellValue): boolean {
  const raw = typeof v === 'object' && v !== null && 'result' in v ? v.result : v;
  return (typeof raw === 'number' && numberOf(raw) === null) || (typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) && numberOf(raw) === null);
}

/** A row's values left to right (exceljs gives a 1-based sparse array). */
function cellsOf(values: CellValue[] | Record<string, CellValue>): CellValue[] {
  return Array.isArray(values) ? Array.from(values.slice(1), (v) => v ?? null) : Object.values(values);
}

function textOf(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v && typeof v.text === 'string') return v.text;
  return '';
}

function sheetText(ws: Worksheet): string {
  let s = '';
  ws.eachRow((row) => {
    s += cellsOf(row.values).map(textOf).join('');
  });
  return s;
}

function unreadable(userMessage: string): AppError {
  return new AppError('ANNUAL_REPORT_IMPORT_UNREADABLE', { userMessage });
}
