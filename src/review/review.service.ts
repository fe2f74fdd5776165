import { listGroupMemberIds, listUserIdsWithRole, findUserById } from '../accounts/accounts.repo.ts';
import { isRole } from '../accounts/accounts.policy.ts';
import { findDepartment } from '../centers/centers.repo.ts';
import type { Executor } from '../platform/db/client.ts';
import type { StepAssignee } from './review.tables.ts';

/** The default chain of the Hunan seed (四级审核). Group ids are filled in per center. */
export const DEFAULT_STEP_NAMES = ['起草部门负责人初审', '综合部核稿', '分管领导审阅', '主要领导审定发布'] as const;

/**
 * Who may act on a step for an article: resolved from the drafter's department where the step says so.
 * Only holders of the reviewer role at the center count, and never the author (no self-approval).
 */
export async function resolveAssignees(ex: Executor, opts: { centerId: number; assignee: StepAssignee; departmentId: number | null; authorId: number }): Promise<number[]> {
  const { assignee } = opts;
  let ids: number[] = [];
  if (assignee.kind === 'drafter_dept_head' || assignee.kind === 'dept_leader') {
    const author = await findUserById(ex, opts.authorId);
    const deptId = opts.departmentId ?? author?.departmentId ?? null;
    const dept = deptId ? await findDepartment(ex, deptId) : null;
    const id = assignee.kind === 'drafter_dept_head' ? dept?.headUserId : dept?.leaderUserId;
    ids = id ? [id] : [];
  } else if (assignee.kind === 'group') {
    ids = await listGroupMemberIds(ex, assignee.groupId);
  } else if (isRole(assignee.role)) {
    ids = await listUserIdsWithRole(ex, opts.centerId, assignee.role);
  }
  const reviewers = new Set(await listUserIdsWithRole(ex, opts.centerId, 'reviewer'));
  return ids.filter((id) => id !== opts.authorId && reviewers.has(id));
}
