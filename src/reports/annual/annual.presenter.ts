/**
 * A report as a document (DESIGN.md "Public contract"): the JSON answer, the snapshot kept per submitted
 * revision, and the one input of the HTML, Word and Excel renderers. Only these fields leave.
 */
import {
  APPEAL_COLUMN_LABELS,
  APPEAL_COLUMNS,
  APPEAL_GROUP_LABELS,
  APPEAL_GROUPS,
  cellOf,
  fenToWanExact,
  ORGANISATION_HEADER,
  PROACTIVE_BLOCKS,
  PROACTIVE_ROWS,
  REQUEST_COLUMN_IDS,
  REQUEST_COLUMN_LABELS,
  REQUEST_ROWS,
  RESULTS_HEADER,
  reviewColumnId,
  SECTION_IDS,
  SECTION_TITLES,
  OUTCOME_GROUP_HEADERS,
  type AnnualFigures,
  type CheckResult,
  type Narrative,
  type ProactiveFigures,
  type ReportFormat,
  type ReportStatus,
} from './annual.model.ts';

export type ReportColumn = { id: string; label: string; group?: string };
export type ReportRow = { id: string; label: string; groups: string[]; values: Record<string, number> };
export type ProactiveRow = { id: string; block: string; label: string; values: Record<string, number> };

export type AnnualReportDocument = {
  year: number;
  center: { code: string; name: string };
  title: string;
  format: ReportFormat;
  status: ReportStatus;
  preamble: string;
  sections: { id: string; title: string; text: string }[];
  tables: {
    proactive: { blocks: { id: string; title: string; columns: ReportColumn[] }[]; rows: ProactiveRow[] };
    requests: { columns: ReportColumn[]; rows: ReportRow[] };
    reviewLitigation: { columns: (ReportColumn & { group: string; groupLabel: string })[]; values: Record<string, number> };
  };
  checks: { id: string; ok: boolean; level: string; message: string }[];
};

export type ReportParts = { year: number; center: { code: string; name: string }; status: ReportStatus; figures: AnnualFigures; narrative: Narrative; checks: readonly CheckResult[] };

export function reportTitle(centerName: string, year: number): string {
  return `${centerName}${year}年政府信息公开工作年度报告`;
}

/** The document of a report: sections 一 to 六 (texts as edited), the three tables with their verbatim labels, the checks. */
export function presentReport(r: ReportParts): AnnualReportDocument {
  const f = r.figures;
  return {
    year: r.year,
    center: { code: r.center.code, name: r.center.name },
    title: reportTitle(r.center.name, r.year),
    format: f.format,
    status: r.status,
    preamble: r.narrative.preamble?.text ?? '',
    sections: SECTION_IDS.map((id) => ({ id, title: SECTION_TITLES[id], text: r.narrative[id]?.text ?? '' })),
    tables: { proactive: presentProactive(f.proactive), requests: presentRequests(f), reviewLitigation: presentReview(f) },
    checks: r.checks.map((c) => ({ id: c.id, ok: c.ok, level: c.level, message: c.message })),
  };
}

function presentRequests(f: AnnualFigures): AnnualReportDocument['tables']['requests'] {
  const columns = REQUEST_COLUMN_IDS.map((id) => ({ id, label: REQUEST_COLUMN_LABELS[id], ...(id !== 'natural_person' && id !== 'total' ? { group: ORGANISATION_HEADER } : {}) }));
  const rows = REQUEST_ROWS[f.format].map((r) => {
    const groupHeader = r.group ? OUTCOME_GROUP_HEADERS[r.group] : undefined;
    const groups = r.section === 'results' ? [RESULTS_HEADER, ...(groupHeader ? [groupHeader] : [])] : [];
    return { id: r.id, label: r.label, groups, values: Object.fromEntries(REQUEST_COLUMN_IDS.map((c) => [c, cellOf(f.requests, r.id, c)])) };
  });
  return { columns, rows };
}

function presentProactive(p: ProactiveFigures | null): AnnualReportDocument['tables']['proactive'] {
  const blocks = PROACTIVE_BLOCKS.map((b) => ({ id: b.id, title: b.title, columns: b.columns.map((c) => ({ id: c.id, label: c.label })) }));
  if (!p) return { blocks, rows: [] };
  const values: Record<(typeof PROACTIVE_ROWS)[number]['id'], Record<string, number>> = {
    regulations: { ...p.regulations },
    normative_documents: { ...p.normativeDocuments },
    licensing: { decisions: p.licensing },
    penalty: { decisions: p.penalty },
    coercion: { decisions: p.coercion },
    fees: { amountWan: fenToWanExact(p.feeFen) },
  };
  return { blocks, rows: PROACTIVE_ROWS.map((r) => ({ id: r.id, block: r.block, label: r.label, values: values[r.id] })) };
}

function presentReview(f: AnnualFigures): AnnualReportDocument['tables']['reviewLitigation'] {
  const columns = APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => ({ id: reviewColumnId(g, c), label: APPEAL_COLUMN_LABELS[c], group: g, groupLabel: APPEAL_GROUP_LABELS[g] })));
  const r = f.reviewLitigation;
  return { columns, values: Object.fromEntries(APPEAL_GROUPS.flatMap((g) => APPEAL_COLUMNS.map((c) => [reviewColumnId(g, c), r ? r[g][c] : 0]))) };
}
