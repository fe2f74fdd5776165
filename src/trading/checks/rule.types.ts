import type { CheckInput, Severity } from './check.types.ts';

/**
 * statutory: a period, amount or content rule of a law or regulation (carries its article);
 * required: a field the notice must carry; consistency: the notice agrees with itself and its project;
 * order: the notice fits the sequence of notices already published on the project.
 */
export type RuleKind = 'statutory' | 'consistency' | 'order' | 'required';

/** One thing a rule found wrong. `citation` overrides the rule's when the basis depends on the regime. */
export type RuleProblem = { message: string; field?: string; citation?: string };

export type Rule = {
  id: string;
  /** Chinese label for the policy page. */
  label: string;
  /** Every article the rule may cite, joined with '；'; empty for platform rules. */
  citation: string;
  kind: RuleKind;
  defaultSeverity: Severity;
  appliesTo(input: CheckInput): boolean;
  check(input: CheckInput): RuleProblem[];
};

/** The articles, spelled once. Each is marked [V stat.] in shared/reference/notice-formats.md §3, §8. */
export const LAW = {
  tenderingLaw24: '《中华人民共和国招标投标法》第二十四条',
  tenderingLaw46: '《中华人民共和国招标投标法》第四十六条',
  tenderingRegs16: '《中华人民共和国招标投标法实施条例》第十六条',
  tenderingRegs21: '《中华人民共和国招标投标法实施条例》第二十一条',
  tenderingRegs26: '《中华人民共和国招标投标法实施条例》第二十六条',
  tenderingRegs31: '《中华人民共和国招标投标法实施条例》第三十一条',
  tenderingRegs54: '《中华人民共和国招标投标法实施条例》第五十四条',
  procurementLaw35: '《中华人民共和国政府采购法》第三十五条',
  procurementLaw46: '《中华人民共和国政府采购法》第四十六条',
  procurementRegs31: '《中华人民共和国政府采购法实施条例》第三十一条',
  procurementRegs33: '《中华人民共和国政府采购法实施条例》第三十三条',
} as const;
