import { addWorkingDays, countWorkingDays, firstWorkingDayFrom, type WorkingCalendar } from '../../calendar/working-days.ts';
import type { CheckInput } from './check.types.ts';
import { addDays, beijingDateOf, daysBetween, inclusiveDays, readDate, showInstant } from './check-dates.ts';
import { awardDateOf, isProcurementTender, isWorksTender, latestPrior } from './check-context.ts';
import { LAW, type Rule, type RuleProblem } from './rule.types.ts';

/**
 * Statutory periods (notice-formats.md §8: T1, T2, T6, T15, T16, T17, G1, G3, G6, G14, all [V stat.]).
 * Day counting, as decided in docs/decisions/0007-statutory-checks.md:
 * - a period counted from an event ("自…之日起") does not count the event's day (民法典 第二百零一条), so
 *   "not less than 20 days from D" means a last day on or after D + 20;
 * - a period given by its first and last day (发售期, 公示期) counts both ends;
 * - a time limit to act ("…日内") whose last day is a rest day ends on the next working day (民法典 第二百零三条).
 */

const BID_PERIOD_DAYS = 20;
const SALE_PERIOD_DAYS = 5;
const AMENDMENT_NOTICE_DAYS = 15;
const PUBLICITY_DAYS = 3;
const PUBLICITY_WITHIN_DAYS = 3;
const CONTRACT_WITHIN_DAYS = 30;
const PROVISIONAL_NOTE = '（所涉年份的法定节假日安排尚未收录，暂按周一至周五计算工作日，请人工核对。）';

export const bidPeriodMin: Rule = {
  id: 'bid_period_min',
  label: '等标期不少于二十日',
  citation: `${LAW.tenderingLaw24}；${LAW.procurementLaw35}`,
  kind: 'statutory',
  defaultSeverity: 'block',
  appliesTo: ({ facts, project }) =>
    facts.type === 'tender_notice' && ((isWorksTender(project) && project.isMandatoryTendering) || isProcurementTender(project)),
  check({ facts, project }) {
    const start = readDate(facts.docSaleStart);
    const deadline = beijingDateOf(facts.bidDeadline);
    if (!start || !deadline) return [];
    const days = daysBetween(start, deadline);
    if (days >= BID_PERIOD_DAYS) return [];
    const shortBy = days < 0 ? `投标截止日期（${deadline}）早于招标文件开始发出之日（${start}）` : `等标期只有 ${days} 日`;
    return [
      {
        message: `${shortBy}：自招标文件开始发出之日（${start}）至投标截止（${deadline}）不得少于二十日。请把投标截止时间推迟到 ${addDays(start, BID_PERIOD_DAYS)} 或以后。`,
        field: 'facts.bidDeadline',
        citation: project.category === 'works' ? LAW.tenderingLaw24 : LAW.procurementLaw35,
      },
    ];
  },
};

export const docSalePeriodMin: Rule = {
  id: 'doc_sale_period_min',
  label: '招标（资格预审）文件发售期不少于五日',
  citation: `${LAW.tenderingRegs16}；${LAW.procurementRegs31}`,
  kind: 'statutory',
  defaultSeverity: 'block',
  appliesTo: ({ facts, project }) =>
    (isWorksTender(project) && (facts.type === 'tender_notice' || facts.type === 'prequalification_notice')) ||
    // 政府采购法实施条例 第三十一条 speaks of 招标文件 only; a procurement 资格预审 has its own 5-working-day
    // application window (第二十一条), which is not this rule.
    (isProcurementTender(project) && facts.type === 'tender_notice'),
  check(input) {
    const start = readDate(input.facts.docSaleStart);
    const end = readDate(input.facts.docSaleEnd);
    if (!start || !end || end < start) return [];
    return input.project.category === 'works' ? calendarSalePeriod(input, start, end) : workingDaySalePeriod(input.calendar, start, end);
  },
};

export const amendmentDeadline15d: Rule = {
  id: 'amendment_deadline_15d',
  label: '影响投标文件编制的澄清修改至少在投标截止十五日前发出',
  citation: `${LAW.tenderingRegs21}；${LAW.procurementRegs31}`,
  kind: 'statutory',
  defaultSeverity: 'block',
  appliesTo: ({ facts, project, prior }) =>
    facts.type === 'amendment_notice' &&
    facts.affectsPreparation === true &&
    (isWorksTender(project) || isProcurementTender(project)) &&
    // A change to a 资格预审 document runs against the application deadline (3 days, 实施条例 第二十一条), not this rule.
    prior.find((p) => p.id === facts.amendsNoticeId)?.type !== 'prequalification_notice',
  check({ facts, project, now }) {
    const today = beijingDateOf(now);
    const deadlineValue = facts.newBidDeadline ?? project.bidDeadline;
    const deadline = beijingDateOf(deadlineValue);
    if (!today || !deadline || !deadlineValue) return [];
    const days = daysBetween(today, deadline);
    if (days >= AMENDMENT_NOTICE_DAYS) return [];
    const which = facts.newBidDeadline ? '新的投标截止时间' : '投标截止时间';
    return [
      {
        message: `澄清或修改可能影响投标文件编制，但本公告发出之日（${today}）距${which}（${showInstant(deadlineValue)}）只有 ${days} 日：应当在投标截止时间至少 15 日前发出，不足 15 日的应当顺延投标截止时间。请把投标截止时间顺延到 ${addDays(today, AMENDMENT_NOTICE_DAYS)} 或以后，并写入本公告。`,
        field: 'facts.newBidDeadline',
        citation: project.category === 'works' ? LAW.tenderingRegs21 : LAW.procurementRegs31,
      },
    ];
  },
};

