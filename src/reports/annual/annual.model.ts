/**
 * 政府信息公开工作年度报告: the vocabulary of the statutory format (国办公开办函〔2021〕30号, and the 2019 trial
 * format 国办公开办函〔2019〕60号 for earlier years entered by hand). Every label here is printed verbatim; every
 * id is part of the public JSON contract and never renamed. The outcome rows of table 三 come from
 * `disclosure.model.ts` OUTCOMES (the cases are closed with exactly those rows), so there is one list.
 */
import { APPLICANT_TYPES, OUTCOMES, type ApplicantType, type OutcomeGroup } from '../../disclosure/disclosure.model.ts';

export type ReportFormat = '2021' | '2019';
export const REPORT_FORMATS: readonly ReportFormat[] = ['2021', '2019'];
export const FORMAT_LABELS: Record<ReportFormat, string> = {
  '2021': '2021 年格式（国办公开办函〔2021〕30号）',
  '2019': '2019 年试行格式（国办公开办函〔2019〕60号，适用于 2019、2020 年度报告）',
};
/** The format a year's report was made in: the 2021 format from the 2021 reports on. */
export function formatOfYear(year: number): ReportFormat {
  return year >= 2021 ? '2021' : '2019';
}

/** The first year the platform accepts a report for (the 2019 条例 and its trial report format). */
export const FIRST_REPORT_YEAR = 2019;

export type ReportSource = 'generated' | 'entered' | 'imported';
export const SOURCE_LABELS: Record<ReportSource, string> = { generated: '由本平台数据生成', entered: '手工录入', imported: '从电子表格导入' };

/** The label of a stored code (a text column), or the code itself if unknown. */
export function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
  return Object.hasOwn(labels, code) ? (labels[code] ?? code) : code;
}

export type ReportStatus = 'draft' | 'in_review' | 'published';
export const STATUS_LABELS: Record<ReportStatus, string> = { draft: '草稿', in_review: '审核中', published: '已发布' };

// ---------------------------------------------------------------- sections

export const SECTION_IDS = ['overview', 'proactive', 'requests', 'review_litigation', 'problems', 'other'] as const;
export type SectionId = (typeof SECTION_IDS)[number];
export const SECTION_TITLES: Record<SectionId, string> = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  requests: '三、收到和处理政府信息公开申请情况',
  review_litigation: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};
/** The editable texts: the preamble before 一, and each section's text (for 二 to 四, the lead before the table). */
export const NARRATIVE_KEYS = ['preamble', ...SECTION_IDS] as const;
export type NarrativeKey = (typeof NARRATIVE_KEYS)[number];
export type NarrativePart = { text: string; isEdited: boolean };
export type Narrative = Partial<Record<NarrativeKey, NarrativePart>>;

// ---------------------------------------------------------------- table 三

export const REQUEST_TABLE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
export const APPLICANT_HEADER = '申请人情况';
export const ORGANISATION_HEADER = '法人或其他组织';

export type RequestColumnId = ApplicantType | 'total';
export const REQUEST_COLUMN_IDS: readonly RequestColumnId[] = [...APPLICANT_TYPES, 'total'];
/** The column labels of table 三 (the 6th applicant column is printed "其他", not "其他组织"). */
export const REQUEST_COLUMN_LABELS: Record<RequestColumnId, string> = {
  natural_person: '自然人',
  commercial_enterprise: '商业企业',
  research_institution: '科研机构',
  public_interest_org: '社会公益组织',
  legal_service_org: '法律服务机构',
  other_org: '其他',
  total: '总计',
};
export const APPLICANT_COLUMN_IDS: readonly ApplicantType[] = APPLICANT_TYPES;

export const RESULTS_HEADER = '三、本年度办理结果';
/** The group labels of 三 that head several leaf rows (no subtotal rows: the statutory layout has none). */
export const OUTCOME_GROUP_HEADERS: Partial<Record<OutcomeGroup, string>> = {
  withheld: '（三）不予公开',
  unavailable: '（四）无法提供',
  not_handled: '（五）不予处理',
  other: '（六）其他处理',
};

