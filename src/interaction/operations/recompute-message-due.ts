import type { WorkingCalendar } from '../../calendar/working-days.ts';
import type { Executor } from '../../platform/db/client.ts';
import { dueDateOf } from '../message-clock.ts';
import { insertMessageEvent, listOpenMessagesAfter, updateMessage } from '../messages.repo.ts';

const BATCH = 1000;

/**
 * After a calendar change: recompute the due date of every open message from its day of receipt and the
 * clock it was promised (`clock_days`, working or calendar days). Where the date moved, store it and add a
 * `due_moved` event to the message's history (shown to staff) saying from what to what and why; a date
 * that only stops (or starts) being provisional is updated without an event. Returns the messages moved.
 * Runs in the caller's transaction when given one.
 */
export async function recomputeOpenMessages(ex: Executor, cal: WorkingCalendar, reason: string, onDate: string): Promise<number> {
  let moved = 0;
  for (let after = 0; ; ) {
    const batch = await listOpenMessagesAfter(ex, after, BATCH);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]?.id ?? after;
    for (const m of batch) {
      const due = dueDateOf(cal, m.receivedOn, { days: m.clockDays, isWorkingDays: m.isClockWorkingDays });
      if (due.dueOn === m.dueOn && due.isProvisional === m.isDueProvisional) continue;
      const updated = await updateMessage(ex, m.id, { dueOn: due.dueOn, isDueProvisional: due.isProvisional }, { ifStatus: ['open'] });
      if (updated && due.dueOn !== m.dueOn) {
        await insertMessageEvent(ex, { messageId: m.id, action: 'due_moved', note: `${onDate}：答复期限由 ${m.dueOn} 调整为 ${due.dueOn}（${reason}）`, actorName: '系统' });
        moved += 1;
      }
    }
  }
  return moved;
}
