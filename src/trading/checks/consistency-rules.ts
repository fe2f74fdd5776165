import type { NoticeFacts } from '../trading.model.ts';
import type { CheckInput } from './check.types.ts';
import { beijingDateOf, readDate, readInstant, showInstant } from './check-dates.ts';
import { awardDateOf, latestPrior, lotNosOf } from './check-context.ts';
import type { Rule, RuleProblem } from './rule.types.ts';

/** The notice agrees with itself and with its project. Platform rules: no article is cited. */

export const lotNumbers: Rule = {
  id: 'lot_numbers',
  label: '标段（包）编号与项目一致',
  citation: '',
  kind: 'consistency',
  defaultSeverity: 'block',
  appliesTo: () => true,
  check(input) {
    const lots = lotNosOf(input);
    const projectLots = input.project.lots.map((l) => l.lotNo);
    const problems: RuleProblem[] = [];
    if (projectLots.length > 0) {
      if (lots.length === 0) {
        problems.push({ message: `标段（包）：必须选择本公告涉及的标段（包），本项目有第 ${projectLots.join('、')} 标段（包）。`, field: 'facts.lotNos' });
      }
      const unknown = lots.filter((n) => !projectLots.includes(n));
      if (unknown.length > 0) {
        problems.push({
          message: `标段（包）第 ${unknown.join('、')} 号不在本项目中：本项目只有第 ${projectLots.join('、')} 标段（包）。请改选正确的标段（包）。`,
          field: 'facts.lotNos',
        });
      }
    }
    if (lots.length > 0) problems.push(...partiesOutsideLots(input.facts, lots));
    return problems;
  },
};

export const dateOrder: Rule = {
  id: 'date_order',
  label: '日期先后顺序正确',
  citation: '',
  kind: 'consistency',
  defaultSeverity: 'block',
  appliesTo: () => true,
  check: (input) => [...unreadable(input.facts), ...saleAndDeadline(input.facts), ...publicity(input.facts), ...amendment(input), ...contract(input)],
};

export const CONSISTENCY_RULES: readonly Rule[] = [lotNumbers, dateOrder];

function partiesOutsideLots(facts: NoticeFacts, lots: number[]): RuleProblem[] {
  const parties = [
    ...(Array.isArray(facts.candidates) ? facts.candidates.map((c, i) => ({ who: '中标候选人', name: c.name, lotNo: c.lotNo, field: `facts.candidates[${i}].lotNo` })) : []),
    ...(Array.isArray(facts.winners) ? facts.winners.map((w, i) => ({ who: '中标（成交）人', name: w.name, lotNo: w.lotNo, field: `facts.winners[${i}].lotNo` })) : []),
  ];
  return parties
    .filter((p) => !lots.includes(p.lotNo))
    .map((p) => ({
      message: `${p.who}「${p.name}」属于第 ${p.lotNo} 标段（包），但本公告只涉及第 ${lots.join('、')} 标段（包）。请改正其标段（包）编号，或把该标段（包）加入本公告。`,
      field: p.field,
    }));
}

const DATE_FIELDS = [
  ['docSaleStart', '文件获取开始日期'],
  ['docSaleEnd', '文件获取截止日期'],
  ['evaluationReportOn', '评标报告收到日期'],
  ['publicityStart', '公示开始日期'],
  ['publicityEnd', '公示结束日期'],
  ['awardNoticeOn', '中标（成交）通知书发出日期'],
  ['signedOn', '合同签订日期'],
] as const;

const INSTANT_FIELDS = [
  ['bidDeadline', '投标截止时间'],
  ['openingAt', '开标时间'],
  ['newBidDeadline', '新的投标截止时间'],
  ['newOpeningAt', '新的开标时间'],
] as const;

