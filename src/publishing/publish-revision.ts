import { sql } from 'drizzle-orm';
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import { nextSerial } from '../platform/db/serials.repo.ts';
import { countIndexNosOfYear, findAttachments, findRevision, setArticleSearch, updateArticle, updateRevision, type Article } from '../content/articles.repo.ts';
import { beijingYear } from '../platform/dates.ts';
import type { Tx } from '../platform/db/client.ts';
import { htmlToText } from '../platform/search/snippet.ts';
import { toIndexText } from '../platform/search/tokenizer.ts';
import { applyNoticePublished } from '../trading/notice-publication.ts';
import { insertOutboxEvent } from './outbox.repo.ts';
import { appendLogEntry } from './publication-log.ts';

/**
 * The one publishing path (articles and trading notices): freezes the working revision as a new
 * published version, sets published_at once (server time, never changed), refreshes the search text,
 * appends the public log leaf and writes the outbox event — all in the caller's transaction.
 */
export async function publishWorkingRevision(
  tx: Tx,
  opts: { article: Article; actor: Actor; now: Date; isForced: boolean; indexPrefix: string; forceReason?: string },
): Promise<void> {
  const { article, now } = opts;
  // Serialises publications: index numbers and log sequence are then assigned in commit order.
  await tx.execute(sql`lock table publication_log in exclusive mode`);
  if (!article.currentRevisionId) throw new Error(`article ${article.id} has no working revision`);
  const revision = await findRevision(tx, article.currentRevisionId);
  if (!revision) throw new Error(`revision ${article.currentRevisionId} missing`);
  const isCorrection = article.publishedRevisionId !== null;
  const previous = isCorrection && article.publishedRevisionId ? await findRevision(tx, article.publishedRevisionId) : null;
  const versionNo = (previous?.publishedVersionNo ?? 0) + 1;
  await updateRevision(tx, revision.id, { publishedAt: now, publishedVersionNo: versionNo });

  let indexNo = article.indexNo;
  if (!indexNo) {
    const prefix = `${opts.indexPrefix}/${beijingYear(now)}-`;
    const serial = await nextSerial(tx, `index-no:${article.centerId}:${prefix}`, () => countIndexNosOfYear(tx, article.centerId, prefix));
    indexNo = `${prefix}${String(serial).padStart(5, '0')}`;
  }
  await updateArticle(tx, article.id, {
    status: 'published',
    reviewState: 'none',
    pendingCorrection: false,
    publishedRevisionId: revision.id,
    publishedAt: article.publishedAt ?? now,
    title: revision.title,
    summary: revision.summary,
    indexNo,
    ...(opts.isForced ? { isForcePublished: true } : {}),
  });
  const attachments = await findAttachments(tx, revision.attachmentIds);
  const f = revision.fields;
  await setArticleSearch(
    tx,
    article.id,
    toIndexText(revision.title, revision.title, revision.summary, htmlToText(revision.bodyHtml), f.docNo ?? '', f.issuingBody ?? '', f.matter ?? '', attachments.map((a) => a.originalName).join(' ')),
  );
  if (f.notice) await applyNoticePublished(tx, { articleId: article.id, facts: f.notice, now });
  const action = isCorrection ? 'correct' : 'publish';
  const entry = await appendLogEntry(tx, { centerId: article.centerId, itemType: 'article', itemId: article.id, versionNo, action, contentHash: revision.contentHash, title: revision.title, at: now });
  await insertOutboxEvent(tx, {
    event: isCorrection ? 'article.corrected' : 'article.published',
    centerId: article.centerId,
    payload: { articleId: article.id, columnId: article.columnId, versionNo, contentHash: revision.contentHash, logSeq: entry.seq },
  });
  await recordAudit(tx, opts.actor, {
    action: opts.isForced ? 'article.force_publish' : isCorrection ? 'article.publish_correction' : 'article.publish',
    centerId: article.centerId,
    targetType: 'article',
    targetId: article.id,
    before: previous ? { revision: previous.contentHash } : undefined,
    after: { revision: revision.contentHash, versionNo },
    details: opts.forceReason ? { reason: opts.forceReason } : {},
  });
}
