/**
 * The trading vocabulary (GLOSSARY.md, "Trading"): categories, methods, notice types and the structured
 * facts each notice type carries. Money is in fen; dates of legal meaning are YYYY-MM-DD (Beijing);
 * instants are ISO strings with an offset.
 */

export const CATEGORIES = ['works', 'procurement', 'land_mining', 'state_assets', 'medicine', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  works: '工程建设',
  procurement: '政府采购',
  land_mining: '土地矿业权',
  state_assets: '国有产权',
  medicine: '医药采购',
  other: '其他交易',
};

export const METHODS = [
  'open_tender',
  'invited_tender',
  'competitive_negotiation',
  'competitive_consultation',
  'inquiry',
  'single_source',
  'auction',
  'listing',
  'bidding_sale',
  'agreement',
] as const;
export type Method = (typeof METHODS)[number];

export const METHOD_LABELS: Record<Method, string> = {
  open_tender: '公开招标',
  invited_tender: '邀请招标',
  competitive_negotiation: '竞争性谈判',
  competitive_consultation: '竞争性磋商',
  inquiry: '询价',
  single_source: '单一来源',
  auction: '拍卖',
  listing: '挂牌',
  bidding_sale: '招标出让',
  agreement: '协议转让',
};

export const NOTICE_TYPES = ['tender_notice', 'prequalification_notice', 'amendment_notice', 'candidates_notice', 'award_notice', 'termination_notice', 'contract_notice'] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

export const NOTICE_TYPE_LABELS: Record<NoticeType, string> = {
  tender_notice: '招标（采购、出让）公告',
  prequalification_notice: '资格预审公告',
  amendment_notice: '变更（澄清）公告',
  candidates_notice: '中标候选人公示',
  award_notice: '中标（成交）结果公告',
  termination_notice: '终止（流标）公告',
  contract_notice: '合同公告',
};

/** Short labels for lists and filters. */
export const NOTICE_TYPE_SHORT: Record<NoticeType, string> = {
  tender_notice: '招标公告',
  prequalification_notice: '资格预审',
  amendment_notice: '变更公告',
  candidates_notice: '候选人公示',
  award_notice: '结果公告',
  termination_notice: '终止公告',
  contract_notice: '合同公告',
};

/** Notice types that open a procedure (and may create its project). */
export const OPENING_TYPES: readonly NoticeType[] = ['tender_notice', 'prequalification_notice'];

/** Land and property sales: the price rises above a starting price (溢价) instead of falling below a budget. */
export function isSale(category: Category): boolean {
  return category === 'land_mining' || category === 'state_assets';
}

export type ProjectStatus = 'open' | 'evaluating' | 'awarded' | 'contracted' | 'terminated' | 'failed';
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  open: '招标中',
  evaluating: '评标公示中',
  awarded: '已定标',
  contracted: '已签合同',
  terminated: '已终止',
  failed: '流标',
};

export type Lot = { lotNo: number; name: string; budgetFen: number | null };

export type Contact = { name: string; phone: string };

export type Candidate = { lotNo: number; rank: number; name: string; creditCode?: string; priceFen: number | null; projectManager?: string };

export type Winner = { lotNo: number; name: string; creditCode?: string; priceFen: number };

/** The structured facts of one notice revision, frozen with it. Which fields apply depends on the type. */
export type NoticeFacts = {
  type: NoticeType;
  lotNos: number[];
  contact?: Contact;
  // tender / prequalification
  docSaleStart?: string; // date
  docSaleEnd?: string; // date
  bidDeadline?: string; // instant
  openingAt?: string; // instant
  openingPlace?: string;
  depositFen?: number | null;
  qualification?: string;
  // amendment
  amendsNoticeId?: number;
  changeSummary?: string;
  affectsPreparation?: boolean;
  newBidDeadline?: string; // instant
  newOpeningAt?: string; // instant
  // candidates
  evaluationReportOn?: string; // date
  publicityStart?: string; // date
  publicityEnd?: string; // date
  candidates?: Candidate[];
  objectionChannel?: string;
  // award
  winners?: Winner[];
  awardNoticeOn?: string; // date the 中标通知书 was issued
  startingPriceFen?: number | null; // land / property: 起始价 (the premium is measured against it)
  // termination
  terminationKind?: 'terminated' | 'failed';
  reason?: string;
  refundArrangement?: string;
  // contract
  contractNo?: string;
  signedOn?: string; // date
  contractAmountFen?: number;
  supplierName?: string;
};

/** What a notice submission may carry to create its project (opening notices only). */
export type ProjectInput = {
  name: string;
  projectNo: string;
  category: Category;
  method: Method;
  tendererName: string;
  tendererCreditCode?: string;
  budgetFen: number | null;
  isMandatoryTendering: boolean;
  region: string;
  lots: Lot[];
};

export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** ¥ in 万元 with two decimals, the unit trading notices use. */
export function wanYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return `${(fen / 1_000_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 万元`;
}

/** The total award of a notice's winners. */
export function awardTotalFen(facts: NoticeFacts): number {
  return (facts.winners ?? []).reduce((s, w) => s + w.priceFen, 0);
}

/**
 * A notice submission as the agent API and the back-office form receive it (before checking). An opening
 * notice may carry `project` to create its project; every other notice names `projectId`.
 */
export type NoticeSubmission = {
  idempotencyKey?: string;
  projectId?: number;
  project?: ProjectInput;
  type: NoticeType;
  title: string;
  bodyHtml: string;
  attachmentIds?: number[];
  facts: Omit<NoticeFacts, 'type'>;
  /** Required when the submission is a new version of a published notice (an answer to a correction request). */
  correctionNote?: string;
  /** SM2 signature (hex, DER) over the canonical JSON of the submission without this field. */
  signature?: string;
};
