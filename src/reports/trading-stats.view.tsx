/** The parts of the 交易统计 pages that the portal and the back office share. */
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../platform/errors.ts';
import type { ChartSvgs } from './trading-charts.ts';
import { formatWan, type DealFigures, type TradingStats } from './trading-stats.model.ts';
import type { PeriodQuery, StatsPeriod } from './trading-stats.period.ts';
import { formatCell, leadSentence, noticeTable, SUMMARY_COLUMNS, SUMMARY_NOTES, summaryRows, type BreakdownRow } from './trading-stats.presenter.ts';

/** Choose a year, or a date range. GET forms: the result is a link that can be shared. */
export function PeriodForms(props: { action: string; period: StatsPeriod | null; input: PeriodQuery; errors: FieldError[]; currentYear: number }) {
  const years = Array.from({ length: 10 }, (_, i) => props.currentYear - i);
  const selected = props.period?.year ?? null;
  if (selected !== null && !years.includes(selected)) years.push(selected);
  const invalid = (field: string) => (props.errors.some((e) => e.field === field) ? 'true' : undefined);
  return (
    <section aria-label="统计期间">
      {props.errors.length > 0 ? (
        <div class="error-summary" role="alert">
          <h2>查询条件有误</h2>
          <ul>
            {props.errors.map((e) => (
              <li key={e.field + e.message}>{e.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form class="search-filters" method="get" action={props.action}>
        <div class="field">
          <label for="stats-year">统计年度</label>
          <select id="stats-year" name="year" aria-invalid={invalid('year')}>
            {years.map((y) => (
              <option key={y} value={String(y)} selected={y === selected}>
                {y}年
              </option>
            ))}
          </select>
        </div>
        <button type="submit">按年度查询</button>
      </form>
      <form class="search-filters" method="get" action={props.action}>
        <div class="field">
          <label for="stats-from">起始日期</label>
          <input id="stats-from" name="from" type="date" value={props.period?.year === null ? props.period.from : props.input.from} aria-invalid={invalid('from')} />
        </div>
        <div class="field">
          <label for="stats-to">截止日期</label>
          <input id="stats-to" name="to" type="date" value={props.period?.year === null ? props.period.to : props.input.to} aria-invalid={invalid('to')} />
        </div>
        <button type="submit">按时间段查询</button>
      </form>
    </section>
  );
}

/** Lead sentence, Excel link, summary table, the two charts with their tables, and the notice counts. */
export function StatsBody(props: { stats: TradingStats; period: StatsPeriod; charts: ChartSvgs; xlsxHref: string; children?: ComponentChildren }) {
  const { stats, period } = props;
  const notices = noticeTable(stats);
  return (
    <>
      <p class="today">{leadSentence(stats, period)}</p>
      <p>
        <a class="button" href={props.xlsxHref}>下载 Excel</a> <span class="muted">（汇总表与月度数据，{period.label}）</span>
      </p>
      <h2 id="summary">分类汇总（{period.label}）</h2>
      <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
        <table>
          <caption class="sr-only">{period.label}交易分类汇总，金额单位万元</caption>
          <thead>
            <tr>
              <th scope="col">类别</th>
              {SUMMARY_COLUMNS.map((c) => (
                <th key={c.key} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summaryRows(stats).map((r) => (
              <tr key={r.label}>
                <th scope="row">{r.label}</th>
                {SUMMARY_COLUMNS.map((c) => (
                  <td key={c.key}>{formatCell(c.kind, r[c.key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="hint">
        {SUMMARY_NOTES.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      {props.children}
      <h2>图表</h2>
      <ChartFigure id="chart-category" title={`${period.label}各类别成交宗数`} svg={props.charts.category}>
        <table>
          <caption>各类别成交宗数（数据表）</caption>
          <thead>
            <tr>
              <th scope="col">类别</th>
              <th scope="col">成交宗数</th>
              <th scope="col">成交金额（万元）</th>
            </tr>
          </thead>
          <tbody>
            {props.charts.bars.map((b) => (
              <tr key={b.category}>
                <th scope="row">{b.label}</th>
                <td>{b.deals}</td>
                <td>{formatWan(b.awardFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartFigure>
      <ChartFigure id="chart-monthly" title={`${period.label}月度成交金额与成交宗数`} svg={props.charts.monthly}>
        <table>
          <caption>月度成交金额与成交宗数（数据表）</caption>
          <thead>
            <tr>
              <th scope="col">月份</th>
              <th scope="col">成交宗数</th>
              <th scope="col">成交金额（万元）</th>
            </tr>
          </thead>
          <tbody>
            {stats.months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{m.month}</th>
                <td>{m.deals}</td>
                <td>{formatWan(m.awardFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartFigure>
      <h2>公告发布情况</h2>
      <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
        <table>
          <caption class="sr-only">{period.label}各类交易公告发布条数</caption>
          <thead>
            <tr>
              <th scope="col">公告类型</th>
              {notices.categories.map((c) => (
                <th key={c.category} scope="col">
                  {c.label}
                </th>
              ))}
              <th scope="col">合计</th>
            </tr>
          </thead>
          <tbody>
            {notices.rows.map((r) => (
              <tr key={r.type}>
                <th scope="row">{r.label}</th>
                {r.counts.map((n, i) => (
                  <td key={notices.categories[i]?.category ?? i}>{n}</td>
                ))}
                <td>{r.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Figures of each center of the subtree (its own projects), indented by depth, then the total. */
export function BreakdownTable(props: { rows: BreakdownRow[]; total: DealFigures; periodLabel: string }) {
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
      <table>
        <caption class="sr-only">{props.periodLabel}各中心交易情况（各行只含本中心项目），金额单位万元</caption>
        <thead>
          <tr>
            <th scope="col">中心</th>
            {SUMMARY_COLUMNS.map((c) => (
              <th key={c.key} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.label}>
              <th scope="row">
                {'　'.repeat(r.depth)}
                {r.label}
              </th>
              {SUMMARY_COLUMNS.map((c) => (
                <td key={c.key}>{formatCell(c.kind, r.figures[c.key])}</td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">合计</th>
            {SUMMARY_COLUMNS.map((c) => (
              <td key={c.key}>{formatCell(c.kind, props.total[c.key])}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

/** A chart (server-made SVG with role="img" and aria-label) and, below it, the same numbers as a table. */
function ChartFigure(props: { id: string; title: string; svg: string; children: ComponentChildren }) {
  return (
    <figure class="block" aria-labelledby={`${props.id}-title`}>
      <figcaption id={`${props.id}-title`}>
        <strong>{props.title}</strong>
      </figcaption>
      {/* The SVG is ECharts' output (it escapes text) made CSP-safe by cspSafeSvg; no user markup reaches it. */}
      <div class="table-wrap" tabindex={0} role="region" aria-label="统计图（可左右滚动）" dangerouslySetInnerHTML={{ __html: props.svg }} />
      <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">{props.children}</div>
    </figure>
  );
}
