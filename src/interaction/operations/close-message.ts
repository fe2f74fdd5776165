import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, validationError, type FieldError } from '../../platform/errors.ts';
import { LIMITS } from '../messages.model.ts';
import { insertMessageEvent, updateMessage, type Message } from '../messages.repo.ts';
import { parseStaffText } from '../messages.schema.ts';
import { getMessageOfCenter } from '../messages.service.ts';

/**
 * 办结. A replied message closes as it is; closing one without a reply (a duplicate, an empty or abusive
 * message) needs a reason, recorded in its history — it then counts as received and not replied.
 */
export async function closeMessage(ctx: AppContext, o: { centerId: number; messageId: number; reason: unknown; actor: Actor }): Promise<Message> {
  const errors: FieldError[] = [];
  const reason = parseStaffText(o.reason, { field: 'reason', label: '办结说明', max: LIMITS.note, isRequired: false }, errors);
  if (errors.length > 0) throw validationError(errors);
  return ctx.db.transaction(async (tx) => {
    const before = await getMessageOfCenter(tx, o.centerId, o.messageId);
    if (before.status === 'open' && !reason) throw validationError([{ field: 'reason', message: '办结说明：未答复的留言办结时须写明理由（如重复留言、内容无法核实）' }]);
    const after = await updateMessage(tx, before.id, { status: 'closed' }, { ifStatus: ['open', 'replied'] });
    if (!after) throw new AppError('MESSAGE_INVALID_TRANSITION', { userMessage: '该留言已经办结' });
    await insertMessageEvent(tx, { messageId: before.id, action: 'closed', note: reason || '已答复，办结', actorId: o.actor.userId, actorName: o.actor.name });
    await recordAudit(tx, o.actor, { action: 'message.close', centerId: o.centerId, targetType: 'message', targetId: before.id, before: { status: before.status }, after: { status: 'closed' }, details: { trackingNo: before.trackingNo, reason } });
    return after;
  });
}
