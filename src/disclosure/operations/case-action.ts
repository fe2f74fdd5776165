import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { WorkingCalendar } from '../../calendar/working-days.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/client.ts';
import { formatDate } from '../../platform/dates.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { CLOSING_EVENTS, statusOf } from '../case-state.ts';
import { computeClock, type ClockEvent } from '../clock.ts';
import { findRequestForUpdate, insertEvent, listEvents, listReplies, updateRequest, type DisclosureEvent, type DisclosureReply, type DisclosureRequest } from '../disclosure.repo.ts';

export type NewEvent = { kind: string; onDate: string; data?: Record<string, unknown>; isPublic: boolean };

export type CaseScene = {
  tx: Tx;
  request: DisclosureRequest;
  events: DisclosureEvent[];
  replies: DisclosureReply[];
  cal: WorkingCalendar;
  today: string;
  actor: Actor;
};

export type CaseStep = { events?: NewEvent[]; audit?: Record<string, unknown> };

/**
 * Runs one staff action on a case: lock the row, check the form was made from the current version, let the
 * step validate and say what happened (events, reply rows), then recompute the clock and the status from all
 * events and write them with the audit event — all in one transaction.
 */
export async function runCaseAction(
  ctx: AppContext,
  o: { actor: Actor; centerId: number; requestId: number; lockVersion: number | null; action: string },
  step: (scene: CaseScene) => Promise<CaseStep>,
): Promise<DisclosureRequest> {
  const cal = await ctx.calendar.get();
  const today = formatDate(ctx.clock());
  return ctx.db.transaction(async (tx) => {
    const request = await findRequestForUpdate(tx, o.requestId);
    if (!request || request.centerId !== o.centerId) throw notFound('申请');
    if (o.lockVersion !== null && o.lockVersion !== request.lockVersion) {
      throw new AppError('CONFLICT_STALE', { userMessage: '该申请已被他人更新，请刷新页面后重试' });
    }
    const [events, replies] = await Promise.all([listEvents(tx, request.id), listReplies(tx, request.id)]);
    const scene: CaseScene = { tx, request, events, replies, cal, today, actor: o.actor };
    const result = await step(scene);
    const allEvents = [...events];
    for (const e of result.events ?? []) {
      allEvents.push(await insertEvent(tx, { requestId: request.id, kind: e.kind, onDate: e.onDate, data: e.data ?? {}, isPublic: e.isPublic, actorId: o.actor.userId }));
    }
    // Reply steps insert or update replies: read them again; the events are the loaded ones plus those inserted.
    const allReplies = await listReplies(tx, request.id);
    const trace = computeClock(cal, allEvents.map(toClockEvent));
    const closing = [...allEvents].reverse().find((e) => CLOSING_EVENTS.has(e.kind));
    const status = statusOf(trace, allReplies.map((r) => r.status));
    await updateRequest(tx, request.id, {
      status,
      dueOn: trace.dueOn,
      isDueProvisional: trace.isProvisional,
      trace,
      ...(closing ? { outcome: String(closing.data.outcome ?? ''), closedOn: closing.onDate } : {}),
    });
    await recordAudit(tx, o.actor, { action: `disclosure.${o.action}`, centerId: request.centerId, targetType: 'disclosure_request', targetId: request.id, details: result.audit ?? {} });
    const updated = await findRequestForUpdate(tx, request.id);
    if (!updated) throw new Error('request vanished');
    return updated;
  });
}

export function toClockEvent(e: Pick<DisclosureEvent, 'kind' | 'onDate' | 'data'>): ClockEvent {
  return { kind: e.kind, onDate: e.onDate, data: e.data };
}

export function refuse(userMessage: string): AppError {
  return new AppError('DISCLOSURE_INVALID_TRANSITION', { userMessage });
}
