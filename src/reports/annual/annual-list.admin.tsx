import type { MultipartFields } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asFormError, flashOf, formBody, intParam, sendHtml, shellFor, str } from '../../admin/admin.http.tsx';
import { can } from '../../accounts/accounts.policy.ts';
import { actorOf, rolesAt } from '../../accounts/staff-session.ts';
import type { AppContext } from '../../platform/context.ts';
import { beijingYear } from '../../platform/dates.ts';
import { AppError, validationError } from '../../platform/errors.ts';
import { AdminLayout, Csrf, ErrorSummary, SelectField } from '../../platform/views/admin-layout.tsx';
import { blockingChecks } from './annual-checks.ts';
import { statusText } from './annual-views.tsx';
import { readRequestGrid } from './annual-import.ts';
import { reportBase } from './annual-report.admin.tsx';
import { sendReportDocument } from './annual.export.ts';
import { emptyRequestGrid, FIRST_REPORT_YEAR, formatOfYear, labelOf, SOURCE_LABELS } from './annual.model.ts';
import { presentReport } from './annual.presenter.ts';
import { listReportsOfCenter } from './annual.repo.ts';
import { getCenter, parseYear, statusOf } from './annual.service.ts';
import { enterAnnualReport } from './operations/enter-annual-report.ts';
import { generateAnnualReport } from './operations/generate-annual-report.ts';

const view = { access: { kind: 'perm', permission: 'article.read' } } as const;
const manage = { access: { kind: 'perm', permission: 'site.manage' } } as const;

/** The reports of a center by year; generate a year; import an earlier year's table 三; the import template. */
export function registerAnnualListPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin/c/:cid/annual-reports', { config: view, schema: { hide: true } }, async (req, reply) => renderList(ctx, req, reply, { cid: intParam((req.params as { cid: string }).cid) }));

  app.post('/admin/c/:cid/annual-reports', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    try {
      const year = parseYear(str(formBody(req).year), { now: ctx.clock() });
      await generateAnnualReport(ctx, { centerId: cid, year, actor: actorOf(req), roles: rolesAt(req, cid) });
      return reply.redirect(`${reportBase(cid, year)}?done=generated`, 303);
    } catch (err) {
      return renderList(ctx, req, reply, { cid, error: asFormError(err) });
    }
  });

  app.post('/admin/c/:cid/annual-reports/import', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    try {
      if (!req.isMultipart()) throw validationError([{ field: 'file', message: '文件：请选择要导入的 Excel 文件' }]);
      const file = await req.file();
      if (!file || !file.filename) throw validationError([{ field: 'file', message: '文件：请选择要导入的 Excel 文件' }]);
      const data = await file.toBuffer();
      const year = parseYear(fieldValue(file.fields, 'importYear'), { now: ctx.clock() });
      const { format, grid } = await readRequestGrid(data);
      await enterAnnualReport(ctx, { centerId: cid, year, source: 'imported', format, grid, proactive: null, actor: actorOf(req), roles: rolesAt(req, cid) });
      return reply.redirect(`${reportBase(cid, year)}?done=imported`, 303);
    } catch (err) {
      return renderList(ctx, req, reply, { cid, error: fieldsRenamed(asFormError(err), { year: 'importYear' }) });
    }
  });

  app.get('/admin/c/:cid/annual-reports/template.xlsx', { config: view, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const center = await getCenter(ctx, cid);
    const year = parseYear((req.query as { year?: string }).year, { now: ctx.clock() });
    const format = formatOfYear(year);
    const doc = presentReport({ year, center, status: 'draft', figures: { format, requests: emptyRequestGrid(format), proactive: null, reviewLitigation: null }, narrative: {}, checks: [] });
    return sendReportDocument(reply, { doc, format: 'xlsx', isPublic: false });
  });
}

/** The same error with its fields pointing at this page's controls (one page, three forms with a year). */
function fieldsRenamed(e: AppError, names: Record<string, string>): AppError {
  if (!e.fields) return e;
  return new AppError(e.code, { userMessage: e.userMessage, fields: e.fields.map((f) => ({ ...f, field: names[f.field] ?? f.field })), ...(e.details ? { details: e.details } : {}) });
}

function fieldValue(fields: MultipartFields, name: string): string {
  const f = fields[name];
  const one = Array.isArray(f) ? f[0] : f;
  return one && one.type === 'field' && typeof one.value === 'string' ? one.value : '';
}

