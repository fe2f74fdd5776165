import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/audit/audit.tables.ts';
import { SYSTEM_ACTOR } from '../../src/audit/audit.service.ts';
import { calendarOf, seedEntries, SEED_YEARS } from '../../src/calendar/calendar-seed.ts';
import { messages } from '../../src/interaction/interaction.tables.ts';
import { messageStats } from '../../src/interaction/message-stats.ts';
import { findMessageById, findMessageByTrackingNo, listMessageEvents } from '../../src/interaction/messages.repo.ts';
import type { MessageInput } from '../../src/interaction/messages.schema.ts';
import { recomputeOpenMessages } from '../../src/interaction/operations/recompute-message-due.ts';
import { replyMessage } from '../../src/interaction/operations/reply-message.ts';
import { submitMessage } from '../../src/interaction/operations/submit-message.ts';
import { Agent, loginAs } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';

let sys: TestSystem;
let hn: CenterFixture;
let cs: CenterFixture;
let officer: Agent;
let caller = 0;

beforeAll(async () => {
  sys = await startTestSystem();
  hn = await makeCenter(sys.ctx, { code: 'hn' });
  cs = await makeCenter(sys.ctx, { code: 'cs', parentId: hn.center.id });
  officer = await loginAs(sys.app.app, hn.users.officer, sys.clock);
});
afterAll(async () => sys?.close());

/** A visitor's form post from its own address (the forms are rate-limited per address). */
async function portalPost(visitor: Agent, url: string, form: Record<string, string>, ip = `10.9.${Math.floor(++caller / 250)}.${caller % 250}`): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams({ ...form, _csrf: await visitor.token() });
  const cookie = Array.from(visitor.cookies, ([k, v]) => `${k}=${v}`).join('; ');
  return sys.app.app.inject({ method: 'POST', url, payload: body.toString(), remoteAddress: ip, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });
}

function receiptOf(html: string): { trackingNo: string; accessCode: string } {
  const trackingNo = /<dt>留言编号<\/dt><dd><strong>(HD-[\dE-]+)<\/strong>/.exec(html)?.[1];
  const accessCode = /<dt>查询码<\/dt><dd><strong>([A-Z0-9]+)<\/strong>/.exec(html)?.[1];
  if (!trackingNo || !accessCode) throw new Error(`no receipt in ${html.slice(0, 300)}`);
  return { trackingNo, accessCode };
}

const consult = (over: Partial<MessageInput> = {}): MessageInput => ({ kind: 'consultation', subject: 'CA 锁续期', body: '请问 CA 锁如何网上续期？', reference: '', name: '', phone: '0731-88001234', email: '', ...over });
const beijing = (day: string, hour = 10) => new Date(`${day}T${String(hour - 8).padStart(2, '0')}:00:00Z`);

