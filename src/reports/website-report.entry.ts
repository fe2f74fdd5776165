/** Operation: save the entered rows of a center's 网站年度报表 for a year, audited in the same transaction. */
import { recordAudit, type Actor } from '../audit/audit.service.ts';
import type { AppContext } from '../platform/context.ts';
import { notFound, validationError } from '../platform/errors.ts';
import { lockEntry, upsertEntry } from './website-report.repo.ts';
import { parseEnteredValues } from './website-report.schema.ts';

/** Replaces the entered values of (center, year) with the form's; an empty row removes its value. */
export async function saveWebsiteReportEntry(ctx: AppContext, opts: { centerId: number; year: number; raw: Record<string, unknown>; actor: Actor }): Promise<void> {
  const tree = await ctx.centers.get();
  if (!tree.byId.has(opts.centerId)) throw notFound('中心');
  const { values, errors } = parseEnteredValues(opts.raw);
  if (errors.length > 0) throw validationError(errors);
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    const before = await lockEntry(tx, opts.centerId, opts.year);
    await upsertEntry(tx, { centerId: opts.centerId, year: opts.year, values, updatedBy: opts.actor.userId, now });
    await recordAudit(tx, opts.actor, {
      action: 'website_report.save',
      centerId: opts.centerId,
      targetType: 'website_report',
      targetId: `${opts.centerId}:${opts.year}`,
      before: before?.values,
      after: values,
      details: { year: opts.year, fields: Object.keys(values).length },
    });
  });
}
