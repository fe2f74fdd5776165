import type { Center } from '../centers/centers.repo.ts';
import type { AppContext } from '../platform/context.ts';
import { beijingDayStart } from '../platform/dates.ts';
import type { Executor } from '../platform/db/client.ts';
import { notFound } from '../platform/errors.ts';
import { assembleStats, type DealFigures, type TradingStats } from './trading-stats.model.ts';
import type { StatsPeriod } from './trading-stats.period.ts';
import { countNotices, sumDeals } from './trading-stats.repo.ts';

/**
 * 交易统计 of the given centers over a period (YYYY-MM-DD, Beijing, both ends included): per category and
 * in total, a monthly series and each center's own figures. Two aggregate queries, whatever the size.
 */
export async function tradingStats(db: Executor, opts: { centerIds: number[]; from: string; to: string }): Promise<TradingStats> {
  if (opts.centerIds.length === 0) return assembleStats({ from: opts.from, to: opts.to, dealRows: [], noticeRows: [] });
  const scope = { ...opts, start: beijingDayStart(opts.from), end: new Date(beijingDayStart(opts.to).getTime() + 86_400_000) };
  const dealRows = await sumDeals(db, scope);
  const noticeRows = await countNotices(db, scope);
  return assembleStats({ from: opts.from, to: opts.to, dealRows, noticeRows });
}

/** A row of the per-center breakdown: a center of the subtree, its depth below the report's center. */
export type CenterBreakdownRow = { center: Center; depth: number; figures: DealFigures | null };

export type TradingReport = { center: Center; period: StatsPeriod; stats: TradingStats; breakdown: CenterBreakdownRow[] };

/**
 * The report of a center and all of its descendants (a province's report covers its cities), with one
 * breakdown row per center of the subtree, in tree order.
 */
export async function getTradingReport(ctx: AppContext, opts: { centerId: number; period: StatsPeriod }): Promise<TradingReport> {
  const tree = await ctx.centers.get();
  const center = tree.byId.get(opts.centerId);
  if (!center) throw notFound('中心');
  const ids = tree.subtreeIds(center.id);
  const stats = await tradingStats(ctx.db, { centerIds: ids, from: opts.period.from, to: opts.period.to });
  const baseDepth = tree.pathTo(center.id).length;
  const breakdown = ids.flatMap((id) => {
    const c = tree.byId.get(id);
    return c ? [{ center: c, depth: tree.pathTo(id).length - baseDepth, figures: stats.byCenter.get(id) ?? null }] : [];
  });
  return { center, period: opts.period, stats, breakdown };
}
