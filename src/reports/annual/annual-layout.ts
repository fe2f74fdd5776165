/**
 * The statutory layout of tables 二, 三 and 四 (merged header cells as in the Word template), computed once
 * from a report document and drawn by the HTML, Word and Excel renderers alike. Rows list only the cells
 * that start there (HTML semantics); `placeCells` gives each cell its grid position for Excel merges.
 */
import {
  APPEAL_COLUMN_LABELS,
  APPEAL_COLUMNS,
  APPEAL_GROUP_LABELS,
  APPLICANT_HEADER,
  LITIGATION_HEADER,
  ORGANISATION_HEADER,
  PROACTIVE_CONTENT_HEADER,
  REQUEST_COLUMN_IDS,
  REQUEST_COLUMN_LABELS,
  REQUEST_TABLE_NOTE,
  reviewColumnId,
} from './annual.model.ts';
import type { AnnualReportDocument } from './annual.presenter.ts';

/** head: a column header; rowhead: a row's label; group: a label over several rows; value: a number. */
export type CellKind = 'corner' | 'head' | 'rowhead' | 'group' | 'value';
export type LayoutCell = { text: string; kind: CellKind; colSpan: number; rowSpan: number; value?: number };
export type LayoutTable = { id: 'proactive' | 'requests' | 'review_litigation'; caption: string; columnCount: number; headerRows: number; rows: LayoutCell[][] };

const cell = (text: string, kind: CellKind, colSpan = 1, rowSpan = 1): LayoutCell => ({ text, kind, colSpan, rowSpan });
const value = (n: number, colSpan = 1): LayoutCell => ({ text: String(n), kind: 'value', colSpan, rowSpan: 1, value: n });

/** Table 三: three label columns (the merged note cell on top), the seven applicant columns. */
export function requestsLayout(doc: AnnualReportDocument): LayoutTable {
  const rows: LayoutCell[][] = [
    [cell(REQUEST_TABLE_NOTE, 'corner', 3, 3), cell(APPLICANT_HEADER, 'head', 7)],
    [cell(REQUEST_COLUMN_LABELS.natural_person, 'head', 1, 2), cell(ORGANISATION_HEADER, 'head', 5), cell(REQUEST_COLUMN_LABELS.total, 'head', 1, 2)],
    REQUEST_COLUMN_IDS.filter((c) => c !== 'natural_person' && c !== 'total').map((c) => cell(REQUEST_COLUMN_LABELS[c], 'head')),
  ];
  const data = doc.tables.requests.rows;
  const results = data.filter((r) => r.groups.length > 0);
  let seenResults = false;
  const seenGroups = new Set<string>();
  for (const r of data) {
    const line: LayoutCell[] = [];
    const [top, group] = r.groups;
    if (!top) line.push(cell(r.label, 'rowhead', 3));
    else {
      if (!seenResults) {
        line.push(cell(top, 'group', 1, results.length));
        seenResults = true;
      }
      if (!group) line.push(cell(r.label, 'rowhead', 2));
      else {
        if (!seenGroups.has(group)) {
          line.push(cell(group, 'group', 1, results.filter((x) => x.groups[1] === group).length));
          seenGroups.add(group);
        }
        line.push(cell(r.label, 'rowhead'));
      }
    }
    for (const c of REQUEST_COLUMN_IDS) line.push(value(r.values[c] ?? 0));
    rows.push(line);
  }
  return { id: 'requests', caption: '收到和处理政府信息公开申请情况', columnCount: 10, headerRows: 3, rows };
}

/** Table 二: four blocks of 第二十条, each with its own header row; one-column blocks span the three columns. */
export function proactiveLayout(doc: AnnualReportDocument): LayoutTable {
  const t = doc.tables.proactive;
  const rows: LayoutCell[][] = [];
  for (const b of t.blocks) {
    rows.push([cell(b.title, 'head', 4)]);
    const span = b.columns.length === 1 ? 3 : 1;
    rows.push([cell(PROACTIVE_CONTENT_HEADER, 'head'), ...b.columns.map((c) => cell(c.label, 'head', span))]);
    for (const r of t.rows.filter((x) => x.block === b.id)) rows.push([cell(r.label, 'rowhead'), ...b.columns.map((c) => value(r.values[c.id] ?? 0, span))]);
  }
  return { id: 'proactive', caption: '主动公开政府信息情况', columnCount: 4, headerRows: 0, rows };
}

/** Table 四: 行政复议 (5 columns) and 行政诉讼 (未经复议直接起诉, 复议后起诉: 5 each), one row of 15 numbers. */
export function reviewLayout(doc: AnnualReportDocument): LayoutTable {
  const v = doc.tables.reviewLitigation.values;
  const labels = (rowSpan: number) => APPEAL_COLUMNS.map((c) => cell(APPEAL_COLUMN_LABELS[c], 'head', 1, rowSpan));
  const rows: LayoutCell[][] = [
    [cell(APPEAL_GROUP_LABELS.reconsideration, 'head', 5), cell(LITIGATION_HEADER, 'head', 10)],
    [...labels(2), cell(APPEAL_GROUP_LABELS.litigation_direct, 'head', 5), cell(APPEAL_GROUP_LABELS.litigation_after_reconsideration, 'head', 5)],
    [...labels(1), ...labels(1)],
    (['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const).flatMap((g) => APPEAL_COLUMNS.map((c) => value(v[reviewColumnId(g, c)] ?? 0))),
  ];
  return { id: 'review_litigation', caption: '政府信息公开行政复议、行政诉讼情况', columnCount: 15, headerRows: 3, rows };
}

export type PlacedCell = LayoutCell & { row: number; col: number };

/** Each cell with its 0-based grid position, skipping the slots that merged cells above or left occupy. */
export function placeCells(t: LayoutTable): PlacedCell[] {
  const taken = new Set<string>();
  const out: PlacedCell[] = [];
  t.rows.forEach((line, row) => {
    let col = 0;
    for (const c of line) {
      while (taken.has(`${row}:${col}`)) col++;
      out.push({ ...c, row, col });
      for (let dr = 0; dr < c.rowSpan; dr++) for (let dc = 0; dc < c.colSpan; dc++) taken.add(`${row + dr}:${col + dc}`);
      col += c.colSpan;
    }
  });
  return out;
}
