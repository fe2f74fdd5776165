import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../src/interaction/interaction.tables.ts';
import { Agent } from '../helpers/agent.ts';
import { makeCenter } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';

let sys: TestSystem;
let visitor: Agent;
let caller = 0;

beforeAll(async () => {
  sys = await startTestSystem();
  await makeCenter(sys.ctx, { code: 'hn' });
  visitor = new Agent(sys.app.app);
  await visitor.get('/interaction/new?kind=consultation');
});
afterAll(async () => sys?.close());

const XSS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload=window.__xss=1>',
  '<a href="javascript:window.__xss=1">x</a>',
  '"><script>alert(1)</script>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<p onclick="alert(1)">点我</p>',
];
const KINDS = ['consultation', 'query', 'complaint', 'report', 'mailbox', 'suggestion', 'error_report'];
const nextIp = () => `10.5.${Math.floor(++caller / 250)}.${caller % 250}`;

async function postForm(url: string, form: Record<string, string>): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams({ ...form, _csrf: await visitor.token() });
  const cookie = Array.from(visitor.cookies, ([k, v]) => `${k}=${v}`).join('; ');
  return sys.app.app.inject({ method: 'POST', url, payload: body.toString(), remoteAddress: nextIp(), headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });
}

const postApi = (payload: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  sys.app.app.inject({ method: 'POST', url: '/api/v1/messages', payload: typeof payload === 'string' ? payload : JSON.stringify(payload), headers, remoteAddress: nextIp() });

describe('bad input on the message form', () => {
  it('names an oversized field, markup and a missing field in Chinese, keeps what was typed, and shows a stable code', async () => {
    const typed = '我写了很长的内容，不能丢失。'.repeat(400);
    const res = await postForm('/interaction/new', { kind: 'complaint', subject: '<b>加粗的标题</b>', body: typed, name: '', phone: '0731-88001234' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('标题：请不要输入网页标记（HTML 代码），请使用纯文字');
    expect(res.body).toMatch(/内容：不能超过 5000 字（现有 \d+ 字）/);
    expect(res.body).toContain('姓名或单位名称：不能为空');
    expect(res.body).toContain('错误代码：VALIDATION_FAILED');
    expect(res.body).toContain(typed);
    expect(res.body).toContain('&lt;b>加粗的标题&lt;/b>');
    expect(res.body).toContain('value="0731-88001234"');
  });

  it('answers an unknown kind with the list of kinds, not an error page', async () => {
    const res = await postForm('/interaction/new', { kind: 'petition', subject: '标题', body: '内容内容内容' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('留言类型：请从下列类型中选择');
  });

  it('never answers the form with a 5xx and never echoes markup unescaped, whatever is posted (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          kind: fc.oneof(fc.constantFrom(...KINDS), fc.string({ maxLength: 20 })),
          subject: fc.oneof(fc.string({ maxLength: 150 }), fc.constantFrom(...XSS)),
          body: fc.oneof(fc.string({ maxLength: 6000 }), fc.constantFrom(...XSS), fc.string({ unit: 'grapheme', maxLength: 300 })),
          reference: fc.oneof(fc.string({ maxLength: 600 }), fc.constantFrom(...XSS)),
          name: fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom(...XSS)),
          phone: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('13800001111', '0731-8800 1111', '+86 138 0000 1111')),
          email: fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom('a@example.com', 'bad@', '<x@y.z>')),
        }),
        async (form) => {
          const res = await postForm('/interaction/new', form);
          expect(res.statusCode).toBeLessThan(500);
          expect([200, 400, 403]).toContain(res.statusCode);
          for (const x of XSS) expect(res.body.includes(x), x).toBe(false);
          expect(res.body).not.toMatch(/<script(?![^>]*src=)/);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('accepts every lawful plain-text submission and stores the text as typed (property)', async () => {
    const units = '招标投标保证金质疑咨询项目公告时间地点开标，。？！：“”（） <>&"\'%#0123456789'.split('');
    const text = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...units), minLength: min, maxLength: max }).filter((t) => t.trim().length >= min);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...KINDS), text(1, 100), text(5, 3000), text(1, 50), async (kind, subject, body, name) => {
        const res = await postForm('/interaction/new', { kind, subject, body, reference: '/col/news 或 HNZC2026-0001', name, phone: '0731-88001234' });
        expect(res.statusCode, res.body.slice(res.body.indexOf('error-summary'), res.body.indexOf('error-summary') + 300)).toBe(200);
        const trackingNo = /<dt>留言编号<\/dt><dd><strong>(HD-[\d-]+)<\/strong>/.exec(res.body)?.[1] ?? '';
        const [m] = await sys.ctx.db.select().from(messages).where(eq(messages.trackingNo, trackingNo));
        expect(m?.body).toBe(body.trim());
        expect(m?.subject).toBe(subject.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 40 },
    );
  });

  it('never answers the tracking form or the 网站找错 form with a 5xx (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ trackingNo: fc.string({ maxLength: 80 }), accessCode: fc.string({ maxLength: 80 }), pageUrl: fc.oneof(fc.string({ maxLength: 700 }), fc.constantFrom(...XSS)), description: fc.oneof(fc.string({ maxLength: 2500 }), fc.constantFrom(...XSS)), contact: fc.string({ maxLength: 120 }) }), async (f) => {
        const track = await postForm('/interaction/track', { trackingNo: f.trackingNo, accessCode: f.accessCode });
        expect([200, 400, 404]).toContain(track.statusCode);
        const report = await postForm('/report-error', { pageUrl: f.pageUrl, description: f.description, contact: f.contact });
        expect([200, 400]).toContain(report.statusCode);
        for (const x of XSS) expect(`${track.body}${report.body}`.includes(x), x).toBe(false);
      }),
      { numRuns: 50 },
    );
  });
});

