import { sql } from 'drizzle-orm';
import { shiftDay } from '../../calendar/working-days.ts';
import type { AppContext } from '../../platform/context.ts';
import { formatDate } from '../../platform/dates.ts';
import { nextSerial } from '../../platform/db/serials.repo.ts';
import { AppError } from '../../platform/errors.ts';
import { dueDateOf } from '../message-clock.ts';
import { hashAccessCode, newAccessCode, trackingNoOf, trackingPrefixOf } from '../message-codes.ts';
import { DUPLICATE_WINDOW_DAYS, findDuplicate } from '../message-duplicates.ts';
import { policiesOf } from '../message-policy.service.ts';
import { clockLabel, KIND_LABELS } from '../messages.model.ts';
import { countTrackingNosWithPrefix, insertMessage, insertMessageEvent, listRecentOfSender, type Message } from '../messages.repo.ts';
import { senderKeyOf, type MessageInput } from '../messages.schema.ts';

/** The day's tracking serials are handed out one at a time (a number of this feature's own). */
const TRACKING_LOCK = 727_010;

export type SubmittedMessage = { message: Message; accessCode: string; clockLabel: string };

/**
 * A visitor's message (portal form, JSON API, or the 网站找错 form): the kind's clock at the center gives
 * the due date; an earlier similar message of the same sender within 30 days is marked, never refused.
 * The access code is returned once and stored only as a hash.
 */
export async function submitMessage(ctx: AppContext, o: { centerId: number; input: MessageInput; now: Date }): Promise<SubmittedMessage> {
  const policy = (await policiesOf(ctx.db, o.centerId))[o.input.kind];
  if (!policy.isOpen) throw new AppError('MESSAGE_KIND_CLOSED', { userMessage: `本中心暂未开通“${KIND_LABELS[o.input.kind]}”留言，请选择其他类型或通过电话联系我们` });
  const cal = await ctx.calendar.get();
  const receivedOn = formatDate(o.now);
  const due = dueDateOf(cal, receivedOn, policy);
  const senderKey = senderKeyOf(o.input);
  const earlier = senderKey ? await listRecentOfSender(ctx.db, { centerId: o.centerId, senderKey, sinceOn: shiftDay(receivedOn, -DUPLICATE_WINDOW_DAYS), untilOn: receivedOn, limit: 50 }) : [];
  const duplicate = findDuplicate(o.input, earlier);
  const accessCode = newAccessCode();

  const message = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${TRACKING_LOCK})`);
    const prefix = trackingPrefixOf(receivedOn);
    const serial = await nextSerial(tx, `message:${receivedOn}`, () => countTrackingNosWithPrefix(tx, prefix));
    const m = await insertMessage(tx, {
      centerId: o.centerId,
      kind: o.input.kind,
      trackingNo: trackingNoOf(receivedOn, serial),
      accessCodeHash: hashAccessCode(accessCode),
      subject: o.input.subject,
      body: o.input.body,
      reference: o.input.reference,
      name: o.input.name,
      phone: o.input.phone,
      email: o.input.email,
      senderKey,
      receivedOn,
      clockDays: policy.days,
      isClockWorkingDays: policy.isWorkingDays,
      dueOn: due.dueOn,
      isDueProvisional: due.isProvisional,
      status: 'open',
      possibleDuplicateOf: duplicate?.id ?? null,
      createdAt: o.now,
    });
    await insertMessageEvent(tx, { messageId: m.id, action: 'received', note: `答复期限 ${clockLabel(policy)}，至 ${due.dueOn}${due.isProvisional ? '（该年度节假日安排尚未公布，暂按周一至周五计算）' : ''}`, actorName: '系统', createdAt: o.now });
    if (duplicate) await insertMessageEvent(tx, { messageId: m.id, action: 'duplicate_flagged', note: `同一联系人 ${DUPLICATE_WINDOW_DAYS} 日内有相似留言 ${duplicate.trackingNo}`, actorName: '系统', createdAt: o.now });
    return m;
  });
  return { message, accessCode, clockLabel: clockLabel(policy) };
}
