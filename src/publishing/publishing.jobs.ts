import type { PgBoss } from 'pg-boss';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { listDueExpiry, listDueScheduled, lockArticle } from '../content/articles.repo.ts';
import type { AppContext } from '../platform/context.ts';
import { listUnrelayed, markRelayed, type OutboxEvent } from './outbox.repo.ts';
import { publishWorkingRevision } from './publish-revision.ts';
import { takeDown } from './operations/withdraw-article.ts';

export const JOB_PUBLISH_DUE = 'publishing.publish-due';
export const JOB_RELAY_OUTBOX = 'publishing.relay-outbox';

/** Publishes scheduled articles whose go-live time has come and takes down expired ones. */
export async function publishDue(ctx: AppContext): Promise<number> {
  const now = ctx.clock();
  let n = 0;
  const tree = await ctx.centers.get();
  for (const a of await listDueScheduled(ctx.db, now)) {
    await ctx.db.transaction(async (tx) => {
      const article = await lockArticle(tx, a.id);
      if (article?.status !== 'scheduled') return;
      await publishWorkingRevision(tx, { article, actor: SYSTEM_ACTOR, now, isForced: false, indexPrefix: tree.byId.get(article.centerId)?.indexPrefix ?? String(article.centerId) });
      n++;
    });
  }
  for (const a of await listDueExpiry(ctx.db, now)) {
    await ctx.db.transaction(async (tx) => {
      await takeDown(tx, { articleId: a.id, status: 'expired', reason: '到达设定的下线时间', actor: SYSTEM_ACTOR, now });
      n++;
    });
  }
  if (n > 0) ctx.notifyOutbox();
  return n;
}

/** Handlers of outbox events. Channel deliveries (WeChat, provincial platform …) will register here. */
export type OutboxHandler = (e: OutboxEvent) => Promise<void>;

/** Relays unrelayed outbox events through every handler, each event once. */
export async function relayOutbox(ctx: AppContext, handlers: OutboxHandler[]): Promise<number> {
  let n = 0;
  for (const e of await listUnrelayed(ctx.db, 200)) {
    for (const h of handlers) await h(e);
    if (await markRelayed(ctx.db, e.id, ctx.clock())) n++;
  }
  return n;
}

export async function registerPublishingJobs(boss: PgBoss, ctx: AppContext, handlers: OutboxHandler[]): Promise<void> {
  await boss.createQueue(JOB_PUBLISH_DUE);
  await boss.createQueue(JOB_RELAY_OUTBOX);
  await boss.work(JOB_PUBLISH_DUE, async () => {
    await publishDue(ctx);
  });
  await boss.work(JOB_RELAY_OUTBOX, async () => {
    await relayOutbox(ctx, handlers);
  });
  await boss.schedule(JOB_PUBLISH_DUE, '* * * * *');
  await boss.schedule(JOB_RELAY_OUTBOX, '* * * * *');
}
