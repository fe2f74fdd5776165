import { AMOUNT_RULES } from './amount-rules.ts';
import { CONSISTENCY_RULES } from './consistency-rules.ts';
import { ORDER_RULES } from './order-rules.ts';
import { PERIOD_RULES } from './period-rules.ts';
import { REQUIRED_RULES } from './required-rules.ts';
import type { Rule } from './rule.types.ts';

/**
 * Every check run on a trading-notice submission, in the order findings are shown: what is missing first,
 * then the statutory periods and amounts, then consistency and order. Sources and counting rules:
 * docs/decisions/0007-statutory-checks.md.
 */
export const RULES: readonly Rule[] = [...REQUIRED_RULES, ...PERIOD_RULES, ...AMOUNT_RULES, ...CONSISTENCY_RULES, ...ORDER_RULES];
