import { describe, expect, it } from 'vitest';
import { parseTaskForm, type TaskChoices } from '../../src/reports/tasks/disclosure-tasks.schema.ts';
import { periodContaining, previousPeriod, stateLabel, stateRank, taskState, windowStart, type TaskTerms } from '../../src/reports/tasks/task-periods.ts';

const monthly = (startsOn = '2025-01-01'): TaskTerms => ({ cadence: 'monthly', startsOn, dueOn: null });

describe('the periods of a cadence', () => {
  it('finds the month, quarter and year that contain a day', () => {
    expect(periodContaining('monthly', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29', label: '2024年2月' });
    expect(periodContaining('quarterly', '2025-08-31')).toEqual({ from: '2025-07-01', to: '2025-09-30', label: '2025年第三季度' });
    expect(periodContaining('yearly', '2025-08-31')).toEqual({ from: '2025-01-01', to: '2025-12-31', label: '2025年' });
  });

  it('steps back across the turn of the year', () => {
    expect(previousPeriod('monthly', periodContaining('monthly', '2026-01-15')).label).toBe('2025年12月');
    expect(previousPeriod('quarterly', periodContaining('quarterly', '2026-02-01')).label).toBe('2025年第四季度');
    expect(previousPeriod('yearly', periodContaining('yearly', '2026-02-01')).label).toBe('2025年');
  });

  it('reads publications from the previous period or the first of January, whichever is earlier', () => {
    expect(windowStart(monthly(), '2026-03-10')).toBe('2026-01-01');
    expect(windowStart(monthly(), '2026-01-10')).toBe('2025-12-01');
    expect(windowStart({ cadence: 'quarterly', startsOn: '2025-01-01', dueOn: null }, '2026-02-10')).toBe('2025-10-01');
    expect(windowStart({ cadence: 'once', startsOn: '2025-05-01', dueOn: '2025-06-30' }, '2026-02-10')).toBe('2025-05-01');
  });
});

describe('the state of a recurring task', () => {
  it('is done once the department published in the current period', () => {
    const s = taskState(monthly(), ['2026-02-27', '2026-03-02'], '2026-03-10');
    expect(s).toMatchObject({ kind: 'done', fulfilledOn: '2026-03-02' });
    expect(stateLabel(s)).toBe('已完成（2026-03-02 发布）');
  });

  it('is due in the days left to the end of the period when the previous one was fulfilled', () => {
    const s = taskState(monthly(), ['2026-02-27'], '2026-03-10');
    expect(s).toMatchObject({ kind: 'due', daysLeft: 21 });
    expect(stateLabel(s)).toBe('21 天后到期');
    expect(stateLabel(taskState(monthly(), ['2026-02-27'], '2026-03-31'))).toBe('今天到期');
  });

  it('is overdue when the previous period was missed and the current one is not done yet', () => {
    const s = taskState(monthly(), ['2026-01-05'], '2026-03-10');
    expect(s).toMatchObject({ kind: 'overdue', daysOverdue: 10, missed: { label: '2026年2月' } });
    expect(stateLabel(s)).toBe('已逾期：2026年2月未更新（逾期 10 天），本期尚未完成');
  });

  it('does not hold a period that ended before the task started against it', () => {
    expect(taskState(monthly('2026-03-05'), [], '2026-03-10')).toMatchObject({ kind: 'due', missedThisYear: 0 });
    expect(taskState(monthly('2026-02-28'), [], '2026-03-10')).toMatchObject({ kind: 'overdue' });
  });

  it('has not started while its start is after the current period', () => {
    const s = taskState(monthly('2026-05-01'), [], '2026-03-10');
    expect(s).toMatchObject({ kind: 'not_started', startsOn: '2026-05-01' });
    expect(stateLabel(s)).toBe('2026-05-01 起计');
  });

  it('counts the periods of this year that ended without a publication', () => {
    // January and March missed, February fulfilled; April is the current month.
    expect(taskState(monthly(), ['2026-02-14'], '2026-04-02').missedThisYear).toBe(2);
    expect(taskState({ cadence: 'quarterly', startsOn: '2025-01-01', dueOn: null }, [], '2026-11-02').missedThisYear).toBe(3);
    // The year's misses are of this year only: December of last year is not one of them.
    expect(taskState(monthly(), [], '2026-01-20').missedThisYear).toBe(0);
  });

  it('counts a publication on the last day of a period for that period', () => {
    expect(taskState({ cadence: 'quarterly', startsOn: '2025-01-01', dueOn: null }, ['2026-03-31'], '2026-04-01')).toMatchObject({ kind: 'due', daysLeft: 90 });
  });
});

describe('the state of a one-off task', () => {
  const once: TaskTerms = { cadence: 'once', startsOn: '2026-03-01', dueOn: '2026-03-20' };

  it('is due until its due date, then overdue by the days since', () => {
    expect(taskState(once, [], '2026-03-20')).toMatchObject({ kind: 'due', daysLeft: 0 });
    const late = taskState(once, ['2026-02-28'], '2026-03-25');
    expect(late).toMatchObject({ kind: 'overdue', daysOverdue: 5, missedThisYear: 1 });
    expect(stateLabel(late)).toBe('已逾期 5 天');
  });

  it('is done by a publication within its dates, done late by one after its due date', () => {
    expect(taskState(once, ['2026-03-01'], '2026-04-01')).toMatchObject({ kind: 'done', fulfilledOn: '2026-03-01' });
    const s = taskState(once, ['2026-03-23'], '2026-04-01');
    expect(s).toMatchObject({ kind: 'done_late', daysLate: 3 });
    expect(stateLabel(s)).toBe('逾期完成（2026-03-23 发布，晚 3 天）');
  });

  it('sorts overdue first, the longest overdue first, then the soonest due, and done last', () => {
    const states = [taskState(once, ['2026-03-02'], '2026-04-01'), taskState(monthly(), [], '2026-03-10'), taskState(once, [], '2026-04-01'), taskState(monthly(), ['2026-02-01'], '2026-03-10')];
    const order = states
      .map((s, i) => ({ s, i }))
      .sort((a, b) => stateRank(a.s)[0] - stateRank(b.s)[0] || stateRank(a.s)[1] - stateRank(b.s)[1])
      .map((x) => x.i);
    expect(order).toEqual([2, 1, 3, 0]);
  });
});

describe('the task form', () => {
  const choices: TaskChoices = { departmentIds: new Set([1, 2]), columnIds: new Set([10]), staff: new Map([[100, { departmentId: 1 }], [200, { departmentId: 2 }]]) };
  const ok = { title: '每月更新工作动态', departmentId: '1', columnId: '10', cadence: 'monthly', officerId: '100' };

  it('reads a valid task, starting today by default, and drops the due date of a recurring one', () => {
    const r = parseTaskForm({ ...ok, dueOn: '2026-05-01' }, { choices, today: '2026-03-10' });
    expect(r.input).toEqual({ title: '每月更新工作动态', departmentId: 1, columnId: 10, cadence: 'monthly', dueOn: null, startsOn: '2026-03-10', officerId: 100, note: '' });
  });

  it('names every bad field in Chinese', () => {
    const msgs = (raw: Record<string, unknown>) => parseTaskForm(raw, { choices, today: '2026-03-10' }).errors.map((e) => e.message);
    expect(msgs({ ...ok, officerId: '200' })).toEqual(['信息员：须为责任部门的工作人员']);
    expect(msgs({ ...ok, cadence: 'once' })).toEqual(['完成期限：一次性任务必须填写完成期限']);
    expect(msgs({ ...ok, cadence: 'once', startsOn: '2026-04-01', dueOn: '2026-03-01' })).toEqual(['完成期限：不能早于起计日期']);
    expect(msgs({ ...ok, cadence: 'weekly', columnId: '99', departmentId: 'x', title: ' ' })).toEqual(['任务名称：不能为空', '责任部门：请选择本中心的部门', '栏目：请选择本中心的栏目', '更新周期：请选择每月、每季度、每年或一次性']);
    expect(msgs({ ...ok, startsOn: '2026-02-30' })).toEqual(['起计日期：格式应为“年-月-日”，如 2026-01-01']);
    expect(msgs({ ...ok, officerId: '999' })).toEqual(['信息员：请选择本中心的工作人员']);
    expect(msgs({ ...ok, title: ['a', 'b'] })).toEqual(['任务名称：只能填写一个值', '任务名称：不能为空']);
  });

  it('keeps no markup in the title', () => {
    expect(parseTaskForm({ ...ok, title: '<script>x</script>更新<b>动态</b>' }, { choices, today: '2026-03-10' }).input?.title).toBe('更新动态');
  });
});
