import type { Actor } from '../../audit/audit.service.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, validationError } from '../../platform/errors.ts';
import { insertMessageEvent, updateMessage, type Message } from '../messages.repo.ts';
import { getMessageOfCenter, listMessageHandlers } from '../messages.service.ts';

/** Assigns a message to a colleague who handles messages at the center (or takes the assignment away). */
export async function assignMessage(ctx: AppContext, o: { centerId: number; messageId: number; assigneeId: number | null; actor: Actor }): Promise<Message> {
  const handlers = await listMessageHandlers(ctx.db, o.centerId);
  const assignee = o.assigneeId === null ? null : handlers.find((u) => u.id === o.assigneeId);
  if (assignee === undefined) throw validationError([{ field: 'assigneeId', message: '承办人：应为本中心负责互动交流的工作人员' }]);
  return ctx.db.transaction(async (tx) => {
    const before = await getMessageOfCenter(tx, o.centerId, o.messageId);
    const after = await updateMessage(tx, before.id, { assigneeId: assignee?.id ?? null }, { ifStatus: ['open', 'replied'] });
    if (!after) throw new AppError('MESSAGE_INVALID_TRANSITION', { userMessage: '该留言已办结，不能再分配承办人' });
    await insertMessageEvent(tx, { messageId: before.id, action: 'assigned', note: assignee ? `承办人：${assignee.displayName}` : '取消承办人', actorId: o.actor.userId, actorName: o.actor.name });
    await recordAudit(tx, o.actor, { action: 'message.assign', centerId: o.centerId, targetType: 'message', targetId: before.id, before: { assigneeId: before.assigneeId }, after: { assigneeId: after.assigneeId }, details: { trackingNo: before.trackingNo } });
    return after;
  });
}
