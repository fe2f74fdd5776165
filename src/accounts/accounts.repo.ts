import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/client.ts';
import { loginThrottle, reviewGroupMembers, roleGrants, sessions, users } from './accounts.tables.ts';
import { isRole, type Role } from './accounts.policy.ts';

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;

export async function findUserByUsername(ex: Executor, username: string): Promise<User | null> {
  const [u] = await ex.select().from(users).where(eq(users.username, username)).limit(1);
  return u ?? null;
}

export async function countDemoUsers(ex: Executor): Promise<number> {
  const rows = await ex.select({ id: users.id }).from(users).where(eq(users.isDemo, true)).limit(1);
  return rows.length;
}

export async function findUserById(ex: Executor, id: number): Promise<User | null> {
  const [u] = await ex.select().from(users).where(eq(users.id, id)).limit(1);
  return u ?? null;
}

export async function listUsersByIds(ex: Executor, ids: number[]): Promise<User[]> {
  if (ids.length === 0) return [];
  return ex.select().from(users).where(inArray(users.id, ids));
}

export async function listUsersOfCenter(ex: Executor, centerId: number): Promise<User[]> {
  const granted = ex.select({ id: roleGrants.userId }).from(roleGrants).where(eq(roleGrants.centerId, centerId));
  return ex
    .select()
    .from(users)
    .where(sql`${users.homeCenterId} = ${centerId} or ${users.id} in (${granted})`)
    .orderBy(users.id);
}

export async function insertUser(ex: Executor, row: typeof users.$inferInsert): Promise<User> {
  const [u] = await ex.insert(users).values(row).returning();
  if (!u) throw new Error('insert user returned nothing');
  return u;
}

export async function updateUser(ex: Executor, id: number, patch: Partial<typeof users.$inferInsert>): Promise<void> {
  await ex.update(users).set(patch).where(eq(users.id, id));
}

/** Every role of a user, by center. */
export async function getGrants(ex: Executor, userId: number): Promise<Map<number, Set<Role>>> {
  const rows = await ex.select().from(roleGrants).where(eq(roleGrants.userId, userId));
  const map = new Map<number, Set<Role>>();
  for (const r of rows) {
    if (!isRole(r.role)) continue;
    const set = map.get(r.centerId) ?? new Set<Role>();
    set.add(r.role);
    map.set(r.centerId, set);
  }
  return map;
}

export async function listGrantsOfCenter(ex: Executor, centerId: number) {
  return ex.select().from(roleGrants).where(eq(roleGrants.centerId, centerId));
}

export async function insertGrant(ex: Executor, row: { userId: number; centerId: number; role: Role }): Promise<void> {
  await ex.insert(roleGrants).values(row).onConflictDoNothing();
}

export async function deleteGrant(ex: Executor, row: { userId: number; centerId: number; role: Role }): Promise<number> {
  const res = await ex
    .delete(roleGrants)
    .where(and(eq(roleGrants.userId, row.userId), eq(roleGrants.centerId, row.centerId), eq(roleGrants.role, row.role)))
    .returning({ id: roleGrants.id });
  return res.length;
}

/** User ids holding a role at a center. */
export async function listUserIdsWithRole(ex: Executor, centerId: number, role: Role): Promise<number[]> {
  const rows = await ex
    .select({ id: roleGrants.userId })
    .from(roleGrants)
    .where(and(eq(roleGrants.centerId, centerId), eq(roleGrants.role, role)));
  return rows.map((r) => r.id);
}

export async function listGroupMemberIds(ex: Executor, groupId: number): Promise<number[]> {
  const rows = await ex.select({ id: reviewGroupMembers.userId }).from(reviewGroupMembers).where(eq(reviewGroupMembers.groupId, groupId));
  return rows.map((r) => r.id);
}

export async function insertSession(ex: Executor, row: typeof sessions.$inferInsert): Promise<Session> {
  const [s] = await ex.insert(sessions).values(row).returning();
  if (!s) throw new Error('insert session returned nothing');
  return s;
}

export async function findLiveSession(ex: Executor, tokenHash: string, now: Date): Promise<Session | null> {
  const [s] = await ex
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .limit(1);
  return s ?? null;
}

export async function updateSession(ex: Executor, id: number, patch: Partial<typeof sessions.$inferInsert>): Promise<void> {
  await ex.update(sessions).set(patch).where(eq(sessions.id, id));
}

export async function deleteSession(ex: Executor, tokenHash: string): Promise<void> {
  await ex.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionsOfUser(ex: Executor, userId: number): Promise<void> {
  await ex.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(ex: Executor, now: Date): Promise<void> {
  await ex.delete(sessions).where(lt(sessions.expiresAt, now));
}

/** Adds a failure for a throttle key inside a sliding window; returns the count in the window. */
export async function bumpThrottle(ex: Executor, key: string, windowSeconds: number): Promise<number> {
  const [row] = await ex
    .insert(loginThrottle)
    .values({ key, failures: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStart} < now() - make_interval(secs => ${windowSeconds}) then 1 else ${loginThrottle.failures} + 1 end`,
        windowStart: sql`case when ${loginThrottle.windowStart} < now() - make_interval(secs => ${windowSeconds}) then now() else ${loginThrottle.windowStart} end`,
      },
    })
    .returning({ failures: loginThrottle.failures });
  return row?.failures ?? 1;
}

export async function getThrottle(ex: Executor, key: string, windowSeconds: number): Promise<number> {
  const [row] = await ex
    .select({ failures: loginThrottle.failures })
    .from(loginThrottle)
    .where(and(eq(loginThrottle.key, key), sql`${loginThrottle.windowStart} >= now() - make_interval(secs => ${windowSeconds})`));
  return row?.failures ?? 0;
}
