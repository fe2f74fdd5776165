/** Turns the year's aggregate rows into the report's tables (pure: every total is computed here). */
import { isOutcome } from '../../disclosure/disclosure.model.ts';
import {
  APPEAL_GROUPS,
  APPLICANT_COLUMN_IDS,
  emptyProactive,
  emptyRequestGrid,
  emptyReview,
  outcomeRows,
  REQUEST_ROWS,
  ROW,
  type AppealColumn,
  type AppealGroup,
  type ProactiveFigures,
  type RequestColumnId,
  type RequestGrid,
  type ReviewFigures,
} from './annual.model.ts';
import type { RequestCountRow } from './annual-counts.repo.ts';

/**
 * Table 三 of the 2021 format from the grouped counts. A case closed without an outcome of the vocabulary is
 * in no leaf row, so （七）总计 misses it and the balance check shows the difference instead of hiding it.
 */
export function requestGridOf(rows: readonly RequestCountRow[]): RequestGrid {
  const grid = emptyRequestGrid('2021');
  const add = (rowId: string, col: string, n: number) => {
    const row = grid[rowId];
    if (row && isApplicantColumn(col)) row[col] += n;
  };
  for (const r of rows) {
    add(ROW.received, r.applicantType, r.received);
    add(ROW.carriedIn, r.applicantType, r.carriedIn);
    add(ROW.carriedOut, r.applicantType, r.carriedOut);
    if (r.outcome !== null && isOutcome(r.outcome)) add(r.outcome, r.applicantType, r.closed);
  }
  return withTotals(grid);
}

/** Fills the （七）总计 row and the 总计 column from the other cells. */
export function withTotals(grid: RequestGrid, format: '2021' | '2019' = '2021'): RequestGrid {
  const out: RequestGrid = structuredClone(grid);
  const results = out[ROW.resultsTotal];
  if (results) for (const c of APPLICANT_COLUMN_IDS) results[c] = outcomeRows(format).reduce((n, r) => n + (out[r.id]?.[c] ?? 0), 0);
  for (const r of REQUEST_ROWS[format]) {
    const row = out[r.id];
    if (row) row.total = APPLICANT_COLUMN_IDS.reduce((n, c) => n + row[c], 0);
  }
  return out;
}

/** Table 四 from appeals grouped by kind and result, with each group's 总计. */
export function reviewFiguresOf(rows: readonly { kind: string; result: string; count: number }[]): ReviewFigures {
  const out = emptyReview();
  for (const r of rows) {
    if (!isAppealGroup(r.kind)) continue;
    const g = out[r.kind];
    if (isAppealResult(r.result)) g[r.result] += r.count;
    g.total += r.count;
  }
  return out;
}

/** Table 二: normative documents from the policy articles, the rest as staff recorded them for the year. */
export function proactiveFiguresOf(o: {
  normative: { issued: number; repealed: number; inForce: number };
  recorded: { licensing: number; penalty: number; coercion: number; feeFen: number; regulationsIssued: number; regulationsRepealed: number; regulationsInForce: number } | null;
}): ProactiveFigures {
  const p = emptyProactive();
  p.normativeDocuments = { ...o.normative };
  if (o.recorded) {
    p.regulations = { issued: o.recorded.regulationsIssued, repealed: o.recorded.regulationsRepealed, inForce: o.recorded.regulationsInForce };
    p.licensing = o.recorded.licensing;
    p.penalty = o.recorded.penalty;
    p.coercion = o.recorded.coercion;
    p.feeFen = o.recorded.feeFen;
  }
  return p;
}

function isApplicantColumn(c: string): c is Exclude<RequestColumnId, 'total'> {
  return (APPLICANT_COLUMN_IDS as readonly string[]).includes(c);
}

function isAppealGroup(k: string): k is AppealGroup {
  return (APPEAL_GROUPS as readonly string[]).includes(k);
}

function isAppealResult(r: string): r is Exclude<AppealColumn, 'total'> {
  return r === 'upheld' || r === 'corrected' || r === 'other' || r === 'pending';
}
