import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkArrangement, diffArrangement, formatArrangementText, parseArrangementForm, parseArrangementText } from '../../src/calendar/arrangement.schema.ts';
import { SEED_YEARS, seedEntries } from '../../src/calendar/calendar-seed.ts';

const SPRING_2027 = ['2027-02-06 至 2027-02-13 春节', '2027-02-14 春节调休上班'].join('\n');

describe('the text format of a year’s arrangement', () => {
  it('stores every day of a holiday range (its weekends too) under the holiday’s name, and a 调休上班 line as a working day', () => {
    const r = parseArrangementText(2027, `2027-01-01 元旦\n${SPRING_2027}`);
    expect(r.errors).toEqual([]);
    expect(r.days).toHaveLength(10);
    expect(r.days[0]).toEqual({ day: '2027-01-01', isWorkingDay: false, name: '元旦' });
    expect(r.days.find((d) => d.day === '2027-02-06')).toEqual({ day: '2027-02-06', isWorkingDay: false, name: '春节' }); // a Saturday
    expect(r.days.at(-1)).toEqual({ day: '2027-02-14', isWorkingDay: true, name: '春节调休上班' });
  });

  it('ignores blank lines and # comments, and takes full-width spaces, tabs, CRLF and “至” without spaces', () => {
    const r = parseArrangementText(2027, '# 国办发明电〔2026〕X号\r\n\r\n2027-02-06至2027-02-13\t春节\r\n　2027-02-14　春节调休上班　');
    expect(r.errors).toEqual([]);
    expect(r.days).toHaveLength(9);
  });

  it.each([
    ['2027-02-30 春节', '第 1 行：2027-02-30 不是存在的日期'],
    ['2026-12-31 元旦', '第 1 行：2026-12-31 不在 2027 年内'],
    ['2027-02-06 至 2027-02-13', '第 1 行：缺少名称'],
    ['2027-02-13 至 2027-02-06 春节', '第 1 行：结束日期 2027-02-06 早于开始日期 2027-02-13'],
    ['2027-02-15 春节调休上班', '第 1 行：2027-02-15 是周一，调休上班日应为周六或周日'],
    ['2027-02-06 2027-02-13 春节', '第 1 行：两个日期之间请用“至”连接'],
    ['2027-02-06 - 2027-02-13 春节', '第 1 行：时间段写成“开始日期 至 结束日期 名称”'],
    ['2027-2-6 春节', '第 1 行：日期应写成 YYYY-MM-DD'],
    ['春节 2027-02-06', '第 1 行：每行以日期开头'],
    ['2027-02-14 春节上班', '第 1 行：名称“春节上班”含“调休”或“上班”'],
    ['2027-02-14 调休上班', '第 1 行：请写明为哪个节日调休'],
    ['2027-01-01 元旦<script>', '第 1 行：名称“元旦<script>”只能包含汉字'],
    ['2027-01-01 至 2027-03-01 春节', '第 1 行：一段假期不应超过 31 天'],
    ['2027-02-14 春节调休上班', '请至少填写一个放假日'],
  ])('refuses %j with a message naming the line', (text, message) => {
    const r = parseArrangementText(2027, text);
    expect(r.days).toEqual([]);
    expect(r.errors.map((e) => e.field)).toEqual(['days']);
    expect(r.errors[0]?.message).toContain(message);
  });

  it('reports every bad line, and a day given twice with both line numbers', () => {
    const r = parseArrangementText(2027, `2027-01-01 元旦\n${SPRING_2027}\n2027-02-10 春节\n2027-13-01 元旦`);
    expect(r.errors.map((e) => e.message)).toEqual(['节假日安排：第 4 行：2027-02-10 已在第 2 行填写过', '节假日安排：第 5 行：2027-13-01 不是存在的日期']);
  });

  it('checks year and source of the whole form, each naming its field', () => {
    const r = parseArrangementForm({ year: '27', source: ' ', days: SPRING_2027 });
    expect(r.errors.map((e) => e.field)).toEqual(['year', 'source']);
    expect(r.errors[0]?.message).toContain('年份');
    expect(r.errors[1]?.message).toContain('依据');
    const ok = parseArrangementForm({ year: '2027', source: '  国办发明电〔2026〕7号 ', days: SPRING_2027 });
    expect(ok.value?.source).toBe('国办发明电〔2026〕7号');
  });

  it('writes every seeded year back as lines that parse to the same days, and each passes the operation’s own check', () => {
    const all = seedEntries();
    for (let year = SEED_YEARS.first; year <= SEED_YEARS.last; year++) {
      const days = all.filter((d) => d.day.startsWith(`${year}-`));
      const text = formatArrangementText(days);
      const back = parseArrangementText(year, text);
      expect(back.errors, `${year}`).toEqual([]);
      expect(back.days, `${year}`).toEqual(days);
      expect(checkArrangement({ year, source: '国务院办公厅通知', days }), `${year}`).toEqual([]);
    }
    expect(formatArrangementText(all.filter((d) => d.day.startsWith('2026-10')))).toBe('2026-10-01 至 2026-10-07 国庆节\n2026-10-10 国庆节调休上班');
  });

  it('refuses in the operation’s check what the text parser would refuse: a weekday make-up day, a day of another year, a twice-given day', () => {
    const errors = checkArrangement({
      year: 2027,
      source: 'x',
      days: [
        { day: '2027-02-15', isWorkingDay: true, name: '春节调休上班' },
        { day: '2026-02-06', isWorkingDay: false, name: '春节' },
        { day: '2027-02-06', isWorkingDay: false, name: '春节' },
        { day: '2027-02-06', isWorkingDay: false, name: '春节' },
      ],
    });
    expect(errors.map((e) => e.message)).toEqual(['节假日安排：2027-02-15 是周一，调休上班日应为周六或周日', '节假日安排：2026-02-06 不在 2027 年内', '节假日安排：2027-02-06 重复']);
  });

  it('tells what a change adds, removes and renames', () => {
    const before = parseArrangementText(2027, SPRING_2027).days;
    const after = parseArrangementText(2027, '2027-02-07 至 2027-02-14 春节').days;
    const d = diffArrangement(before, after);
    expect(d.removed.map((x) => x.day)).toEqual(['2027-02-06']);
    expect(d.changed.map((c) => [c.after.day, c.before.name, c.after.name])).toEqual([['2027-02-14', '春节调休上班', '春节']]);
    expect(d.added).toEqual([]);
  });

  it('never throws on any text: it answers days or line errors, and the days it answers pass the operation’s check', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.tuple(fc.date({ min: new Date('2026-11-01T00:00:00Z'), max: new Date('2028-02-01T00:00:00Z'), noInvalidDate: true }), fc.nat(40), fc.constantFrom('春节', '春节调休上班', '', '上班', '元旦<b>', '至')).map(
        ([d, len, name]) => `${d.toISOString().slice(0, 10)} 至 ${new Date(d.getTime() + len * 86_400_000).toISOString().slice(0, 10)} ${name}`,
      ),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const r = parseArrangementText(2027, lines.join('\n'));
        expect(r.days.length === 0 || r.errors.length === 0).toBe(true);
        if (r.errors.length === 0) expect(checkArrangement({ year: 2027, source: 'x', days: r.days })).toEqual([]);
        for (const e of r.errors) expect(e.message).toMatch(/^节假日安排：/);
      }),
      { numRuns: 500 },
    );
  });
});
