import { can, isRole } from '../accounts/accounts.policy.ts';
import { listGrantsOfCenter, listUsersByIds, type User } from '../accounts/accounts.repo.ts';
import type { Executor } from '../platform/db/client.ts';
import { notFound } from '../platform/errors.ts';
import { findMessageById, type Message } from './messages.repo.ts';

/** A message of this center, or 404 (a message of another center does not exist for this staff member). */
export async function getMessageOfCenter(ex: Executor, centerId: number, id: number): Promise<Message> {
  const m = await findMessageById(ex, id);
  if (!m || m.centerId !== centerId) throw notFound('留言');
  return m;
}

/** The colleagues who may handle messages at a center (the people a message can be assigned to). */
export async function listMessageHandlers(ex: Executor, centerId: number): Promise<User[]> {
  const grants = await listGrantsOfCenter(ex, centerId);
  const ids = [...new Set(grants.filter((g) => isRole(g.role) && can(new Set([g.role]), 'message.handle')).map((g) => g.userId))];
  return (await listUsersByIds(ex, ids)).filter((u) => !u.isDisabled).sort((a, b) => a.id - b.id);
}
