import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDisclosureDaily } from '../../src/disclosure/disclosure.jobs.ts';
import { findRequestByTrackingNo, listEvents } from '../../src/disclosure/disclosure.repo.ts';
import { loginAs } from '../helpers/agent.ts';
import { personApplication, setClock } from '../helpers/disclosure.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';

let sys: TestSystem;
let hn: CenterFixture;

beforeAll(async () => {
  sys = await startTestSystem();
  hn = await makeCenter(sys.ctx, { code: 'hn' });
  setClock(sys, '2026-11-02T02:00:00Z');
});
afterAll(async () => sys?.close());

// Each call from its own test address: the intake's per-address rate limit is tested on its own below.
let caller = 0;
const file = (body: unknown) => sys.app.app.inject({ method: 'POST', url: '/api/v1/disclosure-requests', payload: body as Record<string, unknown>, remoteAddress: `127.0.${Math.floor(++caller / 250)}.${caller % 250}` });

describe('the daily job of the disclosure office', () => {
  it('closes a case whose 补正 period ran out under （六）1, and reminds then flags the others once per due date', async () => {
    const lapsing = (await file(personApplication({ description: '申请获取中心内设机构职责的文件（一）。' }))).json();
    const waiting = (await file(personApplication({ description: '申请获取中心内设机构职责的文件（二）。', idNumber: '430102199003070012' }))).json();
    const r = await findRequestByTrackingNo(sys.ctx.db, lapsing.trackingNo);
    const officer = await loginAs(sys.app.app, hn.users.officer, sys.clock);
    const url = `/admin/c/${hn.center.id}/disclosure/${r?.id}`;
    expect((await officer.post(`${url}/request-clarification`, { items: '请说明所需文件的年份。', periodDays: '5' })).statusCode).toBe(303);
    setClock(sys, '2026-11-09T02:00:00Z'); // correct by 11-09 (5 working days after 11-02): not yet lapsed
    expect((await runDisclosureDaily(sys.ctx)).lapsed).toBe(0);
    setClock(sys, '2026-11-10T02:00:00Z');
    expect((await runDisclosureDaily(sys.ctx)).lapsed).toBe(1);
    const closed = await findRequestByTrackingNo(sys.ctx.db, lapsing.trackingNo);
    expect(closed).toMatchObject({ status: 'closed', outcome: 'other_no_clarification', closedOn: '2026-11-10' });
    // The other one is due 2026-11-30: reminded on 11-25 (3 working days before), flagged overdue on 12-01, each once.
    setClock(sys, '2026-11-25T02:00:00Z');
    expect((await runDisclosureDaily(sys.ctx)).reminded).toBe(1);
    expect((await runDisclosureDaily(sys.ctx)).reminded).toBe(0);
    setClock(sys, '2026-12-01T02:00:00Z');
    expect((await runDisclosureDaily(sys.ctx)).overdue).toBe(1);
    expect((await runDisclosureDaily(sys.ctx)).overdue).toBe(0);
    const w = await findRequestByTrackingNo(sys.ctx.db, waiting.trackingNo);
    const kinds = (await listEvents(sys.ctx.db, w?.id ?? 0)).map((e) => e.kind);
    expect(kinds).toEqual(['received', 'reminder', 'overdue']);
    const head = await loginAs(sys.app.app, hn.users.foiHead, sys.clock);
    expect((await head.get(`/admin/c/${hn.center.id}`)).body).toContain('其中已超期 1 件');
  });
});

