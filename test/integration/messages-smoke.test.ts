import { afterAll, beforeAll, expect, it } from 'vitest';
import { Agent } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';

let sys: TestSystem;
let hn: CenterFixture;
beforeAll(async () => {
  sys = await startTestSystem();
  hn = await makeCenter(sys.ctx, { code: 'hn' });
});
afterAll(async () => sys?.close());

it('smoke', async () => {
  const v = new Agent(sys.app.app);
  for (const u of ['/interaction', '/interaction/new', '/interaction/new?kind=query', '/interaction/track', '/interaction/qa', '/interaction/stats', '/c/hn/interaction']) {
    const r = await v.get(u);
    console.log(u, r.statusCode, r.statusCode >= 400 ? r.body.slice(0, 800) : '');
  }
  const r = await v.post('/interaction/new', { kind: 'query', subject: '测试质疑', body: '对中标结果有异议，请核查。', reference: 'HNZC-2026-001', name: '张三', phone: '13800138000' });
  console.log(r.statusCode, r.body.slice(r.body.indexOf('<main'), r.body.indexOf('<main') + 1500));
  const api = await sys.app.app.inject({ method: 'POST', url: '/api/v1/messages', payload: { kind: 'consultation', subject: 'CA锁', body: 'CA 锁如何办理续期？', email: 'a@b.cn' } });
  console.log(api.statusCode, api.body);
  void hn;
});
