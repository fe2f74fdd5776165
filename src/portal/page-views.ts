import { sql } from 'drizzle-orm';
import { addViews } from '../content/articles.repo.ts';
import { pageViewsDaily } from '../content/content.tables.ts';
import { formatDate } from '../platform/dates.ts';
import type { Db } from '../platform/db/client.ts';

/**
 * Page views are counted in memory and flushed in one transaction every few seconds, not written per
 * request. A crash loses at most one interval of counts, which the 年度报表 can bear.
 */
export type PageViewCounter = {
  count: (v: { centerId: number; columnId: number; articleId: number }) => void;
  flush: () => Promise<void>;
  stop: () => Promise<void>;
};

export function createPageViewCounter(db: Db, opts: { intervalMs: number; clock: () => Date }): PageViewCounter {
  let pending = new Map<string, number>();
  let flushing: Promise<void> | null = null;
  const flush = async () => {
    if (flushing) return flushing;
    if (pending.size === 0) return;
    const batch = pending;
    pending = new Map();
    flushing = (async () => {
      const rows = Array.from(batch, ([key, views]) => {
        const [day, centerId, columnId, articleId] = key.split('|');
        return { day: day ?? '', centerId: Number(centerId), columnId: Number(columnId), articleId: Number(articleId), views };
      });
      const perArticle = new Map<number, number>();
      for (const r of rows) if (r.articleId > 0) perArticle.set(r.articleId, (perArticle.get(r.articleId) ?? 0) + r.views);
      await db.transaction(async (tx) => {
        await tx
          .insert(pageViewsDaily)
          .values(rows)
          .onConflictDoUpdate({
            target: [pageViewsDaily.day, pageViewsDaily.centerId, pageViewsDaily.columnId, pageViewsDaily.articleId],
            set: { views: sql`${pageViewsDaily.views} + excluded.views` },
          });
        for (const [id, n] of perArticle) await addViews(tx, id, n);
      });
    })().finally(() => {
      flushing = null;
    });
    return flushing;
  };
  const timer = setInterval(() => {
    flush().catch(() => {
      /* counts of this interval are lost; the next flush goes on */
    });
  }, opts.intervalMs);
  timer.unref();
  // The day part of the key, recomputed once a second rather than formatted on every request.
  let day = formatDate(opts.clock());
  let dayCheckedAt = Date.now();
  return {
    count(v) {
      if (Date.now() - dayCheckedAt > 1000) {
        day = formatDate(opts.clock());
        dayCheckedAt = Date.now();
      }
      const key = `${day}|${v.centerId}|${v.columnId}|${v.articleId}`;
      pending.set(key, (pending.get(key) ?? 0) + 1);
    },
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}
