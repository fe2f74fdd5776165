import { findUserById } from '../accounts/accounts.repo.ts';
import type { Center } from '../centers/centers.repo.ts';
import { messageStats } from '../interaction/message-stats.ts';
import type { AppContext } from '../platform/context.ts';
import { beijingDayStart } from '../platform/dates.ts';
import { notFound } from '../platform/errors.ts';
import { publishingStats } from './publishing-stats.service.ts';
import type { StatsScopeKind } from './publishing-stats.period.ts';
import { countErrorReports, countSecurityEvents, countSurveys, findEntry, sumPageViews, sumReplyWorkingDays, type YearScope } from './website-report.repo.ts';
import { reportValues, type ComputedFigures, type EnteredValues, type ExtraFigures, type ReportValue, type SettingsFigures } from './website-report.model.ts';

export type WebsiteReport = {
  center: Center;
  year: number;
  scope: StatsScopeKind;
  /** The center and the descendants the figures cover. */
  centerCount: number;
  sections: { title: string; values: ReportValue[] }[];
  extras: ExtraFigures;
  entered: EnteredValues;
  enteredAt: Date | null;
  enteredBy: string | null;
};

/**
 * The 政府网站工作年度报表 of a center's site for a year: every row the platform's data can give computed on
 * this reading, the rest as entered by the staff (or 未填报 / 未统计), and the reference security figures.
 */
export async function getWebsiteReport(ctx: AppContext, opts: { centerId: number; year: number; scope: StatsScopeKind }): Promise<WebsiteReport> {
  const tree = await ctx.centers.get();
  const center = tree.byId.get(opts.centerId);
  if (!center) throw notFound('中心');
  const centerIds = opts.scope === 'self' ? [center.id] : tree.subtreeIds(center.id);
  const from = `${opts.year}-01-01`;
  const to = `${opts.year}-12-31`;
  const s: YearScope = { centerIds, from, to, start: beijingDayStart(from), end: beijingDayStart(`${opts.year + 1}-01-01`) };
  const entry = await findEntry(ctx.db, center.id, opts.year);
  const entered = entry?.values ?? {};
  const stats = await publishingStats(ctx.db, centerIds, from, to);
  const msgs = await messageStats(ctx.db, centerIds, from, to);
  const replyDays = await sumReplyWorkingDays(ctx.db, s);
  const pageViews = await sumPageViews(ctx.db, s);
  const surveyCounts = await countSurveys(ctx.db, s);
  const security = await countSecurityEvents(ctx.db, s, { withUnattributed: center.parentId === null });
  const errorReports = await countErrorReports(ctx.db, s);

  const itemsOf = (pred: (c: { kind: string; isInCatalog: boolean }) => boolean) => stats.columns.filter(pred).reduce((n, c) => n + c.count, 0);
  const kinds = msgs.kinds.filter((k) => k.kind !== 'error_report');
  const materials = itemsOf((c) => c.kind === 'interpretation');
  const enteredCount = (key: string) => (typeof entered[key] === 'number' ? entered[key] : 0);
  const computed: ComputedFigures = {
    pageViews,
    itemsTotal: stats.total,
    itemsGeneral: itemsOf((c) => c.kind === 'general'),
    itemsNews: itemsOf((c) => c.kind === 'news' || c.kind === 'notice'),
    itemsCatalog: itemsOf((c) => c.isInCatalog),
    interpretationMaterials: materials,
    interpretationTotal: materials + enteredCount('interpretationProducts') + enteredCount('mediaCommentaries'),
    messagesReceived: kinds.reduce((n, k) => n + k.received, 0),
    messagesReplied: kinds.reduce((n, k) => n + k.replied, 0),
    messagesAverageDays: replyDays.replied === 0 ? null : Math.round((replyDays.days * 10) / replyDays.replied) / 10,
    messagesPublished: kinds.reduce((n, k) => n + k.published, 0),
    surveys: surveyCounts.surveys,
    surveyResponses: surveyCounts.responses,
    surveyResults: surveyCounts.results,
  };
  const settings: SettingsFigures = {
    siteName: center.siteName,
    homeUrl: center.domain ? `https://${center.domain}/` : '',
    hostUnit: center.hostUnit,
    siteIdCode: center.siteIdCode,
    icpNo: center.icpNo,
    psbNo: center.psbNo,
  };
  const by = entry?.updatedBy ? await findUserById(ctx.db, entry.updatedBy) : null;
  return {
    center,
    year: opts.year,
    scope: opts.scope,
    centerCount: centerIds.length,
    sections: reportValues({ computed, settings, entered }),
    extras: {
      security: {
        loginFailures: security.byAction.get('auth.login_failed') ?? 0,
        lockouts: security.byAction.get('account.locked') ?? 0,
        totpFailures: security.byAction.get('auth.totp_failed') ?? 0,
        unattributedLoginFailures: security.unattributed,
      },
      errorReports,
    },
    entered,
    enteredAt: entry?.updatedAt ?? null,
    enteredBy: by?.displayName ?? null,
  };
}
