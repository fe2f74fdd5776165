import { can, type Role } from '../../../accounts/accounts.policy.ts';
import { recordAudit, type Actor } from '../../../audit/audit.service.ts';
import type { AppContext } from '../../../platform/context.ts';
import { formatDate } from '../../../platform/dates.ts';
import { AppError, forbidden, validationError, type FieldError } from '../../../platform/errors.ts';
import { NARRATIVE_KEYS, SECTION_TITLES, type Narrative, type NarrativeKey } from '../annual.model.ts';
import { findReportForUpdate, updateReport } from '../annual.repo.ts';
import { runChecks } from '../annual.service.ts';
import { lockCenterReports } from './generate-annual-report.ts';

export const MAX_TEXT_LENGTH = 20_000;

/** Plain text kept line by line: control characters out, each line trimmed, empty lines folded. */
export function cleanNarrativeText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

/**
 * Saves the texts staff wrote. A text that differs from what is stored is marked edited, so regeneration
 * keeps it; the checks are refreshed (a “【请补充…】” prompt left in is a warning).
 */
export async function editAnnualNarrative(
  ctx: AppContext,
  o: { centerId: number; year: number; texts: Partial<Record<NarrativeKey, unknown>>; lockVersion: number; actor: Actor; roles: ReadonlySet<Role> | undefined },
): Promise<void> {
  if (!can(o.roles, 'site.manage')) throw forbidden('只有本中心的系统管理员可以修改年度报告');
  const errors: FieldError[] = [];
  const texts: Partial<Record<NarrativeKey, string>> = {};
  for (const key of NARRATIVE_KEYS) {
    const v = o.texts[key];
    if (v === undefined) continue;
    const text = cleanNarrativeText(typeof v === 'string' ? v : '');
    const label = key === 'preamble' ? '前言' : SECTION_TITLES[key];
    if (text.length > MAX_TEXT_LENGTH) errors.push({ field: key, message: `${label}：不能超过 ${MAX_TEXT_LENGTH} 字` });
    texts[key] = text;
  }
  if (errors.length > 0) throw validationError(errors);
  if (!Number.isInteger(o.lockVersion)) throw stale();
  const today = formatDate(ctx.clock());
  await ctx.db.transaction(async (tx) => {
    await lockCenterReports(tx, o.centerId);
    const report = await findReportForUpdate(tx, o.centerId, o.year);
    if (!report) throw new AppError('ANNUAL_REPORT_NOT_FOUND', { userMessage: `尚未生成 ${o.year} 年度报告` });
    if (report.source !== 'generated') throw new AppError('ANNUAL_REPORT_INVALID_TRANSITION', { userMessage: '手工录入或导入的往年报告没有正文' });
    const narrative: Narrative = { ...report.narrative };
    const changed: string[] = [];
    for (const key of NARRATIVE_KEYS) {
      const text = texts[key];
      const current = narrative[key];
      if (text === undefined || text === (current?.text ?? '')) continue;
      narrative[key] = { text, isEdited: true };
      changed.push(key);
    }
    const checks = await runChecks(tx, { report: { ...report, narrative }, today });
    if (!(await updateReport(tx, report.id, { narrative, checks }, o.lockVersion))) throw stale();
    await recordAudit(tx, o.actor, { action: 'annual_report.edit', centerId: o.centerId, targetType: 'annual_report', targetId: report.id, before: report.narrative, after: narrative, details: { year: o.year, changed } });
  });
}

function stale(): AppError {
  return new AppError('CONFLICT_STALE', { userMessage: '年度报告已被他人修改或重新生成，您的修改尚未保存。请复制您的修改，刷新后重新提交。' });
}
