import { sanitizeRichText } from '../content/sanitize.ts';
import type { FieldError } from '../platform/errors.ts';
import { isValidCreditCode } from '../platform/credit-code.ts';
import { InputReader } from './notice-input.ts';
import {
  CATEGORIES,
  CATEGORY_LABELS,
  METHODS,
  METHOD_LABELS,
  NOTICE_TYPES,
  NOTICE_TYPE_LABELS,
  OPENING_TYPES,
  type Candidate,
  type Lot,
  type NoticeFacts,
  type NoticeSubmission,
  type ProjectInput,
  type Winner,
} from './trading.model.ts';

/** The labels users see; every message names its field with one of these. */
export const NOTICE_FIELD_LABELS: Record<string, string> = {
  idempotencyKey: '幂等键',
  projectId: '所属项目',
  project: '项目信息',
  type: '公告类型',
  title: '公告标题',
  bodyHtml: '公告正文',
  attachmentIds: '附件',
  correctionNote: '更正说明',
  signature: '电子签名',
  facts: '公告要素',
  name: '名称',
  projectNo: '项目编号',
  category: '交易类别',
  method: '交易方式',
  tendererName: '招标人（采购人、出让人）',
  tendererCreditCode: '招标人统一社会信用代码',
  budgetFen: '预算金额（最高限价、起始价）',
  isMandatoryTendering: '是否依法必须招标',
  region: '项目所在地区',
  lots: '标段（包）',
  lotNo: '标段（包）号',
  lotNos: '涉及标段（包）',
  contact: '联系方式',
  phone: '联系电话',
  docSaleStart: '招标文件获取开始日期',
  docSaleEnd: '招标文件获取截止日期',
  bidDeadline: '投标截止时间',
  openingAt: '开标时间',
  openingPlace: '开标地点',
  depositFen: '投标保证金',
  qualification: '投标人资格要求',
  amendsNoticeId: '被变更的公告',
  changeSummary: '变更（澄清）内容',
  affectsPreparation: '是否影响投标文件编制',
  newBidDeadline: '变更后的投标截止时间',
  newOpeningAt: '变更后的开标时间',
  evaluationReportOn: '收到评标报告日期',
  publicityStart: '公示开始日期',
  publicityEnd: '公示结束日期',
  candidates: '中标候选人',
  rank: '排序',
  creditCode: '统一社会信用代码',
  priceFen: '投标报价',
  projectManager: '项目负责人',
  objectionChannel: '提出异议的渠道和方式',
  winners: '中标（成交）人',
  awardNoticeOn: '中标通知书发出日期',
  startingPriceFen: '起始价',
  terminationKind: '终止类型',
  reason: '终止原因',
  refundArrangement: '费用与保证金退还安排',
  contractNo: '合同编号',
  signedOn: '合同签订日期',
  contractAmountFen: '合同金额',
  supplierName: '中标（成交）供应商',
};

const MAX_BODY = 200_000;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/;
const SIGNATURE = /^[0-9a-fA-F]{16,400}$/;

export type ParsedSubmission = NoticeSubmission & { facts: NoticeFacts; attachmentIds: number[] };

/**
 * Checks the shape and values of a submission (not the law: that is the statutory checks' job). Returns
 * every problem at once, each naming its field in Chinese.
 */
