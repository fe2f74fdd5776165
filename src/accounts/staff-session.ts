import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../audit/audit.service.ts';
import type { AppContext } from '../platform/context.ts';
import { sha256Hex } from '../platform/crypto.ts';
import { AppError } from '../platform/errors.ts';
import { can, requiresTwoFactor, type Permission, type Role } from './accounts.policy.ts';
import { findLiveSession, findUserById, getGrants, updateSession, type Session, type User } from './accounts.repo.ts';

export const SESSION_COOKIE = 'gk_sid';

/**
 * Who may reach a route. Every /admin and /api/v1/admin route must declare one (checked at start-up):
 * deny by default.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'login' } // the login form itself
  | { kind: 'mfa' } // a session that has passed the password but not yet the second factor
  | { kind: 'staff' } // any fully signed-in staff member
  | { kind: 'perm'; permission: Permission }; // a permission at the center named by the :cid parameter

export type StaffSession = { session: Session; user: User; grants: Map<number, Set<Role>> };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    staff: StaffSession | null;
  }
}

export function actorOf(req: FastifyRequest): Actor {
  return {
    userId: req.staff?.user.id ?? null,
    name: req.staff?.user.displayName ?? '访客',
    ip: req.ip,
    userAgent: String(req.headers['user-agent'] ?? ''),
  };
}

/** The center id from the :cid route parameter, or null. */
export function centerParam(req: FastifyRequest): number | null {
  const raw = (req.params as Record<string, string | undefined>).cid;
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export function rolesAt(req: FastifyRequest, centerId: number): ReadonlySet<Role> | undefined {
  return req.staff?.grants.get(centerId);
}

const ADMIN_PREFIXES = ['/admin', '/api/v1/admin'];
export function isAdminUrl(url: string): boolean {
  return ADMIN_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`));
}

/** Installs session loading and the access guard. */
export function registerStaffGuard(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('staff', null);
  app.addHook('onRoute', (route) => {
    if (isAdminUrl(route.url) && !route.config?.access) {
      throw new Error(`admin route ${route.method} ${route.url} declares no access rule`);
    }
  });
  // Back-office answers (pages, redirects, errors) are never stored by browsers or proxies.
  app.addHook('onSend', async (req, reply) => {
    if (isAdminUrl(req.url.split('?')[0] ?? '')) reply.header('cache-control', 'no-store');
  });
  app.addHook('preHandler', async (req, reply) => {
    const access = req.routeOptions.config.access;
    if (!access || access.kind === 'public') return;
    req.staff = await loadStaff(ctx, req);
    if (access.kind === 'login') return;
    const isApi = req.url.startsWith('/api/');
    if (!req.staff) return deny(reply, isApi, 'AUTH_REQUIRED', '请先登录', `/admin/login?next=${encodeURIComponent(req.url)}`);
    if (access.kind === 'mfa') return;
    if (!req.staff.session.isMfaPassed) {
      const next = req.staff.user.totpEnabled ? '/admin/login/totp' : '/admin/totp/setup';
      return deny(reply, isApi, 'AUTH_TOTP_REQUIRED', '请先完成动态口令验证', next);
    }
    if (req.staff.user.mustChangePassword && req.routeOptions.url !== '/admin/password') {
      return deny(reply, isApi, 'AUTH_PASSWORD_CHANGE_REQUIRED', '请先修改初始密码', '/admin/password');
    }
    if (access.kind === 'staff') return;
    const cid = centerParam(req);
    if (cid === null || !can(req.staff.grants.get(cid), access.permission)) {
      throw new AppError('FORBIDDEN', { userMessage: '您在该中心没有执行此操作的权限' });
    }
  });
}

function deny(reply: FastifyReply, isApi: boolean, code: 'AUTH_REQUIRED' | 'AUTH_TOTP_REQUIRED' | 'AUTH_PASSWORD_CHANGE_REQUIRED', message: string, location: string): FastifyReply {
  if (!isApi && reply.request.method === 'GET') return reply.redirect(location, 303);
  throw new AppError(code, { userMessage: message });
}

async function loadStaff(ctx: AppContext, req: FastifyRequest): Promise<StaffSession | null> {
  const raw = req.cookies[SESSION_COOKIE];
  if (!raw) return null;
  const unsigned = req.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  const now = ctx.clock();
  const session = await findLiveSession(ctx.db, sha256Hex(unsigned.value), now);
  if (!session) return null;
  const user = await findUserById(ctx.db, session.userId);
  if (!user || user.isDisabled) return null;
  const grants = await getGrants(ctx.db, user.id);
  // A role needing 2FA granted after login sends the user back through the second factor.
  if (session.isMfaPassed && !user.totpEnabled && requiresTwoFactor(Array.from(grants.values()).flatMap((s) => Array.from(s)))) {
    session.isMfaPassed = false;
  }
  // Sliding expiry, written at most once a minute.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3600_000);
    await updateSession(ctx.db, session.id, { lastSeenAt: now, expiresAt });
  }
  return { session, user, grants };
}

export function setSessionCookie(reply: FastifyReply, token: string, opts: { isProduction: boolean; hours: number }): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: opts.isProduction, signed: true, maxAge: opts.hours * 3600 });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function sessionTokenOf(req: FastifyRequest): string | null {
  const raw = req.cookies[SESSION_COOKIE];
  if (!raw) return null;
  const u = req.unsignCookie(raw);
  return u.valid ? u.value : null;
}
