import type { FastifyInstance } from 'fastify';
import { beijingYear } from '../platform/dates.ts';
import { validationError } from '../platform/errors.ts';
import { renderDocument } from '../platform/views/render.ts';
import { PortalLayout } from '../platform/views/portal-layout.tsx';
import { codeOf, portalGet, type PortalDeps } from '../portal/portal.deps.ts';
import { isElderMode, servePage } from '../portal/portal.http.ts';
import { getPortalSite } from '../portal/portal.service.ts';
import { renderTradingCharts } from './trading-charts.ts';
import { parseStatsQuery, periodQueryString } from './trading-stats.period.ts';
import { getTradingReport } from './trading-stats.service.ts';
import { PeriodForms, StatsBody } from './trading-stats.view.tsx';
import { attachmentDisposition, buildStatsWorkbook, XLSX_CONTENT_TYPE } from './trading-stats.xlsx.ts';

/**
 * 数据统计: the public trading statistics of a center and its descendants (`/trading/stats`, and under
 * `/c/:code`), `?year=2026` or `?from=&to=`, with its Excel export (`/trading/stats.xlsx`).
 */
export function registerTradingStatsPages(app: FastifyInstance, deps: PortalDeps): void {
  portalGet(app, '/trading/stats', async (req, reply) =>
    servePage(req, reply, {
      cache: deps.cache,
      render: async () => {
        const { center, site, nav } = await getPortalSite(deps.ctx, codeOf(req));
        const now = deps.ctx.clock();
        const parsed = parseStatsQuery(req.query, now);
        const action = `${site.basePath}/trading/stats`;
        const period = 'period' in parsed ? parsed.period : null;
        const errors = 'errors' in parsed ? parsed.errors : [];
        const report = period ? await getTradingReport(deps.ctx, { centerId: center.id, period }) : null;
        const charts = report ? await renderTradingCharts(report.stats, { periodLabel: report.period.label }) : null;
        const url = period ? `${action}?${periodQueryString(period)}` : action;
        return {
          status: period ? 200 : 400,
          body: renderDocument(
            <PortalLayout site={site} nav={nav} isElder={isElderMode(req)} meta={{ title: period ? `交易统计（${period.label}）` : '交易统计', url, columnName: '数据统计', columnType: '数据统计', description: `${center.name}公共资源交易数据统计` }}>
              <h1>{center.name}交易统计</h1>
              <p class="muted">统计范围：本中心及下级中心的公共资源交易项目。</p>
              <PeriodForms action={action} period={period} input={parsed.input} errors={errors} currentYear={beijingYear(now)} />
              {report && charts ? <StatsBody stats={report.stats} period={report.period} charts={charts} xlsxHref={`${site.basePath}/trading/stats.xlsx?${periodQueryString(report.period)}`} /> : null}
            </PortalLayout>,
          ),
        };
      },
    }),
  );

  portalGet(app, '/trading/stats.xlsx', async (req, reply) => {
    const { center } = await getPortalSite(deps.ctx, codeOf(req));
    const parsed = parseStatsQuery(req.query, deps.ctx.clock());
    if ('errors' in parsed) throw validationError(parsed.errors);
    const report = await getTradingReport(deps.ctx, { centerId: center.id, period: parsed.period });
    const body = await buildStatsWorkbook({ centerName: center.name, period: report.period, stats: report.stats });
    return reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', attachmentDisposition({ filename: `${center.name}交易统计-${report.period.label.replace(/ /g, '')}.xlsx`, fallback: `trading-stats-${center.code}-${report.period.from}_${report.period.to}.xlsx` }))
      .header('cache-control', 'public, max-age=0, must-revalidate')
      .send(body);
  });
}
