import type { NoticeFacts, NoticeType } from '../trading.model.ts';
import type { CheckInput } from './check.types.ts';
import { isWorksTender } from './check-context.ts';
import { LAW, type Rule, type RuleProblem } from './rule.types.ts';

/**
 * The fields each notice type must carry (notice-formats.md §3–4): what the structured form cannot do
 * without, not the full legal content list, most of which lives in the notice text.
 */

type FieldSpec = {
  key: keyof NoticeFacts;
  label: string;
  /** Only when this holds (e.g. no bid opening in an auction). */
  when?: (input: CheckInput) => boolean;
  citation?: (input: CheckInput) => string | undefined;
};

const hasBidOpening = ({ project }: CheckInput) => project.category !== 'land_mining' && project.category !== 'state_assets';

const REQUIRED: Record<NoticeType, readonly FieldSpec[]> = {
  tender_notice: [
    { key: 'docSaleStart', label: '招标文件获取开始日期' },
    { key: 'docSaleEnd', label: '招标文件获取截止日期' },
    { key: 'bidDeadline', label: '投标截止时间' },
    { key: 'openingAt', label: '开标时间', when: hasBidOpening },
    { key: 'openingPlace', label: '开标地点', when: hasBidOpening },
    { key: 'contact', label: '联系人及联系电话' },
  ],
  prequalification_notice: [
    { key: 'docSaleStart', label: '资格预审文件获取开始日期' },
    { key: 'docSaleEnd', label: '资格预审文件获取截止日期' },
    { key: 'bidDeadline', label: '资格预审申请文件递交截止时间' },
    { key: 'contact', label: '联系人及联系电话' },
  ],
  amendment_notice: [
    { key: 'amendsNoticeId', label: '所变更（澄清）的原公告' },
    { key: 'changeSummary', label: '变更（澄清）内容' },
    { key: 'affectsPreparation', label: '是否影响投标文件编制' },
  ],
  candidates_notice: [
    { key: 'candidates', label: '中标候选人' },
    { key: 'publicityStart', label: '公示开始日期' },
    { key: 'publicityEnd', label: '公示结束日期' },
    { key: 'evaluationReportOn', label: '评标报告收到日期' },
    { key: 'objectionChannel', label: '提出异议的渠道和方式' },
  ],
  award_notice: [
    { key: 'winners', label: '中标（成交）人' },
    { key: 'awardNoticeOn', label: '中标（成交）通知书发出日期' },
  ],
  termination_notice: [
    { key: 'terminationKind', label: '终止类型（终止或流标）' },
    { key: 'reason', label: '终止原因' },
    {
      key: 'refundArrangement',
      label: '文件费用与投标保证金退还安排',
      citation: ({ project }) => (isWorksTender(project) ? LAW.tenderingRegs31 : undefined),
    },
  ],
  contract_notice: [
    { key: 'signedOn', label: '合同签订日期' },
    { key: 'contractAmountFen', label: '合同金额' },
    { key: 'supplierName', label: '供应商（乙方）名称' },
  ],
};

export const requiredFields: Rule = {
  id: 'required_fields',
  label: '公告必备内容',
  citation: '',
  kind: 'required',
  defaultSeverity: 'block',
  appliesTo: ({ facts }) => Object.hasOwn(REQUIRED, facts.type),
  check(input) {
    const specs = REQUIRED[input.facts.type];
    const problems: RuleProblem[] = [];
    for (const spec of specs) {
      if (spec.when && !spec.when(input)) continue;
      if (!isFilled(input.facts[spec.key])) {
        const citation = spec.citation?.(input);
        problems.push({ message: `${spec.label}：必须填写。`, field: `facts.${spec.key}`, ...(citation ? { citation } : {}) });
      }
    }
    return [...problems, ...candidateItems(input.facts), ...winnerItems(input.facts)];
  },
};

export const REQUIRED_RULES: readonly Rule[] = [requiredFields];

function candidateItems(facts: NoticeFacts): RuleProblem[] {
  if (facts.type !== 'candidates_notice' || !Array.isArray(facts.candidates)) return [];
  return facts.candidates.flatMap((c, i) => {
    const who = `第 ${i + 1} 位中标候选人`;
    const out: RuleProblem[] = [];
    if (!(Number.isInteger(c.rank) && c.rank > 0)) out.push({ message: `${who}的排序：必须填写（1、2、3……）。`, field: `facts.candidates[${i}].rank` });
    if (!isFilled(c.name)) out.push({ message: `${who}的名称：必须填写。`, field: `facts.candidates[${i}].name` });
    if (!isFilled(c.priceFen)) out.push({ message: `${who}的投标报价：必须填写。`, field: `facts.candidates[${i}].priceFen` });
    return out;
  });
}

function winnerItems(facts: NoticeFacts): RuleProblem[] {
  if (facts.type !== 'award_notice' || !Array.isArray(facts.winners)) return [];
  return facts.winners.flatMap((w, i) => {
    const who = `第 ${i + 1} 位中标（成交）人`;
    const out: RuleProblem[] = [];
    if (!isFilled(w.name)) out.push({ message: `${who}的名称：必须填写。`, field: `facts.winners[${i}].name` });
    if (!isFilled(w.priceFen)) out.push({ message: `${who}的中标（成交）金额：必须填写。`, field: `facts.winners[${i}].priceFen` });
    return out;
  });
}

/** Present and not blank: a non-empty string, a finite number, a boolean, a non-empty list, a contact with name and phone. */
function isFilled(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'boolean') return true;
  if (Array.isArray(value)) return value.length > 0;
  if (value && typeof value === 'object') {
    const name: unknown = Reflect.get(value, 'name');
    const phone: unknown = Reflect.get(value, 'phone');
    return isFilled(name) && isFilled(phone);
  }
  return false;
}
