import { sql } from 'drizzle-orm';
import { can, type Role } from '../../../accounts/accounts.policy.ts';
import { recordAudit, type Actor } from '../../../audit/audit.service.ts';
import type { AppContext } from '../../../platform/context.ts';
import { formatDate } from '../../../platform/dates.ts';
import type { Tx } from '../../../platform/db/client.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { collectYear } from '../annual-data.ts';
import { draftNarrative, mergeNarrative } from '../annual-narrative.ts';
import { findReportForUpdate, insertReport, updateReport, type AnnualReport } from '../annual.repo.ts';
import { getCenter, runChecks } from '../annual.service.ts';

/** Serialises the report operations of one center (generation, entry, submission). */
export async function lockCenterReports(tx: Tx, centerId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(727201, ${centerId})`);
}

/**
 * Generates (or regenerates) a center's report of a year from the data: the figures of tables 二 to 四,
 * the facts and drafts of the texts, and the checks. Regenerating refreshes figures and drafts and keeps
 * every text staff edited unless `isResettingNarrative`. The published version is never touched: the
 * public keeps the snapshot of the article's published revision until a new submission is published.
 */
export async function generateAnnualReport(
  ctx: AppContext,
  o: { centerId: number; year: number; actor: Actor; roles: ReadonlySet<Role> | undefined; isResettingNarrative?: boolean },
): Promise<AnnualReport> {
  if (!can(o.roles, 'site.manage')) throw forbidden('只有本中心的系统管理员可以生成年度报告');
  const center = await getCenter(ctx, o.centerId);
  const now = ctx.clock();
  const today = formatDate(now);
  return ctx.db.transaction(async (tx) => {
    await lockCenterReports(tx, o.centerId);
    const existing = await findReportForUpdate(tx, o.centerId, o.year);
    if (existing && existing.source !== 'generated') {
      throw new AppError('ANNUAL_REPORT_EXISTS', { userMessage: `${o.year} 年度报告已作为往年报告录入，不能再由数据生成` });
    }
    const { figures, facts } = await collectYear(tx, { centerId: o.centerId, year: o.year });
    const drafts = draftNarrative({ year: o.year, centerName: center.name, siteName: center.siteName, figures, facts });
    const narrative = mergeNarrative(existing?.narrative ?? {}, drafts, o.isResettingNarrative === true);
    const checks = await runChecks(tx, { report: { centerId: o.centerId, year: o.year, figures, narrative, source: 'generated' }, today });
    const values = { figures, facts, narrative, checks, generatedBy: o.actor.userId, generatedAt: now };
    let report: AnnualReport;
    if (existing) {
      await updateReport(tx, existing.id, values);
      report = { ...existing, ...values, lockVersion: existing.lockVersion + 1 };
    } else {
      report = await insertReport(tx, { centerId: o.centerId, year: o.year, format: '2021', source: 'generated', status: 'draft', ...values });
    }
    await recordAudit(tx, o.actor, {
      action: existing ? 'annual_report.regenerate' : 'annual_report.generate',
      centerId: o.centerId,
      targetType: 'annual_report',
      targetId: report.id,
      before: existing ? { figures: existing.figures } : undefined,
      after: { figures },
      details: { year: o.year, isResettingNarrative: o.isResettingNarrative === true, keptEdited: Object.entries(narrative).filter(([, p]) => p?.isEdited).map(([k]) => k) },
    });
    return report;
  });
}
