import type { WorkingCalendar } from '../../calendar/working-days.ts';
import type { Executor } from '../../platform/db/client.ts';
import { computeClock } from '../clock.ts';
import { insertEvent, listClockEvents, listOpenRequestsAfter, updateRequest } from '../disclosure.repo.ts';

const BATCH = 1000;

/**
 * After a calendar change: recompute every open case's clock and, where the due date moved, store the new
 * one with a `due_moved` event on the case saying from what to what and why. Returns the cases moved.
 */
export async function recomputeOpenDisclosureCases(ex: Executor, cal: WorkingCalendar, reason: string, onDate: string): Promise<number> {
  let moved = 0;
  for (let after = 0; ; ) {
    const batch = await listOpenRequestsAfter(ex, after, BATCH);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]?.id ?? after;
    const events = await listClockEvents(ex, batch.map((r) => r.id));
    for (const r of batch) {
      const trace = computeClock(cal, events.get(r.id) ?? []);
      if (trace.dueOn === r.dueOn && trace.isProvisional === r.isDueProvisional) continue;
      await updateRequest(ex, r.id, { dueOn: trace.dueOn, isDueProvisional: trace.isProvisional, trace });
      if (trace.dueOn !== r.dueOn) {
        await insertEvent(ex, { requestId: r.id, kind: 'due_moved', onDate, isPublic: true, data: { from: r.dueOn, to: trace.dueOn, reason } });
        moved += 1;
      }
    }
  }
  return moved;
}