export const candidatePublicityMin: Rule = {
  id: 'candidate_publicity_min',
  label: '中标候选人公示期不少于三日',
  citation: LAW.tenderingRegs54,
  kind: 'statutory',
  defaultSeverity: 'block',
  appliesTo: isMandatoryWorksCandidates,
  check({ facts }) {
    const start = readDate(facts.publicityStart);
    const end = readDate(facts.publicityEnd);
    if (!start || !end || end < start) return [];
    const days = inclusiveDays(start, end);
    if (days >= PUBLICITY_DAYS) return [];
    return [
      {
        message: `公示期只有 ${days} 日（${start} 至 ${end}）：中标候选人公示期不得少于 3 日。请把公示结束日期改为 ${addDays(start, PUBLICITY_DAYS - 1)} 或以后。`,
        field: 'facts.publicityEnd',
      },
    ];
  },
};

export const candidatePublicityTimely: Rule = {
  id: 'candidate_publicity_timely',
  label: '收到评标报告后三日内公示中标候选人',
  citation: LAW.tenderingRegs54,
  kind: 'statutory',
  // Lateness cannot be cured by refusing the notice; blocking would only delay the publicity further.
  defaultSeverity: 'warn',
  appliesTo: isMandatoryWorksCandidates,
  check({ facts, now, calendar }) {
    const received = readDate(facts.evaluationReportOn);
    const today = beijingDateOf(now);
    if (!received || !today) return [];
    const lastDay = firstWorkingDayFrom(calendar, addDays(received, PUBLICITY_WITHIN_DAYS)).date;
    if (today <= lastDay) return [];
    return [
      {
        message: `收到评标报告（${received}）后第 ${daysBetween(received, today)} 日（${today}）才公示：应当自收到评标报告之日起 3 日内公示中标候选人，本项目最迟应在 ${lastDay} 公示。请立即发布；如评标报告收到日期填错，请更正。`,
        field: 'facts.evaluationReportOn',
      },
    ];
  },
};

export const contractWithin30d: Rule = {
  id: 'contract_within_30d',
  label: '中标通知书发出后三十日内订立合同',
  citation: `${LAW.tenderingLaw46}；${LAW.procurementLaw46}`,
  kind: 'statutory',
  // The contract notice must still be published when the contract was signed late; warn, do not block.
  defaultSeverity: 'warn',
  appliesTo: (input) =>
    input.facts.type === 'contract_notice' &&
    (isWorksTender(input.project) || input.project.category === 'procurement') &&
    latestPrior(input, 'award_notice') !== null,
  check(input) {
    const award = latestPrior(input, 'award_notice');
    const awarded = award ? awardDateOf(award) : null;
    const signed = readDate(input.facts.signedOn);
    if (!awarded || !signed) return [];
    const lastDay = firstWorkingDayFrom(input.calendar, addDays(awarded.date, CONTRACT_WITHIN_DAYS)).date;
    if (signed <= lastDay) return [];
    const source = awarded.isFromPublication ? '（结果公告未填中标通知书发出日期，按其发布日期计）' : '';
    return [
      {
        message: `合同在中标（成交）通知书发出（${awarded.date}）${source}后第 ${daysBetween(awarded.date, signed)} 日才签订（${signed}）：应当自通知书发出之日起三十日内订立书面合同，最迟 ${lastDay}。如签订日期填错，请更正；否则请在公告中说明逾期原因。`,
        field: 'facts.signedOn',
        citation: input.project.category === 'works' ? LAW.tenderingLaw46 : LAW.procurementLaw46,
      },
    ];
  },
};

export const PERIOD_RULES: readonly Rule[] = [
  bidPeriodMin,
  docSalePeriodMin,
  amendmentDeadline15d,
  candidatePublicityMin,
  candidatePublicityTimely,
  contractWithin30d,
];

/** Publicity of candidates is a duty of 依法必须进行招标的项目 only (实施条例 第五十四条). */
function isMandatoryWorksCandidates({ facts, project }: CheckInput): boolean {
  return facts.type === 'candidates_notice' && isWorksTender(project) && project.isMandatoryTendering;
}

function calendarSalePeriod({ facts }: CheckInput, start: string, end: string): RuleProblem[] {
  const days = inclusiveDays(start, end);
  if (days >= SALE_PERIOD_DAYS) return [];
  const what = facts.type === 'prequalification_notice' ? '资格预审文件' : '招标文件';
  return [
    {
      message: `${what}发售期只有 ${days} 日（${start} 至 ${end}）：发售期不得少于 5 日。请把发售截止日期延长到 ${addDays(start, SALE_PERIOD_DAYS - 1)} 或以后。`,
      field: 'facts.docSaleEnd',
      citation: LAW.tenderingRegs16,
    },
  ];
}

function workingDaySalePeriod(calendar: WorkingCalendar, start: string, end: string): RuleProblem[] {
  // No run of rest days in China reaches a month, so a longer span holds 5 working days; skip the day walk.
  if (inclusiveDays(start, end) > 31) return [];
  const count = countWorkingDays(calendar, start, end);
  if (count.days >= SALE_PERIOD_DAYS) return [];
  // The 5th working day counted from the start day itself (both ends included).
  const earliest = addWorkingDays(calendar, addDays(start, -1), SALE_PERIOD_DAYS);
  const caveat = count.isProvisional || earliest.isProvisional ? PROVISIONAL_NOTE : '';
  return [
    {
      message: `招标文件提供期限只有 ${count.days} 个工作日（${start} 至 ${end}）：自开始发出之日起不得少于 5 个工作日。请把提供截止日期延长到 ${earliest.date} 或以后。${caveat}`,
      field: 'facts.docSaleEnd',
      citation: LAW.procurementRegs31,
    },
  ];
}
