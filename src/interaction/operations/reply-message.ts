import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { formatDate } from '../../platform/dates.ts';
import { AppError, validationError, type FieldError } from '../../platform/errors.ts';
import { replyOutcomeOf } from '../message-clock.ts';
import { personalDataIn } from '../message-privacy.ts';
import { LIMITS } from '../messages.model.ts';
import { insertMessageEvent, updateMessage, type Message } from '../messages.repo.ts';
import { parseStaffText } from '../messages.schema.ts';
import { getMessageOfCenter } from '../messages.service.ts';

/**
 * The reply: dated today (Beijing), with the working days it took and whether it met the due date, both
 * against the working-day calendar. One reply per message; a second attempt (or a colleague's racing one)
 * is refused. Whoever holds the tracking number and code reads the reply, so it must not repeat the
 * sender's name, phone or e-mail.
 */
export async function replyMessage(ctx: AppContext, o: { centerId: number; messageId: number; reply: unknown; actor: Actor; now: Date }): Promise<Message> {
  const errors: FieldError[] = [];
  const reply = parseStaffText(o.reply, { field: 'reply', label: '答复内容', max: LIMITS.reply, isRequired: true }, errors);
  if (errors.length > 0) throw validationError(errors);
  const cal = await ctx.calendar.get();
  const repliedOn = formatDate(o.now);
  return ctx.db.transaction(async (tx) => {
    const before = await getMessageOfCenter(tx, o.centerId, o.messageId);
    const hits = personalDataIn(reply, before).filter((h) => h.what.startsWith('留言人'));
    if (hits.length > 0) throw new AppError('MESSAGE_PERSONAL_DATA', { userMessage: `答复内容：含有${hits.map((h) => h.what).join('、')}，答复凭查询码即可查看，请删除（可称“您”）`, fields: [{ field: 'reply', message: `答复内容：含有${hits.map((h) => h.what).join('、')}，答复凭查询码即可查看，请删除（可称“您”）` }] });
    const outcome = replyOutcomeOf(cal, { receivedOn: before.receivedOn, dueOn: before.dueOn, repliedOn });
    const after = await updateMessage(tx, before.id, { reply, repliedOn, repliedBy: o.actor.userId, workingDaysTaken: outcome.workingDaysTaken, isOnTime: outcome.isOnTime, status: 'replied' }, { ifStatus: ['open'] });
    if (!after) throw new AppError('MESSAGE_INVALID_TRANSITION', { userMessage: before.status === 'closed' ? '该留言已办结，不能再答复' : '该留言已经答复过了' });
    await insertMessageEvent(tx, { messageId: before.id, action: 'replied', note: `用时 ${outcome.workingDaysTaken} 个工作日，${outcome.isOnTime ? '按期答复' : `超过答复期限（${before.dueOn}）`}`, actorId: o.actor.userId, actorName: o.actor.name });
    await recordAudit(tx, o.actor, { action: 'message.reply', centerId: o.centerId, targetType: 'message', targetId: before.id, after: { reply, repliedOn }, details: { trackingNo: before.trackingNo, workingDaysTaken: outcome.workingDaysTaken, isOnTime: outcome.isOnTime } });
    return after;
  });
}
