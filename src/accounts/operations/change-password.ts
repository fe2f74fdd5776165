import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { Db } from '../../platform/db/client.ts';
import { validationError, type FieldError } from '../../platform/errors.ts';
import { deleteSessionsOfUser, findUserById, updateUser } from '../accounts.repo.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../passwords.ts';

/** A user changes their own password (required after an admin set an initial one); other sessions end. */
export async function changePassword(db: Db, opts: { userId: number; current: string; next: string; repeat: string; actor: Actor }): Promise<void> {
  const user = await findUserById(db, opts.userId);
  const errors: FieldError[] = [];
  if (!user || !(await verifyPassword(opts.current, user.passwordHash))) errors.push({ field: 'current', message: '当前密码：不正确' });
  const weak = checkPasswordStrength(opts.next);
  if (weak) errors.push({ field: 'next', message: `新密码：${weak}` });
  else if (opts.next === opts.current) errors.push({ field: 'next', message: '新密码：不能与当前密码相同' });
  if (opts.next !== opts.repeat) errors.push({ field: 'repeat', message: '确认新密码：两次输入不一致' });
  if (errors.length > 0 || !user) throw validationError(errors);
  const hash = await hashPassword(opts.next);
  await db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash: hash, mustChangePassword: false });
    await deleteSessionsOfUser(tx, user.id);
    await recordAudit(tx, opts.actor, { action: 'user.change_password', centerId: user.homeCenterId, targetType: 'user', targetId: user.id });
  });
}
