import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { PgBoss } from 'pg-boss';
import { addWorkingDays } from '../calendar/working-days.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import type { AppContext } from '../platform/context.ts';
import { formatDate } from '../platform/dates.ts';
import { workingDaysLeft } from './clock.ts';
import { insertEvent, listCasesNeedingAttention, listClockEvents } from './disclosure.repo.ts';
import { runCaseAction } from './operations/case-action.ts';
import { lapseClarification, lapseFee } from './operations/case-steps.ts';

export const JOB_DISCLOSURE_DAILY = 'disclosure.daily';
/** Working days before the due date at which the case gets its reminder. */
export const REMIND_DAYS_BEFORE = 3;

/**
 * Once a day (and at start-up): close the cases whose 补正 or fee period ran out (视为放弃申请, outcomes
 * （六）1 and （六）2), and mark reminders — due within 3 working days — and overdue cases with an internal
 * event, once per due date, for the dashboard and the case history.
 */
export async function runDisclosureDaily(ctx: AppContext): Promise<{ lapsed: number; reminded: number; overdue: number }> {
  const cal = await ctx.calendar.get();
  const today = formatDate(ctx.clock());
  const out = { lapsed: 0, reminded: 0, overdue: 0 };
  const soonOn = addWorkingDays(cal, today, REMIND_DAYS_BEFORE).date;
  for (let after = 0; ; ) {
    // Only the cases due soon or waiting for the applicant, in batches, with their events in one query, and a
    // turn of the event loop between batches (on PGlite the queries run on the server's thread).
    const batch = await listCasesNeedingAttention(ctx.db, after, 500, soonOn);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]?.id ?? after;
    const eventsOf = await listClockEvents(ctx.db, batch.map((r) => r.id));
    for (const r of batch) {
      const events = eventsOf.get(r.id) ?? [];
      const last = (kind: string) => [...events].reverse().find((e) => e.kind === kind);
      const asked = last('clarification_requested');
      const corrected = last('clarification_received');
      const fee = last('fee_notified');
      const settled = [...events].reverse().find((e) => e.kind === 'fee_paid' || e.kind === 'fee_waived');
      const step = asked && !corrected && today > String(asked.data.correctBy) ? lapseClarification : fee && !settled && today > String(fee.data.payBy) ? lapseFee : null;
      if (step) {
        await runCaseAction(ctx, { actor: SYSTEM_ACTOR, centerId: r.centerId, requestId: r.id, lockVersion: null, action: 'lapse' }, async (s) => step(s));
        out.lapsed += 1;
        continue;
      }
      if (!r.dueOn) continue;
      const left = workingDaysLeft(cal, today, r.dueOn);
      const marked = (kind: string) => events.some((e) => e.kind === kind && e.data.dueOn === r.dueOn);
      if (left > REMIND_DAYS_BEFORE) continue;
      if (left < 0 && !marked('overdue')) {
        await insertEvent(ctx.db, { requestId: r.id, kind: 'overdue', onDate: today, isPublic: false, data: { dueOn: r.dueOn } });
        out.overdue += 1;
      } else if (left >= 0 && left <= REMIND_DAYS_BEFORE && !marked('reminder')) {
        await insertEvent(ctx.db, { requestId: r.id, kind: 'reminder', onDate: today, isPublic: false, data: { dueOn: r.dueOn, left } });
        out.reminded += 1;
      }
    }
    await yieldToLoop();
  }
  return out;
}

export async function registerDisclosureJobs(boss: PgBoss, ctx: AppContext): Promise<void> {
  await boss.createQueue(JOB_DISCLOSURE_DAILY);
  await boss.work(JOB_DISCLOSURE_DAILY, async () => {
    await runDisclosureDaily(ctx);
  });
  await boss.schedule(JOB_DISCLOSURE_DAILY, '5 0 * * *', {}, { tz: 'Asia/Shanghai' });
  await boss.send(JOB_DISCLOSURE_DAILY, {}, { startAfter: 20 });
}
