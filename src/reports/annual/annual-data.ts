/** Gathers a center's year from the other features' data: the report's figures and the facts of its texts. */
import { messageStats } from '../../interaction/message-stats.ts';
import { beijingDayStart } from '../../platform/dates.ts';
import type { Executor } from '../../platform/db/client.ts';
import { NOTICE_TYPE_LABELS, NOTICE_TYPES } from '../../trading/trading.model.ts';
import { tradingStats } from '../trading-stats.service.ts';
import { proactiveFiguresOf, requestGridOf, reviewFiguresOf } from './annual-figures.ts';
import { countAppeals, countLateReplies, countNormativeDocuments, countPublishedByColumn, countRequests, sumFees, sumPageViews, type YearScope } from './annual-counts.repo.ts';
import type { AnnualFacts, AnnualFigures } from './annual.model.ts';
import { findAdminFigures } from './annual.repo.ts';

export function yearScope(centerId: number, year: number): YearScope {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return { centerId, from, to, start: beijingDayStart(from), end: beijingDayStart(`${year + 1}-01-01`) };
}

/**
 * The figures and facts of one center's calendar year: a handful of aggregate queries whatever the
 * number of cases (table 三 is one grouped query), run one after another (PGlite has one connection).
 */
export async function collectYear(ex: Executor, o: { centerId: number; year: number }): Promise<{ figures: AnnualFigures; facts: AnnualFacts }> {
  const s = yearScope(o.centerId, o.year);
  const requests = requestGridOf(await countRequests(ex, s));
  const reviewLitigation = reviewFiguresOf(await countAppeals(ex, s));
  const normative = await countNormativeDocuments(ex, s);
  const recorded = await findAdminFigures(ex, o.centerId, o.year);
  const proactive = proactiveFiguresOf({ normative, recorded });
  const columns = await countPublishedByColumn(ex, s);
  const trading = await tradingStats(ex, { centerIds: [o.centerId], from: s.from, to: s.to });
  const messages = await messageStats(ex, [o.centerId], s.from, s.to);
  const pageViews = await sumPageViews(ex, s);
  const lateReplies = await countLateReplies(ex, s);
  const fees = await sumFees(ex, s);
  const fee = (kind: string) => fees.find((f) => f.kind === kind) ?? { count: 0, fen: 0 };
  const facts: AnnualFacts = {
    columns,
    interpretations: columns.filter((c) => c.kind === 'interpretation').reduce((n, c) => n + c.count, 0),
    notices: NOTICE_TYPES.map((type) => ({ type, label: NOTICE_TYPE_LABELS[type], count: trading.total.notices[type] })),
    projects: trading.total.projects,
    deals: trading.total.deals,
    awardFen: trading.total.awardFen,
    messages: messages.kinds.map((k) => ({ label: k.label, received: k.received, replied: k.replied })),
    messagesTotal: { received: messages.total.received, replied: messages.total.replied, repliedOnTime: messages.total.repliedOnTime },
    pageViews,
    lateReplies,
    fees: { notices: fee('fee_notified').count, notifiedFen: fee('fee_notified').fen, paid: fee('fee_paid').count, paidFen: fee('fee_paid').fen, waived: fee('fee_waived').count },
  };
  return { figures: { format: '2021', requests, proactive, reviewLitigation }, facts };
}
