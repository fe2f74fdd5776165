import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarOf, seedCalendar, seedEntries, SEED_YEARS } from '../../src/calendar/calendar-seed.ts';
import { computeClock, workingDaysLeft, type ClockEvent } from '../../src/disclosure/clock.ts';
import { OUTCOMES } from '../../src/disclosure/disclosure.model.ts';
import { perApplicationFeeFen, perPageFeeFen } from '../../src/disclosure/fees.ts';
import { isValidResidentId } from '../../src/platform/resident-id.ts';

const cal = seedCalendar();
const ev = (kind: string, onDate: string, data: Record<string, unknown> = {}): ClockEvent => ({ kind, onDate, data });

describe('the reply clock (条例 第三十条、第三十三条)', () => {
  it('is due on the 20th working day after receipt, skipping weekends and 国庆 and counting the 10-10 make-up Saturday', () => {
    const c = computeClock(cal, [ev('received', '2026-09-25')]);
    expect(c).toMatchObject({ state: 'running', dueOn: '2026-10-29', isProvisional: false, countedDays: 20 });
    expect(c.skipped.map((d) => d.date)).toContain('2026-10-01');
    expect(c.skipped.find((d) => d.date === '2026-10-01')?.reason).toBe('国庆节');
    expect(c.skipped.map((d) => d.date)).not.toContain('2026-10-10');
    expect(c.clarificationByOn).toBe('2026-10-12'); // 7 working days: 9-28, 29, 30, 10-8, 9, 10, 12
  });

  it('stops while awaiting 补正 and restarts from the day the correction arrives, dropping earlier pauses', () => {
    const asked = computeClock(cal, [ev('received', '2026-11-02'), ev('consultation_started', '2026-11-03'), ev('consultation_ended', '2026-11-05'), ev('clarification_requested', '2026-11-05')]);
    expect(asked).toMatchObject({ state: 'awaiting_clarification', dueOn: null });
    const restarted = computeClock(cal, [ev('received', '2026-11-02'), ev('consultation_started', '2026-11-03'), ev('consultation_ended', '2026-11-05'), ev('clarification_requested', '2026-11-05'), ev('clarification_received', '2026-11-09')]);
    expect(restarted).toMatchObject({ state: 'running', startOn: '2026-11-09', isRestarted: true, dueOn: '2026-12-07', pauses: [], clarificationByOn: null });
  });

  it('does not count the days of a consultation or a fee notice, from its start up to the day before it ends', () => {
    const c = computeClock(cal, [ev('received', '2026-11-02'), ev('consultation_started', '2026-11-04'), ev('consultation_ended', '2026-11-11')]);
    // 11-04 … 11-10 (5 working days) do not count: 2026-11-30 + 5 working days = 2026-12-07.
    expect(c.dueOn).toBe('2026-12-07');
    expect(c.skipped.filter((d) => d.reason.startsWith('征求意见')).map((d) => d.date)).toEqual(['2026-11-04', '2026-11-05', '2026-11-06', '2026-11-09', '2026-11-10']);
    const open = computeClock(cal, [ev('received', '2026-11-02'), ev('fee_notified', '2026-11-04')]);
    expect(open).toMatchObject({ state: 'paused', dueOn: null, countedDays: 1 });
  });

  it('adds an approved extension, never more than 20 working days in all', () => {
    const once = computeClock(cal, [ev('received', '2026-11-02'), ev('extension_approved', '2026-11-20', { days: 10 })]);
    expect(once.dueOn).toBe('2026-12-14');
    const over = computeClock(cal, [ev('received', '2026-11-02'), ev('extension_approved', '2026-11-20', { days: 15 }), ev('extension_approved', '2026-11-25', { days: 15 })]);
    expect(over.extensionDays).toBe(20);
  });

  it('marks a due date in a year without a known arrangement provisional, and not once that year is entered', () => {
    const c = computeClock(cal, [ev('received', '2026-12-15')]);
    expect(c.isProvisional).toBe(true);
    const years = [];
    for (let y = SEED_YEARS.first; y <= 2027; y++) years.push(y);
    const with2027 = calendarOf([...seedEntries(), ...['2027-01-01', '2027-01-02', '2027-01-03'].map((day) => ({ day, isWorkingDay: false, name: '元旦' }))], years);
    const known = computeClock(with2027, [ev('received', '2026-12-15')]);
    expect(known.isProvisional).toBe(false);
    expect(known.dueOn && c.dueOn && known.dueOn > c.dueOn).toBe(true); // 1-1 is a Friday holiday now
  });

  it('stops on service and counts working days left, negative when overdue', () => {
    expect(computeClock(cal, [ev('received', '2026-11-02'), ev('reply_served', '2026-11-20', { outcome: 'disclosed' })]).state).toBe('stopped');
    expect(workingDaysLeft(cal, '2026-09-28', '2026-10-09')).toBe(4); // 9-29, 9-30, 10-8, 10-9
    expect(workingDaysLeft(cal, '2026-10-09', '2026-09-28')).toBe(-4);
    expect(workingDaysLeft(cal, '2026-10-09', '2026-10-09')).toBe(0);
  });

  it('always lands the due date on a working day, whatever the pauses (property)', () => {
    const day = fc.integer({ min: 0, max: 360 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 30 }), (received, ext, pauseLen) => {
        const start = new Date(`${received}T00:00:00Z`);
        const from = new Date(start.getTime() + 3 * 86400_000).toISOString().slice(0, 10);
        const to = new Date(start.getTime() + (3 + pauseLen) * 86400_000).toISOString().slice(0, 10);
        const c = computeClock(cal, [ev('received', received), ev('consultation_started', from), ev('consultation_ended', to), ev('extension_approved', received, { days: ext })]);
        expect(c.dueOn).not.toBeNull();
        expect(cal.days.get(c.dueOn ?? '')?.isWorkingDay ?? ![0, 6].includes(new Date(`${c.dueOn}T00:00:00Z`).getUTCDay())).toBe(true);
        expect(c.countedDays).toBe(20 + ext);
      }),
    );
  });
});

