import { eq, sql } from 'drizzle-orm';
import type { Executor } from './client.ts';
import { serialCounters } from './serials.tables.ts';

/**
 * The next number of `scope`. The caller must hold a lock that serialises this scope (the publication-log
 * lock, the deal-code advisory lock) until commit. The first call for a scope starts from `countExisting`,
 * so numbers handed out before the counter existed are never repeated.
 */
export async function nextSerial(ex: Executor, scope: string, countExisting: () => Promise<number>): Promise<number> {
  const [bumped] = await ex
    .update(serialCounters)
    .set({ value: sql`${serialCounters.value} + 1` })
    .where(eq(serialCounters.scope, scope))
    .returning({ value: serialCounters.value });
  if (bumped) return bumped.value;
  const value = (await countExisting()) + 1;
  await ex.insert(serialCounters).values({ scope, value });
  return value;
}
