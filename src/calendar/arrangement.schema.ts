import { cleanPlainText } from '../content/sanitize.ts';
import type { FieldError } from '../platform/errors.ts';
import { QUERY_YEARS } from './calendar.schema.ts';
import type { CalendarDayEntry } from './calendar.tables.ts';
import { isIsoDate, isWeekend, shiftDay, weekdayName } from './working-days.ts';

/**
 * A year's arrangement (国务院办公厅《关于XXXX年部分节假日安排的通知》) as the administrator types it, one
 * line per period:
 *
 *   2027-02-06 至 2027-02-13 春节      a holiday range: every day in it is stored as a 春节 day, weekends included
 *   2027-01-01 元旦                    a single holiday
 *   2027-02-14 春节调休上班            a make-up working day: the name ends with 调休上班, the day is a weekend
 *
 * The rules are strict on purpose: a wrong line would silently move statutory deadlines, so anything unclear
 * is refused with the line number rather than guessed. Days belong to the calendar year they fall in (as the
 * seed stores them), so a notice day in the previous December is entered under that year.
 */

export const MAKE_UP_MARK = '调休上班';
// The longest seeded name: 中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休上班 (29).
export const MAX_NAME_LENGTH = 40;
const MAX_LINES = 200;
const MAX_TEXT = 20_000;
const MAX_RANGE_DAYS = 31;
const MAX_SOURCE = 200;

export type YearArrangement = { year: number; source: string; days: CalendarDayEntry[] };
export type ArrangementForm = { year: string; source: string; days: string };

/** The admin form: year, source and the lines; every error names the field, and a line error its line. */
export function parseArrangementForm(form: ArrangementForm): { value: YearArrangement; errors: [] } | { value: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const year = /^\d{4}$/.test(form.year.trim()) ? Number(form.year.trim()) : NaN;
  if (!isYearInRange(year)) errors.push({ field: 'year', message: `年份：应为 ${QUERY_YEARS.first} 到 ${QUERY_YEARS.last} 之间的四位数` });
  const source = cleanSource(form.source);
  const sourceProblem = checkSource(source);
  if (sourceProblem) errors.push(sourceProblem);
  const parsed = Number.isNaN(year) || !isYearInRange(year) ? { days: [], errors: [] } : parseArrangementText(year, form.days);
  errors.push(...parsed.errors);
  if (errors.length > 0) return { value: null, errors };
  return { value: { year, source, days: parsed.days }, errors: [] };
}

/** The lines of one year: entries sorted by day, or errors `第 N 行：…` (all on the field `days`). */
export function parseArrangementText(year: number, text: string): { days: CalendarDayEntry[]; errors: FieldError[] } {
  const fail = (message: string): FieldError => ({ field: 'days', message: `节假日安排：${message}` });
  if (text.length > MAX_TEXT) return { days: [], errors: [fail(`内容过长（不超过 ${MAX_TEXT} 个字符）`)] };
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > MAX_LINES) return { days: [], errors: [fail(`最多 ${MAX_LINES} 行`)] };
  const errors: FieldError[] = [];
  const lineOf = new Map<string, number>();
  const days: CalendarDayEntry[] = [];
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/[\u3000\t]/g, ' ').trim();
    if (line === '' || line.startsWith('#')) continue;
    const no = i + 1;
    const parsed = parseLine(year, line);
    if ('problem' in parsed) {
      errors.push(fail(`第 ${no} 行：${parsed.problem}`));
      continue;
    }
    const seen = parsed.days.find((d) => lineOf.has(d.day));
    if (seen) {
      errors.push(fail(`第 ${no} 行：${seen.day} 已在第 ${lineOf.get(seen.day) ?? 0} 行填写过`));
      continue;
    }
    for (const d of parsed.days) lineOf.set(d.day, no);
    days.push(...parsed.days);
  }
  if (errors.length === 0 && !days.some((d) => !d.isWorkingDay)) errors.push(fail('请至少填写一个放假日，如“2027-01-01 元旦”'));
  return { days: errors.length > 0 ? [] : days.sort((a, b) => (a.day < b.day ? -1 : 1)), errors };
}

/**
 * The same rules over entries given directly (the operation's own check, whatever channel called it):
 * real dates inside the year, each once, names that say what they are, make-up days only on weekends.
 */
export function checkArrangement(a: YearArrangement): FieldError[] {
  const errors: FieldError[] = [];
  if (!isYearInRange(a.year)) errors.push({ field: 'year', message: `年份：应为 ${QUERY_YEARS.first} 到 ${QUERY_YEARS.last} 之间的四位数` });
  const sourceProblem = checkSource(a.source);
  if (sourceProblem) errors.push(sourceProblem);
  const seen = new Set<string>();
  for (const d of a.days) {
    const problem = !isIsoDate(d.day)
      ? `${d.day} 不是 YYYY-MM-DD 格式的存在的日期`
      : Number(d.day.slice(0, 4)) !== a.year
        ? `${d.day} 不在 ${a.year} 年内`
        : seen.has(d.day)
          ? `${d.day} 重复`
          : (nameProblem(d.name, d.isWorkingDay) ?? (d.isWorkingDay && !isWeekend(d.day) ? `${d.day} 是${weekdayName(d.day)}，调休上班日应为周六或周日` : null));
    if (problem) errors.push({ field: 'days', message: `节假日安排：${problem}` });
    seen.add(d.day);
  }
  if (!a.days.some((d) => !d.isWorkingDay)) errors.push({ field: 'days', message: '节假日安排：请至少填写一个放假日' });
  return errors;
}

