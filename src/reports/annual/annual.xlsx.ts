/**
 * The report as an Excel workbook: one sheet per table in the official layout (merged cells as printed),
 * numbers as numbers, and a sheet with the texts. Sheet 表三 is also the import format for earlier years.
 */
import type { Worksheet } from 'exceljs';
import { placeCells, proactiveLayout, requestsLayout, reviewLayout, type LayoutTable } from './annual-layout.ts';
import type { AnnualReportDocument } from './annual.presenter.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const REQUESTS_SHEET = '表三';
/** Rows above a table: the title, then an empty row. */
export const TABLE_TOP = 3;

const WIDTHS: Record<LayoutTable['id'], number[]> = {
  proactive: [22, 16, 16, 16],
  requests: [8, 10, 40, ...Array<number>(7).fill(10)],
  review_litigation: Array<number>(15).fill(9),
};

export async function buildReportWorkbook(doc: AnnualReportDocument): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = doc.center.name;
  wb.title = doc.title;
  const sheets: [string, LayoutTable, boolean][] = [
    ['表二', proactiveLayout(doc), doc.tables.proactive.rows.length > 0],
    [REQUESTS_SHEET, requestsLayout(doc), true],
    ['表四', reviewLayout(doc), true],
  ];
  for (const [name, t, isShown] of sheets) {
    if (!isShown) continue;
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: TABLE_TOP - 1 + t.headerRows }] });
    writeTable(ws, t, `${doc.title}　${t.caption}`);
  }
  const texts = wb.addWorksheet('正文');
  texts.getColumn(1).width = 110;
  texts.addRow([doc.title]).font = { bold: true, size: 14 };
  for (const line of [doc.preamble, ...doc.sections.flatMap((s) => [s.title, s.text])].flatMap((t) => t.split('\n'))) {
    const row = texts.addRow([line]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function writeTable(ws: Worksheet, t: LayoutTable, title: string): void {
  ws.mergeCells(1, 1, 1, t.columnCount);
  const top = ws.getCell(1, 1);
  top.value = title;
  top.font = { bold: true, size: 13 };
  WIDTHS[t.id].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const border = { style: 'thin' as const };
  for (const c of placeCells(t)) {
    const r = TABLE_TOP + c.row;
    const col = 1 + c.col;
    if (c.rowSpan > 1 || c.colSpan > 1) ws.mergeCells(r, col, r + c.rowSpan - 1, col + c.colSpan - 1);
    const cell = ws.getCell(r, col);
    cell.value = c.kind === 'value' ? (c.value ?? 0) : c.text;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: c.kind === 'rowhead' || c.kind === 'corner' ? 'left' : 'center' };
    if (c.kind === 'head') cell.font = { bold: true };
  }
  const lastRow = TABLE_TOP + t.rows.length - 1;
  for (let r = TABLE_TOP; r <= lastRow; r++) for (let col = 1; col <= t.columnCount; col++) ws.getCell(r, col).border = { top: border, bottom: border, left: border, right: border };
}