export type RequestRowDef = {
  id: string;
  label: string;
  /** 'results' for the rows under 三、本年度办理结果; the outcome group for the leaf rows of （三）–（六）. */
  section: 'head' | 'results' | 'tail';
  group: OutcomeGroup | null;
  /** A leaf row of 三 (one statutory outcome); （七）总计 and the rows 一、二、四 are not. */
  isOutcome: boolean;
};

const head = (id: string, label: string, section: 'head' | 'tail'): RequestRowDef => ({ id, label, section, group: null, isOutcome: false });
const RECEIVED: RequestRowDef = head('received_this_year', '一、本年新收政府信息公开申请数量', 'head');
const CARRIED_IN: RequestRowDef = head('carried_from_last_year', '二、上年结转政府信息公开申请数量', 'head');
const RESULTS_TOTAL: RequestRowDef = { id: 'results_total', label: '（七）总计', section: 'results', group: null, isOutcome: false };
const CARRIED_OUT: RequestRowDef = head('carried_to_next_year', '四、结转下年度继续办理', 'tail');

const OUTCOME_ROWS_2021: RequestRowDef[] = OUTCOMES.map((o) => ({ id: o.id, label: o.label, section: 'results', group: o.group, isOutcome: true }));
/** 2019 trial format: （六）其他处理 was one row, without the three sub-items of 2021. */
const OUTCOME_ROWS_2019: RequestRowDef[] = [
  ...OUTCOME_ROWS_2021.filter((r) => r.group !== 'other'),
  { id: 'other', label: '（六）其他处理', section: 'results', group: null, isOutcome: true },
];

/** Every data row of table 三 in the report's order. */
export const REQUEST_ROWS: Record<ReportFormat, readonly RequestRowDef[]> = {
  '2021': [RECEIVED, CARRIED_IN, ...OUTCOME_ROWS_2021, RESULTS_TOTAL, CARRIED_OUT],
  '2019': [RECEIVED, CARRIED_IN, ...OUTCOME_ROWS_2019, RESULTS_TOTAL, CARRIED_OUT],
};
export const ROW = { received: RECEIVED.id, carriedIn: CARRIED_IN.id, resultsTotal: RESULTS_TOTAL.id, carriedOut: CARRIED_OUT.id } as const;

export function outcomeRows(format: ReportFormat): RequestRowDef[] {
  return REQUEST_ROWS[format].filter((r) => r.isOutcome);
}

/** Table 三 figures: row id → column id → count (the 总计 column and the （七）总计 row included, as printed). */
export type RequestGrid = Record<string, Record<RequestColumnId, number>>;

export function emptyRequestGrid(format: ReportFormat): RequestGrid {
  const grid: RequestGrid = {};
  for (const r of REQUEST_ROWS[format]) grid[r.id] = zeroRow();
  return grid;
}

export function zeroRow(): Record<RequestColumnId, number> {
  return { natural_person: 0, commercial_enterprise: 0, research_institution: 0, public_interest_org: 0, legal_service_org: 0, other_org: 0, total: 0 };
}

/** A cell, 0 when the row or column is absent (an imported grid is checked, never trusted). */
export function cellOf(grid: RequestGrid, rowId: string, col: RequestColumnId): number {
  return grid[rowId]?.[col] ?? 0;
}

// ---------------------------------------------------------------- table 二

export const PROACTIVE_BLOCKS = [
  { id: 'art20_1', title: '第二十条第（一）项', columns: [{ id: 'issued', label: '本年制发件数' }, { id: 'repealed', label: '本年废止件数' }, { id: 'inForce', label: '现行有效件数' }] },
  { id: 'art20_5', title: '第二十条第（五）项', columns: [{ id: 'decisions', label: '本年处理决定数量' }] },
  { id: 'art20_6', title: '第二十条第（六）项', columns: [{ id: 'decisions', label: '本年处理决定数量' }] },
  { id: 'art20_8', title: '第二十条第（八）项', columns: [{ id: 'amountWan', label: '本年收费金额（单位：万元）' }] },
] as const;
export const PROACTIVE_CONTENT_HEADER = '信息内容';
export const PROACTIVE_ROWS = [
  { id: 'regulations', block: 'art20_1', label: '规章' },
  { id: 'normative_documents', block: 'art20_1', label: '行政规范性文件' },
  { id: 'licensing', block: 'art20_5', label: '行政许可' },
  { id: 'penalty', block: 'art20_6', label: '行政处罚' },
  { id: 'coercion', block: 'art20_6', label: '行政强制' },
  { id: 'fees', block: 'art20_8', label: '行政事业性收费' },
] as const;

