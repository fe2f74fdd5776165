import { sql } from 'drizzle-orm';
import type { Role } from '../accounts/accounts.policy.ts';
import type { User } from '../accounts/accounts.repo.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/audit.service.ts';
import { findArticle, insertArticle, insertRevision, nextRevisionNo, updateArticle } from '../content/articles.repo.ts';
import type { Column } from '../content/columns.repo.ts';
import { parseArticleInput, type ArticleInput } from '../content/content.schema.ts';
import { articles } from '../content/content.tables.ts';
import { revisionValues } from '../content/operations/save-article.ts';
import type { Db, Tx } from '../platform/db/client.ts';
import { takeDown } from '../publishing/operations/withdraw-article.ts';
import { publishWorkingRevision } from '../publishing/publish-revision.ts';
import type { DemoCenter } from './demo-centers.ts';
import type { DemoColumns } from './demo-columns.ts';
import type { PlannedArticle } from './demo-plan.ts';
import { isoDay, summarize, toHtml } from './demo-text.ts';
import { staffMember, type DemoStaff } from './demo-users.ts';

/** A demo center with everything articles need. */
export type DemoSite = { demo: DemoCenter; columns: DemoColumns; staff: DemoStaff };

type Event = { at: Date; order: number; kind: 'publish' | 'correct' | 'withdraw'; plan: PlannedArticle };

const EVENTS_PER_TRANSACTION = 50;

/**
 * Replays the planned history in time order through the real publishing path (publishWorkingRevision,
 * takeDown), so index numbers, the publication log and the outbox come out as production would write them.
 * Returns the article id of every planned key.
 */
export async function writePublishedHistory(db: Db, opts: { plan: PlannedArticle[]; sites: Map<string, DemoSite> }): Promise<Map<string, number>> {
  const events: Event[] = [];
  opts.plan.forEach((plan, order) => {
    if (plan.state !== 'published' || !plan.publishedAt) return;
    events.push({ at: plan.publishedAt, order, kind: 'publish', plan });
    if (plan.correction) events.push({ at: plan.correction.at, order, kind: 'correct', plan });
    if (plan.withdrawal) events.push({ at: plan.withdrawal.at, order, kind: 'withdraw', plan });
  });
  events.sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
  const ids = new Map<string, number>();
  for (let i = 0; i < events.length; i += EVENTS_PER_TRANSACTION) {
    await db.transaction(async (tx) => {
      for (const e of events.slice(i, i + EVENTS_PER_TRANSACTION)) await replay(tx, { event: e, ids, site: siteOf(opts.sites, e.plan) });
    });
  }
  await db.transaction(async (tx) => backdateUpdatedAt(tx, Array.from(ids.values())));
  return ids;
}

/** The raw form of a planned text, exactly as the editor form would post it. */
export function rawInput(plan: PlannedArticle, opts: { paragraphs?: string[]; correctionNote?: string; policyArticleId?: number | undefined }): Record<string, unknown> {
  const paragraphs = opts.paragraphs ?? plan.text.paragraphs;
  const fields = plan.text.fields ?? {};
  const formedOn = typeof fields.issuedOn === 'string' ? fields.issuedOn : plan.publishedAt ? isoDay(plan.publishedAt) : '';
  return {
    ...fields,
    title: plan.text.title,
    bodyHtml: toHtml(paragraphs),
    summary: summarize(plan.text.paragraphs),
    source: plan.text.source,
    formedOn,
    ...(opts.correctionNote ? { correctionNote: opts.correctionNote } : {}),
    ...(opts.policyArticleId ? { policyArticleId: opts.policyArticleId } : {}),
  };
}

export function actorOf(user: User): Actor {
  return { userId: user.id, name: user.displayName, ip: '', userAgent: '' };
}

export function siteOf(sites: Map<string, DemoSite>, plan: PlannedArticle): DemoSite {
  const site = sites.get(plan.centerCode);
  if (!site) throw new Error(`demo center ${plan.centerCode} missing`);
  return site;
}

/** The planned author, or the center's first editor where that post exists only at the province. */
export function authorOf(site: DemoSite, plan: PlannedArticle): User {
  return site.staff[plan.author] ?? staffMember(site.staff, 'editor');
}

export const EDITOR_ROLES: ReadonlySet<Role> = new Set<Role>(['editor']);

