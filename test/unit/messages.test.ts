import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarOf, seedCalendar, seedEntries } from '../../src/calendar/calendar-seed.ts';
import { dueDateOf, replyOutcomeOf, standingLabel, standingOf } from '../../src/interaction/message-clock.ts';
import { formatAccessCode, hashAccessCode, matchesAccessCode, newAccessCode } from '../../src/interaction/message-codes.ts';
import { findDuplicate } from '../../src/interaction/message-duplicates.ts';
import { personalDataIn } from '../../src/interaction/message-privacy.ts';
import { DEFAULT_POLICIES } from '../../src/interaction/messages.model.ts';
import { hasMarkup, parseMessageInput, senderKeyOf } from '../../src/interaction/messages.schema.ts';
import { tallySurvey } from '../../src/interaction/survey-results.ts';
import { parseSurveyAnswers, parseSurveyForm } from '../../src/interaction/surveys.schema.ts';

const cal = seedCalendar();

describe('the reply clock of a message', () => {
  it('gives a 质疑 received the day before 国庆 7 working days that skip the holiday and count the make-up Saturday', () => {
    expect(DEFAULT_POLICIES.query).toMatchObject({ days: 7, isWorkingDays: true });
    // 2026-10-01…07 off, 10-10 (Sat) worked: 10-08, 09, 10, 12, 13, 14, 15.
    expect(dueDateOf(cal, '2026-09-30', DEFAULT_POLICIES.query)).toEqual({ dueOn: '2026-10-15', isProvisional: false });
    // Monday–Friday alone would have said 10-09.
    expect(dueDateOf(calendarOf([], [2026]), '2026-09-30', DEFAULT_POLICIES.query).dueOn).toBe('2026-10-09');
  });

  it('starts counting the day after receipt, also for a message sent on a weekend', () => {
    expect(dueDateOf(cal, '2026-12-04', { days: 5, isWorkingDays: true }).dueOn).toBe('2026-12-11');
    expect(dueDateOf(cal, '2026-12-05', { days: 1, isWorkingDays: true }).dueOn).toBe('2026-12-07');
  });

  it('moves a calendar-day period ending on a holiday to the next working day', () => {
    // 2026-09-24 + 7 days = 10-01 (国庆) → 10-08.
    expect(dueDateOf(cal, '2026-09-24', { days: 7, isWorkingDays: false }).dueOn).toBe('2026-10-08');
    expect(dueDateOf(cal, '2026-12-01', { days: 7, isWorkingDays: false }).dueOn).toBe('2026-12-08');
  });

  it('marks a due date provisional when it reaches a year the calendar does not hold yet', () => {
    expect(dueDateOf(cal, '2026-12-28', DEFAULT_POLICIES.query)).toEqual({ dueOn: '2027-01-06', isProvisional: true });
  });

  it('counts working days taken and on-time against the calendar', () => {
    expect(replyOutcomeOf(cal, { receivedOn: '2026-09-30', dueOn: '2026-10-15', repliedOn: '2026-10-15' })).toEqual({ workingDaysTaken: 7, isOnTime: true });
    expect(replyOutcomeOf(cal, { receivedOn: '2026-09-30', dueOn: '2026-10-15', repliedOn: '2026-10-16' })).toEqual({ workingDaysTaken: 8, isOnTime: false });
    expect(replyOutcomeOf(cal, { receivedOn: '2026-09-30', dueOn: '2026-10-15', repliedOn: '2026-09-30' })).toEqual({ workingDaysTaken: 0, isOnTime: true });
  });

  it('says how many working days are left, or how far overdue', () => {
    expect(standingLabel(standingOf(cal, '2026-12-07', '2026-12-11'))).toBe('剩余 4 个工作日');
    expect(standingLabel(standingOf(cal, '2026-12-11', '2026-12-11'))).toBe('今日到期');
    expect(standingLabel(standingOf(cal, '2026-12-15', '2026-12-11'))).toBe('已超期 2 个工作日');
    expect(standingLabel(standingOf(cal, '2026-12-12', '2026-12-11'))).toBe('已超期');
  });

  it('never gives a due date before the day of receipt (property)', () => {
    const full = calendarOf(seedEntries(), [2024, 2025, 2026]);
    fc.assert(
      fc.property(fc.date({ min: new Date('2024-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }), fc.integer({ min: 1, max: 90 }), fc.boolean(), (d, days, isWorkingDays) => {
        const day = d.toISOString().slice(0, 10);
        const due = dueDateOf(full, day, { days, isWorkingDays });
        expect(due.dueOn > day).toBe(true);
        expect(replyOutcomeOf(full, { receivedOn: day, dueOn: due.dueOn, repliedOn: due.dueOn }).isOnTime).toBe(true);
      }),
    );
  });
});

describe('the message form parser', () => {
  const ok = { kind: 'consultation', subject: 'CA 锁续期', body: '请问 CA 锁如何续期？', phone: '0731-88000101' };

  it('names every missing or bad field in Chinese, all at once', () => {
    const r = parseMessageInput({ kind: 'query', subject: '', body: '短', phone: 'abc', email: 'x@' });
    const byField = Object.fromEntries(r.errors.map((e) => [e.field, e.message]));
    expect(r.input).toBeNull();
    expect(byField.subject).toBe('标题：不能为空');
    expect(byField.body).toBe('内容：请至少写 5 个字');
    expect(byField.reference).toBe('质疑的项目编号或公告名称：不能为空');
    expect(byField.name).toBe('姓名或单位名称：不能为空');
    expect(byField.phone).toMatch(/^联系电话：格式不正确/);
    expect(byField.email).toMatch(/^电子邮箱：格式不正确/);
  });

  it('refuses markup and oversized fields with a message naming the field', () => {
    const r = parseMessageInput({ ...ok, subject: '<script>alert(1)</script>', body: '字'.repeat(5001) });
    expect(r.errors.map((e) => e.message)).toEqual(['标题：请不要输入网页标记（HTML 代码），请使用纯文字', '内容：不能超过 5000 字（现有 5001 字）']);
    expect(r.values.subject).toBe('<script>alert(1)</script>');
  });

  it('keeps lawful text with angle brackets and line breaks', () => {
    const r = parseMessageInput({ ...ok, body: '报价 < 100 万元 且工期>30天的项目\r\n是否适用简易程序？' });
    expect(r.errors).toEqual([]);
    expect(r.input?.body).toBe('报价 < 100 万元 且工期>30天的项目\n是否适用简易程序？');
    expect(hasMarkup('a<b>c')).toBe(true);
    expect(hasMarkup('报价<100万')).toBe(false);
  });

  it('lets a 举报 stay anonymous but asks the other kinds for a phone or an e-mail', () => {
    expect(parseMessageInput({ kind: 'report', subject: '举报', body: '有人串通投标，请核查。' }).errors).toEqual([]);
    expect(parseMessageInput({ kind: 'consultation', subject: '咨询', body: '保证金何时退还？' }).errors).toEqual([{ field: 'phone', message: '联系电话：联系电话和电子邮箱请至少填写一项' }]);
  });

  it('normalises the sender key from the phone digits, else the e-mail', () => {
    expect(senderKeyOf({ phone: '+86 138-0000-1234', email: 'A@B.cn' })).toBe('p:13800001234');
    expect(senderKeyOf({ phone: '', email: ' A@B.cn ' })).toBe('e:a@b.cn');
    expect(senderKeyOf({ phone: '', email: '' })).toBe('');
  });
});

describe('duplicates, privacy and codes', () => {
  it('flags the same subject or a mostly equal text, not an unrelated one', () => {
    const earlier = [{ id: 1, subject: '保证金退还时间', body: '项目开标已经两周，我们未中标，保证金什么时候退？' }];
    expect(findDuplicate({ subject: '保证金退还时间！', body: '别的内容' }, earlier)?.id).toBe(1);
    expect(findDuplicate({ subject: '再次询问', body: '项目开标已经两周了，我们未中标，请问保证金什么时候退？' }, earlier)?.id).toBe(1);
    expect(findDuplicate({ subject: 'CA 锁续期', body: 'CA 锁下个月到期，如何续期？' }, earlier)).toBeNull();
  });

  it("finds the sender's name, phone and e-mail, a mobile number and an ID number in a public text", () => {
    const sender = { name: '欧阳测试', phone: '0731-8800 0101', email: 'who@example.com' };
    expect(personalDataIn('欧阳测试您好，请致电 0731-88000101 或 WHO@example.com', sender).map((f) => f.what)).toEqual(['留言人姓名或单位名称', '留言人联系电话', '留言人电子邮箱']);
    expect(personalDataIn('请联系 139 0000 1111，身份证 43010219900101123X', { name: '', phone: '', email: '' }).map((f) => f.what)).toEqual(['手机号码', '身份证号码']);
    expect(personalDataIn('您好！请拨打本中心电话 0731-88000000，或发邮件至 ggzy@example.com。', sender)).toEqual([]);
  });

  it('makes access codes of 10 unambiguous characters, stored and compared only as hashes', () => {
    const code = newAccessCode();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    const hash = hashAccessCode(code);
    expect(hash).not.toContain(code);
    expect(matchesAccessCode(hash, formatAccessCode(code).toLowerCase())).toBe(true);
    expect(matchesAccessCode(hash, `${code.slice(0, 9)}X`)).toBe(code.endsWith('X'));
  });
});

describe('surveys', () => {
  const form = { title: '满意度调查', opensOn: '2026-12-01', closesOn: '2026-12-31', 'q1.text': '总体评价', 'q1.kind': 'single', 'q1.options': '满意\n一般\n不满意', 'q1.required': 'on', 'q2.text': '用过的服务', 'q2.kind': 'multiple', 'q2.options': 'CA\n保证金', 'q3.text': '建议', 'q3.kind': 'text' };

  it('reads the question slots and refuses a choice question without two options', () => {
    const { draft } = parseSurveyForm(form);
    expect(draft?.questions.map((q) => [q.id, q.kind, q.options.length, q.isRequired])).toEqual([['q1', 'single', 3, true], ['q2', 'multiple', 2, false], ['q3', 'text', 0, false]]);
    const bad = parseSurveyForm({ ...form, 'q2.options': '只有一个', closesOn: '2026-11-30' });
    expect(bad.errors.map((e) => e.message)).toEqual(['截止日期：不能早于开始日期', '第 2 题选项：选择题至少需要 2 个选项，每行一个']);
  });

  it('stores chosen options by text, requires required questions, and counts per option', () => {
    const questions = parseSurveyForm(form).draft?.questions ?? [];
    expect(parseSurveyAnswers(questions, {}).errors).toEqual([{ field: 'a.q1', message: '第 1 题：请选择' }]);
    expect(parseSurveyAnswers(questions, { 'a.q1': '7' }).errors[0]?.message).toBe('第 1 题：选项无效');
    const a = parseSurveyAnswers(questions, { 'a.q1': '0', 'a.q2': ['0', '1'], 'a.q3': '很好' }).answers;
    expect(a).toEqual({ q1: '满意', q2: ['CA', '保证金'], q3: '很好' });
    const t = tallySurvey(questions, [a ?? {}, { q1: '一般', q2: ['CA'] }]);
    expect(t.questions[0]?.options).toEqual([{ label: '满意', count: 1, percent: 50 }, { label: '一般', count: 1, percent: 50 }, { label: '不满意', count: 0, percent: 0 }]);
    expect(t.questions[1]?.options.map((o) => o.percent)).toEqual([100, 50]);
    expect(t.questions[2]).toMatchObject({ answered: 1, texts: ['很好'] });
  });
});
