import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import { recomputeOpenDisclosureCases } from '../../disclosure/operations/recompute-due.ts';
import { recomputeOpenMessages } from '../../interaction/operations/recompute-message-due.ts';
import type { AppContext } from '../../platform/context.ts';
import { formatDate } from '../../platform/dates.ts';
import { AppError, validationError } from '../../platform/errors.ts';
import { checkArrangement, cleanSource, diffArrangement } from '../arrangement.schema.ts';
import { calendarOf } from '../calendar-seed.ts';
import { findCalendarYear, insertCalendarChange, insertCalendarChangedEvent, listCalendarDays, listCalendarYears, lockCalendar, replaceYear } from '../calendar.repo.ts';
import type { CalendarDayEntry } from '../calendar.tables.ts';

export type ChangeYearInput = {
  year: number;
  /** The State Council notice, e.g. 国办发明电〔2026〕X号. */
  source: string;
  /** Every holiday day (weekends inside a holiday included) and make-up working day of the year. */
  days: CalendarDayEntry[];
  /** The version the administrator saw; a different current version is refused (someone saved meanwhile). */
  expectedVersion?: number | null;
};

export type ChangeYearResult = { changeId: number; year: number; version: number; casesMoved: number; disclosureMoved: number; messagesMoved: number };

/**
 * Enters or replaces a year's arrangement, and moves every open deadline that depends on it — all in one
 * transaction, so no case is ever left computed with a calendar that is no longer the law: replace the
 * days, rebuild the calendar from the database state inside the transaction (never the process cache,
 * which still holds the old one, and on PGlite could not be read inside a transaction anyway), recompute
 * open 依申请公开 cases and messages, keep before/after in `calendar_change`, audit, and write the outbox
 * event that makes other processes reload. Access (the root center's site.manage) is the caller's check.
 */
export async function changeCalendarYear(ctx: AppContext, actor: Actor, input: ChangeYearInput): Promise<ChangeYearResult> {
  const year = input.year;
  const source = cleanSource(input.source);
  const days = [...input.days].sort((a, b) => (a.day < b.day ? -1 : 1)).map((d) => ({ day: d.day, isWorkingDay: d.isWorkingDay, name: d.name.trim() }));
  const errors = checkArrangement({ year, source, days });
  if (errors.length > 0) throw validationError(errors);
  const tree = await ctx.centers.get(); // read before the transaction: PGlite has one connection
  const reason = `${year}年节假日安排更新（来源：${source}）`;
  const onDate = formatDate(ctx.clock());

  const result = await ctx.db.transaction(async (tx) => {
    await lockCalendar(tx);
    const current = await findCalendarYear(tx, year);
    if (input.expectedVersion !== undefined && input.expectedVersion !== null && (current?.version ?? 0) !== input.expectedVersion) {
      throw new AppError('CONFLICT_STALE', { userMessage: `${year} 年的安排在您编辑期间已被修改（现为第 ${current?.version ?? 0} 版），请查看最新内容后重新提交` });
    }
    const before = await listCalendarDays(tx, year);
    const version = await replaceYear(tx, { year, days, source, by: actor.userId });
    const cal = calendarOf(await listCalendarDays(tx), (await listCalendarYears(tx)).map((y) => y.year));
    const disclosureMoved = await recomputeOpenDisclosureCases(tx, cal, reason, onDate);
    const messagesMoved = await recomputeOpenMessages(tx, cal, reason, onDate);
    const casesMoved = disclosureMoved + messagesMoved;
    const change = await insertCalendarChange(tx, { year, version, source, before, after: days, casesMoved, changedBy: actor.userId });
    const diff = diffArrangement(before, days);
    await recordAudit(tx, actor, {
      action: 'calendar.change_year',
      centerId: tree.root.id,
      targetType: 'calendar_year',
      targetId: year,
      before,
      after: days,
      details: { source, version, changeId: change.id, disclosureMoved, messagesMoved, added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length },
    });
    await insertCalendarChangedEvent(tx, { centerId: tree.root.id, payload: { year, version, changeId: change.id } });
    return { changeId: change.id, year, version, casesMoved, disclosureMoved, messagesMoved };
  });

  // After commit: this process reloads at once, the others on the outbox watermark poll.
  ctx.calendar.invalidate();
  ctx.notifyOutbox();
  return result;
}
