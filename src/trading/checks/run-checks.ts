import type { CheckInput, Finding, RuleSeverity, Severity } from './check.types.ts';
import { RULES } from './rules.ts';
import type { Rule, RuleKind } from './rule.types.ts';

export type RuleCatalogEntry = { id: string; label: string; citation: string; kind: RuleKind; defaultSeverity: Severity };

/** What the policy admin page lists: each rule, its legal basis and the severity it has unless a center overrides it. */
export const RULE_CATALOG: readonly RuleCatalogEntry[] = RULES.map(({ id, label, citation, kind, defaultSeverity }) => ({ id, label, citation, kind, defaultSeverity }));

/**
 * Runs every rule that applies to the submission. A center's override replaces a rule's default severity;
 * 'off' skips the rule. Pure: the caller supplies the project, the prior notices and `now`.
 */
export function runChecks(input: CheckInput, severities: RuleSeverity = {}): Finding[] {
  return RULES.flatMap((rule) => {
    const severity = Object.hasOwn(severities, rule.id) ? severities[rule.id] : undefined;
    const effective = severity ?? rule.defaultSeverity;
    if (effective === 'off' || !rule.appliesTo(input)) return [];
    return rule.check(input).map((p) => toFinding(rule, effective, p));
  });
}

/** Whether any finding stops the submission. */
export function hasBlocking(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'block');
}

function toFinding(rule: Rule, severity: Severity, problem: { message: string; field?: string; citation?: string }): Finding {
  return {
    ruleId: rule.id,
    severity,
    citation: problem.citation ?? rule.citation,
    message: problem.message,
    ...(problem.field ? { field: problem.field } : {}),
  };
}
