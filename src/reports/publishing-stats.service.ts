import type { Center } from '../centers/centers.repo.ts';
import type { AppContext } from '../platform/context.ts';
import { beijingDayStart } from '../platform/dates.ts';
import type { Executor } from '../platform/db/client.ts';
import { notFound } from '../platform/errors.ts';
import { assemblePublishingStats, type PublishingStats } from './publishing-stats.model.ts';
import type { PublishingPeriod, StatsScopeKind } from './publishing-stats.period.ts';
import { countArticles, countNoticesByType } from './publishing-stats.repo.ts';

/**
 * 发布统计 of the given centers over [from, to] (YYYY-MM-DD, Beijing, both included): items per column, per
 * drafting department, per center and per month, and trading notices per type and category. Two aggregate
 * queries, whatever the size. The annual report (政府信息公开工作年度报告) calls this too.
 */
export async function publishingStats(ex: Executor, centerIds: number[], from: string, to: string): Promise<PublishingStats> {
  if (centerIds.length === 0) return assemblePublishingStats({ from, to, articleRows: [], noticeRows: [] });
  const scope = { centerIds, start: beijingDayStart(from), end: new Date(beijingDayStart(to).getTime() + 86_400_000) };
  const articleRows = await countArticles(ex, scope);
  const noticeRows = await countNoticesByType(ex, scope);
  return assemblePublishingStats({ from, to, articleRows, noticeRows });
}

export type CenterRow = { center: Center; depth: number; count: number };

export type PublishingReport = {
  center: Center;
  period: PublishingPeriod;
  scope: StatsScopeKind;
  stats: PublishingStats;
  /** One row per center of the scope, in tree order (the center alone when the scope is `self`). */
  centers: CenterRow[];
  /** Center names by id, for the department and column rows of a subtree. */
  centerNames: Map<number, string>;
};

/** The report of a center with its descendants (`subtree`) or alone (`self`). */
export async function getPublishingReport(ctx: AppContext, opts: { centerId: number; period: PublishingPeriod; scope: StatsScopeKind }): Promise<PublishingReport> {
  const tree = await ctx.centers.get();
  const center = tree.byId.get(opts.centerId);
  if (!center) throw notFound('中心');
  const ids = opts.scope === 'self' ? [center.id] : tree.subtreeIds(center.id);
  const stats = await publishingStats(ctx.db, ids, opts.period.from, opts.period.to);
  const baseDepth = tree.pathTo(center.id).length;
  const centers = ids.flatMap((id) => {
    const c = tree.byId.get(id);
    return c ? [{ center: c, depth: tree.pathTo(id).length - baseDepth, count: stats.byCenter.get(id) ?? 0 }] : [];
  });
  return { center, period: opts.period, scope: opts.scope, stats, centers, centerNames: new Map(centers.map((c) => [c.center.id, c.center.shortName || c.center.name])) };
}
