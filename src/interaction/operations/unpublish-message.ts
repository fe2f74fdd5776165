import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { insertMessageEvent, updateMessage, type Message } from '../messages.repo.ts';
import { getMessageOfCenter } from '../messages.service.ts';

/** Takes a published Q&A off the portal (the texts stay with the message for the staff). */
export async function unpublishMessage(ctx: AppContext, o: { centerId: number; messageId: number; actor: Actor }): Promise<Message> {
  return ctx.db.transaction(async (tx) => {
    const before = await getMessageOfCenter(tx, o.centerId, o.messageId);
    if (!before.isPublic) throw new AppError('MESSAGE_INVALID_TRANSITION', { userMessage: '该留言没有公开' });
    const after = await updateMessage(tx, before.id, { isPublic: false, publishedAt: null });
    if (!after) throw new Error('message vanished inside its transaction');
    await insertMessageEvent(tx, { messageId: before.id, action: 'unpublished', note: '撤下公开问答', actorId: o.actor.userId, actorName: o.actor.name });
    await recordAudit(tx, o.actor, { action: 'message.unpublish', centerId: o.centerId, targetType: 'message', targetId: before.id, details: { trackingNo: before.trackingNo } });
    return after;
  });
}
