/** Operations: create and edit a disclosure task (site.manage), each with its audit event in one transaction. */
import { recordAudit, type Actor } from '../../../audit/audit.service.ts';
import type { AppContext } from '../../../platform/context.ts';
import { formatDate } from '../../../platform/dates.ts';
import { AppError, notFound, validationError } from '../../../platform/errors.ts';
import { findTask, insertTask, lockTask, updateTask, type DisclosureTask } from '../disclosure-tasks.repo.ts';
import { parseTaskForm, type TaskInput } from '../disclosure-tasks.schema.ts';
import { choicesOf, loadCenterPeople } from '../disclosure-tasks.service.ts';

/** The audited shape of a task (what before/after digests cover). */
export function auditedTask(t: Pick<DisclosureTask, keyof TaskInput>): TaskInput {
  return { title: t.title, departmentId: t.departmentId, columnId: t.columnId, cadence: t.cadence, dueOn: t.dueOn, startsOn: t.startsOn, officerId: t.officerId, note: t.note };
}

export async function createDisclosureTask(ctx: AppContext, opts: { centerId: number; raw: Record<string, unknown>; actor: Actor }): Promise<DisclosureTask> {
  const input = await parseFor(ctx, opts.centerId, opts.raw);
  return ctx.db.transaction(async (tx) => {
    const task = await insertTask(tx, { centerId: opts.centerId, ...input, createdBy: opts.actor.userId });
    await recordAudit(tx, opts.actor, { action: 'disclosure_task.create', centerId: opts.centerId, targetType: 'disclosure_task', targetId: task.id, after: input, details: { title: input.title } });
    return task;
  });
}

/** Saves the form over the task if nobody saved it since the form was read (`lockVersion`). */
export async function updateDisclosureTask(ctx: AppContext, opts: { centerId: number; taskId: number; raw: Record<string, unknown>; actor: Actor }): Promise<void> {
  const existing = await findTask(ctx.db, opts.taskId);
  if (!existing || existing.centerId !== opts.centerId) throw notFound('公开任务');
  const input = await parseFor(ctx, opts.centerId, opts.raw);
  const lockVersion = Number(opts.raw.lockVersion);
  await ctx.db.transaction(async (tx) => {
    const before = await lockTask(tx, opts.taskId);
    if (!before || before.centerId !== opts.centerId) throw notFound('公开任务');
    if (!Number.isInteger(lockVersion) || !(await updateTask(tx, before.id, lockVersion, { ...input, updatedAt: ctx.clock() }))) {
      throw new AppError('CONFLICT_STALE', { userMessage: '该任务已被他人修改，您的修改尚未保存。请刷新后重新填写。' });
    }
    await recordAudit(tx, opts.actor, { action: 'disclosure_task.update', centerId: opts.centerId, targetType: 'disclosure_task', targetId: before.id, before: auditedTask(before), after: input, details: { title: input.title } });
  });
}

async function parseFor(ctx: AppContext, centerId: number, raw: Record<string, unknown>): Promise<TaskInput> {
  const people = await loadCenterPeople(ctx.db, centerId);
  const { input, errors } = parseTaskForm(raw, { choices: choicesOf(people), today: formatDate(ctx.clock()) });
  if (!input) throw validationError(errors);
  return input;
}
