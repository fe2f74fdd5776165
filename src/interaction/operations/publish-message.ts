import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, validationError, type FieldError } from '../../platform/errors.ts';
import { personalDataIn } from '../message-privacy.ts';
import { LIMITS } from '../messages.model.ts';
import { insertMessageEvent, updateMessage, type Message } from '../messages.repo.ts';
import { parseStaffText } from '../messages.schema.ts';
import { getMessageOfCenter } from '../messages.service.ts';

export type PublishInput = { publicSubject: unknown; publicQuestion: unknown; publicReply: unknown; isConfirmed: boolean };

/**
 * Publishes a replied message as a Q&A on the portal: the staff's edited title, question and answer (never
 * the sender's own text as such), after they confirm it carries no personal data — and only if the check
 * finds none of the sender's name, phone or e-mail, and no mobile or ID number. Publishing again replaces
 * the public texts.
 */
export async function publishMessage(ctx: AppContext, o: { centerId: number; messageId: number; input: PublishInput; actor: Actor; now: Date }): Promise<Message> {
  const errors: FieldError[] = [];
  const texts = {
    publicSubject: parseStaffText(o.input.publicSubject, { field: 'publicSubject', label: '公开标题', max: LIMITS.publicSubject, isRequired: true }, errors),
    publicQuestion: parseStaffText(o.input.publicQuestion, { field: 'publicQuestion', label: '公开的问题', max: LIMITS.publicQuestion, isRequired: true }, errors),
    publicReply: parseStaffText(o.input.publicReply, { field: 'publicReply', label: '公开的答复', max: LIMITS.reply, isRequired: true }, errors),
  };
  if (!o.input.isConfirmed) errors.push({ field: 'isConfirmed', message: '确认：请确认公开内容已删除留言人的个人信息' });
  if (errors.length > 0) throw validationError(errors);
  return ctx.db.transaction(async (tx) => {
    const before = await getMessageOfCenter(tx, o.centerId, o.messageId);
    if (before.repliedOn === null) throw new AppError('MESSAGE_INVALID_TRANSITION', { userMessage: '留言答复后才能公开' });
    const labels = { publicSubject: '公开标题', publicQuestion: '公开的问题', publicReply: '公开的答复' } as const;
    const found: FieldError[] = [];
    for (const key of ['publicSubject', 'publicQuestion', 'publicReply'] as const) {
      const hits = personalDataIn(texts[key], before);
      if (hits.length > 0) found.push({ field: key, message: `${labels[key]}：仍含有${hits.map((h) => h.what).join('、')}，请删除后再公开` });
    }
    if (found.length > 0) throw new AppError('MESSAGE_PERSONAL_DATA', { userMessage: found[0]?.message ?? '公开内容含有个人信息', fields: found });
    const after = await updateMessage(tx, before.id, { ...texts, isPublic: true, publishedAt: before.publishedAt ?? o.now }, { ifStatus: ['replied', 'closed'] });
    if (!after) throw new AppError('MESSAGE_INVALID_TRANSITION', { userMessage: '留言答复后才能公开' });
    await insertMessageEvent(tx, { messageId: before.id, action: 'published', note: before.isPublic ? '更新公开内容' : '在网站公开问答', actorId: o.actor.userId, actorName: o.actor.name });
    await recordAudit(tx, o.actor, { action: 'message.publish', centerId: o.centerId, targetType: 'message', targetId: before.id, before: before.isPublic ? { publicSubject: before.publicSubject, publicQuestion: before.publicQuestion, publicReply: before.publicReply } : undefined, after: texts, details: { trackingNo: before.trackingNo } });
    return after;
  });
}
