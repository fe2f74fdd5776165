/** The form of a disclosure task; every error names its field in Chinese. */
import { cleanPlainText } from '../../content/sanitize.ts';
import { parseDateOnly } from '../../platform/dates.ts';
import type { FieldError } from '../../platform/errors.ts';
import { isCadence, type Cadence } from './task-periods.ts';

export type TaskInput = { title: string; departmentId: number; columnId: number; cadence: Cadence; dueOn: string | null; startsOn: string; officerId: number; note: string };

/** What the center offers to choose from: its departments, columns and staff (with their department). */
export type TaskChoices = {
  departmentIds: ReadonlySet<number>;
  columnIds: ReadonlySet<number>;
  /** Active staff of the center by id, with their department. */
  staff: ReadonlyMap<number, { departmentId: number | null }>;
};

export const TASK_LABELS = { title: '任务名称', departmentId: '责任部门', columnId: '栏目', cadence: '更新周期', dueOn: '完成期限', startsOn: '起计日期', officerId: '信息员', note: '备注', lockVersion: '版本' } as const;

/** Reads the form against the center's choices; `today` is the default start. */
export function parseTaskForm(raw: Record<string, unknown>, opts: { choices: TaskChoices; today: string }): { input: TaskInput | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const s = (k: keyof typeof TASK_LABELS): string => {
    const v = raw[k];
    if (v === undefined) return '';
    if (typeof v !== 'string') {
      errors.push({ field: k, message: `${TASK_LABELS[k]}：只能填写一个值` });
      return '';
    }
    return v.trim();
  };
  const id = (k: 'departmentId' | 'columnId' | 'officerId'): number | null => {
    const v = s(k);
    const n = /^\d{1,9}$/.test(v) ? Number(v) : null;
    return n;
  };
  const title = cleanPlainText(s('title'));
  if (title === '') errors.push({ field: 'title', message: '任务名称：不能为空' });
  else if (title.length > 60) errors.push({ field: 'title', message: '任务名称：不能超过 60 个字' });
  const departmentId = id('departmentId');
  if (departmentId === null || !opts.choices.departmentIds.has(departmentId)) errors.push({ field: 'departmentId', message: '责任部门：请选择本中心的部门' });
  const columnId = id('columnId');
  if (columnId === null || !opts.choices.columnIds.has(columnId)) errors.push({ field: 'columnId', message: '栏目：请选择本中心的栏目' });
  const cadenceRaw = s('cadence');
  const cadence = isCadence(cadenceRaw) ? cadenceRaw : null;
  if (!cadence) errors.push({ field: 'cadence', message: '更新周期：请选择每月、每季度、每年或一次性' });
  const startsRaw = s('startsOn');
  const startsOn = startsRaw === '' ? opts.today : parseDateOnly(startsRaw);
  if (!startsOn) errors.push({ field: 'startsOn', message: '起计日期：格式应为“年-月-日”，如 2026-01-01' });
  const dueRaw = s('dueOn');
  let dueOn: string | null = null;
  if (cadence === 'once') {
    dueOn = dueRaw === '' ? null : parseDateOnly(dueRaw);
    if (dueRaw === '') errors.push({ field: 'dueOn', message: '完成期限：一次性任务必须填写完成期限' });
    else if (!dueOn) errors.push({ field: 'dueOn', message: '完成期限：格式应为“年-月-日”，如 2026-03-31' });
    else if (startsOn && dueOn < startsOn) errors.push({ field: 'dueOn', message: '完成期限：不能早于起计日期' });
  } else if (dueRaw !== '' && !parseDateOnly(dueRaw)) {
    errors.push({ field: 'dueOn', message: '完成期限：格式应为“年-月-日”（按月、季度、年更新的任务以周期最后一天为期限，可不填）' });
  }
  const officerId = id('officerId');
  const officer = officerId === null ? undefined : opts.choices.staff.get(officerId);
  if (!officer) errors.push({ field: 'officerId', message: '信息员：请选择本中心的工作人员' });
  else if (departmentId !== null && officer.departmentId !== departmentId) errors.push({ field: 'officerId', message: '信息员：须为责任部门的工作人员' });
  const note = cleanPlainText(s('note'));
  if (note.length > 200) errors.push({ field: 'note', message: '备注：不能超过 200 个字' });
  if (errors.length > 0 || !cadence || departmentId === null || columnId === null || officerId === null || !startsOn) return { input: null, errors };
  return { input: { title, departmentId, columnId, cadence, dueOn: cadence === 'once' ? dueOn : null, startsOn, officerId, note }, errors };
}
