import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../accounts/accounts.policy.ts';
import { actorOf, rolesAt } from '../accounts/staff-session.ts';
import { asFormError, formBody, intParam, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import type { AppContext } from '../platform/context.ts';
import { beijingYear, formatDateTime } from '../platform/dates.ts';
import { validationError, type FieldError } from '../platform/errors.ts';
import { AdminLayout } from '../platform/views/admin-layout.tsx';
import { renderDocument } from '../platform/views/render.ts';
import { attachmentDisposition, XLSX_CONTENT_TYPE } from './trading-stats.xlsx.ts';
import { saveWebsiteReportEntry } from './website-report.entry.ts';
import { FIRST_REPORT_YEAR, parseReportQuery } from './website-report.schema.ts';
import { getWebsiteReport, type WebsiteReport } from './website-report.service.ts';
import { EntryForm, ExtrasTable, ReportTable } from './website-report.view.tsx';
import { buildWebsiteReportWorkbook } from './website-report.xlsx.ts';

const read = { access: { kind: 'perm', permission: 'article.read' } } as const;
const manage = { access: { kind: 'perm', permission: 'site.manage' } } as const;

/** 政府网站工作年度报表: the page (entered rows saved by site.manage), the printable document and the Excel file. */
export function registerWebsiteReportAdmin(app: FastifyInstance, ctx: AppContext): void {
  const cidOf = (req: FastifyRequest) => intParam((req.params as { cid: string }).cid);

  const renderPage = async (req: FastifyRequest, reply: FastifyReply, cid: number, state: { typed?: Record<string, string>; errors?: FieldError[]; queryErrors?: FieldError[]; year?: number } = {}, status = 200) => {
    const now = ctx.clock();
    const parsed = parseReportQuery(state.year !== undefined ? { year: String(state.year) } : req.query, now);
    const action = `/admin/c/${cid}/stats/website-report`;
    const shell = await shellFor(ctx, req, reply, cid, action);
    const tree = await ctx.centers.get();
    const hasChildren = tree.childrenOf(cid).length > 0;
    const ok = 'year' in parsed ? parsed : null;
    const report = ok ? await getWebsiteReport(ctx, { centerId: cid, year: ok.year, scope: ok.scope }) : null;
    const queryErrors = 'errors' in parsed ? parsed.errors : [];
    const q = report ? `year=${report.year}${report.scope === 'subtree' ? '&scope=subtree' : ''}` : '';
    const isManager = can(rolesAt(req, cid), 'site.manage');
    const years = Array.from({ length: beijingYear(now) - FIRST_REPORT_YEAR + 1 }, (_, i) => beijingYear(now) - i).slice(0, 12);
    return sendHtml(
      reply,
      <AdminLayout title="政府网站工作年度报表" shell={shell} flash={(req.query as { done?: string }).done === 'saved' ? '填报内容已保存。' : undefined}>
        <p>按《国务院办公厅关于做好政府网站年度报表发布工作的通知》（国办函〔2018〕12号）编制，每年 1 月 31 日前在网站首页发布上一年度报表。系统能统计的栏目每次打开时重新计算；无法由数据得出的栏目由网站工作人员填报，并标明“人工填报”。</p>
        {queryErrors.length > 0 ? (
          <div class="error-summary" role="alert">
            <h2>查询条件有误</h2>
            <ul>
              {queryErrors.map((e) => (
                <li key={e.field}>{e.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <form class="search-filters" method="get" action={action}>
          <div class="field">
            <label for="wr-year">年度</label>
            <select id="wr-year" name="year">
              {years.map((y) => (
                <option key={y} value={String(y)} selected={y === report?.year}>
                  {y}年
                </option>
              ))}
            </select>
          </div>
          {hasChildren ? (
            <div class="field">
              <label for="wr-scope">统计范围</label>
              <select id="wr-scope" name="scope">
                <option value="self" selected={report?.scope !== 'subtree'}>
                  本中心网站
                </option>
                <option value="subtree" selected={report?.scope === 'subtree'}>
                  含下级中心
                </option>
              </select>
            </div>
          ) : null}
          <button type="submit">查看</button>
        </form>
        {report ? (
          <>
            <p>
              <a class="button" href={`${action}/print?${q}`}>
                打印版
              </a>{' '}
              <a class="button" href={`${action}.xlsx?${q}`}>
                下载 Excel
              </a>
            </p>
            <ReportTable report={report} />
            <ExtrasTable report={report} />
            <p class="hint">{report.enteredAt ? `填报内容最后由 ${report.enteredBy ?? '（已删除的账号）'} 于 ${formatDateTime(report.enteredAt)} 保存。` : '本年度尚无填报内容。'}</p>
            {isManager ? (
              <section aria-labelledby="entry-title">
                <h2 id="entry-title">填报（{report.year}年度）</h2>
                <p class="hint">以下栏目无法由平台数据计算，请按实际情况填写；留空的栏目在报表中显示为“未填报”（独立用户访问总量显示为“未统计”）。填报内容对本中心网站的该年度报表有效。</p>
                <EntryForm action={action} year={report.year} csrfToken={shell.csrfToken ?? ''} entered={report.entered} {...(state.typed ? { typed: state.typed } : {})} {...(state.errors ? { errors: state.errors } : {})} />
              </section>
            ) : (
              <p class="hint">填报内容由系统管理员填写。</p>
            )}
          </>
        ) : null}
      </AdminLayout>,
      status === 200 && !report ? 400 : status,
    );
  };

  app.get('/admin/c/:cid/stats/website-report', { config: read, schema: { hide: true } }, async (req, reply) => renderPage(req, reply, cidOf(req)));

  app.post('/admin/c/:cid/stats/website-report', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const body = formBody(req);
    const parsed = parseReportQuery({ year: str(body.year) }, ctx.clock());
    if ('errors' in parsed) throw validationError(parsed.errors);
    try {
      await saveWebsiteReportEntry(ctx, { centerId: cid, year: parsed.year, raw: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v : str(v)])), actor: actorOf(req) });
    } catch (err) {
      const e = asFormError(err);
      return renderPage(req, reply, cid, { typed: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, str(v)])), errors: e.fields ?? [{ field: 'year', message: e.userMessage }], year: parsed.year }, e.status);
    }
    return reply.redirect(`/admin/c/${cid}/stats/website-report?year=${parsed.year}&done=saved`, 303);
  });

  app.get('/admin/c/:cid/stats/website-report.xlsx', { config: read, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const parsed = parseReportQuery(req.query, ctx.clock());
    if ('errors' in parsed) throw validationError(parsed.errors);
    const report = await getWebsiteReport(ctx, { centerId: cid, year: parsed.year, scope: parsed.scope });
    return reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', attachmentDisposition({ filename: `${report.center.name}政府网站工作年度报表-${report.year}年度.xlsx`, fallback: `website-report-${report.center.code}-${report.year}.xlsx` }))
      .send(await buildWebsiteReportWorkbook(report));
  });

  app.get('/admin/c/:cid/stats/website-report/print', { config: read, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const parsed = parseReportQuery(req.query, ctx.clock());
    if ('errors' in parsed) throw validationError(parsed.errors);
    const report = await getWebsiteReport(ctx, { centerId: cid, year: parsed.year, scope: parsed.scope });
    return reply.status(200).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderDocument(<PrintDocument report={report} />));
  });
}

/** A document of the report alone (no navigation), for printing or saving as the page to publish. */
function PrintDocument(props: { report: WebsiteReport }) {
  const r = props.report;
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`政府网站工作年度报表（${r.year}年度）- ${r.center.siteName}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/static/site.css" />
      </head>
      <body>
        <main id="main" class="wrap">
          <h1>政府网站工作年度报表（{r.year}年度）</h1>
          <p>
            填报单位：{r.center.name}　统计期间：{r.year}年1月1日至{r.year}年12月31日
          </p>
          <ReportTable report={r} />
          <ExtrasTable report={r} />
          <p class="hint">“系统统计”的数值由平台数据计算；“人工填报”的数值由网站工作人员填写；“未填报”“未统计”表示没有数据，不作为 0 报送。</p>
        </main>
      </body>
    </html>
  );
}
