import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import { lockArticle } from '../../content/articles.repo.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound, validationError } from '../../platform/errors.ts';
import { takeDown } from '../../publishing/operations/withdraw-article.ts';
import { findNotice, updateNotice } from '../trading.repo.ts';

export type InspectionAction = 'pass' | 'request_correction' | 'withdraw';

/**
 * 巡查: a staff member's verdict on a notice that was published at once. Passing closes it; a correction
 * request goes to the agent's back office and is answered with a new version; a withdrawal takes the
 * notice down with a public reason. Every action is audited in the same transaction.
 */
export async function inspectNotice(ctx: AppContext, opts: { centerIds: number[]; noticeId: number; action: InspectionAction; note: string; userId: number; actor: Actor }): Promise<void> {
  const note = opts.note.trim();
  if (opts.action !== 'pass' && note.length < 4) {
    throw validationError([{ field: 'note', message: opts.action === 'withdraw' ? '撤回理由：必须写明理由（至少 4 个字），理由将公开显示' : '更正意见：必须写明需要更正的内容（至少 4 个字）' }]);
  }
  if (note.length > 1000) throw validationError([{ field: 'note', message: '巡查意见：不能超过 1000 字' }]);
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const notice = await findNotice(tx, opts.noticeId);
    if (!notice || !opts.centerIds.includes(notice.centerId)) throw notFound('公告');
    const article = await lockArticle(tx, notice.articleId);
    if (!article || article.status !== 'published') throw new AppError('NOTICE_INVALID_TRANSITION', { userMessage: '只能巡查已发布的公告' });
    if (notice.inspectionState === 'withdrawn') throw new AppError('NOTICE_INVALID_TRANSITION', { userMessage: '该公告已撤回' });
    if (opts.action === 'withdraw') await takeDown(tx, { articleId: article.id, status: 'withdrawn', reason: note, actor: opts.actor, now });
    const state = opts.action === 'pass' ? 'passed' : opts.action === 'withdraw' ? 'withdrawn' : 'correction_requested';
    await updateNotice(tx, notice.id, { inspectionState: state, inspectionNote: note, inspectedBy: opts.userId, inspectedAt: now });
    await recordAudit(tx, opts.actor, {
      action: `notice.inspect_${opts.action}`,
      centerId: notice.centerId,
      targetType: 'notice',
      targetId: notice.id,
      before: { inspectionState: notice.inspectionState },
      after: { inspectionState: state },
      details: { note },
    });
  });
  if (opts.action === 'withdraw') ctx.notifyOutbox();
}