export type DocumentCounts = { issued: number; repealed: number; inForce: number };
/** Table 二 figures. Money in fen (the table prints 万元). */
export type ProactiveFigures = {
  regulations: DocumentCounts;
  normativeDocuments: DocumentCounts;
  licensing: number;
  penalty: number;
  coercion: number;
  feeFen: number;
};

export function emptyProactive(): ProactiveFigures {
  return { regulations: { issued: 0, repealed: 0, inForce: 0 }, normativeDocuments: { issued: 0, repealed: 0, inForce: 0 }, licensing: 0, penalty: 0, coercion: 0, feeFen: 0 };
}

/** Fen as 万元, exact to the yuan (4 decimals), as a number: 40000 fen (400 元) → 0.04. */
export function fenToWanExact(fen: number): number {
  return Math.round(fen / 100) / 10_000;
}

/** The same as printed, trailing zeros dropped: 40000 fen → "0.04", 0 → "0". */
export function formatWanExact(fen: number): string {
  return fenToWanExact(fen).toFixed(4).replace(/\.?0+$/, '');
}

// ---------------------------------------------------------------- table 四

export const APPEAL_GROUPS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const;
export type AppealGroup = (typeof APPEAL_GROUPS)[number];
export const APPEAL_GROUP_LABELS: Record<AppealGroup, string> = { reconsideration: '行政复议', litigation_direct: '未经复议直接起诉', litigation_after_reconsideration: '复议后起诉' };
export const LITIGATION_HEADER = '行政诉讼';
export const APPEAL_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type AppealColumn = (typeof APPEAL_COLUMNS)[number];
export const APPEAL_COLUMN_LABELS: Record<AppealColumn, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结', total: '总计' };

/** Table 四 figures: group → result → count (总计 included, as printed). */
export type ReviewFigures = Record<AppealGroup, Record<AppealColumn, number>>;

export function emptyReview(): ReviewFigures {
  const z = () => ({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  return { reconsideration: z(), litigation_direct: z(), litigation_after_reconsideration: z() };
}

export function reviewColumnId(group: AppealGroup, col: AppealColumn): string {
  return `${group}_${col}`;
}

// ---------------------------------------------------------------- the stored figures

/** The figures of a report as stored (JSON with stable ids). An entered report may lack tables 二 and 四. */
export type AnnualFigures = {
  format: ReportFormat;
  requests: RequestGrid;
  proactive: ProactiveFigures | null;
  reviewLitigation: ReviewFigures | null;
};

/** The facts the narrative is drafted from (kept with the report, shown as the data sources). */
export type AnnualFacts = {
  /** Published government information this year by column (trading notices counted apart). */
  columns: { name: string; kind: string; count: number }[];
  interpretations: number;
  notices: { type: string; label: string; count: number }[];
  projects: number;
  deals: number;
  awardFen: number;
  messages: { label: string; received: number; replied: number }[] | null;
  messagesTotal: { received: number; replied: number; repliedOnTime: number } | null;
  pageViews: number;
  /** Cases of this center closed this year after their due date. */
  lateReplies: number;
  fees: { notices: number; notifiedFen: number; paid: number; paidFen: number; waived: number };
};

export type CheckLevel = 'error' | 'warning';
/** One check before publication: a failed error blocks publication (unless overridden with a reason). */
export type CheckResult = { id: string; ok: boolean; level: CheckLevel; message: string; isSkipped?: boolean };
