import { addWorkingDays, countWorkingDays, firstWorkingDayFrom, shiftDay, type WorkingCalendar } from '../calendar/working-days.ts';

/**
 * The reply clock of a message. The day of receipt is day 0 and the period ends on the N-th (working) day
 * after it (民法典 第二百零一条); a period in calendar days that ends on a holiday ends on the next working
 * day instead (第二百零三条). A date in a year the calendar does not know yet is provisional.
 */
export type MessageClock = { days: number; isWorkingDays: boolean };
export type DueDate = { dueOn: string; isProvisional: boolean };

export function dueDateOf(cal: WorkingCalendar, receivedOn: string, clock: MessageClock): DueDate {
  if (clock.isWorkingDays) {
    const r = addWorkingDays(cal, receivedOn, clock.days);
    return { dueOn: r.date, isProvisional: r.isProvisional };
  }
  const end = shiftDay(receivedOn, clock.days);
  const r = firstWorkingDayFrom(cal, end);
  return { dueOn: r.date, isProvisional: r.isProvisional };
}

/** Working days taken by a reply: the working days after the day of receipt up to the reply day. */
export function replyOutcomeOf(cal: WorkingCalendar, m: { receivedOn: string; dueOn: string; repliedOn: string }): { workingDaysTaken: number; isOnTime: boolean } {
  const taken = m.repliedOn <= m.receivedOn ? 0 : countWorkingDays(cal, shiftDay(m.receivedOn, 1), m.repliedOn).days;
  return { workingDaysTaken: taken, isOnTime: m.repliedOn <= m.dueOn };
}

/**
 * Where an open message stands on `today`: working days left until the due date (0 = due today), or
 * working days overdue (counted from the day after the due date up to today).
 */
export function standingOf(cal: WorkingCalendar, today: string, dueOn: string): { isOverdue: boolean; workingDays: number } {
  if (today <= dueOn) return { isOverdue: false, workingDays: countWorkingDays(cal, shiftDay(today, 1), dueOn).days };
  return { isOverdue: true, workingDays: countWorkingDays(cal, shiftDay(dueOn, 1), today).days };
}

export function standingLabel(s: { isOverdue: boolean; workingDays: number }): string {
  if (s.isOverdue) return s.workingDays > 0 ? `已超期 ${s.workingDays} 个工作日` : '已超期';
  return s.workingDays === 0 ? '今日到期' : `剩余 ${s.workingDays} 个工作日`;
}
