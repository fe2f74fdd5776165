import type { Executor } from '../platform/db/client.ts';
import { DEFAULT_POLICIES, isMessageKind, MESSAGE_KINDS, type MessageKind, type MessagePolicy } from './messages.model.ts';
import { listStoredPolicies } from './messages.repo.ts';

export type PolicySet = Record<MessageKind, MessagePolicy>;

/** Each kind's clock at a center: what the center set, else the default of decision 0010. */
export async function policiesOf(ex: Executor, centerId: number): Promise<PolicySet> {
  const out = Object.fromEntries(MESSAGE_KINDS.map((k) => [k, { ...DEFAULT_POLICIES[k] }])) as PolicySet;
  for (const p of await listStoredPolicies(ex, [centerId])) {
    if (isMessageKind(p.kind)) out[p.kind] = { kind: p.kind, days: p.days, isWorkingDays: p.isWorkingDays, isOpen: p.isOpen };
  }
  return out;
}