/** Entries back as lines (consecutive days of one name become a range), to fill the form for an edit. */
export function formatArrangementText(days: readonly CalendarDayEntry[]): string {
  const sorted = [...days].sort((a, b) => (a.day < b.day ? -1 : 1));
  const out: { from: string; to: string; name: string; isWorkingDay: boolean }[] = [];
  for (const d of sorted) {
    const last = out[out.length - 1];
    if (last && last.name === d.name && last.isWorkingDay === d.isWorkingDay && shiftDay(last.to, 1) === d.day) last.to = d.day;
    else out.push({ from: d.day, to: d.day, name: d.name, isWorkingDay: d.isWorkingDay });
  }
  return out.map((r) => (r.from === r.to ? `${r.from} ${r.name}` : `${r.from} 至 ${r.to} ${r.name}`)).join('\n');
}

export type ArrangementDiff = { added: CalendarDayEntry[]; removed: CalendarDayEntry[]; changed: { before: CalendarDayEntry; after: CalendarDayEntry }[] };

/** What a change does to a year, day by day (shown in the preview and the history). */
export function diffArrangement(before: readonly CalendarDayEntry[], after: readonly CalendarDayEntry[]): ArrangementDiff {
  const old = new Map(before.map((d) => [d.day, d]));
  const diff: ArrangementDiff = { added: [], removed: [], changed: [] };
  for (const d of after) {
    const o = old.get(d.day);
    if (!o) diff.added.push(d);
    else if (o.name !== d.name || o.isWorkingDay !== d.isWorkingDay) diff.changed.push({ before: o, after: d });
    old.delete(d.day);
  }
  diff.removed = [...old.values()];
  return diff;
}

/** The source as stored: plain text on one line. */
export function cleanSource(raw: string): string {
  return cleanPlainText(raw);
}

function parseLine(year: number, line: string): { days: CalendarDayEntry[] } | { problem: string } {
  const m = /^(\d{4}-\d{2}-\d{2})(?:\s*至\s*(\d{4}-\d{2}-\d{2}))?\s*(.*)$/.exec(line);
  if (!m?.[1]) {
    return { problem: /^\d{4}\D\d{1,2}\D\d{1,2}/.test(line) ? '日期应写成 YYYY-MM-DD，如 2027-02-06' : '每行以日期开头，如“2027-02-06 至 2027-02-13 春节”或“2027-02-14 春节调休上班”' };
  }
  const [from, to = from, name = ''] = [m[1], m[2], (m[3] ?? '').trim()];
  if (/^[至~～\-—–到]/.test(name)) return { problem: '时间段写成“开始日期 至 结束日期 名称”，日期为 YYYY-MM-DD，如“2027-02-06 至 2027-02-13 春节”' };
  if (/^\d/.test(name)) return { problem: '两个日期之间请用“至”连接，如“2027-02-06 至 2027-02-13 春节”' };
  for (const d of [from, to]) {
    if (!isIsoDate(d)) return { problem: `${d} 不是存在的日期` };
    if (Number(d.slice(0, 4)) !== year) return { problem: `${d} 不在 ${year} 年内（跨年的日子请填在该日所在年份的安排中）` };
  }
  if (to < from) return { problem: `结束日期 ${to} 早于开始日期 ${from}` };
  const isWorkingDay = name.endsWith(MAKE_UP_MARK);
  const problem = nameProblem(name, isWorkingDay);
  if (problem) return { problem };
  const days: CalendarDayEntry[] = [];
  for (let d = from; d <= to; d = shiftDay(d, 1)) {
    if (days.length >= MAX_RANGE_DAYS) return { problem: `一段假期不应超过 ${MAX_RANGE_DAYS} 天，请检查日期` };
    if (isWorkingDay && !isWeekend(d)) return { problem: `${d} 是${weekdayName(d)}，调休上班日应为周六或周日（周一至周五本来就上班）` };
    days.push({ day: d, isWorkingDay, name });
  }
  return { days };
}

function nameProblem(name: string, isWorkingDay: boolean): string | null {
  if (name === '') return '缺少名称，如“春节”（放假）或“春节调休上班”（调休上班）';
  if (name.length > MAX_NAME_LENGTH) return `名称不能超过 ${MAX_NAME_LENGTH} 个字`;
  if (!/^[\p{Script=Han}A-Za-z0-9、（）()·]+$/u.test(name)) return `名称“${name.slice(0, MAX_NAME_LENGTH)}”只能包含汉字、字母、数字和“、（）·”，名称前后用空格与日期分开`;
  if (isWorkingDay && name === MAKE_UP_MARK) return '请写明为哪个节日调休，如“春节调休上班”';
  if (isWorkingDay && !name.endsWith(MAKE_UP_MARK)) return `调休上班日的名称应以“${MAKE_UP_MARK}”结尾，如“春节调休上班”`;
  if (!isWorkingDay && /调休|上班/.test(name)) return `名称“${name}”含“调休”或“上班”：调休上班日请以“${MAKE_UP_MARK}”结尾（如“春节调休上班”），放假日只写节日名称（如“春节”）`;
  return null;
}

function checkSource(source: string): FieldError | null {
  if (source === '') return { field: 'source', message: '依据：请填写国务院办公厅通知的名称或文号，如 国办发明电〔2026〕X号' };
  if (source.length > MAX_SOURCE) return { field: 'source', message: `依据：不能超过 ${MAX_SOURCE} 个字` };
  return null;
}

function isYearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= QUERY_YEARS.first && year <= QUERY_YEARS.last;
}