describe('outcomes, fees and identity numbers', () => {
  it('has exactly the 21 leaf rows of table 三 and unique ids', () => {
    expect(OUTCOMES).toHaveLength(21);
    expect(new Set(OUTCOMES.map((o) => o.id)).size).toBe(21);
    expect(OUTCOMES.filter((o) => o.group === 'withheld')).toHaveLength(8);
    expect(OUTCOMES.filter((o) => o.group === 'unavailable')).toHaveLength(3);
    expect(OUTCOMES.filter((o) => o.group === 'not_handled')).toHaveLength(5);
    expect(OUTCOMES.filter((o) => o.group === 'other')).toHaveLength(3);
    expect(OUTCOMES.find((o) => o.id === 'withheld_security_stability')?.label).toBe('3.危及\u201c三安全一稳定\u201d');
  });

  it('charges per application by the tiers of 109号: 10 free, 100 元 to the 30th, then 100 元 more per block of 10', () => {
    expect([1, 10, 11, 30, 31, 40, 41, 50, 51].map(perApplicationFeeFen)).toEqual([0, 0, 10_000, 10_000, 20_000, 20_000, 30_000, 30_000, 40_000]);
  });

  it('charges per page progressively on the excess', () => {
    expect(perPageFeeFen(30)).toBe(0);
    expect(perPageFeeFen(31)).toBe(1_000);
    expect(perPageFeeFen(100)).toBe(70_000);
    expect(perPageFeeFen(101)).toBe(72_000);
    expect(perPageFeeFen(200)).toBe(270_000);
    expect(perPageFeeFen(201)).toBe(274_000);
  });

  it('verifies the resident ID check character and the birth date', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('11010519490231002X')).toBe(false);
    expect(isValidResidentId('11010530001231002X', new Date('2026-01-01'))).toBe(false);
  });
});
