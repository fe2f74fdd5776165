import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { formatDateTime } from '../../platform/dates.ts';
import { validationError, type FieldError } from '../../platform/errors.ts';
import { LIMITS } from '../messages.model.ts';
import { insertMessageEvent, updateMessage, type Message } from '../messages.repo.ts';
import { parseStaffText } from '../messages.schema.ts';
import { getMessageOfCenter } from '../messages.service.ts';

/** An internal note (never public): appended to the message's notes with the time and the author. */
export async function annotateMessage(ctx: AppContext, o: { centerId: number; messageId: number; note: unknown; actor: Actor; now: Date }): Promise<Message> {
  const errors: FieldError[] = [];
  const note = parseStaffText(o.note, { field: 'note', label: '内部备注', max: LIMITS.note, isRequired: true }, errors);
  if (errors.length > 0) throw validationError(errors);
  return ctx.db.transaction(async (tx) => {
    const before = await getMessageOfCenter(tx, o.centerId, o.messageId);
    const line = `【${formatDateTime(o.now)} ${o.actor.name}】${note}`;
    const internalNote = before.internalNote ? `${before.internalNote}\n${line}` : line;
    const after = await updateMessage(tx, before.id, { internalNote });
    if (!after) throw new Error('message vanished inside its transaction');
    await insertMessageEvent(tx, { messageId: before.id, action: 'note', note, actorId: o.actor.userId, actorName: o.actor.name });
    await recordAudit(tx, o.actor, { action: 'message.note', centerId: o.centerId, targetType: 'message', targetId: before.id, after: { note }, details: { trackingNo: before.trackingNo } });
    return after;
  });
}
