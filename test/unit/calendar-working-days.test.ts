import { describe, expect, it } from 'vitest';
import { calendarOf, seedCalendar, seedEntries } from '../../src/calendar/calendar-seed.ts';
import { parseWorkingDaysQuery } from '../../src/calendar/calendar.schema.ts';
import { addWorkingDays, countWorkingDays, dayKind } from '../../src/calendar/working-days.ts';

const cal = seedCalendar();

describe('working days of the seeded calendar (2004–2026)', () => {
  it('passes over the whole 2026 国庆 break, weekends named as 国庆节, and counts the make-up Saturday 10-10', () => {
    const r = addWorkingDays(cal, '2026-09-30', 3);
    expect(r.date).toBe('2026-10-10'); // 10-08 Thu, 10-09 Fri, 10-10 Sat (调休上班)
    expect(r.isProvisional).toBe(false);
    expect(r.skipped).toEqual(['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, reason: '国庆节' })));
    expect(dayKind(cal, '2026-10-10')).toEqual({ isWorkingDay: true, isProvisional: false, name: '国庆节调休上班' });
  });

  it('agrees with chinese-days on the checks of the reference (中秋 + 国庆, 春节 with two make-up Saturdays)', () => {
    expect(addWorkingDays(cal, '2026-09-25', 7).date).toBe('2026-10-12');
    expect(addWorkingDays(cal, '2026-02-10', 20).date).toBe('2026-03-16');
  });

  it('names an ordinary weekend by its weekday', () => {
    const r = addWorkingDays(cal, '2026-03-06', 1); // Friday → Monday
    expect(r).toEqual({ date: '2026-03-09', isProvisional: false, skipped: [{ date: '2026-03-07', reason: '周六' }, { date: '2026-03-08', reason: '周日' }] });
  });

  it('does not count the start day, returns it for n = 0, and counts backwards for a negative n', () => {
    expect(addWorkingDays(cal, '2026-10-03', 0)).toEqual({ date: '2026-10-03', isProvisional: false, skipped: [] });
    expect(addWorkingDays(cal, '2026-10-08', -1).date).toBe('2026-09-30');
    expect(addWorkingDays(cal, '2026-10-12', -2).date).toBe('2026-10-09'); // back over Sunday, onto the make-up Saturday first
    expect(countWorkingDays(cal, '2026-10-01', '2026-10-31').days).toBe(18); // 22 weekdays − 5 holiday weekdays + the make-up Saturday 10-10
  });

  it('marks an answer provisional as soon as it passes into 2027, which is not in the calendar yet', () => {
    expect(addWorkingDays(cal, '2026-12-15', 5).isProvisional).toBe(false);
    const r = addWorkingDays(cal, '2026-12-15', 40);
    expect(r.isProvisional).toBe(true);
    expect(r.date).toBe('2027-02-09'); // Monday–Friday only: the 2027 春节 is not known yet
  });

  it('moves the 2027 answer once 2027 is in the calendar', () => {
    const with2027 = calendarOf(
      [...seedEntries(), ...['06', '07', '08', '09', '10', '11', '12', '13'].map((d) => ({ day: `2027-02-${d}`, isWorkingDay: false, name: '春节' }))],
      [...cal.years, 2027],
    );
    const r = addWorkingDays(with2027, '2026-12-15', 40);
    expect(r.isProvisional).toBe(false);
    expect(r.date).toBe('2027-02-16'); // 2-08…2-12 (five weekdays) no longer count
  });
});

describe('the parameters of /api/v1/calendar/working-days', () => {
  it('accepts a real date and an integer in range, also a number the schema already coerced', () => {
    expect(parseWorkingDaysQuery({ from: '2026-09-30', add: '20' }).query).toEqual({ from: '2026-09-30', add: 20 });
    expect(parseWorkingDaysQuery({ from: '1990-01-01', add: -250 }).query).toEqual({ from: '1990-01-01', add: -250 });
  });

  it.each([
    [{ add: '1' }, 'from', '开始日期：缺少必填项'],
    [{ from: '2026-02-30', add: '1' }, 'from', '开始日期：2026-02-30 不是存在的日期'],
    [{ from: '2026/09/30', add: '1' }, 'from', '开始日期：应为 YYYY-MM-DD'],
    [{ from: '1989-12-31', add: '1' }, 'from', '开始日期：应在 1990-01-01 到 2100-12-31 之间'],
    [{ from: ['2026-09-30', '2026-10-01'], add: '1' }, 'from', '开始日期：只能填写一个日期'],
    [{ from: '2026-09-30' }, 'add', '工作日数：缺少必填项'],
    [{ from: '2026-09-30', add: '1.5' }, 'add', '工作日数：应为整数'],
    [{ from: '2026-09-30', add: 'abc' }, 'add', '工作日数：应为整数'],
    [{ from: '2026-09-30', add: '251' }, 'add', '工作日数：应在 -250 到 250 之间'],
    [{ from: '2026-09-30', add: ['1', '2'] }, 'add', '工作日数：只能填写一个数'],
  ])('refuses %j naming the field', (query, field, message) => {
    const r = parseWorkingDaysQuery(query);
    expect(r.query).toBeNull();
    expect(r.errors[0]?.field).toBe(field);
    expect(r.errors[0]?.message).toContain(message);
  });
});
