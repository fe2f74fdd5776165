import type { FastifyInstance } from 'fastify';
import { intParam, sendHtml, shellFor } from '../admin/admin.http.tsx';
import type { AppContext } from '../platform/context.ts';
import { beijingYear } from '../platform/dates.ts';
import { validationError } from '../platform/errors.ts';
import { AdminLayout } from '../platform/views/admin-layout.tsx';
import { renderTradingCharts } from './trading-charts.ts';
import { parseStatsQuery, periodQueryString } from './trading-stats.period.ts';
import { breakdownRows } from './trading-stats.presenter.ts';
import { getTradingReport } from './trading-stats.service.ts';
import { BreakdownTable, PeriodForms, StatsBody } from './trading-stats.view.tsx';
import { attachmentDisposition, buildStatsWorkbook, XLSX_CONTENT_TYPE } from './trading-stats.xlsx.ts';

const view = { access: { kind: 'perm', permission: 'dashboard.view' } } as const;

/** 交易统计 in the back office: the public figures plus one row per center of the subtree, and the Excel file. */
export function registerTradingStatsAdmin(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin/c/:cid/trading/stats', { config: view, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const now = ctx.clock();
    const parsed = parseStatsQuery(req.query, now);
    const action = `/admin/c/${cid}/trading/stats`;
    const period = 'period' in parsed ? parsed.period : null;
    const report = period ? await getTradingReport(ctx, { centerId: cid, period }) : null;
    const charts = report ? await renderTradingCharts(report.stats, { periodLabel: report.period.label }) : null;
    const shell = await shellFor(ctx, req, reply, cid, action);
    return sendHtml(
      reply,
      <AdminLayout title="交易统计" shell={shell}>
        <p class="muted">统计范围：本中心及全部下级中心。</p>
        <PeriodForms action={action} period={period} input={parsed.input} errors={'errors' in parsed ? parsed.errors : []} currentYear={beijingYear(now)} />
        {report && charts ? (
          <StatsBody stats={report.stats} period={report.period} charts={charts} xlsxHref={`/admin/c/${cid}/trading/stats.xlsx?${periodQueryString(report.period)}`}>
            <h2>各中心交易情况</h2>
            <BreakdownTable rows={breakdownRows(report)} total={report.stats.total} periodLabel={report.period.label} />
            <p class="hint">各行只含该中心自身的项目，合计为本中心及全部下级中心。</p>
          </StatsBody>
        ) : null}
      </AdminLayout>,
      period ? 200 : 400,
    );
  });

  app.get('/admin/c/:cid/trading/stats.xlsx', { config: view, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const parsed = parseStatsQuery(req.query, ctx.clock());
    if ('errors' in parsed) throw validationError(parsed.errors);
    const report = await getTradingReport(ctx, { centerId: cid, period: parsed.period });
    const body = await buildStatsWorkbook({ centerName: report.center.name, period: report.period, stats: report.stats, breakdown: breakdownRows(report) });
    return reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', attachmentDisposition({ filename: `${report.center.name}交易统计-${report.period.label.replace(/ /g, '')}.xlsx`, fallback: `trading-stats-${report.center.code}-${report.period.from}_${report.period.to}.xlsx` }))
      .send(body);
  });
}