describe('bad input on the JSON API', () => {
  it('names each bad field with a stable code; malformed JSON and wrong types are 400s, never 500s', async () => {
    const missing = await postApi({ kind: 'query' });
    expect(missing.statusCode).toBe(400);
    const err = missing.json().error as { code: string; message: string; fields: { field: string; message: string }[]; requestId: string };
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.requestId).toBeTruthy();
    expect(err.fields.map((f) => f.message)).toEqual(['标题：不能为空', '内容：不能为空', '质疑的项目编号或公告名称：不能为空', '姓名或单位名称：不能为空', '联系电话：联系电话和电子邮箱请至少填写一项']);
    const typed = await postApi({ kind: 'consultation', subject: '标题', body: { text: '对象不是文字' }, phone: '0731-88001234' });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.fields).toEqual([{ field: 'body', message: '内容：应为文字' }]);
    const markup = await postApi({ kind: 'consultation', subject: '标题', body: '<img src=x onerror=alert(1)>', phone: '0731-88001234' });
    expect(markup.statusCode).toBe(400);
    expect(markup.json().error.fields).toEqual([{ field: 'body', message: '内容：请不要输入网页标记（HTML 代码），请使用纯文字' }]);
    const center = await postApi({ center: 'nope', kind: 'consultation', subject: '标题', body: '正常的内容', phone: '0731-88001234' });
    expect(center.json().error.fields).toEqual([{ field: 'center', message: '中心代码：不存在' }]);
    for (const raw of ['{"kind":', '[]', '"text"', 'null', '42']) {
      const r = await postApi(raw);
      expect(r.statusCode, raw).toBe(400);
      expect(r.json().error.code).toMatch(/^(BAD_REQUEST|VALIDATION_FAILED)$/);
    }
    const form = await postApi('kind=consultation', { 'content-type': 'text/plain' });
    expect(form.statusCode).toBeLessThan(500);
  });

  it('never answers POST /api/v1/messages with a 5xx; every refusal has a code and Chinese field messages (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ center: fc.option(fc.string({ maxLength: 25 }), { nil: undefined }), kind: fc.oneof(fc.constantFrom(...KINDS), fc.anything()), subject: fc.oneof(fc.string({ maxLength: 120 }), fc.anything(), fc.constantFrom(...XSS)), body: fc.oneof(fc.string({ maxLength: 5200 }), fc.anything(), fc.constantFrom(...XSS)), reference: fc.option(fc.string(), { nil: undefined }), name: fc.option(fc.oneof(fc.string(), fc.anything()), { nil: undefined }), phone: fc.option(fc.string({ maxLength: 35 }), { nil: undefined }), email: fc.option(fc.string({ maxLength: 110 }), { nil: undefined }) }),
          fc.anything(),
        ),
        async (payload) => {
          const res = await postApi(payload === undefined ? 'null' : JSON.stringify(payload));
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode >= 400) {
            const e = res.json().error as { code: string; fields?: { message: string }[] };
            expect(e.code).toMatch(/^[A-Z_]+$/);
            for (const f of e.fields ?? []) expect(f.message).toMatch(/^[\u4e00-\u9fa5]/);
          } else expect(res.statusCode).toBe(201);
          for (const x of XSS) expect(res.body.includes(x), x).toBe(false);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('never answers the tracking and Q&A APIs with a 5xx (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), fc.record({ center: fc.string({ maxLength: 25 }), kind: fc.string({ maxLength: 15 }), page: fc.string({ maxLength: 7 }), limit: fc.string({ maxLength: 5 }) }), async (no, code, q) => {
        const track = await sys.app.app.inject({ method: 'GET', url: `/api/v1/messages/${encodeURIComponent(no || 'x')}?accessCode=${encodeURIComponent(code)}`, remoteAddress: nextIp() });
        expect([400, 404]).toContain(track.statusCode);
        expect(track.json().error.code).toMatch(/^[A-Z_]+$/);
        const list = await sys.app.app.inject({ method: 'GET', url: `/api/v1/messages/public?${new URLSearchParams(q).toString()}` });
        expect([200, 400]).toContain(list.statusCode);
        const page = await sys.app.app.inject({ method: 'GET', url: `/interaction/qa?${new URLSearchParams(q).toString()}` });
        expect(page.statusCode).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});
