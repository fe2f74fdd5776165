import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftDay } from '../../src/calendar/working-days.ts';
import { formatDate } from '../../src/platform/dates.ts';
import { listSurveyResponses, listSurveysOfCenter } from '../../src/interaction/surveys.repo.ts';
import { Agent, loginAs } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';

let sys: TestSystem;
let hn: CenterFixture;
let admin: Agent;
let caller = 0;

beforeAll(async () => {
  sys = await startTestSystem();
  hn = await makeCenter(sys.ctx, { code: 'hn' });
  admin = await loginAs(sys.app.app, hn.users.admin, sys.clock);
});
afterAll(async () => sys?.close());

async function answer(visitor: Agent, url: string, form: Record<string, string | string[]>): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  body.set('_csrf', await visitor.token());
  const cookie = Array.from(visitor.cookies, ([k, v]) => `${k}=${v}`).join('; ');
  return sys.app.app.inject({ method: 'POST', url, payload: body.toString(), remoteAddress: `10.6.${Math.floor(++caller / 250)}.${caller % 250}`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } });
}

const today = () => formatDate(sys.clock.now());
const surveyForm = (over: Record<string, string> = {}) => ({
  title: '交易服务满意度调查',
  description: '问卷不记名。',
  opensOn: shiftDay(today(), -1),
  closesOn: shiftDay(today(), 10),
  'q1.text': '总体评价',
  'q1.kind': 'single',
  'q1.options': '满意\n一般\n不满意',
  'q1.required': 'on',
  'q2.text': '用过的服务',
  'q2.kind': 'multiple',
  'q2.options': '不见面开标\nCA 办理\n保证金退还',
  'q3.text': '其他建议',
  'q3.kind': 'text',
  ...over,
});

async function createSurvey(over: Record<string, string> = {}): Promise<number> {
  const res = await admin.post(`/admin/c/${hn.center.id}/surveys`, surveyForm(over));
  expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  return Number(/surveys\/(\d+)/.exec(res.headers.location ?? '')?.[1]);
}

describe('调查征集', () => {
  it('is created by the center admin only, with its questions checked and the form kept on error', async () => {
    const bad = await admin.post(`/admin/c/${hn.center.id}/surveys`, surveyForm({ 'q1.options': '只有一个选项', title: '' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('标题：不能为空');
    expect(bad.body).toContain('第 1 题选项：选择题至少需要 2 个选项，每行一个');
    expect(bad.body).toContain('只有一个选项');
    for (const user of [hn.users.officer, hn.users.outsider, hn.users.editor]) {
      const other = await loginAs(sys.app.app, user, sys.clock);
      expect((await other.get(`/admin/c/${hn.center.id}/surveys`)).statusCode, user.username).toBe(403);
      expect((await other.post(`/admin/c/${hn.center.id}/surveys`, surveyForm())).statusCode, user.username).toBe(403);
    }
    expect(await listSurveysOfCenter(sys.ctx.db, hn.center.id)).toHaveLength(0);
  });

  it('takes answers during its period, shows results only once published, and never shows free-text answers publicly', async () => {
    const id = await createSurvey();
    const url = `/interaction/surveys/${id}`;
    const visitor = new Agent(sys.app.app);
    const page = await visitor.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('总体评价');
    expect((await visitor.get('/interaction')).body).toContain('交易服务满意度调查');

    const missing = await answer(visitor, url, { 'a.q2': ['0', '2'] });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('第 1 题：请选择');
    expect(missing.body).toMatch(/id="f-a\.q2\.2" name="a\.q2" value="2" checked/);
    const secret = '我的私密文字意见七七八八';
    expect((await answer(visitor, url, { 'a.q1': '0', 'a.q2': ['0', '2'], 'a.q3': secret })).statusCode).toBe(200);
    expect((await answer(visitor, url, { 'a.q1': '0', 'a.q2': '1' })).statusCode).toBe(200);
    expect((await answer(visitor, url, { 'a.q1': '2' })).statusCode).toBe(200);
    const markup = await answer(visitor, url, { 'a.q1': '1', 'a.q3': '<script>alert(1)</script>' });
    expect(markup.statusCode).toBe(400);
    expect(markup.body).toContain('第 3 题：请不要输入网页标记');
    expect(await listSurveyResponses(sys.ctx.db, id)).toHaveLength(3);

    expect((await visitor.get(url)).body).not.toContain('调查结果');
    const staffView = await admin.get(`/admin/c/${hn.center.id}/surveys/${id}`);
    expect(staffView.body).toContain(secret);
    expect(staffView.body).toMatch(/<th scope="row">满意<\/th><td>2<\/td><td>66.7%<\/td>/);
    const saved = await admin.post(`/admin/c/${hn.center.id}/surveys/${id}/results`, { isResultPublic: 'on', resultSummary: '多数企业表示满意，建议集中在保证金退还。' });
    expect(saved.statusCode).toBe(303);
    const results = await visitor.get(url);
    expect(results.body).toContain('调查结果（共 3 份）');
    expect(results.body).toMatch(/<th scope="row">满意<\/th><td>2<\/td><td>66.7%<\/td>/);
    expect(results.body).toMatch(/<th scope="row">不见面开标<\/th><td>1<\/td><td>50%<\/td>/);
    expect(results.body).toContain('多数企业表示满意');
    expect(results.body).toContain('文字回答 1 份，不逐条公开');
    expect(results.body).not.toContain(secret);
  });

  it('refuses answers outside the period and hides a survey not yet open', async () => {
    const closed = await createSurvey({ title: '已结束的调查', opensOn: shiftDay(today(), -30), closesOn: shiftDay(today(), -1) });
    const visitor = new Agent(sys.app.app);
    const page = await visitor.get(`/interaction/surveys/${closed}`);
    expect(page.body).toContain('本调查已结束');
    const late = await answer(visitor, `/interaction/surveys/${closed}`, { 'a.q1': '0' });
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('本调查已于');
    const future = await createSurvey({ title: '未开始的调查', opensOn: shiftDay(today(), 5), closesOn: shiftDay(today(), 9) });
    expect((await visitor.get(`/interaction/surveys/${future}`)).statusCode).toBe(404);
    expect((await answer(visitor, `/interaction/surveys/${future}`, { 'a.q1': '0' })).statusCode).toBe(404);
    expect(await listSurveyResponses(sys.ctx.db, future)).toHaveLength(0);
    expect((await visitor.get('/interaction')).body).not.toContain('未开始的调查');
    expect((await visitor.get(`/c/hn/interaction/surveys/999999`)).statusCode).toBe(404);
  });

  it('never answers the survey form with a 5xx, whatever is posted (property)', async () => {
    const id = await createSurvey({ title: '属性测试调查' });
    const visitor = new Agent(sys.app.app);
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('a.q1', 'a.q2', 'a.q3', 'a.q9', 'x'), fc.oneof(fc.string({ maxLength: 3000 }), fc.array(fc.string({ maxLength: 5 }), { maxLength: 30 }))), async (form) => {
        const res = await answer(visitor, `/interaction/surveys/${id}`, form);
        expect([200, 400]).toContain(res.statusCode);
        expect(res.body).not.toContain('<script>alert');
      }),
      { numRuns: 60 },
    );
  });
});
