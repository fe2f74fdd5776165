import { addWorkingDays, dayKind, shiftDay, type SkippedDay, type WorkingCalendar } from '../calendar/working-days.ts';

/**
 * The reply clock of an application (条例 第三十条、第三十二条、第三十三条), computed from the case's events
 * and the calendar — never stored alone, so a calendar change or a late correction of an event recomputes
 * it. Counting: the day a period starts from is day 0 and the due date is the N-th working day after it
 * (民法典 第二百零一条); a pause covers the days from its start up to the day before it ends ([from, to)).
 */

export const REPLY_WORKING_DAYS = 20; // 第三十三条第二款
export const MAX_EXTENSION_DAYS = 20; // 第三十三条第二款
export const CLARIFICATION_WITHIN_DAYS = 7; // 第三十条
export const CONSULTATION_DAYS = 15; // 第三十二条、第三十四条
export const FEE_PAYMENT_DAYS = 20; // 国办函〔2020〕109号 (收到收费通知次日起 20 个工作日)
export const DEFAULT_CORRECTION_PERIOD_DAYS = 15; // "合理的补正期限": the center's choice, 15 working days by default

export type ClockEvent = { kind: string; onDate: string; data: Record<string, unknown> };

export type PauseReason = 'consultation' | 'fee';
export type ClockPause = { from: string; to: string | null; reason: PauseReason };

export type ClockState = 'not_started' | 'running' | 'paused' | 'awaiting_clarification' | 'stopped';

export type ClockTrace = {
  state: ClockState;
  /** The receipt, or the arrival of the corrected application (第三十条: the clock restarts). */
  startOn: string | null;
  isRestarted: boolean;
  baseDays: number;
  extensionDays: number;
  /** A reasonable deadline fixed under 第三十五条, which replaces the computed one. */
  fixedDueOn: string | null;
  dueOn: string | null;
  isProvisional: boolean;
  /** Working days counted from the start to the due date, or to the open pause. */
  countedDays: number;
  pauses: ClockPause[];
  /** Days between the start and the due date (or the open pause) that did not count, and why. */
  skipped: SkippedDay[];
  /** The last day to ask for 补正 (7 working days after receipt); null once asked or after a restart. */
  clarificationByOn: string | null;
};

const PAUSE_LABEL: Record<PauseReason, string> = { consultation: '征求意见期间（不计入答复期限）', fee: '缴纳信息处理费期间（不计入答复期限）' };

const PAUSE_START: Record<string, PauseReason> = { consultation_started: 'consultation', fee_notified: 'fee' };
const PAUSE_END: Record<string, PauseReason> = { consultation_ended: 'consultation', fee_paid: 'fee', fee_waived: 'fee' };
const STOPPING = new Set(['clarification_lapsed', 'fee_lapsed', 'closed', 'reply_served']);

export function computeClock(cal: WorkingCalendar, events: readonly ClockEvent[]): ClockTrace {
  let startOn: string | null = null;
  let isRestarted = false;
  let awaitingClarification = false;
  let hasAskedClarification = false;
  let extensionDays = 0;
  let fixedDueOn: string | null = null;
  let isStopped = false;
  let pauses: ClockPause[] = [];
  for (const e of events) {
    if (e.kind === 'received') startOn = e.onDate;
    else if (e.kind === 'clarification_requested') {
      awaitingClarification = true;
      hasAskedClarification = true;
    } else if (e.kind === 'clarification_received') {
      // 答复期限自行政机关收到补正的申请之日起计算: a fresh clock; earlier pauses and extensions no longer count.
      startOn = e.onDate;
      isRestarted = true;
      awaitingClarification = false;
      pauses = [];
      extensionDays = 0;
    } else if (e.kind === 'extension_approved') extensionDays = Math.min(MAX_EXTENSION_DAYS, extensionDays + Number(e.data.days ?? 0));
    else if (e.kind === 'deadline_fixed') fixedDueOn = typeof e.data.dueOn === 'string' ? e.data.dueOn : null;
    else if (PAUSE_START[e.kind]) pauses.push({ from: e.onDate, to: null, reason: PAUSE_START[e.kind] as PauseReason });
    else if (PAUSE_END[e.kind]) {
      const open = [...pauses].reverse().find((p) => p.reason === PAUSE_END[e.kind] && p.to === null);
      if (open) open.to = e.onDate;
    }
    if (STOPPING.has(e.kind)) isStopped = true;
  }
  const trace: ClockTrace = {
    state: 'not_started',
    startOn,
    isRestarted,
    baseDays: REPLY_WORKING_DAYS,
    extensionDays,
    fixedDueOn,
    dueOn: null,
    isProvisional: false,
    countedDays: 0,
    pauses,
    skipped: [],
    clarificationByOn: null,
  };
  if (!startOn) return trace;
  if (!hasAskedClarification && !isRestarted) {
    const by = addWorkingDays(cal, startOn, CLARIFICATION_WITHIN_DAYS);
    trace.clarificationByOn = by.date;
  }
  const walk = walkClock(cal, startOn, REPLY_WORKING_DAYS + extensionDays, pauses);
  trace.countedDays = walk.counted;
  trace.skipped = walk.skipped;
  trace.isProvisional = walk.isProvisional;
  trace.dueOn = fixedDueOn ?? walk.dueOn;
  trace.state = isStopped ? 'stopped' : awaitingClarification ? 'awaiting_clarification' : walk.dueOn === null ? 'paused' : 'running';
  if (awaitingClarification && !isStopped) trace.dueOn = fixedDueOn;
  return trace;
}

/** Counts `target` working days after `start`, skipping rest days and paused days; stops at an open pause. */
function walkClock(cal: WorkingCalendar, start: string, target: number, pauses: readonly ClockPause[]) {
  const skipped: SkippedDay[] = [];
  let counted = 0;
  let isProvisional = false;
  let day = start;
  // Bounded: 40 working days plus pauses never span ten years; an open pause ends the walk.
  for (let guard = 0; counted < target && guard < 3660; guard++) {
    day = shiftDay(day, 1);
    const pause = pauses.find((p) => p.from <= day && (p.to === null || day < p.to));
    if (pause?.to === null) return { dueOn: null, counted, skipped, isProvisional };
    const kind = dayKind(cal, day);
    isProvisional ||= kind.isProvisional;
    if (pause) skipped.push({ date: day, reason: kind.isWorkingDay ? PAUSE_LABEL[pause.reason] : kind.name });
    else if (!kind.isWorkingDay) skipped.push({ date: day, reason: kind.name });
    else counted += 1;
  }
  return { dueOn: day, counted, skipped, isProvisional };
}

/**
 * Working days left from `today` to `dueOn`: the working days after today up to the due date; when overdue,
 * minus the working days after the due date up to today. Shown on the case list.
 */
export function workingDaysLeft(cal: WorkingCalendar, today: string, dueOn: string): number {
  const [from, to, sign] = today <= dueOn ? [today, dueOn, 1] : [dueOn, today, -1];
  let n = 0;
  for (let day = shiftDay(from, 1), guard = 0; day <= to && guard < 3660; day = shiftDay(day, 1), guard++) {
    if (dayKind(cal, day).isWorkingDay) n += 1;
  }
  return sign * n;
}