async function replay(tx: Tx, opts: { event: Event; ids: Map<string, number>; site: DemoSite }): Promise<void> {
  const { event, ids, site } = opts;
  const { plan } = event;
  if (event.kind === 'publish') {
    const policyArticleId = plan.policyKey ? ids.get(plan.policyKey) : undefined;
    if (plan.policyKey && !policyArticleId) throw new Error(`${plan.key}: its policy ${plan.policyKey} is not published yet`);
    ids.set(plan.key, await publishNew(tx, { plan, site, at: event.at, raw: rawInput(plan, { policyArticleId }) }));
    return;
  }
  const id = ids.get(plan.key);
  if (!id) throw new Error(`${plan.key}: ${event.kind} before publication`);
  if (event.kind === 'correct' && plan.correction) {
    const article = await findArticle(tx, id);
    const column = site.columns[plan.column];
    if (!article) throw new Error(`article ${id} missing`);
    const input = parse(rawInput(plan, { paragraphs: plan.correction.paragraphs, correctionNote: plan.correction.note }), { column, at: event.at, isCorrection: true });
    const rev = await insertRevision(tx, { articleId: id, revisionNo: await nextRevisionNo(tx, id), ...revisionValues(input), authorId: article.authorId, createdAt: hoursBefore(event.at, 2) });
    await updateArticle(tx, id, { currentRevisionId: rev.id, pendingCorrection: true });
    await publishAt(tx, { id, site, at: event.at });
    return;
  }
  if (event.kind === 'withdraw' && plan.withdrawal) {
    await takeDown(tx, { articleId: id, status: 'withdrawn', reason: plan.withdrawal.reason, actor: actorOf(staffMember(site.staff, 'admin')), now: event.at });
  }
}

/** What createArticle does (draft, revision 1, audit), then what the last approval does (publish). */
async function publishNew(tx: Tx, opts: { plan: PlannedArticle; site: DemoSite; at: Date; raw: Record<string, unknown> }): Promise<number> {
  const { plan, site, at } = opts;
  const column = site.columns[plan.column];
  const author = authorOf(site, plan);
  const input = parse(opts.raw, { column, at, isCorrection: false });
  const createdAt = hoursBefore(at, 26);
  const article = await insertArticle(tx, {
    centerId: site.demo.center.id,
    columnId: column.id,
    departmentId: author.departmentId,
    authorId: author.id,
    status: 'draft',
    publisher: site.demo.center.name,
    title: input.title,
    summary: input.summary,
    goLiveAt: input.goLiveAt,
    expiresAt: input.expiresAt,
    formedOn: input.formedOn,
    createdAt,
  });
  const rev = await insertRevision(tx, { articleId: article.id, revisionNo: 1, ...revisionValues(input), authorId: author.id, createdAt });
  await updateArticle(tx, article.id, { currentRevisionId: rev.id });
  await recordAudit(tx, actorOf(author), { action: 'article.create', centerId: article.centerId, targetType: 'article', targetId: article.id, after: { revision: rev.contentHash } });
  await publishAt(tx, { id: article.id, site, at });
  return article.id;
}

async function publishAt(tx: Tx, opts: { id: number; site: DemoSite; at: Date }): Promise<void> {
  const article = await findArticle(tx, opts.id);
  if (!article) throw new Error(`article ${opts.id} missing`);
  await publishWorkingRevision(tx, { article, actor: SYSTEM_ACTOR, now: opts.at, isForced: false, indexPrefix: opts.site.demo.center.indexPrefix });
}

/** The same validation and cleaning as the editor form; a planned text that fails it is a bug in the demo. */
export function parse(raw: Record<string, unknown>, opts: { column: Column; at: Date; isCorrection: boolean }): ArticleInput {
  const { input, errors } = parseArticleInput(raw, { columnKind: opts.column.kind, isCorrection: opts.isCorrection, now: opts.at });
  if (errors.length > 0) throw new Error(`demo article “${String(raw.title)}” is invalid: ${errors.map((e) => e.message).join('; ')}`);
  return input;
}

function hoursBefore(at: Date, hours: number): Date {
  return new Date(at.getTime() - hours * 3600_000);
}

/** updateArticle stamps the real time; a replayed history should show when each item last changed. */
async function backdateUpdatedAt(tx: Tx, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(sql`
    update ${articles} set updated_at = greatest(
      ${articles.createdAt},
      coalesce(${articles.withdrawnAt}, ${articles.createdAt}),
      coalesce((select max(r.published_at) from article_revision r where r.article_id = ${articles.id}), ${articles.createdAt}))
    where ${articles.id} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);
}
