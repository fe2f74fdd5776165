import { NOTICE_TYPE_LABELS, OPENING_TYPES, type Candidate } from '../trading.model.ts';
import type { CheckInput, PriorNotice } from './check.types.ts';
import { beijingDateOf, readInstant, showInstant } from './check-dates.ts';
import type { Rule, RuleProblem } from './rule.types.ts';

/** The notice fits the sequence already published on the project. No article is cited (none verified). */

export const noticeOrder: Rule = {
  id: 'notice_order',
  label: '公告发布顺序正确',
  citation: '',
  kind: 'order',
  defaultSeverity: 'block',
  appliesTo: () => true,
  check: (input) => [...afterTermination(input), ...openingFirst(input), ...noSecondOpening(input), ...afterDeadline(input), ...awardBeforeContract(input), ...amendsOwnNotice(input)],
};

export const awardInCandidates: Rule = {
  id: 'award_in_candidates',
  label: '中标人在公示的中标候选人之中',
  citation: '',
  kind: 'order',
  defaultSeverity: 'block',
  appliesTo: ({ facts, prior }) => facts.type === 'award_notice' && prior.some((p) => p.type === 'candidates_notice'),
  check({ facts, prior }) {
    if (!Array.isArray(facts.winners)) return [];
    const problems: RuleProblem[] = [];
    facts.winners.forEach((w, i) => {
      const publicity = latestCandidatesFor(prior, w.lotNo);
      if (!publicity) return;
      const names = publicity.candidates.map((c) => c.name);
      if (names.some((n) => sameName(n, w.name))) return;
      problems.push({
        message: `中标人「${w.name}」不在第 ${w.lotNo} 标段（包）的中标候选人公示（${publicity.publishedOn} 发布）名单中，公示的候选人为：${names.join('、')}。请核对中标人名称；如中标人确有变化，请先发布新的中标候选人公示。`,
        field: `facts.winners[${i}].name`,
      });
    });
    return problems;
  },
};

export const ORDER_RULES: readonly Rule[] = [noticeOrder, awardInCandidates];

function label(input: CheckInput): string {
  return NOTICE_TYPE_LABELS[input.facts.type] ?? '本公告';
}

function publishedOn(p: PriorNotice): string {
  return beijingDateOf(p.publishedAt) ?? p.publishedAt;
}

function afterTermination(input: CheckInput): RuleProblem[] {
  const termination = input.prior.find((p) => p.type === 'termination_notice');
  if (!termination) return [];
  return [{ message: `本项目已于 ${publishedOn(termination)} 发布终止公告，不能再发布${label(input)}。如需重新招标，请新建项目。` }];
}

function openingFirst(input: CheckInput): RuleProblem[] {
  if (OPENING_TYPES.includes(input.facts.type)) return [];
  if (input.prior.some((p) => OPENING_TYPES.includes(p.type))) return [];
  return [{ message: `本项目还没有已发布的招标（采购、出让）公告或资格预审公告，不能发布${label(input)}。请先发布招标或资格预审公告。` }];
}

function noSecondOpening(input: CheckInput): RuleProblem[] {
  if (!OPENING_TYPES.includes(input.facts.type)) return [];
  const earlier = input.prior.find((p) => p.type === input.facts.type);
  if (!earlier) return [];
  return [{ message: `本项目已于 ${publishedOn(earlier)} 发布${label(input)}，不能再发布一份。如需修改内容或时间，请发布变更（澄清）公告。` }];
}

function afterDeadline(input: CheckInput): RuleProblem[] {
  const { facts, project, now } = input;
  if (facts.type !== 'candidates_notice' && facts.type !== 'award_notice') return [];
  const deadline = readInstant(project.bidDeadline);
  const at = readInstant(now);
  if (!deadline || !at || !project.bidDeadline || at >= deadline) return [];
  return [{ message: `投标截止时间（${showInstant(project.bidDeadline)}）还没到，不能发布${label(input)}。请在投标截止、开标评标之后再发布。` }];
}

function awardBeforeContract(input: CheckInput): RuleProblem[] {
  if (input.facts.type !== 'contract_notice' || input.prior.some((p) => p.type === 'award_notice')) return [];
  return [{ message: '本项目还没有已发布的中标（成交）结果公告，不能发布合同公告。请先发布结果公告。' }];
}

function amendsOwnNotice(input: CheckInput): RuleProblem[] {
  const id = input.facts.amendsNoticeId;
  if (input.facts.type !== 'amendment_notice' || id === undefined || input.prior.some((p) => p.id === id)) return [];
  return [{ message: `所变更的原公告（编号 ${id}）不是本项目已发布的公告。请选择本项目已发布的公告。`, field: 'facts.amendsNoticeId' }];
}

function latestCandidatesFor(prior: PriorNotice[], lotNo: number): { candidates: Candidate[]; publishedOn: string } | null {
  for (let i = prior.length - 1; i >= 0; i--) {
    const p = prior[i];
    if (!p || p.type !== 'candidates_notice' || !Array.isArray(p.facts.candidates)) continue;
    const candidates = p.facts.candidates.filter((c) => c.lotNo === lotNo);
    if (candidates.length > 0) return { candidates, publishedOn: publishedOn(p) };
  }
  return null;
}

/** Names compare without spaces and with full-width brackets folded: 某某建设（集团）有限公司 = 某某建设(集团)有限公司. */
function sameName(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && normalizeName(a) === normalizeName(b) && normalizeName(a) !== '';
}

function normalizeName(s: string): string {
  return s.replace(/\s+/g, '').replaceAll('（', '(').replaceAll('）', ')');
}
