import type { FastifyInstance } from 'fastify';
import { intParam, sendHtml, shellFor } from '../admin/admin.http.tsx';
import type { AppContext } from '../platform/context.ts';
import { beijingYear } from '../platform/dates.ts';
import { validationError } from '../platform/errors.ts';
import { AdminLayout } from '../platform/views/admin-layout.tsx';
import { renderCountBars, renderMonthBars, renderNoticeGroups } from './publishing-stats.charts.ts';
import { parsePublishingQuery, publishingQueryString } from './publishing-stats.period.ts';
import { centerRows, columnRows, departmentRows, noticeGroupTable } from './publishing-stats.presenter.ts';
import { getPublishingReport, type PublishingReport } from './publishing-stats.service.ts';
import { PublishingBody, PublishingPeriodForms, type PublishingCharts } from './publishing-stats.view.tsx';
import { buildPublishingWorkbook } from './publishing-stats.xlsx.ts';
import { attachmentDisposition, XLSX_CONTENT_TYPE } from './trading-stats.xlsx.ts';

const read = { access: { kind: 'perm', permission: 'article.read' } } as const;

/** 发布统计: items per column, department, center and month, and trading notices, for a period; and the Excel file. */
export function registerPublishingStatsAdmin(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin/c/:cid/stats/publishing', { config: read, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const now = ctx.clock();
    const parsed = parsePublishingQuery(req.query, now);
    const action = `/admin/c/${cid}/stats/publishing`;
    const tree = await ctx.centers.get();
    const ok = 'period' in parsed ? parsed : null;
    const report = ok ? await getPublishingReport(ctx, { centerId: cid, period: ok.period, scope: ok.scope }) : null;
    const charts = report ? await renderCharts(report) : null;
    const shell = await shellFor(ctx, req, reply, cid, action);
    const hasChildren = tree.childrenOf(cid).length > 0;
    return sendHtml(
      reply,
      <AdminLayout title="信息发布统计" shell={shell}>
        <p class="muted">
          统计范围：{!hasChildren || ok?.scope === 'self' ? '本中心' : '本中心及全部下级中心'}。按信息首次发布的时间统计。
        </p>
        <PublishingPeriodForms action={action} period={ok?.period ?? null} scope={ok?.scope ?? 'subtree'} input={parsed.input} errors={'errors' in parsed ? parsed.errors : []} currentYear={beijingYear(now)} hasChildren={hasChildren} />
        {report && charts ? <PublishingBody report={report} charts={charts} xlsxHref={`/admin/c/${cid}/stats/publishing.xlsx?${publishingQueryString(report.period, report.scope)}`} /> : null}
      </AdminLayout>,
      ok ? 200 : 400,
    );
  });

  app.get('/admin/c/:cid/stats/publishing.xlsx', { config: read, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const parsed = parsePublishingQuery(req.query, ctx.clock());
    if ('errors' in parsed) throw validationError(parsed.errors);
    const report = await getPublishingReport(ctx, { centerId: cid, period: parsed.period, scope: parsed.scope });
    const body = await buildPublishingWorkbook(report);
    const label = report.period.label.replace(/ /g, '');
    return reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', attachmentDisposition({ filename: `${report.center.name}信息发布统计-${label}.xlsx`, fallback: `publishing-stats-${report.center.code}-${report.period.from}_${report.period.to}.xlsx` }))
      .send(body);
  });
}

async function renderCharts(report: PublishingReport): Promise<PublishingCharts> {
  const label = report.period.label;
  return {
    columns: await renderCountBars(columnRows(report), { title: `${label}各栏目发布条数`, unit: '条' }),
    // In a subtree several centers have a 信息部: the chart names each with its center, as the table does.
    departments: await renderCountBars(departmentRows(report).map((r) => (r.detail && report.centers.length > 1 ? { ...r, label: `${r.label}（${r.detail}）` } : r)), { title: `${label}各部门发布条数`, unit: '条' }),
    centers: report.centers.length > 1 ? await renderCountBars(centerRows(report), { title: `${label}各中心发布条数`, unit: '条' }) : null,
    months: await renderMonthBars(report.stats.months, { title: `${label}逐月发布条数` }),
    notices: await renderNoticeGroups(report.stats, noticeGroupTable(report.stats), { title: `${label}交易公告发布条数` }),
  };
}
