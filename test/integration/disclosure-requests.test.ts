import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, loginAs } from '../helpers/agent.ts';
import { personApplication, setClock } from '../helpers/disclosure.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';
import { findRequestByTrackingNo } from '../../src/disclosure/disclosure.repo.ts';

let sys: TestSystem;
let hn: CenterFixture;

beforeAll(async () => {
  sys = await startTestSystem();
  hn = await makeCenter(sys.ctx, { code: 'hn' });
  setClock(sys, '2026-09-25T02:00:00Z'); // Friday 10:00 in Beijing, before the 国庆 holiday
});
afterAll(async () => sys?.close());

async function file(body: Record<string, unknown>) {
  return sys.app.app.inject({ method: 'POST', url: '/api/v1/disclosure-requests', payload: body });
}

describe('applications for disclosure: intake and the public status', () => {
  it('files online and answers 201 with a tracking number, an access code and the 20th working day across 国庆', async () => {
    const res = await file(personApplication());
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.trackingNo).toMatch(/^YSQ2026HN\d{5}$/);
    expect(body.accessCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(body.receivedOn).toBe('2026-09-25');
    // Counted by hand: 9-28..9-30 (3), 10-1..10-7 holiday, 10-8, 10-9, 10-10 (make-up Saturday) … 10-29 is the 20th.
    expect(body.dueOn).toBe('2026-10-29');
    const status = await sys.app.app.inject({ method: 'GET', url: `/api/v1/disclosure-requests/${body.trackingNo}?accessCode=${body.accessCode}` });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ trackingNo: body.trackingNo, status: 'in_progress', dueOn: '2026-10-29', history: [{ kind: 'received', date: '2026-09-25' }] });
  });

  it('refuses a wrong access code and an unknown number alike, with 404 and a stable code', async () => {
    const filed = (await file(personApplication({ description: '请提供本中心 2026 年度部门预算公开文本。' }))).json();
    const wrong = await sys.app.app.inject({ method: 'GET', url: `/api/v1/disclosure-requests/${filed.trackingNo}?accessCode=AAAAAAAAAA` });
    const unknown = await sys.app.app.inject({ method: 'GET', url: `/api/v1/disclosure-requests/YSQ2026HN99999?accessCode=${filed.accessCode}` });
    for (const r of [wrong, unknown]) {
      expect(r.statusCode).toBe(404);
      expect(r.json().error.code).toBe('DISCLOSURE_ACCESS_DENIED');
    }
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('names the field in Chinese for a bad resident ID, a missing or bad credit code, and no contact', async () => {
    const badId = await file(personApplication({ idNumber: '110105194912310021' }));
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(badId.json().error.fields).toContainEqual({ field: 'idNumber', message: expect.stringContaining('身份证号码') });
    const org = await file(personApplication({ applicantType: 'commercial_enterprise', name: '湖南某建设有限公司', idNumber: undefined }));
    expect(org.json().error.fields).toContainEqual({ field: 'creditCode', message: expect.stringContaining('统一社会信用代码') });
    const badCode = await file(personApplication({ applicantType: 'commercial_enterprise', creditCode: '91430100MA4L16JQ8X' }));
    expect(badCode.json().error.fields.map((f: { field: string }) => f.field)).toContain('creditCode');
    const noContact = await file(personApplication({ contact: {} }));
    expect(noContact.json().error.fields.map((f: { field: string }) => f.field)).toContain('phone');
    // The API does not echo the personal data back in the error.
    expect(badId.body).not.toContain('龚晓岚');
  });

  it('keeps what was typed when the portal form fails, and answers the receipt page when it succeeds', async () => {
    const visitor = new Agent(sys.app.app);
    const page = await visitor.get('/disclosure/apply');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const post = (form: Record<string, string>) => sys.app.app.inject({ method: 'POST', url: '/disclosure/apply', payload: new URLSearchParams({ ...form, _csrf: token }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: Array.from(visitor.cookies, ([k, v]) => `${k}=${v}`).join('; ') } });
    const bad = await post({ applicantType: 'natural_person', name: '龚晓岚', idNumber: '123', phone: '13975310864', description: '<script>alert(1)</script>请提供评标专家库管理办法', deliveryForm: 'electronic' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('身份证号码：格式或校验位不正确');
    expect(bad.body).toContain('请提供评标专家库管理办法');
    expect(bad.body).not.toContain('<script>alert(1)</script>');
    const ok = await post({ applicantType: 'natural_person', name: '龚晓岚', idNumber: '11010519491231002X', phone: '13975310864', description: '请提供评标专家库管理办法', deliveryForm: 'electronic' });
    expect(ok.statusCode).toBe(201);
    expect(ok.body).toMatch(/YSQ2026HN\d{5}/);
  });
});

describe('a case through clarification, extension and a reviewed reply', () => {
  it('restarts the clock on the correction, extends with the head’s consent, and closes on service with one outcome', async () => {
    setClock(sys, '2026-11-02T02:00:00Z'); // Monday
    const filed = (await file(personApplication({ description: '请提供中心 2026 年 8 月某项目的评标报告。' }))).json();
    const request = await findRequestByTrackingNo(sys.ctx.db, filed.trackingNo);
    if (!request) throw new Error('not filed');
    const cid = hn.center.id;
    const url = `/admin/c/${cid}/disclosure/${request.id}`;
    // Sessions expire after 8 idle hours: log in again after each move of the clock.
    let officer = await loginAs(sys.app.app, hn.users.officer, sys.clock);
    let head = await loginAs(sys.app.app, hn.users.foiHead, sys.clock);
    const moveTo = async (iso: string) => {
      setClock(sys, iso);
      officer = await loginAs(sys.app.app, hn.users.officer, sys.clock);
      head = await loginAs(sys.app.app, hn.users.foiHead, sys.clock);
    };
    const act = async (who: Agent, action: string, form: Record<string, string>) => {
      const page = await who.get(url);
      const lock = /name="lockVersion" value="(\d+)"/.exec(page.body)?.[1] ?? '0';
      return who.post(`${url}/${action}`, { ...form, lockVersion: lock });
    };
    await moveTo('2026-11-03T02:00:00Z');
    expect((await act(officer, 'request-clarification', { items: '请写明项目名称或项目编号。', periodDays: '10', onDate: '2026-11-03' })).statusCode).toBe(303);
    const second = await act(officer, 'request-clarification', { items: '再次补正', onDate: '2026-11-03' });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('补正只能一次性告知');
    let pub = (await sys.app.app.inject({ method: 'GET', url: `/api/v1/disclosure-requests/${filed.trackingNo}?accessCode=${filed.accessCode}` })).json();
    expect(pub.status).toBe('awaiting_clarification');
    expect(pub.dueOn).toBeNull();
    await moveTo('2026-11-09T02:00:00Z');
    expect((await act(officer, 'receive-clarification', { corrected: '项目编号 HNZC-2026-0815 的评标报告。', onDate: '2026-11-09' })).statusCode).toBe(303);
    pub = (await sys.app.app.inject({ method: 'GET', url: `/api/v1/disclosure-requests/${filed.trackingNo}?accessCode=${filed.accessCode}` })).json();
    // 20 working days after Monday 11-09, no holidays in between: Monday 12-07.
    expect(pub.dueOn).toBe('2026-12-07');
    expect((await act(officer, 'request-extension', { days: '10', reason: '需调取档案室存档的纸质评标报告。' })).statusCode).toBe(303);
    expect((await act(officer, 'approve-extension', {})).statusCode).toBe(403); // the officer cannot consent to their own extension
    expect((await act(head, 'approve-extension', {})).statusCode).toBe(303);
    pub = (await sys.app.app.inject({ method: 'GET', url: `/api/v1/disclosure-requests/${filed.trackingNo}?accessCode=${filed.accessCode}` })).json();
    expect(pub.dueOn).toBe('2026-12-21');
    expect(pub.history.map((h: { kind: string }) => h.kind)).toEqual(['received', 'clarification_requested', 'clarification_received', 'extension_approved']);
    const draft = await officer.get(`${url}?outcome=partial`);
    expect(draft.body).toContain('第三十七条');
    expect((await act(officer, 'submit-reply', { outcome: 'partial', body: '经审查，评标报告中的评标专家个人信息不予公开，其余部分予以公开，见附件。' })).statusCode).toBe(303);
    expect((await act(officer, 'approve-reply', {})).statusCode).toBe(403);
    expect((await act(head, 'approve-reply', {})).statusCode).toBe(303);
    expect((await act(officer, 'serve-reply', { method: 'post', trackingNo: '' })).statusCode).toBe(400);
    expect((await act(officer, 'serve-reply', { method: 'post', trackingNo: 'XA123456789CN', servedOn: '2026-11-09' })).statusCode).toBe(303);
    pub = (await sys.app.app.inject({ method: 'GET', url: `/api/v1/disclosure-requests/${filed.trackingNo}?accessCode=${filed.accessCode}` })).json();
    expect(pub).toMatchObject({ status: 'closed', outcome: 'partial' });
    expect(pub.reply.body).toContain('其余部分予以公开');
    const closed = await findRequestByTrackingNo(sys.ctx.db, filed.trackingNo);
    expect(closed?.closedOn).toBe('2026-11-09');
    // Personal data, field by field, is in none of the public answers.
    const page = await new Agent(sys.app.app).get(`/disclosure/track?trackingNo=${filed.trackingNo}&accessCode=${filed.accessCode}`);
    for (const text of [JSON.stringify(pub), page.body]) {
      for (const secret of ['龚晓岚', '11010519491231002X', '13975310864', 'gxl.apply@example.cn', '麓山南路', 'XA123456789CN', hn.users.officer.displayName, hn.users.foiHead.displayName]) expect(text).not.toContain(secret);
    }
    expect(page.body).toContain('部分公开');
  });
});

describe('a new year of holidays', () => {
  it('moves the due date of an open case and says why, on the case and to the applicant', async () => {
    setClock(sys, '2026-12-15T02:00:00Z'); // Tuesday: 20 working days reach into 2027, not yet in the calendar
    const filed = (await file(personApplication({ description: '请提供 2026 年第四季度进场交易项目统计表。' }))).json();
    expect(filed.dueOn).toBe('2027-01-12');
    const before = (await sys.app.app.inject({ method: 'GET', url: `/api/v1/disclosure-requests/${filed.trackingNo}?accessCode=${filed.accessCode}` })).json();
    expect(before.isDueProvisional).toBe(true);
    const { changeCalendarYear } = await import('../../src/calendar/operations/change-year.ts');
    const days = ['2027-01-01', '2027-01-02', '2027-01-03'].map((day) => ({ day, isWorkingDay: false, name: '元旦' }));
    await changeCalendarYear(sys.ctx, { userId: hn.users.admin.id, name: 'admin', ip: '127.0.0.1', userAgent: 'test' }, { year: 2027, source: '国办发明电〔2026〕99号（测试）', days });
    const after = (await sys.app.app.inject({ method: 'GET', url: `/api/v1/disclosure-requests/${filed.trackingNo}?accessCode=${filed.accessCode}` })).json();
    // 2027-01-01 is a Friday holiday now: one working day later.
    expect(after).toMatchObject({ dueOn: '2027-01-13', isDueProvisional: false });
    const moved = after.history.find((h: { kind: string }) => h.kind === 'due_moved');
    expect(moved.detail).toContain('2027-01-12');
    expect(moved.detail).toContain('2027-01-13');
    expect(moved.detail).toContain('国办发明电〔2026〕99号');
  });
});
