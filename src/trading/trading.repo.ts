import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { articleRevisions, articles } from '../content/content.tables.ts';
import type { Executor } from '../platform/db/client.ts';
import type { NoticeFacts, NoticeType } from './trading.model.ts';
import { agentApiKeys, agentFirms, bidderRegistrations, notices, projects, tradingPolicies } from './trading.tables.ts';

export type Project = typeof projects.$inferSelect;
export type Notice = typeof notices.$inferSelect;
export type AgentFirm = typeof agentFirms.$inferSelect;
export type AgentApiKey = typeof agentApiKeys.$inferSelect;
export type TradingPolicy = typeof tradingPolicies.$inferSelect;
export type BidderRegistration = typeof bidderRegistrations.$inferSelect;

export async function findProject(ex: Executor, id: number): Promise<Project | null> {
  const [row] = await ex.select().from(projects).where(eq(projects.id, id)).limit(1);
  return row ?? null;
}

export async function insertProject(ex: Executor, row: typeof projects.$inferInsert): Promise<Project> {
  const [made] = await ex.insert(projects).values(row).returning();
  if (!made) throw new Error('insert trading_project returned nothing');
  return made;
}

export async function updateProject(ex: Executor, id: number, patch: Partial<typeof projects.$inferInsert>): Promise<void> {
  await ex.update(projects).set({ ...patch, updatedAt: sql`now()` }).where(eq(projects.id, id));
}

export async function countDealCodesWithPrefix(ex: Executor, prefix: string): Promise<number> {
  const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(projects).where(sql`${projects.code} like ${`${prefix}%`}`);
  return row?.n ?? 0;
}

export async function findNotice(ex: Executor, id: number): Promise<Notice | null> {
  const [row] = await ex.select().from(notices).where(eq(notices.id, id)).limit(1);
  return row ?? null;
}

export async function findNoticeByArticle(ex: Executor, articleId: number): Promise<Notice | null> {
  const [row] = await ex.select().from(notices).where(eq(notices.articleId, articleId)).limit(1);
  return row ?? null;
}

export async function findNoticeByIdempotencyKey(ex: Executor, agentFirmId: number, key: string): Promise<Notice | null> {
  const [row] = await ex
    .select()
    .from(notices)
    .where(and(eq(notices.agentFirmId, agentFirmId), eq(notices.idempotencyKey, key)))
    .limit(1);
  return row ?? null;
}

export async function insertNotice(ex: Executor, row: typeof notices.$inferInsert): Promise<Notice> {
  const [made] = await ex.insert(notices).values(row).returning();
  if (!made) throw new Error('insert trading_notice returned nothing');
  return made;
}

export async function updateNotice(ex: Executor, id: number, patch: Partial<typeof notices.$inferInsert>): Promise<void> {
  await ex.update(notices).set(patch).where(eq(notices.id, id));
}

export type PublishedNoticeFacts = { id: number; articleId: number; type: NoticeType; publishedAt: Date; title: string; facts: NoticeFacts };

/** The project's published notices with the facts of their published versions, oldest first. */
export async function listPublishedFactsOfProject(ex: Executor, projectId: number): Promise<PublishedNoticeFacts[]> {
  const rows = await ex
    .select({ id: notices.id, articleId: notices.articleId, type: notices.type, publishedAt: articles.publishedAt, title: articles.title, fields: articleRevisions.fields })
    .from(notices)
    .innerJoin(articles, eq(articles.id, notices.articleId))
    .innerJoin(articleRevisions, eq(articleRevisions.id, articles.publishedRevisionId))
    .where(and(eq(notices.projectId, projectId), eq(articles.status, 'published')))
    .orderBy(asc(articles.publishedAt), asc(notices.id));
  return rows.flatMap((r) => (r.publishedAt && r.fields.notice ? [{ id: r.id, articleId: r.articleId, type: r.type as NoticeType, publishedAt: r.publishedAt, title: r.title, facts: r.fields.notice }] : []));
}

