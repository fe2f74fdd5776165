import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../platform/db/client.ts';
import { reviewChains, reviewRuns, reviewTasks } from './review.tables.ts';

export type ReviewChain = typeof reviewChains.$inferSelect;
export type ReviewRun = typeof reviewRuns.$inferSelect;
export type ReviewTask = typeof reviewTasks.$inferSelect;

export async function findChain(ex: Executor, id: number): Promise<ReviewChain | null> {
  const [c] = await ex.select().from(reviewChains).where(eq(reviewChains.id, id));
  return c ?? null;
}

export async function listChains(ex: Executor, centerId: number): Promise<ReviewChain[]> {
  return ex.select().from(reviewChains).where(eq(reviewChains.centerId, centerId)).orderBy(asc(reviewChains.id));
}

export async function insertChain(ex: Executor, row: typeof reviewChains.$inferInsert): Promise<ReviewChain> {
  const [c] = await ex.insert(reviewChains).values(row).returning();
  if (!c) throw new Error('insert chain returned nothing');
  return c;
}

export async function updateChain(ex: Executor, id: number, patch: Partial<typeof reviewChains.$inferInsert>): Promise<void> {
  await ex.update(reviewChains).set(patch).where(eq(reviewChains.id, id));
}

export async function insertRun(ex: Executor, row: typeof reviewRuns.$inferInsert): Promise<ReviewRun> {
  const [r] = await ex.insert(reviewRuns).values(row).returning();
  if (!r) throw new Error('insert run returned nothing');
  return r;
}

export async function updateRun(ex: Executor, id: number, patch: Partial<typeof reviewRuns.$inferInsert>): Promise<void> {
  await ex.update(reviewRuns).set(patch).where(eq(reviewRuns.id, id));
}

export async function findRun(ex: Executor, id: number): Promise<ReviewRun | null> {
  const [r] = await ex.select().from(reviewRuns).where(eq(reviewRuns.id, id));
  return r ?? null;
}

export async function findActiveRun(ex: Executor, articleId: number): Promise<ReviewRun | null> {
  const [r] = await ex.select().from(reviewRuns).where(and(eq(reviewRuns.articleId, articleId), eq(reviewRuns.status, 'active')));
  return r ?? null;
}

export async function findLatestRun(ex: Executor, articleId: number): Promise<ReviewRun | null> {
  const [r] = await ex.select().from(reviewRuns).where(eq(reviewRuns.articleId, articleId)).orderBy(desc(reviewRuns.id)).limit(1);
  return r ?? null;
}

export async function listRunsOfArticle(ex: Executor, articleId: number): Promise<ReviewRun[]> {
  return ex.select().from(reviewRuns).where(eq(reviewRuns.articleId, articleId)).orderBy(asc(reviewRuns.id));
}

export async function insertTask(ex: Executor, row: typeof reviewTasks.$inferInsert): Promise<ReviewTask> {
  const [t] = await ex.insert(reviewTasks).values(row).returning();
  if (!t) throw new Error('insert task returned nothing');
  return t;
}

export async function findTask(ex: Executor, id: number): Promise<ReviewTask | null> {
  const [t] = await ex.select().from(reviewTasks).where(eq(reviewTasks.id, id));
  return t ?? null;
}

export async function listTasksOfRuns(ex: Executor, runIds: number[]): Promise<ReviewTask[]> {
  if (runIds.length === 0) return [];
  return ex.select().from(reviewTasks).where(inArray(reviewTasks.runId, runIds)).orderBy(asc(reviewTasks.id));
}

/**
 * Ends a pending task with a verdict, only if it is still pending and not claimed by someone else.
 * Returns false when another reviewer got there first (the race is decided by the database).
 */
export async function settleTask(ex: Executor, opts: { taskId: number; userId: number; status: 'approved' | 'rejected'; comment: string | null; at: Date }): Promise<boolean> {
  const res = await ex
    .update(reviewTasks)
    .set({ status: opts.status, actedBy: opts.userId, actedAt: opts.at, comment: opts.comment, claimedBy: opts.userId })
    .where(and(eq(reviewTasks.id, opts.taskId), eq(reviewTasks.status, 'pending'), sql`(${reviewTasks.claimedBy} is null or ${reviewTasks.claimedBy} = ${opts.userId})`))
    .returning({ id: reviewTasks.id });
  return res.length === 1;
}

export async function claimTask(ex: Executor, taskId: number, userId: number | null): Promise<boolean> {
  const res = await ex
    .update(reviewTasks)
    .set({ claimedBy: userId })
    .where(and(eq(reviewTasks.id, taskId), eq(reviewTasks.status, 'pending'), userId === null ? sql`true` : sql`${reviewTasks.claimedBy} is null`))
    .returning({ id: reviewTasks.id });
  return res.length === 1;
}

export async function voidPendingTasks(ex: Executor, runId: number): Promise<void> {
  await ex.update(reviewTasks).set({ status: 'void' }).where(and(eq(reviewTasks.runId, runId), eq(reviewTasks.status, 'pending')));
}

/** Pending tasks where the user is among the assignees. */
export async function listPendingTasksFor(ex: Executor, centerId: number, userId: number): Promise<ReviewTask[]> {
  return ex
    .select()
    .from(reviewTasks)
    .where(and(eq(reviewTasks.centerId, centerId), eq(reviewTasks.status, 'pending'), sql`${reviewTasks.assigneeIds} @> ${JSON.stringify([userId])}::jsonb`))
    .orderBy(asc(reviewTasks.createdAt));
}

/** Tasks the user has acted on, newest first. */
export async function listActedTasksBy(ex: Executor, centerId: number, userId: number, limit: number): Promise<ReviewTask[]> {
  return ex
    .select()
    .from(reviewTasks)
    .where(and(eq(reviewTasks.centerId, centerId), eq(reviewTasks.actedBy, userId)))
    .orderBy(desc(reviewTasks.actedAt))
    .limit(limit);
}
