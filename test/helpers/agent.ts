import type { FastifyInstance } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { currentTotp } from '../../src/accounts/totp.ts';
import { PASSWORD, type Staff } from './fixtures.ts';

/** A browser-like client over app.inject: keeps cookies, fetches CSRF tokens from forms. */
export class Agent {
  readonly cookies = new Map<string, string>();
  private readonly app: FastifyInstance;
  private csrf: string | null = null;

  constructor(app: FastifyInstance) {
    this.app = app;
  }

  private cookieHeader(): string {
    return Array.from(this.cookies, ([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), ...headers } }));
  }

  async token(): Promise<string> {
    if (!this.csrf) {
      const res = await this.get('/admin/login');
      const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
      if (!m?.[1]) throw new Error('no csrf token on the login page');
      this.csrf = m[1];
    }
    return this.csrf;
  }

  /** Posts a urlencoded form with the CSRF token (unless `withCsrf` is false). */
  async post(url: string, form: Record<string, string | string[]>, opts: { withCsrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    if (opts.withCsrf !== false) body.set('_csrf', await this.token());
    return this.keep(await this.app.inject({ method: 'POST', url, payload: body.toString(), headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' } }));
  }

  /** Password and, for users enrolled in TOTP, the second factor. `now` must move on 30 s per TOTP login. */
  async login(user: Staff, now: () => Date): Promise<void> {
    const res = await this.post('/admin/login', { username: user.username, password: PASSWORD, next: '/admin' });
    if (res.statusCode !== 303) throw new Error(`login of ${user.username} failed: ${res.statusCode} ${res.body.slice(0, 200)}`);
    if (user.totpSecret) {
      const r2 = await this.post('/admin/login/totp', { code: currentTotp(user.totpSecret, now().getTime()), next: '/admin' });
      if (r2.statusCode !== 303) throw new Error(`totp of ${user.username} failed: ${r2.statusCode} ${r2.body.slice(0, 300)}`);
    }
  }
}

/** Logs a user in on a fresh agent, moving the test clock past the last TOTP step first. */
export async function loginAs(app: FastifyInstance, user: Staff, clock: { advance: (ms: number) => void; now: () => Date }): Promise<Agent> {
  clock.advance(31_000);
  const a = new Agent(app);
  await a.login(user, clock.now);
  return a;
}