export function parseNoticeSubmission(raw: unknown): { value: ParsedSubmission | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return { value: null, errors: [{ field: '', message: '请求内容应为 JSON 对象' }] };
  }
  const r = new InputReader(raw, { prefix: '', labels: NOTICE_FIELD_LABELS, errors });
  const type = r.oneOf('type', NOTICE_TYPES, NOTICE_TYPE_LABELS, { required: true });
  const title = r.text('title', { max: 200, required: true, min: 4 });
  const bodyRaw = r.raw('bodyHtml');
  let bodyHtml = '';
  if (typeof bodyRaw !== 'string' || bodyRaw.trim() === '') r.fail('bodyHtml', '必须填写');
  else if (bodyRaw.length > MAX_BODY) r.fail('bodyHtml', `不能超过 ${MAX_BODY} 个字符`);
  else bodyHtml = sanitizeRichText(bodyRaw);

  let idempotencyKey: string | undefined;
  if (r.has('idempotencyKey')) {
    const k = r.raw('idempotencyKey');
    if (typeof k === 'string' && IDEMPOTENCY_KEY.test(k)) idempotencyKey = k;
    else r.fail('idempotencyKey', '应为 8–100 位字母、数字或 _ . : -');
  }
  let signature: string | undefined;
  if (r.has('signature')) {
    const s = r.raw('signature');
    if (typeof s === 'string' && SIGNATURE.test(s)) signature = s.toLowerCase();
    else r.fail('signature', '应为十六进制编码的 SM2 签名（DER）');
  }
  const attachmentIds = readIds(r);
  const correctionNote = r.text('correctionNote', { max: 500 });
  const projectId = r.int('projectId', { min: 1, max: 2_147_483_647 });
  let project: ProjectInput | undefined;
  if (r.has('project')) {
    if (type && !OPENING_TYPES.includes(type)) r.fail('project', '只有招标公告或资格预审公告可以新建项目，其他公告请填写所属项目');
    else project = readProject(r.child('project'));
  } else if (!r.has('projectId')) {
    r.fail('projectId', type && OPENING_TYPES.includes(type) ? '请选择所属项目，或填写项目信息以新建项目' : '必须填写');
  }
  const facts = type ? readFacts(r.child('facts'), type) : undefined;

  if (errors.length > 0 || !type || !title || !facts) return { value: null, errors };
  return {
    value: {
      type,
      title,
      bodyHtml,
      facts,
      attachmentIds,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(signature ? { signature } : {}),
      ...(correctionNote ? { correctionNote } : {}),
      ...(projectId ? { projectId } : {}),
      ...(project ? { project } : {}),
    },
    errors,
  };
}

function readIds(r: InputReader): number[] {
  const v = r.raw('attachmentIds');
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.length > 20 || !v.every((x) => Number.isSafeInteger(x) && (x as number) > 0)) {
    r.fail('attachmentIds', '应为不超过 20 个附件编号的列表');
    return [];
  }
  return Array.from(new Set(v as number[]));
}

function creditCode(r: InputReader, key: string, required = false): string | undefined {
  const v = r.text(key, { max: 18, required });
  if (v === undefined) return undefined;
  const code = v.toUpperCase();
  return isValidCreditCode(code) ? code : r.fail(key, '不是有效的 18 位统一社会信用代码（校验位不符）');
}

function readProject(p: InputReader): ProjectInput | undefined {
  const before = p.errors.length;
  const name = p.text('name', { max: 200, required: true, min: 4 });
  const projectNo = p.text('projectNo', { max: 60, required: true });
  const category = p.oneOf('category', CATEGORIES, CATEGORY_LABELS, { required: true });
  const method = p.oneOf('method', METHODS, METHOD_LABELS, { required: true });
  const tendererName = p.text('tendererName', { max: 120, required: true });
  const tendererCreditCode = creditCode(p, 'tendererCreditCode');
  const budgetFen = p.fen('budgetFen') ?? null;
  const isMandatoryTendering = p.bool('isMandatoryTendering') ?? false;
  const region = p.text('region', { max: 60, required: true });
  const lots =
    p.list('lots', { max: 50, label: '标段' }, (l): Lot | undefined => {
      const lotNo = l.int('lotNo', { min: 1, max: 99, required: true });
      const lotName = l.text('name', { max: 200, required: true });
      const lotBudget = l.fen('budgetFen') ?? null;
      return lotNo && lotName ? { lotNo, name: lotName, budgetFen: lotBudget } : undefined;
    }) ?? [];
  if (new Set(lots.map((l) => l.lotNo)).size !== lots.length) p.fail('lots', '标段（包）号不能重复');
  if (p.errors.length > before || !name || !projectNo || !category || !method || !tendererName || !region) return undefined;
  return { name, projectNo, category, method, tendererName, ...(tendererCreditCode ? { tendererCreditCode } : {}), budgetFen, isMandatoryTendering, region, lots };
}

