import { and, eq } from 'drizzle-orm';
import { listUsersOfCenter } from '../../accounts/accounts.repo.ts';
import { reviewGroupMembers, reviewGroups } from '../../accounts/accounts.tables.ts';
import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import { findDepartment, updateCenter, updateDepartment } from '../../centers/centers.repo.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound, validationError, type FieldError } from '../../platform/errors.ts';
import { cleanPlainText } from '../../content/sanitize.ts';
import { findChain, insertChain, updateChain } from '../review.repo.ts';
import type { StepAssignee } from '../review.tables.ts';

export const MAX_STEPS = 8;

/** Reads `step{i}_name` / `step{i}_assignee` pairs; assignee is drafter_dept_head, dept_leader, group:ID or role:NAME. */
export function parseSteps(raw: Record<string, unknown>, groupIds: number[]): { steps: { name: string; assignee: StepAssignee }[]; errors: FieldError[] } {
  const steps: { name: string; assignee: StepAssignee }[] = [];
  const errors: FieldError[] = [];
  for (let i = 1; i <= MAX_STEPS; i++) {
    const name = cleanPlainText(String(raw[`step${i}_name`] ?? ''));
    const a = String(raw[`step${i}_assignee`] ?? '');
    if (!name && !a) continue;
    if (!name || name.length > 40) errors.push({ field: `step${i}_name`, message: `第 ${i} 步名称：须为 1–40 个字` });
    let assignee: StepAssignee | null = null;
    if (a === 'drafter_dept_head' || a === 'dept_leader') assignee = { kind: a };
    else if (a.startsWith('group:') && groupIds.includes(Number(a.slice(6)))) assignee = { kind: 'group', groupId: Number(a.slice(6)) };
    else if (a === 'role:reviewer' || a === 'role:center_admin') assignee = { kind: 'role', role: a.slice(5) };
    if (!assignee) errors.push({ field: `step${i}_assignee`, message: `第 ${i} 步审核人：请选择` });
    else if (name) steps.push({ name, assignee });
  }
  if (steps.length === 0 && errors.length === 0) errors.push({ field: 'step1_name', message: '审核流程：至少需要 1 个步骤' });
  return { steps, errors };
}

export async function saveChain(ctx: AppContext, opts: { centerId: number; chainId: number | null; raw: Record<string, unknown>; actor: Actor }): Promise<number> {
  const groups = await ctx.db.select({ id: reviewGroups.id }).from(reviewGroups).where(eq(reviewGroups.centerId, opts.centerId));
  const name = cleanPlainText(String(opts.raw.name ?? ''));
  const { steps, errors } = parseSteps(opts.raw, groups.map((g) => g.id));
  if (!name || name.length > 40) errors.unshift({ field: 'name', message: '流程名称：须为 1–40 个字' });
  if (errors.length > 0) throw validationError(errors);
  const existing = opts.chainId ? await findChain(ctx.db, opts.chainId) : null;
  if (opts.chainId && existing?.centerId !== opts.centerId) throw notFound('审核流程');
  return ctx.db.transaction(async (tx) => {
    let id = existing?.id;
    if (existing) await updateChain(tx, existing.id, { name, steps });
    else id = (await insertChain(tx, { centerId: opts.centerId, name, steps })).id;
    await recordAudit(tx, opts.actor, { action: existing ? 'review_chain.update' : 'review_chain.create', centerId: opts.centerId, targetType: 'review_chain', targetId: id ?? 0, before: existing ? { name: existing.name, steps: existing.steps } : undefined, after: { name, steps } });
    if (String(opts.raw.isDefault ?? '') === 'on') await updateCenter(tx, opts.centerId, { defaultChainId: id ?? null });
    return id ?? 0;
  });
}

/** Sets who heads a department and which leader is in charge of it (steps 初审 and 审阅 resolve through these). */
export async function setDepartmentPeople(ctx: AppContext, opts: { centerId: number; departmentId: number; headUserId: number | null; leaderUserId: number | null; actor: Actor }): Promise<void> {
  const dept = await findDepartment(ctx.db, opts.departmentId);
  if (!dept || dept.centerId !== opts.centerId) throw notFound('部门');
  const staff = new Set((await listUsersOfCenter(ctx.db, opts.centerId)).map((u) => u.id));
  const errors: FieldError[] = [];
  if (opts.headUserId !== null && !staff.has(opts.headUserId)) errors.push({ field: 'headUserId', message: '部门负责人：须为本中心人员' });
  if (opts.leaderUserId !== null && !staff.has(opts.leaderUserId)) errors.push({ field: 'leaderUserId', message: '分管领导：须为本中心人员' });
  if (errors.length > 0) throw validationError(errors);
  await ctx.db.transaction(async (tx) => {
    await updateDepartment(tx, dept.id, { headUserId: opts.headUserId, leaderUserId: opts.leaderUserId });
    await recordAudit(tx, opts.actor, { action: 'department.set_people', centerId: opts.centerId, targetType: 'department', targetId: dept.id, before: { head: dept.headUserId, leader: dept.leaderUserId }, after: { head: opts.headUserId, leader: opts.leaderUserId } });
  });
}

export async function setGroupMembers(ctx: AppContext, opts: { centerId: number; groupId: number; userIds: number[]; actor: Actor }): Promise<void> {
  const [group] = await ctx.db.select().from(reviewGroups).where(and(eq(reviewGroups.id, opts.groupId), eq(reviewGroups.centerId, opts.centerId)));
  if (!group) throw notFound('审核组');
  const staff = new Set((await listUsersOfCenter(ctx.db, opts.centerId)).map((u) => u.id));
  const members = Array.from(new Set(opts.userIds.filter((id) => staff.has(id))));
  await ctx.db.transaction(async (tx) => {
    await tx.delete(reviewGroupMembers).where(eq(reviewGroupMembers.groupId, group.id));
    if (members.length > 0) await tx.insert(reviewGroupMembers).values(members.map((userId) => ({ groupId: group.id, userId })));
    await recordAudit(tx, opts.actor, { action: 'review_group.set_members', centerId: opts.centerId, targetType: 'review_group', targetId: group.id, after: { members } });
  });
}
