import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { deleteSession, findUserById, updateSession, updateUser, type Session } from '../accounts.repo.ts';
import { checkTotp } from '../totp.ts';
import { LOCK_MINUTES, MAX_ACCOUNT_FAILURES } from './log-in.ts';

/**
 * Second factor. For a user whose secret is not yet confirmed, a right code completes the enrollment.
 * A code's time step can be used once; repeated failures lock the account like bad passwords.
 */
export async function verifyTotp(db: Db, opts: { session: Session; code: string; actor: Actor; now?: Date }): Promise<void> {
  const now = opts.now ?? new Date();
  const user = await findUserById(db, opts.session.userId);
  if (!user) throw new AppError('AUTH_REQUIRED', { userMessage: '请重新登录' });
  const secret = user.totpSecret;
  const isEnrolling = !user.totpEnabled;
  if (!secret) throw new AppError('AUTH_TOTP_REQUIRED', { userMessage: '请先绑定动态口令' });
  const step = checkTotp(secret, opts.code.trim(), now.getTime());
  if (step === null || step <= user.totpLastStep) {
    const failures = user.failedLogins + 1;
    const isLocking = failures >= MAX_ACCOUNT_FAILURES;
    await db.transaction(async (tx) => {
      await updateUser(tx, user.id, { failedLogins: isLocking ? 0 : failures, lockedUntil: isLocking ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null });
      if (isLocking) await deleteSession(tx, opts.session.tokenHash);
      await recordAudit(tx, opts.actor, { action: 'auth.totp_failed', centerId: user.homeCenterId, targetType: 'user', targetId: user.id });
    });
    throw new AppError('AUTH_TOTP_INVALID', {
      userMessage: isLocking ? '动态口令错误次数过多，账号已临时锁定，请稍后重新登录' : '动态口令不正确或已使用过，请输入验证器上最新的 6 位数字',
      fields: [{ field: 'code', message: '动态口令不正确' }],
    });
  }
  await db.transaction(async (tx) => {
    await updateUser(tx, user.id, {
      totpLastStep: step,
      failedLogins: 0,
      ...(isEnrolling ? { totpEnabled: true } : {}),
    });
    await updateSession(tx, opts.session.id, { isMfaPassed: true });
    await recordAudit(tx, opts.actor, {
      action: isEnrolling ? 'auth.totp_enrolled' : 'auth.login',
      centerId: user.homeCenterId,
      targetType: 'user',
      targetId: user.id,
    });
  });
}
