/** Operation: delete a disclosure task (site.manage); the audit event keeps what it was. */
import { recordAudit, type Actor } from '../../../audit/audit.service.ts';
import type { AppContext } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors.ts';
import { deleteTask, lockTask } from '../disclosure-tasks.repo.ts';
import { auditedTask } from './save-disclosure-task.ts';

export async function deleteDisclosureTask(ctx: AppContext, opts: { centerId: number; taskId: number; actor: Actor }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await lockTask(tx, opts.taskId);
    if (!before || before.centerId !== opts.centerId) throw notFound('公开任务');
    await deleteTask(tx, before.id);
    await recordAudit(tx, opts.actor, { action: 'disclosure_task.delete', centerId: opts.centerId, targetType: 'disclosure_task', targetId: before.id, before: auditedTask(before), details: { ...auditedTask(before) } });
  });
}