function readFacts(f: InputReader, type: NoticeFacts['type']): NoticeFacts | undefined {
  const before = f.errors.length;
  const facts: NoticeFacts = { type, lotNos: [] };
  const lotNos = f.raw('lotNos');
  if (lotNos !== undefined && lotNos !== null) {
    if (Array.isArray(lotNos) && lotNos.length <= 50 && lotNos.every((n) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 99)) facts.lotNos = Array.from(new Set(lotNos as number[])).sort((a, b) => a - b);
    else f.fail('lotNos', '应为标段（包）号的列表，如 [1, 2]');
  }
  if (f.has('contact')) {
    const c = f.child('contact');
    const name = c.text('name', { max: 60 });
    const phone = c.text('phone', { max: 40 });
    if (name || phone) facts.contact = { name: name ?? '', phone: phone ?? '' };
  }
  const set = <K extends keyof NoticeFacts>(key: K, value: NoticeFacts[K] | undefined) => {
    if (value !== undefined) facts[key] = value;
  };
  set('docSaleStart', f.date('docSaleStart'));
  set('docSaleEnd', f.date('docSaleEnd'));
  set('bidDeadline', f.instant('bidDeadline'));
  set('openingAt', f.instant('openingAt'));
  set('openingPlace', f.text('openingPlace', { max: 200 }));
  set('depositFen', f.fen('depositFen'));
  set('qualification', f.longText('qualification', { max: 4000 }));
  set('amendsNoticeId', f.int('amendsNoticeId', { min: 1, max: 2_147_483_647 }));
  set('changeSummary', f.longText('changeSummary', { max: 4000 }));
  set('affectsPreparation', f.bool('affectsPreparation'));
  set('newBidDeadline', f.instant('newBidDeadline'));
  set('newOpeningAt', f.instant('newOpeningAt'));
  set('evaluationReportOn', f.date('evaluationReportOn'));
  set('publicityStart', f.date('publicityStart'));
  set('publicityEnd', f.date('publicityEnd'));
  set('objectionChannel', f.longText('objectionChannel', { max: 1000 }));
  set('awardNoticeOn', f.date('awardNoticeOn'));
  set('startingPriceFen', f.fen('startingPriceFen'));
  set('terminationKind', f.oneOf('terminationKind', ['terminated', 'failed'] as const, { terminated: '终止', failed: '流标（废标）' }));
  set('reason', f.longText('reason', { max: 2000 }));
  set('refundArrangement', f.longText('refundArrangement', { max: 2000 }));
  set('contractNo', f.text('contractNo', { max: 80 }));
  set('signedOn', f.date('signedOn'));
  set('contractAmountFen', f.fen('contractAmountFen'));
  set('supplierName', f.text('supplierName', { max: 120 }));
  set(
    'candidates',
    f.list('candidates', { max: 60, label: '中标候选人' }, (c): Candidate | undefined => {
      const lotNo = c.int('lotNo', { min: 1, max: 99 }) ?? 1;
      const rank = c.int('rank', { min: 1, max: 20, required: true });
      const name = c.text('name', { max: 200, required: true });
      const code = creditCode(c, 'creditCode');
      const priceFen = c.fen('priceFen') ?? null;
      const projectManager = c.text('projectManager', { max: 60 });
      return rank && name ? { lotNo, rank, name, priceFen, ...(code ? { creditCode: code } : {}), ...(projectManager ? { projectManager } : {}) } : undefined;
    }),
  );
  set(
    'winners',
    f.list('winners', { max: 60, label: '中标（成交）人' }, (w): Winner | undefined => {
      const lotNo = w.int('lotNo', { min: 1, max: 99 }) ?? 1;
      const name = w.text('name', { max: 200, required: true });
      const code = creditCode(w, 'creditCode');
      const priceFen = w.fen('priceFen', { required: true });
      return name && priceFen !== undefined ? { lotNo, name, priceFen, ...(code ? { creditCode: code } : {}) } : undefined;
    }),
  );
  return f.errors.length > before ? undefined : facts;
}
