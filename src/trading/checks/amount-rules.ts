import { isSale, yuan, type Lot } from '../trading.model.ts';
import type { CheckInput } from './check.types.ts';
import { isProcurementTender, isWorksTender, lotNosOf } from './check-context.ts';
import { LAW, type Rule, type RuleProblem } from './rule.types.ts';

/** Money rules: the 2% cap on the bid deposit (T11/G8, [V stat.]) and prices against the ceiling or starting price. */

/** 2% as an integer ratio: deposit ≤ estimate / 50, so no floating point touches the fen. */
const DEPOSIT_DIVISOR = 50;

export const depositMax2pct: Rule = {
  id: 'deposit_max_2pct',
  label: '投标保证金不超过估算价（预算金额）的 2%',
  citation: `${LAW.tenderingRegs26}；${LAW.procurementRegs33}`,
  kind: 'statutory',
  defaultSeverity: 'block',
  appliesTo: ({ facts, project }) =>
    (facts.type === 'tender_notice' || facts.type === 'prequalification_notice') &&
    (isWorksTender(project) || isProcurementTender(project)) &&
    isPositiveFen(facts.depositFen),
  check(input) {
    const deposit = input.facts.depositFen;
    const estimate = estimateOf(input);
    if (!isPositiveFen(deposit) || !estimate || deposit * DEPOSIT_DIVISOR <= estimate.fen) return [];
    const isWorks = input.project.category === 'works';
    const max = Math.floor(estimate.fen / DEPOSIT_DIVISOR);
    const base = isWorks ? '招标项目估算价' : '采购项目预算金额';
    return [
      {
        message: `投标保证金 ${yuan(deposit)} 元超过了${base}（${estimate.basis} ${yuan(estimate.fen)} 元）的 2%。请把保证金降到 ${yuan(max)} 元或以下。`,
        field: 'facts.depositFen',
        citation: isWorks ? LAW.tenderingRegs26 : LAW.procurementRegs33,
      },
    ];
  },
};

export const awardWithinCeiling: Rule = {
  id: 'award_within_ceiling',
  label: '中标价不高于最高投标限价（出让成交价不低于起始价）',
  citation: '',
  kind: 'consistency',
  defaultSeverity: 'block',
  appliesTo: ({ facts, project }) =>
    (project.category === 'works' && (facts.type === 'award_notice' || facts.type === 'candidates_notice')) ||
    (isSale(project.category) && facts.type === 'award_notice'),
  check: (input) => (isSale(input.project.category) ? salePrices(input) : worksPrices(input)),
};

export const AMOUNT_RULES: readonly Rule[] = [depositMax2pct, awardWithinCeiling];

function worksPrices(input: CheckInput): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const priced = [
    ...arrayOf(input.facts.winners).map((w, i) => ({ who: '中标人', what: '中标价', name: w.name, lotNo: w.lotNo, priceFen: w.priceFen, field: `facts.winners[${i}].priceFen` })),
    ...arrayOf(input.facts.candidates).map((c, i) => ({ who: '中标候选人', what: '投标报价', name: c.name, lotNo: c.lotNo, priceFen: c.priceFen, field: `facts.candidates[${i}].priceFen` })),
  ];
  for (const p of priced) {
    const ceiling = priceLimitOf(input, p.lotNo, null);
    if (!ceiling || typeof p.priceFen !== 'number' || p.priceFen <= ceiling.fen) continue;
    problems.push({
      message: `${p.who}「${p.name}」的${p.what} ${yuan(p.priceFen)} 元高于${ceiling.basis}的最高投标限价 ${yuan(ceiling.fen)} 元。请核对${p.what}和最高投标限价是否填写正确。`,
      field: p.field,
    });
  }
  return problems;
}

function salePrices(input: CheckInput): RuleProblem[] {
  const problems: RuleProblem[] = [];
  arrayOf(input.facts.winners).forEach((w, i) => {
    const start = priceLimitOf(input, w.lotNo, input.facts.startingPriceFen ?? null);
    if (!start || typeof w.priceFen !== 'number' || w.priceFen >= start.fen) return;
    problems.push({
      message: `竞得人「${w.name}」的成交价 ${yuan(w.priceFen)} 元低于${start.basis}的起始价 ${yuan(start.fen)} 元。出让（转让）成交价应不低于起始价，请核对成交价和起始价是否填写正确。`,
      field: `facts.winners[${i}].priceFen`,
    });
  });
  return problems;
}

/** The ceiling (works) or starting price (sales) of a lot: stated in the notice, else the lot's, else the project's. */
function priceLimitOf(input: CheckInput, lotNo: number, stated: number | null): { fen: number; basis: string } | null {
  if (isPositiveFen(stated)) return { fen: stated, basis: '本公告所列' };
  const lot = input.project.lots.find((l) => l.lotNo === lotNo);
  if (lot && isPositiveFen(lot.budgetFen)) return { fen: lot.budgetFen, basis: `第 ${lot.lotNo} 标段（包）` };
  if (isPositiveFen(input.project.budgetFen)) return { fen: input.project.budgetFen, basis: '本项目' };
  return null;
}

/** The estimate the 2% is taken of: the notice's lots when each has a budget, else the project's budget. */
function estimateOf(input: CheckInput): { fen: number; basis: string } | null {
  const lots = lotNosOf(input);
  const noticeLots = input.project.lots.filter((l) => lots.includes(l.lotNo));
  const budgets = noticeLots.map((l: Lot) => l.budgetFen);
  if (noticeLots.length > 0 && budgets.every(isPositiveFen)) {
    const nos = noticeLots.map((l) => l.lotNo).join('、');
    return { fen: budgets.reduce<number>((s, b) => s + (b ?? 0), 0), basis: `第 ${nos} 标段（包）合计` };
  }
  return isPositiveFen(input.project.budgetFen) ? { fen: input.project.budgetFen, basis: '项目预算' } : null;
}

function isPositiveFen(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0;
}

function arrayOf<T>(v: T[] | undefined): T[] {
  return Array.isArray(v) ? v : [];
}