describe('the processing fee (国办函〔2020〕109号)', () => {
  it('charges the 11th application of one applicant in a month 100 元, pauses the clock until payment, and refuses a fee for the 10th', async () => {
    setClock(sys, '2027-03-01T02:00:00Z');
    const idNumber = '430102198501010018';
    const cases: { trackingNo: string; accessCode: string }[] = [];
    for (let i = 1; i <= 11; i++) cases.push((await file(personApplication({ idNumber, description: `申请获取 2026 年第 ${i} 批集中采购目录执行情况。` }))).json());
    const head = await loginAs(sys.app.app, hn.users.foiHead, sys.clock);
    const officer = await loginAs(sys.app.app, hn.users.officer, sys.clock);
    const idOf = async (n: number) => (await findRequestByTrackingNo(sys.ctx.db, cases[n - 1]?.trackingNo ?? ""))?.id;
    const tenth = `/admin/c/${hn.center.id}/disclosure/${await idOf(10)}`;
    const free = await head.post(`${tenth}/notify-fee`, { tariff: 'per_application' });
    expect(free.statusCode).toBe(409);
    expect(free.body).toContain('第 10 件申请，在免费范围内');
    const eleventh = `/admin/c/${hn.center.id}/disclosure/${await idOf(11)}`;
    expect((await officer.post(`${eleventh}/notify-fee`, { tariff: 'per_application' })).statusCode).toBe(403); // the head decides
    expect((await head.post(`${eleventh}/notify-fee`, { tariff: 'per_application' })).statusCode).toBe(303);
    let pub = (await sys.app.app.inject({ method: 'GET', url: `/api/v1/disclosure-requests/${cases[10]?.trackingNo}?accessCode=${cases[10]?.accessCode}` })).json();
    expect(pub).toMatchObject({ status: 'awaiting_payment', dueOn: null });
    expect(pub.history.at(-1).detail).toContain('100.00 元');
    setClock(sys, '2027-03-08T02:00:00Z');
    const officer2 = await loginAs(sys.app.app, hn.users.officer, sys.clock);
    expect((await officer2.post(`${eleventh}/record-payment`, {})).statusCode).toBe(303);
    pub = (await sys.app.app.inject({ method: 'GET', url: `/api/v1/disclosure-requests/${cases[10]?.trackingNo}?accessCode=${cases[10]?.accessCode}` })).json();
    // 2027 counts Monday–Friday here: 20 working days after 03-01 is 03-29; 03-02..03-05 were paused (4), so 04-02.
    expect(pub).toMatchObject({ status: 'in_progress', dueOn: '2027-04-02', isDueProvisional: true });
  });
});

describe('hostile input to the intake', () => {
  it('never answers the portal form with a 5xx and never echoes markup unescaped (property)', async () => {
    const visitor = await sys.app.app.inject({ method: 'GET', url: '/disclosure/apply' });
    const token = /name="_csrf" value="([^"]+)"/.exec(visitor.body)?.[1] ?? '';
    const cookie = visitor.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const text = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '11010519491231002X', '\u0000', '信'.repeat(6000)));
    await fc.assert(
      fc.asyncProperty(fc.record({ applicantType: fc.oneof(text, fc.constantFrom('natural_person', 'other_org')), name: text, idNumber: text, phone: text, description: text, deliveryForm: fc.oneof(text, fc.constant('paper')) }), async (form) => {
        const res = await sys.app.app.inject({ method: 'POST', url: '/disclosure/apply', payload: new URLSearchParams({ ...form, _csrf: token }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie }, remoteAddress: `127.3.${Math.floor(++caller / 250)}.${caller % 250}` });
        expect(res.statusCode).toBeLessThan(500);
        expect(res.body).not.toContain('<script>alert(1)</script>');
        expect(res.body).not.toContain('<img src=x');
      }),
      { numRuns: 40 },
    );
  });

  it('never answers the intake API with a 5xx and never echoes personal data (property)', async () => {
    const anyValue = fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }), fc.constant('<img src=x onerror=alert(1)>'));
    await fc.assert(
      fc.asyncProperty(
        fc.record({ applicantType: fc.oneof(fc.constantFrom('natural_person', 'commercial_enterprise', 'x'), anyValue), name: anyValue, idNumber: anyValue, creditCode: anyValue, contact: fc.oneof(fc.record({ phone: anyValue, email: anyValue }), anyValue), description: anyValue, deliveryForm: fc.oneof(fc.constantFrom('electronic', 'paper'), anyValue) }, { requiredKeys: [] }),
        async (body) => {
          const res = await file(body);
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode >= 400) expect(res.json().error.code).toMatch(/^[A-Z_]+$/);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('answers garbage JSON, an oversized body and a missing code with 4xx', async () => {
    const garbage = await sys.app.app.inject({ method: 'POST', url: '/api/v1/disclosure-requests', payload: '{"applicantType":', headers: { 'content-type': 'application/json' }, remoteAddress: '127.1.0.1' });
    expect(garbage.statusCode).toBe(400);
    const huge = await file(personApplication({ description: '信'.repeat(70_000) }));
    expect([400, 413]).toContain(huge.statusCode);
    const tooLong = await file(personApplication({ description: '信'.repeat(5001) }));
    expect(tooLong.json().error.fields).toContainEqual({ field: 'description', message: expect.stringContaining('5000') });
    const noCode = await sys.app.app.inject({ method: 'GET', url: '/api/v1/disclosure-requests/YSQ2026HN00001' });
    expect(noCode.statusCode).toBe(400);
  });

  it('slows one address down with 429 and a stable code, without refusing others', async () => {
    const from = (ip: string) => sys.app.app.inject({ method: 'POST', url: '/api/v1/disclosure-requests', payload: personApplication(), remoteAddress: ip });
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await from('127.2.0.1')).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 201)).toBe(true);
    expect(codes[20]).toBe(429);
    expect((await from('127.2.0.2')).statusCode).toBe(201);
  });
});
