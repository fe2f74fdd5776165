import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asFormError, formBody, intParam, sendHtml, shellFor, str } from '../../admin/admin.http.tsx';
import { actorOf, rolesAt } from '../../accounts/staff-session.ts';
import type { AppContext } from '../../platform/context.ts';
import { validationError, type AppError } from '../../platform/errors.ts';
import { AdminLayout, Csrf, ErrorSummary, TextField } from '../../platform/views/admin-layout.tsx';
import { parseGridForm, parseProactiveForm, PROACTIVE_FIELDS } from './annual-entry.schema.ts';
import { reportBase } from './annual-report.admin.tsx';
import { GridInputs } from './annual-views.tsx';
import { FORMAT_LABELS, formatOfYear, REQUEST_COLUMN_IDS, REQUEST_ROWS, type ProactiveFigures, type RequestGrid } from './annual.model.ts';
import { findReport } from './annual.repo.ts';
import { getCenter, parseYear } from './annual.service.ts';
import { enterAnnualReport } from './operations/enter-annual-report.ts';

const manage = { access: { kind: 'perm', permission: 'site.manage' } } as const;

/** Typing an earlier year's report: table 三 cell by cell (and table 二 for the 2021 format), as published. */
export function registerAnnualEntryPage(app: FastifyInstance, ctx: AppContext): void {
  const target = async (req: FastifyRequest, rawYear: unknown) => {
    const cid = intParam((req.params as { cid: string }).cid);
    await getCenter(ctx, cid);
    const year = parseYear(rawYear, { now: ctx.clock() });
    return { cid, year };
  };

  app.get('/admin/c/:cid/annual-reports/entry', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const { cid, year } = await target(req, (req.query as { entryYear?: string }).entryYear);
    return reply.redirect(`${reportBase(cid, year)}/entry`, 303);
  });

  app.get('/admin/c/:cid/annual-reports/:year/entry', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const { cid, year } = await target(req, (req.params as { year: string }).year);
    const existing = await findReport(ctx.db, cid, year);
    const entered = existing && existing.source !== 'generated' ? existing : null;
    return renderEntry(ctx, req, reply, { cid, year, grid: entered?.figures.requests ?? null, proactive: entered?.figures.proactive ?? null });
  });

  app.post('/admin/c/:cid/annual-reports/:year/entry', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const { cid, year } = await target(req, (req.params as { year: string }).year);
    const body = formBody(req);
    const format = formatOfYear(year);
    const values = Object.fromEntries(Object.keys(body).filter((k) => k.startsWith('g.') || k.startsWith('p.')).slice(0, 400).map((k) => [k, str(body[k]).slice(0, 20)]));
    try {
      const g = parseGridForm(values, format);
      const p = format === '2021' ? parseProactiveForm(values, { hasNormative: true }) : null;
      const errors = [...g.errors, ...(p?.errors ?? [])];
      if (errors.length > 0) throw validationError(errors);
      await enterAnnualReport(ctx, { centerId: cid, year, source: 'entered', format, grid: g.grid, proactive: p?.figures ?? null, actor: actorOf(req), roles: rolesAt(req, cid) });
    } catch (err) {
      return renderEntry(ctx, req, reply, { cid, year, grid: null, proactive: null, values, error: asFormError(err) });
    }
    return reply.redirect(`${reportBase(cid, year)}?done=saved`, 303);
  });
}

async function renderEntry(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  o: { cid: number; year: number; grid: RequestGrid | null; proactive: ProactiveFigures | null; values?: Record<string, string>; error?: AppError },
): Promise<FastifyReply> {
  const format = formatOfYear(o.year);
  const shell = await shellFor(ctx, req, reply, o.cid, `/admin/c/${o.cid}/annual-reports`);
  const p = o.proactive;
  const stored: Record<string, number> = p
    ? { regulationsIssued: p.regulations.issued, regulationsRepealed: p.regulations.repealed, regulationsInForce: p.regulations.inForce, normativeIssued: p.normativeDocuments.issued, normativeRepealed: p.normativeDocuments.repealed, normativeInForce: p.normativeDocuments.inForce, licensing: p.licensing, penalty: p.penalty, coercion: p.coercion }
    : {};
  const cells = REQUEST_ROWS[format].length * REQUEST_COLUMN_IDS.length;
  return sendHtml(
    reply,
    <AdminLayout title={`录入 ${o.year} 年度报告`} shell={shell} error={o.error && !o.error.fields ? o.error.userMessage : undefined}>
      <p>
        <a href={`/admin/c/${o.cid}/annual-reports`}>返回年度报告列表</a>
      </p>
      <p>
        按已公布的 {o.year} 年度报告填写（{FORMAT_LABELS[format]}，表三共 {cells} 格，含总计）。保存后系统按勾稽关系核对；“四、结转下年度继续办理”用于核对 {o.year + 1} 年度报告的“上年结转”。
      </p>
      <ErrorSummary errors={o.error?.fields?.slice(0, 20)} />
      <form method="post" action={`${reportBase(o.cid, o.year)}/entry`}>
        <Csrf token={shell.csrfToken ?? ''} />
        <GridInputs format={format} grid={o.grid} values={o.values} errors={o.error?.fields} />
        {format === '2021' ? (
          <fieldset>
            <legend>二、主动公开政府信息情况</legend>
            {PROACTIVE_FIELDS.map(([k, label]) => (
              <TextField key={k} name={`p.${k}`} label={label} value={o.values?.[`p.${k}`] ?? String(stored[k] ?? 0)} errors={o.error?.fields} maxLength={9} />
            ))}
            <TextField name="p.feeYuan" label="行政事业性收费（元）" value={o.values?.['p.feeYuan'] ?? (p ? (p.feeFen / 100).toFixed(2) : '0')} errors={o.error?.fields} maxLength={16} />
          </fieldset>
        ) : null}
        <button type="submit" class="primary">
          保存
        </button>
      </form>
    </AdminLayout>,
    o.error ? o.error.status : 200,
  );
}
