import { listUsersOfCenter, type User } from '../../accounts/accounts.repo.ts';
import { listDepartments, type Department } from '../../centers/centers.repo.ts';
import { listColumnsOfCenters, type Column } from '../../content/columns.repo.ts';
import type { AppContext } from '../../platform/context.ts';
import { formatDate } from '../../platform/dates.ts';
import type { Executor } from '../../platform/db/client.ts';
import { listPublicationDays, listTasksOfCenter, type DisclosureTask } from './disclosure-tasks.repo.ts';
import type { TaskChoices } from './disclosure-tasks.schema.ts';
import { stateRank, taskState, windowStart, type TaskState } from './task-periods.ts';

export type TaskView = { task: DisclosureTask; department: string; column: string; officer: string; state: TaskState };
export type DepartmentSummary = { departmentId: number; name: string; tasks: number; done: number; due: number; overdue: number; missedThisYear: number };
export type TaskBoard = { today: string; tasks: TaskView[]; overdue: TaskView[]; departments: DepartmentSummary[] };

export type CenterPeople = { departments: Department[]; columns: Column[]; staff: User[] };

/** The center's departments, own columns and active staff: the task form's choices. */
export async function loadCenterPeople(ex: Executor, centerId: number): Promise<CenterPeople> {
  const [departments, columns, staff] = await Promise.all([listDepartments(ex, centerId), listColumnsOfCenters(ex, [centerId]), listUsersOfCenter(ex, centerId)]);
  return { departments, columns: columns.filter((c) => c.centerId === centerId), staff: staff.filter((u) => !u.isDisabled && u.agentFirmId === null) };
}

export function choicesOf(p: CenterPeople): TaskChoices {
  return { departmentIds: new Set(p.departments.map((d) => d.id)), columnIds: new Set(p.columns.map((c) => c.id)), staff: new Map(p.staff.map((u) => [u.id, { departmentId: u.departmentId }])) };
}

/** Every task of a center with its state today, the overdue ones first; and a summary per department. */
export async function getTaskBoard(ctx: AppContext, centerId: number): Promise<TaskBoard> {
  const today = formatDate(ctx.clock());
  const tasks = await listTasksOfCenter(ctx.db, centerId);
  const people = await loadCenterPeople(ctx.db, centerId);
  const states = await statesOf(ctx.db, { centerId, tasks, today });
  const deptName = new Map(people.departments.map((d) => [d.id, d.name]));
  const colName = new Map(people.columns.map((c) => [c.id, c.name]));
  const userName = new Map(people.staff.map((u) => [u.id, u.displayName]));
  const views = tasks.map((t, i) => ({
    task: t,
    department: deptName.get(t.departmentId) ?? '（已删除的部门）',
    column: colName.get(t.columnId) ?? '（已删除的栏目）',
    officer: userName.get(t.officerId) ?? '（已停用的账号）',
    state: states[i] ?? taskState(t, [], today),
  }));
  views.sort((a, b) => {
    const [ra, sa] = stateRank(a.state);
    const [rb, sb] = stateRank(b.state);
    return ra - rb || sa - sb || a.department.localeCompare(b.department, 'zh-Hans-CN') || a.task.id - b.task.id;
  });
  const summary = new Map<number, DepartmentSummary>();
  for (const v of views) {
    const s = summary.get(v.task.departmentId) ?? { departmentId: v.task.departmentId, name: v.department, tasks: 0, done: 0, due: 0, overdue: 0, missedThisYear: 0 };
    s.tasks += 1;
    if (v.state.kind === 'done' || v.state.kind === 'done_late') s.done += 1;
    else if (v.state.kind === 'overdue') s.overdue += 1;
    else s.due += 1;
    s.missedThisYear += v.state.missedThisYear;
    summary.set(s.departmentId, s);
  }
  return { today, tasks: views, overdue: views.filter((v) => v.state.kind === 'overdue'), departments: Array.from(summary.values()).sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, 'zh-Hans-CN')) };
}

/** How many of a center's tasks are overdue today (the dashboard's line). */
export async function countOverdueTasks(ctx: AppContext, centerId: number): Promise<number> {
  const today = formatDate(ctx.clock());
  const tasks = await listTasksOfCenter(ctx.db, centerId);
  if (tasks.length === 0) return 0;
  const states = await statesOf(ctx.db, { centerId, tasks, today });
  return states.filter((s) => s.kind === 'overdue').length;
}

/** The states of tasks on `today`, in the order given: one query for all of them. */
async function statesOf(ex: Executor, opts: { centerId: number; tasks: DisclosureTask[]; today: string }): Promise<TaskState[]> {
  if (opts.tasks.length === 0) return [];
  const since = opts.tasks.map((t) => windowStart(t, opts.today)).reduce((a, b) => (a < b ? a : b));
  const rows = await listPublicationDays(ex, { centerId: opts.centerId, columnIds: Array.from(new Set(opts.tasks.map((t) => t.columnId))), since });
  const days = new Map<string, string[]>();
  for (const r of rows) {
    const key = `${r.columnId}|${r.departmentId ?? ''}`;
    const list = days.get(key) ?? [];
    list.push(r.day);
    days.set(key, list);
  }
  return opts.tasks.map((t) => taskState(t, days.get(`${t.columnId}|${t.departmentId}`) ?? [], opts.today));
}
