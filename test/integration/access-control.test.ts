import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteInfo } from '../../src/app.ts';
import { Agent, loginAs } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';

let sys: TestSystem;
let a: CenterFixture;
let b: CenterFixture;
let adminRoutes: RouteInfo[];

beforeAll(async () => {
  sys = await startTestSystem();
  a = await makeCenter(sys.ctx, { code: 'aa' });
  b = await makeCenter(sys.ctx, { code: 'bb', parentId: a.center.id });
  adminRoutes = sys.app.routes.filter((r) => (r.url.startsWith('/admin') || r.url.startsWith('/api/v1/admin')) && r.method !== 'HEAD');
});
afterAll(async () => sys?.close());

function fill(url: string, cid: number): string {
  return url.replace(':cid', String(cid)).replace(/:(id|tid|uid|colId)/g, '1').replace(':verdict', 'approve');
}

function permissionOf(r: RouteInfo): string | null {
  const access = JSON.parse(r.access) as { kind: string; permission?: string };
  return access.kind === 'perm' ? (access.permission ?? null) : null;
}

describe('deny by default', () => {
  it('has an access rule on every back-office route (the app refuses to start otherwise)', () => {
    expect(adminRoutes.length).toBeGreaterThan(25);
    for (const r of adminRoutes) expect(r.access, `${r.method} ${r.url}`).not.toBe('none');
  });

  it('refuses every back-office route to an anonymous visitor', async () => {
    const anon = new Agent(sys.app.app);
    for (const r of adminRoutes) {
      const kind = (JSON.parse(r.access) as { kind: string }).kind;
      if (kind === 'login') continue;
      const url = fill(r.url, a.center.id);
      const res = r.method === 'GET' ? await anon.get(url) : await anon.post(url, {});
      if (r.method === 'GET' && !url.startsWith('/api/')) {
        expect(res.statusCode, `${r.method} ${url}`).toBe(303);
        expect(res.headers.location, url).toMatch(/^\/admin\/login/);
      } else {
        expect(res.statusCode, `${r.method} ${url}`).toBe(401);
      }
    }
  });

  it('refuses a state-changing form without its CSRF token', async () => {
    const admin = await loginAs(sys.app.app, a.users.admin, sys.clock);
    const res = await admin.post(`/admin/c/${a.center.id}/columns/${a.columns.news.id}`, { isAggregating: 'on' }, { withCsrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('CSRF_INVALID');
  });

  it('refuses every permission-guarded route to each role that lacks the permission (三员分立)', async () => {
    const holders: Record<string, (keyof CenterFixture['users'])[]> = {
      'dashboard.view': ['outsider'],
      'article.read': ['security', 'auditor', 'outsider'],
      'article.edit': ['head', 'admin', 'security', 'auditor', 'outsider'],
      'review.act': ['editor', 'admin', 'security', 'auditor', 'officer'],
      'site.manage': ['editor', 'head', 'security', 'auditor', 'officer'],
      'article.force_publish': ['editor', 'head', 'security', 'auditor'],
      'article.withdraw': ['editor', 'head', 'security', 'auditor'],
      'users.manage': ['editor', 'head', 'admin', 'auditor', 'officer'],
      'audit.read': ['editor', 'head', 'admin', 'security', 'officer'],
      'notice.submit': ['head', 'admin', 'security', 'auditor', 'outsider'],
      'agent.submit': ['editor', 'head', 'admin', 'security', 'auditor', 'outsider'],
      'trading.inspect': ['editor', 'security', 'auditor', 'outsider'],
      'trading.manage': ['editor', 'head', 'security', 'auditor', 'officer'],
      // Applicants' personal data: only the disclosure office, never the site admin, the auditor or the editors.
      'disclosure.handle': ['editor', 'head', 'admin', 'security', 'auditor', 'outsider'],
      'message.handle': ['editor', 'head', 'admin', 'security', 'auditor', 'outsider'],
    };
    const agents = new Map<string, Agent>();
    for (const key of ['outsider', 'security', 'auditor', 'head', 'admin', 'editor', 'officer'] as const) agents.set(key, await loginAs(sys.app.app, a.users[key], sys.clock));
    let checked = 0;
    for (const r of adminRoutes) {
      const perm = permissionOf(r);
      if (!perm) continue;
      const lacking = holders[perm];
      expect(lacking, `no role list for ${perm}`).toBeDefined();
      for (const who of lacking ?? []) {
        const agent = agents.get(who);
        if (!agent) continue;
        const url = fill(r.url, a.center.id);
        const res = r.method === 'GET' ? await agent.get(url) : await agent.post(url, {});
        expect(res.statusCode, `${who} ${r.method} ${url}`).toBe(403);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('never lets a user reach another center’s back office without a role there', async () => {
    const admin = await loginAs(sys.app.app, a.users.admin, sys.clock);
    const security = await loginAs(sys.app.app, a.users.security, sys.clock);
    for (const r of adminRoutes) {
      if (!permissionOf(r)) continue;
      const url = fill(r.url, b.center.id);
      for (const agent of [admin, security]) {
        const res = r.method === 'GET' ? await agent.get(url) : await agent.post(url, {});
        expect(res.statusCode, `${r.method} ${url}`).toBe(403);
      }
    }
  });

  it('hides another center’s article even when the URL names one’s own center', async () => {
    const editorB = await loginAs(sys.app.app, b.users.editor, sys.clock);
    const res = await editorB.post(`/admin/c/${b.center.id}/articles`, { columnId: String(b.columns.news.id), title: '下级中心的内部草稿', bodyHtml: '<p>草稿</p>', intent: 'save' });
    const id = /articles\/(\d+)/.exec(res.headers.location ?? '')?.[1];
    expect(id).toBeDefined();
    const editorA = await loginAs(sys.app.app, a.users.editor, sys.clock);
    const view = await editorA.get(`/admin/c/${a.center.id}/articles/${id}`);
    expect(view.statusCode).toBe(404);
    expect(view.body).not.toContain('下级中心的内部草稿');
  });
});