/** Notices of a project with their article state, for the back office (every state, newest first). */
export async function listNoticesOfProjectForAdmin(ex: Executor, projectId: number) {
  return ex
    .select({ id: notices.id, type: notices.type, source: notices.source, title: articles.title, status: articles.status, reviewState: articles.reviewState, inspectionState: notices.inspectionState, publishedAt: articles.publishedAt, createdAt: notices.createdAt })
    .from(notices)
    .innerJoin(articles, eq(articles.id, notices.articleId))
    .where(eq(notices.projectId, projectId))
    .orderBy(desc(notices.id));
}

export async function findAgentFirm(ex: Executor, id: number): Promise<AgentFirm | null> {
  const [row] = await ex.select().from(agentFirms).where(eq(agentFirms.id, id)).limit(1);
  return row ?? null;
}

export async function listAgentFirms(ex: Executor, centerId: number): Promise<AgentFirm[]> {
  return ex.select().from(agentFirms).where(eq(agentFirms.centerId, centerId)).orderBy(asc(agentFirms.id));
}

export async function insertAgentFirm(ex: Executor, row: typeof agentFirms.$inferInsert): Promise<AgentFirm> {
  const [made] = await ex.insert(agentFirms).values(row).returning();
  if (!made) throw new Error('insert agent_firm returned nothing');
  return made;
}

export async function updateAgentFirm(ex: Executor, id: number, patch: Partial<typeof agentFirms.$inferInsert>): Promise<void> {
  await ex.update(agentFirms).set(patch).where(eq(agentFirms.id, id));
}

export async function insertApiKey(ex: Executor, row: typeof agentApiKeys.$inferInsert): Promise<AgentApiKey> {
  const [made] = await ex.insert(agentApiKeys).values(row).returning();
  if (!made) throw new Error('insert agent_api_key returned nothing');
  return made;
}

export async function findLiveApiKey(ex: Executor, keyHash: string): Promise<AgentApiKey | null> {
  const [row] = await ex
    .select()
    .from(agentApiKeys)
    .where(and(eq(agentApiKeys.keyHash, keyHash), isNull(agentApiKeys.revokedAt)))
    .limit(1);
  return row ?? null;
}

export async function listApiKeys(ex: Executor, agentFirmId: number): Promise<AgentApiKey[]> {
  return ex.select().from(agentApiKeys).where(eq(agentApiKeys.agentFirmId, agentFirmId)).orderBy(desc(agentApiKeys.id));
}

export async function touchApiKey(ex: Executor, id: number, at: Date): Promise<void> {
  await ex.update(agentApiKeys).set({ lastUsedAt: at }).where(eq(agentApiKeys.id, id));
}

export async function revokeApiKey(ex: Executor, id: number, agentFirmId: number, at: Date): Promise<boolean> {
  const rows = await ex
    .update(agentApiKeys)
    .set({ revokedAt: at })
    .where(and(eq(agentApiKeys.id, id), eq(agentApiKeys.agentFirmId, agentFirmId), isNull(agentApiKeys.revokedAt)))
    .returning({ id: agentApiKeys.id });
  return rows.length > 0;
}

export async function findPolicy(ex: Executor, centerId: number, category: string): Promise<TradingPolicy | null> {
  const [row] = await ex
    .select()
    .from(tradingPolicies)
    .where(and(eq(tradingPolicies.centerId, centerId), eq(tradingPolicies.category, category)))
    .limit(1);
  return row ?? null;
}

export async function listPolicies(ex: Executor, centerId: number): Promise<TradingPolicy[]> {
  return ex.select().from(tradingPolicies).where(eq(tradingPolicies.centerId, centerId));
}

