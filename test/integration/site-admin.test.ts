import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, loginAs } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';

let sys: TestSystem;
let hn: CenterFixture;
let admin: Agent;

beforeAll(async () => {
  sys = await startTestSystem();
  hn = await makeCenter(sys.ctx, { code: 'hn' });
  admin = await loginAs(sys.app.app, hn.users.admin, sys.clock);
});
afterAll(async () => sys?.close());

describe('the system admin’s site settings', () => {
  it('changes the portal’s 备案 numbers and name, shown at once on the public pages', async () => {
    const citizen = new Agent(sys.app.app);
    expect((await citizen.get('/')).body).toContain('湘ICP备00000000号');
    const form = await admin.get(`/admin/c/${hn.center.id}/site`);
    expect(form.statusCode).toBe(200);
    const res = await admin.post(`/admin/c/${hn.center.id}/site`, { siteName: '湖南省公共资源交易服务平台', hostUnit: '湖南省公共资源交易中心', icpNo: '湘ICP备12345678号-1', siteIdCode: '4300000093', email: 'ggzy@example.com' });
    expect(res.statusCode).toBe(303);
    const home = await citizen.get('/');
    expect(home.body).toContain('湘ICP备12345678号-1');
    expect(home.body).toContain('<meta name="SiteName" content="湖南省公共资源交易服务平台"/>');
  });

  it('names each bad site field and keeps the typed values', async () => {
    const res = await admin.post(`/admin/c/${hn.center.id}/site`, { siteName: '', hostUnit: '某中心', email: 'not-an-email', domain: 'bad domain', icpNo: '<b>湘ICP</b>' });
    expect(res.statusCode).toBe(400);
    for (const m of ['网站名称：不能为空', '电子邮箱：格式不正确', '网站域名：格式不正确']) expect(res.body).toContain(m);
    expect(res.body).toContain('value="某中心"');
  });

  it('adds a column that appears in the portal navigation, refusing a bad or duplicate slug', async () => {
    const bad = await admin.post(`/admin/c/${hn.center.id}/columns`, { name: '交易规则', slug: 'News', kind: 'policy' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('栏目标识');
    const dup = await admin.post(`/admin/c/${hn.center.id}/columns`, { name: '交易规则', slug: 'news', kind: 'policy' });
    expect(dup.body).toContain('本中心已有同名标识');
    const ok = await admin.post(`/admin/c/${hn.center.id}/columns`, { name: '交易规则', slug: 'rules', kind: 'policy', catalogCategory: '政策文件' });
    expect(ok.statusCode).toBe(303);
    const home = await new Agent(sys.app.app).get('/');
    expect(home.body).toContain('<a href="/col/rules">交易规则</a>');
  });
});
