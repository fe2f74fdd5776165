import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserById } from '../../src/accounts/accounts.repo.ts';
import { currentTotp } from '../../src/accounts/totp.ts';
import { searchAuditEvents } from '../../src/audit/audit.repo.ts';
import { Agent, loginAs } from '../helpers/agent.ts';
import { makeCenter, PASSWORD, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';

let sys: TestSystem;
let hn: CenterFixture;

beforeAll(async () => {
  sys = await startTestSystem();
  hn = await makeCenter(sys.ctx, { code: 'hn' });
});
afterAll(async () => sys?.close());

describe('staff login', () => {
  it('answers an unknown username and a wrong password identically (no user enumeration)', async () => {
    const anon = new Agent(sys.app.app);
    const unknown = await anon.post('/admin/login', { username: 'nobody.here', password: 'whatever-123' });
    const wrong = await anon.post('/admin/login', { username: hn.users.editor2.username, password: 'wrong-password-1' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    const msg = (html: string) => /<div class="error-summary" role="alert">([^<]+)</.exec(html)?.[1];
    expect(msg(unknown.body)).toBeTruthy();
    expect(msg(unknown.body)).toBe(msg(wrong.body));
  });

  it('locks an account after five failures, even against the right password, and audits it', async () => {
    const anon = new Agent(sys.app.app);
    for (let i = 0; i < 5; i++) await anon.post('/admin/login', { username: hn.users.outsider.username, password: `bad-password-${i}` });
    const locked = await findUserById(sys.ctx.db, hn.users.outsider.id);
    expect(locked?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    const right = await anon.post('/admin/login', { username: hn.users.outsider.username, password: PASSWORD });
    expect(right.statusCode).toBe(401);
    const events = await searchAuditEvents(sys.ctx.db, { centerId: hn.center.id, action: 'account.locked', limit: 10 });
    expect(events.length).toBe(1);
  });

  it('keeps a reviewer out of the back office until the second factor is given, and refuses a replayed code', async () => {
    const agent = new Agent(sys.app.app);
    sys.clock.advance(31_000);
    const res = await agent.post('/admin/login', { username: hn.users.head.username, password: PASSWORD });
    expect(res.headers.location).toMatch(/^\/admin\/login\/totp/);
    const blocked = await agent.get(`/admin/c/${hn.center.id}/reviews`);
    expect(blocked.statusCode).toBe(303);
    expect(blocked.headers.location).toBe('/admin/login/totp');
    const code = currentTotp(hn.users.head.totpSecret ?? '', sys.clock.now().getTime());
    const bad = await agent.post('/admin/login/totp', { code: code === '000000' ? '111111' : '000000' });
    expect(bad.statusCode).toBe(401);
    const ok = await agent.post('/admin/login/totp', { code });
    expect(ok.statusCode).toBe(303);
    expect((await agent.get(`/admin/c/${hn.center.id}/reviews`)).statusCode).toBe(200);
    // The same code again, on another session: refused.
    const other = new Agent(sys.app.app);
    await other.post('/admin/login', { username: hn.users.head.username, password: PASSWORD });
    expect((await other.post('/admin/login/totp', { code })).statusCode).toBe(401);
  });

  it('sets the session cookie httpOnly and SameSite, and sends the security headers with a CSP', async () => {
    sys.clock.advance(31_000);
    const anon = new Agent(sys.app.app);
    const res = await anon.post('/admin/login', { username: hn.users.editor.username, password: PASSWORD });
    const cookie = res.cookies.find((c) => c.name === 'gk_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const page = await anon.get('/admin');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('ends the session at logout', async () => {
    const editor = await loginAs(sys.app.app, hn.users.editor, sys.clock);
    expect((await editor.get(`/admin/c/${hn.center.id}`)).statusCode).toBe(200);
    await editor.post('/admin/logout', {});
    expect((await editor.get(`/admin/c/${hn.center.id}`)).statusCode).toBe(303);
  });

  it('sends a new reviewer through TOTP enrollment before anything else', async () => {
    const { updateUser } = await import('../../src/accounts/accounts.repo.ts');
    await updateUser(sys.ctx.db, hn.users.office2.id, { totpEnabled: false, totpSecret: null });
    sys.clock.advance(31_000);
    const agent = new Agent(sys.app.app);
    const res = await agent.post('/admin/login', { username: hn.users.office2.username, password: PASSWORD });
    expect(res.headers.location).toBe('/admin/totp/setup');
    const setup = await agent.get('/admin/totp/setup');
    const secret = /<code>([A-Z2-7]+)<\/code>/.exec(setup.body)?.[1] ?? '';
    expect(secret.length).toBeGreaterThan(20);
    const done = await agent.post('/admin/totp/setup', { code: currentTotp(secret, sys.clock.now().getTime()) });
    expect(done.statusCode).toBe(303);
    expect((await findUserById(sys.ctx.db, hn.users.office2.id))?.totpEnabled).toBe(true);
  });
});

describe('accounts made by the security admin', () => {
  it('creates an editor whose first login must change the initial password', async () => {
    const security = await loginAs(sys.app.app, hn.users.security, sys.clock);
    const weak = await security.post(`/admin/c/${hn.center.id}/users`, { username: 'hn.new', displayName: '新编辑', password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('初始密码');
    expect(weak.body).toContain('value="新编辑"');
    expect((await security.post(`/admin/c/${hn.center.id}/users`, { username: 'hn.new', displayName: '新编辑', password: 'Initial-pass-2026' })).statusCode).toBe(303);
    const { findUserByUsername } = await import('../../src/accounts/accounts.repo.ts');
    const created = await findUserByUsername(sys.ctx.db, 'hn.new');
    expect((await security.post(`/admin/c/${hn.center.id}/users/${created?.id}/roles`, { role: 'editor', grant: '1' })).statusCode).toBe(303);
    const agent = new Agent(sys.app.app);
    expect((await agent.post('/admin/login', { username: 'hn.new', password: 'Initial-pass-2026' })).statusCode).toBe(303);
    const blocked = await agent.get(`/admin/c/${hn.center.id}/articles`);
    expect(blocked.headers.location).toBe('/admin/password');
    const mismatch = await agent.post('/admin/password', { current: 'Initial-pass-2026', next: 'My-own-pass-2026', repeat: 'My-own-pass-2027' });
    expect(mismatch.body).toContain('两次输入不一致');
    expect((await agent.post('/admin/password', { current: 'Initial-pass-2026', next: 'My-own-pass-2026', repeat: 'My-own-pass-2026' })).statusCode).toBe(303);
    const again = new Agent(sys.app.app);
    await again.post('/admin/login', { username: 'hn.new', password: 'My-own-pass-2026' });
    expect((await again.get(`/admin/c/${hn.center.id}/articles`)).statusCode).toBe(200);
  });

  it('does not let a security admin touch an account of another center', async () => {
    const other = await makeCenter(sys.ctx, { code: 'yy', parentId: hn.center.id });
    const security = await loginAs(sys.app.app, hn.users.security, sys.clock);
    const res = await security.post(`/admin/c/${hn.center.id}/users/${other.users.editor.id}/reset`, { totp: '1' });
    expect(res.statusCode).toBe(404);
    const grant = await security.post(`/admin/c/${hn.center.id}/users/${other.users.editor.id}/roles`, { role: 'center_admin', grant: '1' });
    expect(grant.statusCode).toBe(404);
  });
});

describe('the audit log', () => {
  it('cannot be updated or deleted, not even by the application', async () => {
    await expect(sys.ctx.db.execute(sql`update audit_event set action = 'x'`)).rejects.toThrow();
    await expect(sys.ctx.db.execute(sql`delete from audit_event`)).rejects.toThrow();
  });

  it('is searchable and exportable by the auditor, with actor, IP and action', async () => {
    const auditor = await loginAs(sys.app.app, hn.users.auditor, sys.clock);
    const page = await auditor.get(`/admin/c/${hn.center.id}/audit?action=auth.login`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('auth.login');
    const csv = await auditor.get(`/admin/c/${hn.center.id}/audit.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('account.locked');
  });
});