export async function upsertPolicy(ex: Executor, row: { centerId: number; category: string; inspectionMode: string; ruleSeverity: Record<string, 'block' | 'warn' | 'off'> }): Promise<void> {
  await ex
    .insert(tradingPolicies)
    .values(row)
    .onConflictDoUpdate({ target: [tradingPolicies.centerId, tradingPolicies.category], set: { inspectionMode: row.inspectionMode, ruleSeverity: row.ruleSeverity, updatedAt: sql`now()` } });
}

export async function insertRegistration(ex: Executor, row: typeof bidderRegistrations.$inferInsert): Promise<BidderRegistration> {
  const [made] = await ex.insert(bidderRegistrations).values(row).returning();
  if (!made) throw new Error('insert bidder_registration returned nothing');
  return made;
}

export async function listRegistrations(ex: Executor, projectId: number): Promise<BidderRegistration[]> {
  return ex.select().from(bidderRegistrations).where(eq(bidderRegistrations.projectId, projectId)).orderBy(asc(bidderRegistrations.id));
}

export async function countRegistrations(ex: Executor, projectId: number): Promise<{ downloads: number; deposits: number }> {
  const rows = await ex
    .select({ kind: bidderRegistrations.kind, n: sql<number>`count(*)::int` })
    .from(bidderRegistrations)
    .where(eq(bidderRegistrations.projectId, projectId))
    .groupBy(bidderRegistrations.kind);
  return { downloads: rows.find((r) => r.kind === 'download')?.n ?? 0, deposits: rows.find((r) => r.kind === 'deposit')?.n ?? 0 };
}

/** Notices awaiting 巡查 (published at once, not yet inspected), oldest first. */
export async function listInspectionQueue(ex: Executor, centerIds: number[], states: string[], limit: number) {
  if (centerIds.length === 0) return [];
  return ex
    .select({
      id: notices.id,
      articleId: notices.articleId,
      projectId: notices.projectId,
      type: notices.type,
      category: notices.category,
      findings: notices.findings,
      inspectionState: notices.inspectionState,
      inspectionNote: notices.inspectionNote,
      agentFirmId: notices.agentFirmId,
      title: articles.title,
      status: articles.status,
      publishedAt: articles.publishedAt,
      pendingCorrection: articles.pendingCorrection,
      createdAt: notices.createdAt,
    })
    .from(notices)
    .innerJoin(articles, eq(articles.id, notices.articleId))
    .where(and(inArray(notices.centerId, centerIds), inArray(notices.inspectionState, states)))
    .orderBy(asc(notices.createdAt))
    .limit(limit);
}

/** An agent firm's notices (every state), newest first. */
export async function listNoticesOfAgent(ex: Executor, agentFirmId: number, limit: number) {
  return ex
    .select({
      id: notices.id,
      projectId: notices.projectId,
      type: notices.type,
      findings: notices.findings,
      inspectionState: notices.inspectionState,
      inspectionNote: notices.inspectionNote,
      title: articles.title,
      status: articles.status,
      reviewState: articles.reviewState,
      pendingCorrection: articles.pendingCorrection,
      publishedAt: articles.publishedAt,
      createdAt: notices.createdAt,
    })
    .from(notices)
    .innerJoin(articles, eq(articles.id, notices.articleId))
    .where(eq(notices.agentFirmId, agentFirmId))
    .orderBy(desc(notices.id))
    .limit(limit);
}

export async function listProjectsOfAgent(ex: Executor, agentFirmId: number, limit: number): Promise<Project[]> {
  return ex.select().from(projects).where(eq(projects.agentFirmId, agentFirmId)).orderBy(desc(projects.id)).limit(limit);
}

/** How many notices wait for 巡查 at a center, and since when: the patrol's work list on the dashboard. */
export async function countInspection(ex: Executor, centerId: number): Promise<{ pending: number; oldestAt: Date | null }> {
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${notices.createdAt})` })
    .from(notices)
    .where(and(eq(notices.centerId, centerId), eq(notices.inspectionState, 'pending')));
  return { pending: row?.n ?? 0, oldestAt: row?.oldest ? new Date(row.oldest) : null };
}
