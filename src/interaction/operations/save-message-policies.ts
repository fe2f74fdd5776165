import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { validationError, type FieldError } from '../../platform/errors.ts';
import { policiesOf, type PolicySet } from '../message-policy.service.ts';
import { KIND_LABELS, MESSAGE_KINDS, type MessagePolicy } from '../messages.model.ts';
import { upsertPolicy } from '../messages.repo.ts';

export const MAX_POLICY_DAYS = 90;

/**
 * A center's reply clocks, per kind: days (1–90), working or calendar days, open or not. Messages already
 * received keep the clock they were promised; the new clock applies from the next message.
 * The form sends `days.<kind>`, `unit.<kind>` ('working' | 'calendar') and `open.<kind>` ('on' when ticked).
 */
export async function saveMessagePolicies(ctx: AppContext, o: { centerId: number; form: Record<string, unknown>; actor: Actor }): Promise<PolicySet> {
  const errors: FieldError[] = [];
  const next: MessagePolicy[] = [];
  for (const kind of MESSAGE_KINDS) {
    const raw = o.form[`days.${kind}`];
    const text = typeof raw === 'string' ? raw.trim() : '';
    const days = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(days) || days < 1 || days > MAX_POLICY_DAYS) errors.push({ field: `days.${kind}`, message: `${KIND_LABELS[kind]}答复期限：应为 1 到 ${MAX_POLICY_DAYS} 之间的整数` });
    const unit = o.form[`unit.${kind}`];
    if (unit !== 'working' && unit !== 'calendar') errors.push({ field: `unit.${kind}`, message: `${KIND_LABELS[kind]}计算方式：应为“工作日”或“自然日”` });
    next.push({ kind, days, isWorkingDays: unit !== 'calendar', isOpen: o.form[`open.${kind}`] === 'on' });
  }
  if (errors.length > 0) throw validationError(errors);
  return ctx.db.transaction(async (tx) => {
    const before = await policiesOf(tx, o.centerId);
    for (const p of next) await upsertPolicy(tx, { centerId: o.centerId, kind: p.kind, days: p.days, isWorkingDays: p.isWorkingDays, isOpen: p.isOpen });
    const after = await policiesOf(tx, o.centerId);
    await recordAudit(tx, o.actor, { action: 'message.policy.save', centerId: o.centerId, targetType: 'message_policy', targetId: o.centerId, before, after });
    return after;
  });
}
