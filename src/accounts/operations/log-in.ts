import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import { randomToken, sha256Hex } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { bumpThrottle, findUserByUsername, getGrants, getThrottle, insertSession, updateUser } from '../accounts.repo.ts';
import { requiresTwoFactor } from '../accounts.policy.ts';
import { getDummyHash, verifyPassword } from '../passwords.ts';

export const MAX_ACCOUNT_FAILURES = 5;
export const LOCK_MINUTES = 15;
const IP_WINDOW_SECONDS = 900;
const MAX_IP_FAILURES = 30;

export type LoginResult = { token: string; next: 'done' | 'totp' | 'totp_setup' };

const BAD_CREDENTIALS = '用户名或密码错误；连续多次输错后账号将被临时锁定';

/**
 * Password step of staff login. Unknown user, wrong password and locked account give the same answer
 * and take the same time, so usernames cannot be enumerated.
 */
export async function logIn(db: Db, opts: { username: string; password: string; actor: Actor; sessionHours: number; now?: Date }): Promise<LoginResult> {
  const now = opts.now ?? new Date();
  const ipKey = `ip:${opts.actor.ip}`;
  if ((await getThrottle(db, ipKey, IP_WINDOW_SECONDS)) >= MAX_IP_FAILURES) {
    throw new AppError('RATE_LIMITED', { userMessage: '登录失败次数过多，请 15 分钟后再试' });
  }
  const user = await findUserByUsername(db, opts.username.trim());
  const isPasswordOk = await verifyPassword(opts.password, user?.passwordHash ?? (await getDummyHash()));
  const isLocked = !!user?.lockedUntil && user.lockedUntil > now;
  if (!user || !isPasswordOk || isLocked || user.isDisabled) {
    await db.transaction(async (tx) => {
      await bumpThrottle(tx, ipKey, IP_WINDOW_SECONDS);
      if (user && !isLocked) {
        const failures = user.failedLogins + 1;
        const lockedUntil = failures >= MAX_ACCOUNT_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
        await updateUser(tx, user.id, { failedLogins: lockedUntil ? 0 : failures, lockedUntil });
        if (lockedUntil) {
          await recordAudit(tx, opts.actor, { action: 'account.locked', centerId: user.homeCenterId, targetType: 'user', targetId: user.id, details: { failures } });
        }
      }
      await recordAudit(tx, { ...opts.actor, name: opts.username.slice(0, 60) || '(空)' }, {
        action: 'auth.login_failed',
        centerId: user?.homeCenterId ?? null,
        targetType: 'user',
        targetId: user?.id ?? '-',
      });
    });
    throw new AppError('AUTH_INVALID_CREDENTIALS', { userMessage: BAD_CREDENTIALS });
  }
  const grants = await getGrants(db, user.id);
  const needsTotp = requiresTwoFactor(Array.from(grants.values()).flatMap((s) => Array.from(s))) || user.totpEnabled;
  const token = randomToken();
  await db.transaction(async (tx) => {
    await updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null });
    await insertSession(tx, {
      tokenHash: sha256Hex(token),
      userId: user.id,
      isMfaPassed: !needsTotp,
      expiresAt: new Date(now.getTime() + opts.sessionHours * 3600_000),
      ip: opts.actor.ip.slice(0, 64),
      userAgent: opts.actor.userAgent.slice(0, 300),
    });
    await recordAudit(tx, { ...opts.actor, userId: user.id, name: user.displayName }, {
      action: needsTotp ? 'auth.password_ok' : 'auth.login',
      centerId: user.homeCenterId,
      targetType: 'user',
      targetId: user.id,
    });
  });
  return { token, next: !needsTotp ? 'done' : user.totpEnabled ? 'totp' : 'totp_setup' };
}