/** A value that is present but cannot be read would make every period rule skip silently; say so once. */
function unreadable(facts: NoticeFacts): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const [key, label] of DATE_FIELDS) {
    const v = facts[key];
    if (v !== undefined && v !== '' && !readDate(v)) {
      problems.push({ message: `${label}「${clip(String(v))}」不是有效日期：请按“年-月-日”填写，例如 2026-03-01。`, field: `facts.${key}` });
    }
  }
  for (const [key, label] of INSTANT_FIELDS) {
    const v = facts[key];
    if (v !== undefined && v !== '' && !readInstant(v)) {
      problems.push({ message: `${label}「${clip(String(v))}」不是有效时间：请填写日期和时刻（北京时间），例如 2026-03-21 09:30。`, field: `facts.${key}` });
    }
  }
  return problems;
}

function saleAndDeadline(facts: NoticeFacts): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const start = readDate(facts.docSaleStart);
  const end = readDate(facts.docSaleEnd);
  const deadline = beijingDateOf(facts.bidDeadline);
  if (start && end && end < start) {
    problems.push({ message: `文件获取截止日期（${end}）早于开始日期（${start}）。请改正其中一个日期。`, field: 'facts.docSaleEnd' });
  }
  if (end && deadline && facts.bidDeadline && deadline < end) {
    problems.push({
      message: `投标（申请）截止时间（${showInstant(facts.bidDeadline)}）早于文件获取截止日期（${end}）。截止时间应在文件获取期结束之后，请改正。`,
      field: 'facts.bidDeadline',
    });
  }
  problems.push(...openingBeforeDeadline(facts.openingAt, facts.bidDeadline, 'facts.openingAt'));
  return problems;
}

function openingBeforeDeadline(openingValue: string | undefined, deadlineValue: string | undefined | null, field: string): RuleProblem[] {
  const opening = readInstant(openingValue);
  const deadline = readInstant(deadlineValue);
  if (!opening || !deadline || !openingValue || !deadlineValue || opening >= deadline) return [];
  return [
    {
      message: `开标时间（${showInstant(openingValue)}）早于投标截止时间（${showInstant(deadlineValue)}）。开标应在投标截止时间当时或之后，请改正。`,
      field,
    },
  ];
}

function publicity(facts: NoticeFacts): RuleProblem[] {
  const start = readDate(facts.publicityStart);
  const end = readDate(facts.publicityEnd);
  if (!start || !end || end >= start) return [];
  return [{ message: `公示结束日期（${end}）早于公示开始日期（${start}）。请改正公示期。`, field: 'facts.publicityEnd' }];
}

function amendment({ facts, project }: CheckInput): RuleProblem[] {
  if (facts.type !== 'amendment_notice') return [];
  const problems: RuleProblem[] = [];
  const next = readInstant(facts.newBidDeadline);
  const current = readInstant(project.bidDeadline);
  if (next && current && facts.newBidDeadline && project.bidDeadline && next <= current) {
    problems.push({
      message: `新的投标截止时间（${showInstant(facts.newBidDeadline)}）不晚于现在的投标截止时间（${showInstant(project.bidDeadline)}）。变更截止时间只能顺延；如不改截止时间，请不要填写此项。`,
      field: 'facts.newBidDeadline',
    });
  }
  const deadline = facts.newBidDeadline ?? project.bidDeadline;
  problems.push(...openingBeforeDeadline(facts.newOpeningAt, deadline, 'facts.newOpeningAt'));
  // A new deadline past the opening that stays in force would open bids before they are all in.
  if (facts.newBidDeadline && !facts.newOpeningAt) {
    problems.push(...openingBeforeDeadline(project.openingAt ?? undefined, facts.newBidDeadline, 'facts.newOpeningAt'));
  }
  return problems;
}

function contract(input: CheckInput): RuleProblem[] {
  if (input.facts.type !== 'contract_notice') return [];
  const signed = readDate(input.facts.signedOn);
  const award = latestPrior(input, 'award_notice');
  const awarded = award ? awardDateOf(award) : null;
  if (!signed || !awarded || signed >= awarded.date) return [];
  return [
    {
      message: `合同签订日期（${signed}）早于中标（成交）通知书发出日期（${awarded.date}）。合同应在通知书发出之后签订，请核对签订日期。`,
      field: 'facts.signedOn',
    },
  ];
}

/** Echo at most 40 characters of what was typed: enough to recognise it, not a page of it. */
function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
