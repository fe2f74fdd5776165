import { can, type Role } from '../../../accounts/accounts.policy.ts';
import { recordAudit, type Actor } from '../../../audit/audit.service.ts';
import type { AppContext } from '../../../platform/context.ts';
import { formatDate } from '../../../platform/dates.ts';
import { forbidden, validationError } from '../../../platform/errors.ts';
import { parseProactiveForm } from '../annual-entry.schema.ts';
import { proactiveFiguresOf } from '../annual-figures.ts';
import { findAdminFigures, findReportForUpdate, updateReport, upsertAdminFigures } from '../annual.repo.ts';
import { getCenter, runChecks } from '../annual.service.ts';
import { draftNarrative } from '../annual-narrative.ts';
import { lockCenterReports } from './generate-annual-report.ts';

/**
 * Records the table-二 figures of a year that no feature keeps (decisions on 行政许可 / 行政处罚 / 行政强制,
 * 行政事业性收费, 规章). A generated report of that year takes them at once; its other figures stay.
 */
export async function saveAdminFigures(ctx: AppContext, o: { centerId: number; year: number; raw: Record<string, unknown>; actor: Actor; roles: ReadonlySet<Role> | undefined }): Promise<void> {
  if (!can(o.roles, 'site.manage')) throw forbidden('只有本中心的系统管理员可以填报这些数据');
  const { figures, errors } = parseProactiveForm(o.raw, { hasNormative: false });
  if (errors.length > 0) throw validationError(errors);
  const today = formatDate(ctx.clock());
  // Read before the transaction: PGlite has one connection, and the transaction holds it.
  const center = await getCenter(ctx, o.centerId);
  const recorded = {
    licensing: figures.licensing,
    penalty: figures.penalty,
    coercion: figures.coercion,
    feeFen: figures.feeFen,
    regulationsIssued: figures.regulations.issued,
    regulationsRepealed: figures.regulations.repealed,
    regulationsInForce: figures.regulations.inForce,
  };
  await ctx.db.transaction(async (tx) => {
    await lockCenterReports(tx, o.centerId);
    const before = await findAdminFigures(tx, o.centerId, o.year);
    await upsertAdminFigures(tx, { centerId: o.centerId, year: o.year, ...recorded, updatedBy: o.actor.userId });
    const report = await findReportForUpdate(tx, o.centerId, o.year);
    if (report?.source === 'generated' && report.figures.proactive) {
      const proactive = proactiveFiguresOf({ normative: report.figures.proactive.normativeDocuments, recorded });
      const figures = { ...report.figures, proactive };
      // The lead of section 二 follows the new figures unless staff rewrote it.
      const narrative = { ...report.narrative };
      if (report.facts && !narrative.proactive?.isEdited) {
        narrative.proactive = { text: draftNarrative({ year: o.year, centerName: center.name, siteName: center.siteName, figures, facts: report.facts }).proactive, isEdited: false };
      }
      const next = { ...report, figures, narrative };
      await updateReport(tx, report.id, { figures, narrative, checks: await runChecks(tx, { report: next, today }) });
    }
    await recordAudit(tx, o.actor, { action: 'annual_report.admin_figures', centerId: o.centerId, targetType: 'annual_admin_figures', targetId: `${o.centerId}:${o.year}`, before: before ?? undefined, after: recorded, details: { year: o.year, ...recorded } });
  });
}