describe('intake', () => {
  it('takes a 质疑 through the portal form, promises 7 working days, and answers with a tracking number and an access code', async () => {
    const visitor = new Agent(sys.app.app);
    const form = await visitor.get('/interaction/new?kind=query');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('7 个工作日');
    expect(form.body).toContain('质疑的项目编号或公告名称');
    const res = await portalPost(visitor, '/interaction/new', { kind: 'query', subject: '对中标结果的质疑', body: '中标人业绩材料与公示不符，请复核。', reference: 'HNZC2026-0101 教学设备采购项目', name: '甲成科技有限公司', phone: '0731-88002222' });
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    const { trackingNo, accessCode } = receiptOf(res.body);
    expect(trackingNo).toMatch(/^HD-\d{8}-\d{4}$/);
    const m = await findMessageByTrackingNo(sys.ctx.db, trackingNo);
    expect(m).toMatchObject({ centerId: hn.center.id, kind: 'query', status: 'open', clockDays: 7, isClockWorkingDays: true, reference: 'HNZC2026-0101 教学设备采购项目', name: '甲成科技有限公司' });
    expect(m?.accessCodeHash).not.toContain(accessCode);
    expect(res.body).toContain(`最迟于 ${m?.dueOn}`);
  });

  it('takes a message through the JSON API for a named center and tracks it by number and code only', async () => {
    const res = await sys.app.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { center: 'cs', kind: 'consultation', subject: '保证金退还', body: '未中标的保证金何时退还？', email: 'api.sender@example.org' }, remoteAddress: '10.8.0.1' });
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json() as { trackingNo: string; accessCode: string; center: string; dueOn: string; clock: string };
    expect(made).toMatchObject({ center: 'cs', clock: '5 个工作日' });
    const m = await findMessageByTrackingNo(sys.ctx.db, made.trackingNo);
    expect(m?.centerId).toBe(cs.center.id);
    const track = await sys.app.app.inject({ method: 'GET', url: `/api/v1/messages/${made.trackingNo}?accessCode=${made.accessCode.toLowerCase()}` });
    expect(track.statusCode).toBe(200);
    expect(track.json()).toMatchObject({ trackingNo: made.trackingNo, status: 'open', reply: null, dueOn: made.dueOn });
    const wrong = await sys.app.app.inject({ method: 'GET', url: `/api/v1/messages/${made.trackingNo}?accessCode=AAAAAAAAAA` });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('NOT_FOUND');
    const unknown = await sys.app.app.inject({ method: 'GET', url: `/api/v1/messages/HD-20000101-0001?accessCode=${made.accessCode}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).not.toContain(made.accessCode);
  });

  it('takes a 网站找错 report from the footer form as a message of kind error_report with the page', async () => {
    const visitor = new Agent(sys.app.app);
    await visitor.get('/c/cs/report-error?url=%2Fc%2Fcs%2Fcol%2Fnews');
    const res = await portalPost(visitor, '/c/cs/report-error', { pageUrl: '/c/cs/col/news', description: '第三条新闻的日期写成了 2062 年', contact: 'finder@example.org' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('感谢您的反馈');
    const { trackingNo } = receiptOf(res.body);
    const m = await findMessageByTrackingNo(sys.ctx.db, trackingNo);
    expect(m).toMatchObject({ kind: 'error_report', centerId: cs.center.id, reference: '/c/cs/col/news', email: 'finder@example.org', clockDays: 3 });
    const admin = await loginAs(sys.app.app, cs.users.admin, sys.clock);
    const list = await admin.get(`/admin/c/${cs.center.id}/error-reports`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('2062 年');
    expect(list.body).not.toContain('finder@example.org');
  });

  it('limits the form per address generously: a 31st message in ten minutes waits, another address does not', async () => {
    const visitor = new Agent(sys.app.app);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await portalPost(visitor, '/interaction/new', { kind: 'report', subject: `限流测试 ${i}`, body: '这是一条用于测试限流的举报。' }, '10.7.7.7')).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    const other = await portalPost(visitor, '/interaction/new', { kind: 'report', subject: '另一地址', body: '另一个地址的举报不受影响。' }, '10.7.7.8');
    expect(other.statusCode).toBe(200);
  });
});

describe('clocks per kind and center', () => {
  it('gives a 质疑 received before 国庆 a due date 7 working days later, across the holiday, and judges the reply against it', async () => {
    const done = await submitMessage(sys.ctx, { centerId: hn.center.id, input: consult({ kind: 'query', reference: 'HNZC2026-0930', name: '乙和公司', subject: '国庆前的质疑' }), now: beijing('2026-09-30') });
    expect(done.message).toMatchObject({ receivedOn: '2026-09-30', dueOn: '2026-10-15', isDueProvisional: false });
    const replied = await replyMessage(sys.ctx, { centerId: hn.center.id, messageId: done.message.id, reply: '经复核，质疑事项不成立。', actor: { ...SYSTEM_ACTOR, name: '测试' }, now: beijing('2026-10-16') });
    expect(replied).toMatchObject({ repliedOn: '2026-10-16', workingDaysTaken: 8, isOnTime: false, status: 'replied' });
  });

  it("applies the center's own clock to new messages, keeps the promised one on earlier messages, and refuses a closed kind with a clear message", async () => {
    const earlier = await submitMessage(sys.ctx, { centerId: cs.center.id, input: consult(), now: beijing('2026-12-01') });
    expect(earlier.message.dueOn).toBe('2026-12-08');
    const admin = await loginAs(sys.app.app, cs.users.admin, sys.clock);
    const page = await admin.get(`/admin/c/${cs.center.id}/message-policy`);
    expect(page.statusCode).toBe(200);
    const form: Record<string, string> = {};
    for (const k of ['consultation', 'query', 'complaint', 'report', 'mailbox', 'suggestion', 'error_report']) Object.assign(form, { [`days.${k}`]: '10', [`unit.${k}`]: 'working', [`open.${k}`]: 'on' });
    const bad = await admin.post(`/admin/c/${cs.center.id}/message-policy`, { ...form, 'days.consultation': '0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('咨询答复期限：应为 1 到 90 之间的整数');
    const saved = await admin.post(`/admin/c/${cs.center.id}/message-policy`, { ...form, 'days.consultation': '3', 'unit.consultation': 'calendar', 'open.complaint': '' });
    expect(saved.statusCode).toBe(303);
    // 2026-12-04 (Fri) + 3 days = Monday 12-07.
    const later = await submitMessage(sys.ctx, { centerId: cs.center.id, input: consult(), now: beijing('2026-12-04') });
    expect(later.message).toMatchObject({ dueOn: '2026-12-07', clockDays: 3, isClockWorkingDays: false });
    expect((await findMessageById(sys.ctx.db, earlier.message.id))?.dueOn).toBe('2026-12-08');
    const hub = await new Agent(sys.app.app).get('/c/cs/interaction');
    expect(hub.body).toContain('3 日');
    const closed = await sys.app.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { center: 'cs', kind: 'complaint', subject: '投诉', body: '对开标服务的投诉。', name: '某公司', phone: '0731-88003333' }, remoteAddress: '10.8.0.2' });
    expect(closed.statusCode).toBe(403);
    expect(closed.json().error).toMatchObject({ code: 'MESSAGE_KIND_CLOSED' });
    expect(closed.json().error.message).toContain('投诉');
    const audit = await sys.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'message.policy.save'), eq(auditEvents.centerId, cs.center.id)));
    expect(audit).toHaveLength(1);
  });

  it('recomputes open due dates after a calendar change, says why in the history, and leaves replied messages alone', async () => {
    const open = await submitMessage(sys.ctx, { centerId: hn.center.id, input: consult({ kind: 'query', reference: 'X', name: '丙泰公司', subject: '年底的质疑' }), now: beijing('2026-12-28') });
    expect(open.message).toMatchObject({ dueOn: '2027-01-06', isDueProvisional: true });
    const years = Array.from({ length: SEED_YEARS.last - SEED_YEARS.first + 2 }, (_, i) => SEED_YEARS.first + i);
    const with2027 = calendarOf([...seedEntries(), { day: '2027-01-01', isWorkingDay: false, name: '元旦' }], years);
    const moved = await recomputeOpenMessages(sys.ctx.db, with2027, '录入 2027 年节假日安排', '2026-12-29');
    expect(moved).toBeGreaterThanOrEqual(1);
    const after = await findMessageById(sys.ctx.db, open.message.id);
    expect(after).toMatchObject({ dueOn: '2027-01-07', isDueProvisional: false });
    const events = await listMessageEvents(sys.ctx.db, open.message.id);
    expect(events.at(-1)).toMatchObject({ action: 'due_moved', note: '2026-12-29：答复期限由 2027-01-06 调整为 2027-01-07（录入 2027 年节假日安排）' });
    const page = await officer.get(`/admin/c/${hn.center.id}/messages/${open.message.id}`);
    expect(page.body).toContain('录入 2027 年节假日安排');
    // Nothing left to move: a second run moves nothing.
    expect(await recomputeOpenMessages(sys.ctx.db, with2027, '再次', '2026-12-29')).toBe(0);
  });
});

describe('handling by staff', () => {
  it('lists open messages by due date, assigns, replies with the working days taken, notes, closes — each audited', async () => {
    const a = await submitMessage(sys.ctx, { centerId: hn.center.id, input: consult({ subject: '排序测试：后到期' }), now: beijing('2026-11-20') });
    const b = await submitMessage(sys.ctx, { centerId: hn.center.id, input: consult({ kind: 'query', reference: 'HNZC-1', name: '丁远公司', subject: '排序测试：先到期' }), now: beijing('2026-11-02') });
    const list = await officer.get(`/admin/c/${hn.center.id}/messages`);
    expect(list.statusCode).toBe(200);
    expect(list.body.indexOf('排序测试：先到期')).toBeLessThan(list.body.indexOf('排序测试：后到期'));
    expect(list.body).toMatch(/已超期 \d+ 个工作日/);
    const queriesOnly = await officer.get(`/admin/c/${hn.center.id}/messages?kind=query&status=open`);
    expect(queriesOnly.body).toContain('排序测试：先到期');
    expect(queriesOnly.body).not.toContain('排序测试：后到期');

    const base = `/admin/c/${hn.center.id}/messages/${a.message.id}`;
    expect((await officer.post(`${base}/assign`, { assigneeId: String(hn.users.foiHead.id) })).statusCode).toBe(303);
    const notHandler = await officer.post(`${base}/assign`, { assigneeId: String(hn.users.editor.id) });
    expect(notHandler.statusCode).toBe(400);
    expect(notHandler.body).toContain('承办人：应为本中心负责互动交流的工作人员');
    const empty = await officer.post(`${base}/reply`, { reply: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('答复内容：不能为空');
    const markup = await officer.post(`${base}/reply`, { reply: '您好<script>alert(1)</script>' });
    expect(markup.statusCode).toBe(400);
    expect(markup.body).toContain('您好&lt;script>alert(1)&lt;/script>');
    expect(markup.body).not.toContain('<script>alert(1)</script>');
    expect((await officer.post(`${base}/reply`, { reply: '您好！可在 CA 服务机构网上大厅续期。' })).statusCode).toBe(303);
    const twice = await officer.post(`${base}/reply`, { reply: '再答一次' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('该留言已经答复过了');
    expect((await officer.post(`${base}/note`, { note: '已电话回访，留言人满意。' })).statusCode).toBe(303);
    expect((await officer.post(`${base}/close`, { reason: '' })).statusCode).toBe(303);
    const m = await findMessageById(sys.ctx.db, a.message.id);
    expect(m).toMatchObject({ status: 'closed', assigneeId: hn.users.foiHead.id, repliedBy: hn.users.officer.id, isOnTime: false });
    expect(m?.workingDaysTaken).toBeGreaterThan(5);
    expect(m?.internalNote).toContain('已电话回访');
    const actions = (await sys.ctx.db.select().from(auditEvents).where(eq(auditEvents.targetId, String(a.message.id)))).map((e) => e.action).sort();
    expect(actions).toEqual(['message.assign', 'message.close', 'message.note', 'message.reply']);

    const unanswered = await officer.post(`/admin/c/${hn.center.id}/messages/${b.message.id}/close`, { reason: '' });
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.body).toContain('办结说明：未答复的留言办结时须写明理由');
  });

  it('flags a similar message of the same sender within 30 days for the staff, and accepts it', async () => {
    const first = await submitMessage(sys.ctx, { centerId: hn.center.id, input: consult({ phone: '139-0000-5555', subject: '保证金退还进度', body: '我们未中标，保证金什么时候退还？项目已开标两周。' }), now: beijing('2026-11-25') });
    const again = await submitMessage(sys.ctx, { centerId: hn.center.id, input: consult({ phone: '+86 13900005555', subject: '再问保证金', body: '我们未中标，保证金什么时候退还？项目已开标三周了。' }), now: beijing('2026-12-03') });
    expect(again.message.possibleDuplicateOf).toBe(first.message.id);
    const otherSender = await submitMessage(sys.ctx, { centerId: hn.center.id, input: consult({ phone: '13900006666', subject: '再问保证金', body: '我们未中标，保证金什么时候退还？项目已开标三周了。' }), now: beijing('2026-12-03') });
    expect(otherSender.message.possibleDuplicateOf).toBeNull();
    const monthsLater = await submitMessage(sys.ctx, { centerId: hn.center.id, input: consult({ phone: '13900005555', subject: '保证金退还进度', body: '我们未中标，保证金什么时候退还？项目已开标两周。' }), now: beijing('2027-01-10') });
    expect(monthsLater.message.possibleDuplicateOf).toBeNull();
    const page = await officer.get(`/admin/c/${hn.center.id}/messages/${again.message.id}`);
    expect(page.body).toContain('疑似重复');
    expect(page.body).toContain(first.message.trackingNo);
  });

  it('refuses staff without message.handle at the center, and hides another center’s messages', async () => {
    const url = `/admin/c/${hn.center.id}/messages`;
    expect((await new Agent(sys.app.app).get(url)).statusCode).toBe(303);
    for (const user of [hn.users.outsider, hn.users.editor, hn.users.admin, cs.users.officer]) {
      const agent = await loginAs(sys.app.app, user, sys.clock);
      expect((await agent.get(url)).statusCode, user.username).toBe(403);
    }
    const own = await submitMessage(sys.ctx, { centerId: hn.center.id, input: consult(), now: sys.clock.now() });
    const csOfficer = await loginAs(sys.app.app, cs.users.officer, sys.clock);
    expect((await csOfficer.get(`/admin/c/${cs.center.id}/messages/${own.message.id}`)).statusCode).toBe(404);
    expect((await csOfficer.post(`/admin/c/${cs.center.id}/messages/${own.message.id}/reply`, { reply: '越权答复' })).statusCode).toBe(404);
    expect((await findMessageById(sys.ctx.db, own.message.id))?.reply).toBe('');
    expect((await officer.get(`/admin/c/${hn.center.id}/message-policy`)).statusCode).toBe(403);
    expect((await officer.get(`/admin/c/${hn.center.id}/surveys`)).statusCode).toBe(403);
  });
});

describe('statistics', () => {
  it('counts received, replied, replied on time and the average working days per kind', async () => {
    const center = await makeCenter(sys.ctx, { code: 'tj', parentId: hn.center.id });
    const actor = { ...SYSTEM_ACTOR, name: '统计测试' };
    const s1 = await submitMessage(sys.ctx, { centerId: center.center.id, input: consult(), now: beijing('2026-03-02') });
    await replyMessage(sys.ctx, { centerId: center.center.id, messageId: s1.message.id, reply: '已答复', actor, now: beijing('2026-03-04') }); // 2 wd, on time
    const s2 = await submitMessage(sys.ctx, { centerId: center.center.id, input: consult({ subject: '另一个问题', body: '另一个问题的内容。' }), now: beijing('2026-03-02') });
    await replyMessage(sys.ctx, { centerId: center.center.id, messageId: s2.message.id, reply: '已答复', actor, now: beijing('2026-03-13') }); // 9 wd, late (due 03-09)
    await submitMessage(sys.ctx, { centerId: center.center.id, input: consult({ subject: '未答复', body: '一条还没有答复的咨询。' }), now: beijing('2026-03-03') });
    await submitMessage(sys.ctx, { centerId: center.center.id, input: consult({ kind: 'suggestion', subject: '建议', body: '建议增加附件预览功能。' }), now: beijing('2026-04-01') });
    await submitMessage(sys.ctx, { centerId: center.center.id, input: consult({ subject: '去年的', body: '去年收到的咨询不计入。' }), now: beijing('2025-12-31') });
    const stats = await messageStats(sys.ctx.db, [center.center.id], '2026-01-01', '2026-12-31');
    expect(stats.kinds.find((k) => k.kind === 'consultation')).toMatchObject({ received: 3, replied: 2, repliedOnTime: 1, averageWorkingDays: 5.5, open: 1 });
    expect(stats.kinds.find((k) => k.kind === 'suggestion')).toMatchObject({ received: 1, replied: 0, averageWorkingDays: null });
    expect(stats.kinds.find((k) => k.kind === 'query')).toMatchObject({ received: 0 });
    expect(stats.total).toMatchObject({ received: 4, replied: 2, repliedOnTime: 1, averageWorkingDays: 5.5, open: 2 });
    const pub = await new Agent(sys.app.app).get('/c/tj/interaction/stats?year=2026');
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toMatch(/<th scope="row">咨询<\/th><td>3<\/td><td>2<\/td><td>1<\/td><td>50%<\/td><td>5.5<\/td>/);
    const staff = await loginAs(sys.app.app, center.users.officer, sys.clock);
    const page = await staff.get(`/admin/c/${center.center.id}/messages/stats?from=2026-01-01&to=2026-12-31`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<th scope="row">合计<\/th><td>4<\/td><td>2<\/td><td>1<\/td>/);
  });
});

describe('publication without personal data', () => {
  const NAME = '欧阳隐私测试员';
  const PHONE = '13912345678';
  const EMAIL = 'privacy.probe.7731@example.org';
  const BODY_SECRET = '内部原文不公开字样';
  const NOTE = '内部备注不公开字样';

  it('never shows the sender’s name, phone, e-mail, original text or notes on any public page or API answer', async () => {
    const visitor = new Agent(sys.app.app);
    await visitor.get('/interaction/new?kind=complaint');
    const res = await portalPost(visitor, '/interaction/new', { kind: 'complaint', subject: '开标大厅卡顿', body: `开标时系统卡顿。${BODY_SECRET}`, name: NAME, phone: PHONE, email: EMAIL });
    expect(res.statusCode).toBe(200);
    const { trackingNo, accessCode } = receiptOf(res.body);
    const m = await findMessageByTrackingNo(sys.ctx.db, trackingNo);
    if (!m) throw new Error('message missing');
    const base = `/admin/c/${hn.center.id}/messages/${m.id}`;
    // The sender reads the reply with the code alone: it may not repeat their name or contact.
    const named = await officer.post(`${base}/reply`, { reply: `${NAME}您好！经核查，当日线路拥塞，已扩容。请致电 ${PHONE} 以外的本中心电话。` });
    expect(named.statusCode).toBe(422);
    expect(named.body).toContain('答复内容：含有留言人姓名或单位名称、留言人联系电话');
    expect((await officer.post(`${base}/reply`, { reply: '您好！经核查，当日线路拥塞，已扩容。' })).statusCode).toBe(303);
    expect((await officer.post(`${base}/note`, { note: NOTE })).statusCode).toBe(303);

    // The staff must confirm, and the check refuses the sender's data in any public text.
    const unconfirmed = await officer.post(`${base}/publish`, { publicSubject: '开标大厅卡顿', publicQuestion: '有企业反映开标时系统卡顿。', publicReply: '经核查，当日线路拥塞，已扩容。' });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('请确认公开内容已删除留言人的个人信息');
    const leaky = await officer.post(`${base}/publish`, { publicSubject: '开标大厅卡顿', publicQuestion: `有企业（电话 ${PHONE}）反映卡顿。`, publicReply: `${NAME}您好！经核查，当日线路拥塞，已扩容。`, isConfirmed: 'on' });
    expect(leaky.statusCode).toBe(422);
    expect(leaky.body).toContain('公开的问题：仍含有留言人联系电话');
    expect(leaky.body).toContain('公开的答复：仍含有留言人姓名或单位名称');
    expect(leaky.body).toContain('请删除后再公开');
    expect((await findMessageById(sys.ctx.db, m.id))?.isPublic).toBe(false);
    const ok = await officer.post(`${base}/publish`, { publicSubject: '开标大厅卡顿', publicQuestion: '有企业反映开标时不见面开标大厅卡顿。', publicReply: '您好！经核查，当日线路拥塞，已扩容。', isConfirmed: 'on' });
    expect(ok.statusCode).toBe(303);

    const citizen = new Agent(sys.app.app);
    const track = await portalPost(citizen, '/interaction/track', { trackingNo, accessCode });
    expect(track.statusCode).toBe(200);
    expect(track.body).toContain('经核查，当日线路拥塞');
    const pages: [string, LightMyRequestResponse][] = [['track', track]];
    for (const url of ['/interaction', '/interaction/qa', `/interaction/qa/${m.id}`, '/interaction/stats', '/interaction/track', `/interaction/new?kind=complaint`, '/api/v1/messages/public', `/api/v1/messages/${trackingNo}?accessCode=${accessCode}`, '/c/cs/interaction', '/']) {
      const r = await citizen.get(url);
      expect(r.statusCode, url).toBe(200);
      pages.push([url, r]);
    }
    expect(pages.find(([u]) => u === `/interaction/qa/${m.id}`)?.[1].body).toContain('有企业反映开标时不见面开标大厅卡顿');
    const personal: Record<string, string[]> = {
      name: [NAME, NAME.slice(0, 4)],
      phone: [PHONE, '139-1234-5678', '139 1234 5678', PHONE.slice(3)],
      email: [EMAIL, EMAIL.split('@')[0] ?? EMAIL],
      senderKey: [m.senderKey],
      accessCodeHash: [m.accessCodeHash],
      body: [BODY_SECRET],
      internalNote: [NOTE],
    };
    for (const [url, r] of pages) for (const [field, needles] of Object.entries(personal)) for (const needle of needles) expect(r.body.includes(needle), `${field} "${needle}" on ${url}`).toBe(false);
    const api = JSON.parse(pages.find(([u]) => u.startsWith('/api/v1/messages/HD'))?.[1].body ?? '{}') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['dueOn', 'isDueProvisional', 'kind', 'kindLabel', 'receivedOn', 'repliedOn', 'reply', 'status', 'statusLabel', 'subject', 'trackingNo']);
    const qa = JSON.parse(pages.find(([u]) => u === '/api/v1/messages/public')?.[1].body ?? '{}') as { items: Record<string, unknown>[] };
    expect(Object.keys(qa.items[0] ?? {}).sort()).toEqual(['answer', 'id', 'kind', 'kindLabel', 'publishedAt', 'question', 'receivedOn', 'repliedOn', 'title', 'url']);

    expect((await officer.post(`${base}/unpublish`, {})).statusCode).toBe(303);
    expect((await citizen.get(`/interaction/qa/${m.id}`)).statusCode).toBe(404);
    const stored = await sys.ctx.db.select({ isPublic: messages.isPublic }).from(messages).where(eq(messages.id, m.id));
    expect(stored[0]?.isPublic).toBe(false);
  });

  it('publishes only after a reply', async () => {
    const open = await submitMessage(sys.ctx, { centerId: hn.center.id, input: consult({ subject: '未答复不能公开' }), now: sys.clock.now() });
    const res = await officer.post(`/admin/c/${hn.center.id}/messages/${open.message.id}/publish`, { publicSubject: 'x', publicQuestion: 'y', publicReply: 'z', isConfirmed: 'on' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('留言答复后才能公开');
  });
});
