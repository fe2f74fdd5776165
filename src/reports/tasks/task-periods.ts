/**
 * The arithmetic of disclosure tasks (公开任务): the period a cadence owes on a day, and a task's state from the
 * days its department published in its column. Pure; dates are Beijing calendar days (YYYY-MM-DD).
 *
 * A recurring task owes one publication per calendar month, quarter or year, due on the period's last day.
 * Its state is that of the current period, except that a missed previous period makes it overdue until the
 * current one is fulfilled (the miss stays counted in the year's misses). A one-off task owes one publication
 * between its start and its due date; published later, it is done late.
 */
import { addDays, daysBetween, monthPeriod, quarterOfMonth, quarterPeriod, yearPeriod } from '../publishing-stats.period.ts';

export const CADENCES = ['monthly', 'quarterly', 'yearly', 'once'] as const;
export type Cadence = (typeof CADENCES)[number];
export type RecurringCadence = Exclude<Cadence, 'once'>;

export const CADENCE_LABELS: Record<Cadence, string> = { monthly: '每月', quarterly: '每季度', yearly: '每年', once: '一次性（限期完成）' };

export function isCadence(v: string): v is Cadence {
  return (CADENCES as readonly string[]).includes(v);
}

export type TaskPeriod = { from: string; to: string; label: string };

export type TaskTerms = { cadence: Cadence; startsOn: string; dueOn: string | null };

export type TaskState =
  | { kind: 'done'; period: TaskPeriod; fulfilledOn: string; missedThisYear: number }
  | { kind: 'done_late'; period: TaskPeriod; fulfilledOn: string; daysLate: number; missedThisYear: number }
  | { kind: 'due'; period: TaskPeriod; daysLeft: number; missedThisYear: number }
  | { kind: 'overdue'; period: TaskPeriod; missed: TaskPeriod; daysOverdue: number; missedThisYear: number }
  | { kind: 'not_started'; period: TaskPeriod; startsOn: string; missedThisYear: number };

/** The month, quarter or year that contains `day`. */
export function periodContaining(cadence: RecurringCadence, day: string): TaskPeriod {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const p = cadence === 'monthly' ? monthPeriod(y, m) : cadence === 'quarterly' ? quarterPeriod(y, quarterOfMonth(m)) : yearPeriod(y);
  return { from: p.from, to: p.to, label: p.label };
}

/** The period just before `p`. */
export function previousPeriod(cadence: RecurringCadence, p: TaskPeriod): TaskPeriod {
  return periodContaining(cadence, addDays(p.from, -1));
}

/** The first day whose publications the state of tasks on `today` depends on. */
export function windowStart(t: TaskTerms, today: string): string {
  if (t.cadence === 'once') return t.startsOn;
  const prev = previousPeriod(t.cadence, periodContaining(t.cadence, today)).from;
  const jan1 = `${today.slice(0, 4)}-01-01`;
  return prev < jan1 ? prev : jan1;
}

/**
 * The state of a task on `today`, from the sorted days (YYYY-MM-DD, duplicates allowed) on which its department
 * published in its column.
 */
export function taskState(t: TaskTerms, days: readonly string[], today: string): TaskState {
  const firstIn = (p: { from: string; to: string }) => days.find((d) => d >= p.from && d <= p.to) ?? null;
  if (t.cadence === 'once') {
    const due = t.dueOn ?? t.startsOn;
    const period = { from: t.startsOn, to: due, label: `${t.startsOn} 至 ${due}` };
    const onTime = firstIn(period);
    if (onTime) return { kind: 'done', period, fulfilledOn: onTime, missedThisYear: 0 };
    const late = days.find((d) => d > due && d <= today) ?? null;
    if (late) return { kind: 'done_late', period, fulfilledOn: late, daysLate: daysBetween(due, late), missedThisYear: 0 };
    if (today <= due) return { kind: 'due', period, daysLeft: daysBetween(today, due), missedThisYear: 0 };
    return { kind: 'overdue', period, missed: period, daysOverdue: daysBetween(due, today), missedThisYear: today.slice(0, 4) === due.slice(0, 4) ? 1 : 0 };
  }
  const current = periodContaining(t.cadence, today);
  const missedThisYear = missedPeriodsThisYear(t.cadence, { startsOn: t.startsOn, today, firstIn });
  if (current.to < t.startsOn) return { kind: 'not_started', period: periodContaining(t.cadence, t.startsOn), startsOn: t.startsOn, missedThisYear };
  const done = firstIn(current);
  if (done) return { kind: 'done', period: current, fulfilledOn: done, missedThisYear };
  const prev = previousPeriod(t.cadence, current);
  if (prev.to >= t.startsOn && !firstIn(prev)) return { kind: 'overdue', period: current, missed: prev, daysOverdue: daysBetween(prev.to, today), missedThisYear };
  return { kind: 'due', period: current, daysLeft: daysBetween(today, current.to), missedThisYear };
}

/** Ended periods of the current calendar year (owed: ending on or after the start) without a publication. */
function missedPeriodsThisYear(cadence: RecurringCadence, o: { startsOn: string; today: string; firstIn: (p: TaskPeriod) => string | null }): number {
  const jan1 = `${o.today.slice(0, 4)}-01-01`;
  let n = 0;
  for (let p = previousPeriod(cadence, periodContaining(cadence, o.today)); p.to >= jan1 && p.to >= o.startsOn; p = previousPeriod(cadence, p)) {
    if (!o.firstIn(p)) n += 1;
  }
  return n;
}

/** How the state reads in a list: 已完成, 3 天后到期, 今天到期, 已逾期 5 天 … */
export function stateLabel(s: TaskState): string {
  switch (s.kind) {
    case 'done':
      return `已完成（${s.fulfilledOn} 发布）`;
    case 'done_late':
      return `逾期完成（${s.fulfilledOn} 发布，晚 ${s.daysLate} 天）`;
    case 'due':
      return s.daysLeft === 0 ? '今天到期' : `${s.daysLeft} 天后到期`;
    case 'overdue':
      return s.missed === s.period ? `已逾期 ${s.daysOverdue} 天` : `已逾期：${s.missed.label}未更新（逾期 ${s.daysOverdue} 天），本期尚未完成`;
    case 'not_started':
      return `${s.startsOn} 起计`;
  }
}

/** Sort key: overdue first (longest first), then the soonest due, then not started, then done. */
export function stateRank(s: TaskState): [number, number] {
  switch (s.kind) {
    case 'overdue':
      return [0, -s.daysOverdue];
    case 'due':
      return [1, s.daysLeft];
    case 'not_started':
      return [2, 0];
    case 'done_late':
      return [3, 0];
    case 'done':
      return [4, 0];
  }
}
