import type { ClockTrace } from './clock.ts';
import type { RequestStatus } from './disclosure.model.ts';

/** Events that end a case; the outcome is in their data. */
export const CLOSING_EVENTS = new Set(['reply_served', 'clarification_lapsed', 'fee_lapsed']);

/** The operational status from the clock and the replies (the clock knows what pauses are open). */
export function statusOf(trace: ClockTrace, replyStatuses: readonly string[]): RequestStatus {
  if (trace.state === 'stopped') return 'closed';
  if (trace.state === 'awaiting_clarification') return 'awaiting_clarification';
  const open = trace.pauses.filter((p) => p.to === null);
  if (open.some((p) => p.reason === 'fee')) return 'awaiting_payment';
  if (open.some((p) => p.reason === 'consultation')) return 'consulting';
  if (replyStatuses.some((s) => s === 'in_review' || s === 'approved')) return 'reply_review';
  return 'in_progress';
}
