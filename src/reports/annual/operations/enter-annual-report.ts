import { can, type Role } from '../../../accounts/accounts.policy.ts';
import { recordAudit, type Actor } from '../../../audit/audit.service.ts';
import type { AppContext } from '../../../platform/context.ts';
import { formatDate } from '../../../platform/dates.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { formatOfYear, FORMAT_LABELS, type ProactiveFigures, type ReportFormat, type RequestGrid } from '../annual.model.ts';
import { findReportForUpdate, insertReport, updateReport, type AnnualReport } from '../annual.repo.ts';
import { runChecks } from '../annual.service.ts';
import { lockCenterReports } from './generate-annual-report.ts';

/**
 * Records an earlier year's report, typed from the published report or imported from a spreadsheet, so
 * the next report's carry-over check has last year's 结转下年度继续办理 from the first year of use. The
 * figures are kept as printed (totals included) and checked like any report; a report the platform
 * generated is never overwritten this way.
 */
export async function enterAnnualReport(
  ctx: AppContext,
  o: { centerId: number; year: number; source: 'entered' | 'imported'; format: ReportFormat; grid: RequestGrid; proactive: ProactiveFigures | null; actor: Actor; roles: ReadonlySet<Role> | undefined },
): Promise<AnnualReport> {
  if (!can(o.roles, 'site.manage')) throw forbidden('只有本中心的系统管理员可以录入往年报告');
  const now = ctx.clock();
  const today = formatDate(now);
  if (o.year >= Number(today.slice(0, 4))) throw new AppError('VALIDATION_FAILED', { userMessage: '年度：只能录入以前年度的报告，本年度报告请由数据生成', fields: [{ field: 'year', message: '年度：只能录入以前年度的报告' }] });
  if (o.format !== formatOfYear(o.year)) {
    const message = `${o.year} 年度报告应使用${FORMAT_LABELS[formatOfYear(o.year)]}，文件中的表三是${FORMAT_LABELS[o.format]}`;
    throw new AppError('VALIDATION_FAILED', { userMessage: message, fields: [{ field: 'file', message: `文件：${message}` }] });
  }
  const figures = { format: o.format, requests: o.grid, proactive: o.format === '2021' ? o.proactive : null, reviewLitigation: null };
  return ctx.db.transaction(async (tx) => {
    await lockCenterReports(tx, o.centerId);
    const existing = await findReportForUpdate(tx, o.centerId, o.year);
    if (existing?.source === 'generated') throw new AppError('ANNUAL_REPORT_EXISTS', { userMessage: `${o.year} 年度报告已由本平台数据生成，不能用录入或导入覆盖` });
    const checks = await runChecks(tx, { report: { centerId: o.centerId, year: o.year, figures, narrative: {}, source: o.source }, today });
    const values = { format: o.format, source: o.source, status: 'published', figures, checks, generatedBy: o.actor.userId, generatedAt: now };
    let report: AnnualReport;
    if (existing) {
      await updateReport(tx, existing.id, values);
      report = { ...existing, ...values, lockVersion: existing.lockVersion + 1 };
    } else report = await insertReport(tx, { centerId: o.centerId, year: o.year, ...values });
    // The next year's carry-over check depends on this report: its stored checks follow.
    const next = await findReportForUpdate(tx, o.centerId, o.year + 1);
    if (next) await updateReport(tx, next.id, { checks: await runChecks(tx, { report: next, today }) });
    await recordAudit(tx, o.actor, {
      action: o.source === 'imported' ? 'annual_report.import' : 'annual_report.enter',
      centerId: o.centerId,
      targetType: 'annual_report',
      targetId: report.id,
      before: existing ? { figures: existing.figures } : undefined,
      after: { figures },
      details: { year: o.year, format: o.format },
    });
    return report;
  });
}