async function renderList(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, o: { cid: number; error?: AppError }): Promise<FastifyReply> {
  const center = await getCenter(ctx, o.cid);
  const reports = await listReportsOfCenter(ctx.db, o.cid);
  const shell = await shellFor(ctx, req, reply, o.cid, `/admin/c/${o.cid}/annual-reports`);
  const isManager = can(rolesAt(req, o.cid), 'site.manage');
  const thisYear = beijingYear(ctx.clock());
  const years = Array.from({ length: thisYear - FIRST_REPORT_YEAR + 1 }, (_, i) => thisYear - i);
  const option = (y: number) => ({ value: String(y), label: `${y} 年度` });
  const base = `/admin/c/${o.cid}/annual-reports`;
  return sendHtml(
    reply,
    <AdminLayout title="政府信息公开工作年度报告" shell={shell} flash={flashOf(req)} error={o.error && !o.error.fields ? o.error.userMessage : undefined}>
      <p>按《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）由本平台数据生成{center.name}的年度报告，核对勾稽关系后提交审核，审定后在“年度报告”栏目发布。每年 1 月 31 日前公布上一年度报告（条例第四十九条）。</p>
      <ErrorSummary errors={o.error?.fields} />
      {reports.length === 0 ? (
        <p>尚无年度报告。</p>
      ) : (
        <div class="table-wrap" tabindex={0} role="region" aria-label="年度报告列表（可左右滚动）">
          <table>
            <caption class="sr-only">各年度报告</caption>
            <thead>
              <tr>
                <th scope="col">年度</th>
                <th scope="col">来源</th>
                <th scope="col">状态</th>
                <th scope="col">核对</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => {
                const status = statusOf(r, r.articleStatus === null ? null : { status: r.articleStatus, reviewState: r.articleReviewState ?? 'none' });
                const failed = blockingChecks(r.checks);
                return (
                  <tr key={r.id}>
                    <th scope="row">
                      <a href={reportBase(o.cid, r.year)}>{r.year} 年度</a>
                    </th>
                    <td>{labelOf(SOURCE_LABELS, r.source)}</td>
                    <td>{statusText(status, r.source)}</td>
                    <td class={failed.length > 0 ? 'field-error' : ''}>{failed.length > 0 ? `${failed.length} 项未通过` : '通过'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {isManager ? (
        <>
          <h2>生成年度报告</h2>
          <form method="post" action={base} class="narrow">
            <Csrf token={shell.csrfToken ?? ''} />
            <SelectField name="year" label="年度" value={String(thisYear - 1)} options={years.map(option)} errors={o.error?.fields} hint="已生成的年度将按最新数据重新生成，修改过的文字保留。" />
            <button type="submit" class="primary">
              生成
            </button>
          </form>
          <h2>往年报告</h2>
          <p>启用本平台之前的年度报告可以手工录入或从 Excel 导入（至少包括表三），以便核对“上年结转”与上一年度的“结转下年度继续办理”是否一致。</p>
          <form method="get" action={`${base}/entry`} class="narrow">
            <SelectField name="entryYear" label="手工录入的年度" value={String(thisYear - 1)} options={years.slice(1).map(option)} />
            <button type="submit">录入</button>
          </form>
          <form method="post" action={`${base}/import?_csrf=${encodeURIComponent(shell.csrfToken ?? '')}`} enctype="multipart/form-data" class="narrow">
            <SelectField name="importYear" label="导入的年度" value={String(thisYear - 1)} options={years.slice(1).map(option)} errors={o.error?.fields} />
            <div class="field">
              <label for="f-file">Excel 文件（.xlsx）</label>
              <p class="hint" id="h-file">
                工作表“表三”按年度报告格式的行列顺序排列，每行 7 个数字（自然人至总计）。可下载模板：
                <a href={`${base}/template.xlsx?year=${thisYear - 1}`}>{thisYear - 1} 年度模板</a>、<a href={`${base}/template.xlsx?year=2020`}>2019、2020 年度（试行格式）模板</a>。
              </p>
              <input id="f-file" type="file" name="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="h-file" />
            </div>
            <button type="submit">导入</button>
          </form>
        </>
      ) : null}
    </AdminLayout>,
    o.error ? o.error.status : 200,
  );
}
