import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { AppError, validationError, type FieldError } from '../../platform/errors.ts';
import { deleteGrant, deleteSessionsOfUser, findUserById, findUserByUsername, insertGrant, insertUser, updateUser, type User } from '../accounts.repo.ts';
import type { Role } from '../accounts.policy.ts';
import { checkPasswordStrength, hashPassword } from '../passwords.ts';

export type NewUserInput = { username: string; displayName: string; password: string; departmentId: number | null };

/**
 * Creates a staff account at a center (security admin). `then` runs in the same transaction (e.g. binding
 * the account to an agent firm), so the account exists completely or not at all.
 */
export async function createUser(db: Db, opts: { centerId: number; input: NewUserInput; actor: Actor; then?: (tx: Tx, user: User) => Promise<void> }): Promise<User> {
  const { input } = opts;
  const errors: FieldError[] = [];
  if (!/^[a-z][a-z0-9._-]{2,31}$/.test(input.username)) errors.push({ field: 'username', message: '用户名须为 3–32 位小写字母、数字或 . _ -，以字母开头' });
  if (input.displayName.trim().length < 2 || input.displayName.length > 40) errors.push({ field: 'displayName', message: '姓名须为 2–40 个字符' });
  const weak = checkPasswordStrength(input.password);
  if (weak) errors.push({ field: 'password', message: `初始密码：${weak}` });
  if (errors.length === 0 && (await findUserByUsername(db, input.username))) errors.push({ field: 'username', message: '该用户名已被使用' });
  if (errors.length > 0) throw validationError(errors);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const user = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName.trim(),
      homeCenterId: opts.centerId,
      departmentId: input.departmentId,
      passwordHash,
      mustChangePassword: true,
    });
    await recordAudit(tx, opts.actor, { action: 'user.create', centerId: opts.centerId, targetType: 'user', targetId: user.id, after: { username: user.username, displayName: user.displayName } });
    await opts.then?.(tx, user);
    return user;
  });
}

export async function setRole(db: Db, opts: { centerId: number; userId: number; role: Role; isGranted: boolean; actor: Actor }): Promise<void> {
  const user = await findUserById(db, opts.userId);
  // A security admin manages the accounts of their own center only.
  if (!user || user.homeCenterId !== opts.centerId) throw new AppError('NOT_FOUND', { userMessage: '用户不存在' });
  if (opts.actor.userId === opts.userId) throw new AppError('FORBIDDEN', { userMessage: '不能修改自己的角色' });
  await db.transaction(async (tx) => {
    if (opts.isGranted) await insertGrant(tx, { userId: opts.userId, centerId: opts.centerId, role: opts.role });
    else await deleteGrant(tx, { userId: opts.userId, centerId: opts.centerId, role: opts.role });
    // Role changes take effect at once: end the user's sessions.
    await deleteSessionsOfUser(tx, opts.userId);
    await recordAudit(tx, opts.actor, {
      action: opts.isGranted ? 'user.grant_role' : 'user.revoke_role',
      centerId: opts.centerId,
      targetType: 'user',
      targetId: opts.userId,
      details: { role: opts.role },
    });
  });
}

/** Unlocks an account and, optionally, resets its second factor (the user enrolls again at next login). */
export async function resetUserAccess(db: Db, opts: { centerId: number; userId: number; isResettingTotp: boolean; actor: Actor }): Promise<void> {
  const user = await findUserById(db, opts.userId);
  if (!user || user.homeCenterId !== opts.centerId) throw new AppError('NOT_FOUND', { userMessage: '用户不存在' });
  await db.transaction(async (tx) => {
    await updateUser(tx, user.id, {
      failedLogins: 0,
      lockedUntil: null,
      ...(opts.isResettingTotp ? { totpEnabled: false, totpSecret: null, totpLastStep: 0 } : {}),
    });
    if (opts.isResettingTotp) await deleteSessionsOfUser(tx, user.id);
    await recordAudit(tx, opts.actor, {
      action: opts.isResettingTotp ? 'user.reset_totp' : 'user.unlock',
      centerId: opts.centerId,
      targetType: 'user',
      targetId: user.id,
    });
  });
}
