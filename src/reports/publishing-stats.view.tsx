/** The parts of the 发布统计 page: the period forms, the charts with their tables, the notice tables. */
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../platform/errors.ts';
import { publishingSentence } from './publishing-stats.model.ts';
import { QUARTER_LABELS, type PublishingPeriod, type PublishingQuery, type StatsScopeKind } from './publishing-stats.period.ts';
import { centerRows, columnRows, departmentRows, kindRows, noticeGroupTable, noticeTypeTable, PUBLISHING_NOTES, type CountRow, type CrossTable } from './publishing-stats.presenter.ts';
import type { PublishingReport } from './publishing-stats.service.ts';

export type PublishingCharts = { columns: string; departments: string; centers: string | null; months: string; notices: string };

/** Year with an optional quarter or month, or a date range; and the scope. GET forms: the result is a shareable link. */
export function PublishingPeriodForms(props: { action: string; period: PublishingPeriod | null; scope: StatsScopeKind; input: PublishingQuery; errors: FieldError[]; currentYear: number; hasChildren: boolean }) {
  const years = Array.from({ length: 10 }, (_, i) => props.currentYear - i);
  const selectedYear = props.period?.year ?? null;
  if (selectedYear !== null && !years.includes(selectedYear)) years.push(selectedYear);
  const invalid = (field: string) => (props.errors.some((e) => e.field === field) ? 'true' : undefined);
  const scopeField = (id: string) =>
    props.hasChildren ? (
      <div class="field">
        <label for={id}>统计范围</label>
        <select id={id} name="scope" aria-invalid={invalid('scope')}>
          <option value="subtree" selected={props.scope === 'subtree'}>
            本中心及下级中心
          </option>
          <option value="self" selected={props.scope === 'self'}>
            仅本中心
          </option>
        </select>
      </div>
    ) : null;
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
          <label for="ps-year">年度</label>
          <select id="ps-year" name="year" aria-invalid={invalid('year')}>
            {years.map((y) => (
              <option key={y} value={String(y)} selected={y === selectedYear}>
                {y}年
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="ps-quarter">季度</label>
          <select id="ps-quarter" name="quarter" aria-invalid={invalid('quarter')}>
            <option value="">全年</option>
            {QUARTER_LABELS.map((l, i) => (
              <option key={l} value={String(i + 1)} selected={props.period?.quarter === i + 1}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="ps-month">月份</label>
          <select id="ps-month" name="month" aria-invalid={invalid('month')}>
            <option value="">不限</option>
            {Array.from({ length: 12 }, (_, i) => (
              <option key={i} value={String(i + 1)} selected={props.period?.month === i + 1}>
                {i + 1}月
              </option>
            ))}
          </select>
        </div>
        {scopeField('ps-scope')}
        <button type="submit">按年度、季度或月份查询</button>
      </form>
      <p class="hint">季度和月份只选其中一项；都不选即为全年。</p>
      <form class="search-filters" method="get" action={props.action}>
        <div class="field">
          <label for="ps-from">起始日期</label>
          <input id="ps-from" name="from" type="date" value={props.period?.kind === 'range' ? props.period.from : props.input.from} aria-invalid={invalid('from')} />
        </div>
        <div class="field">
          <label for="ps-to">截止日期</label>
          <input id="ps-to" name="to" type="date" value={props.period?.kind === 'range' ? props.period.to : props.input.to} aria-invalid={invalid('to')} />
        </div>
        {scopeField('ps-scope2')}
        <button type="submit">按起止日期查询</button>
      </form>
    </section>
  );
}

/** The figures: the reports' sentence, the Excel link, then each breakdown as a chart with its table. */
export function PublishingBody(props: { report: PublishingReport; charts: PublishingCharts; xlsxHref: string }) {
  const { report, charts } = props;
  const { stats, period } = report;
  const groups = noticeGroupTable(stats);
  const types = noticeTypeTable(stats);
  return (
    <>
      <p class="today">{publishingSentence(stats, { periodLabel: period.label })}</p>
      <p>
        <a class="button" href={props.xlsxHref}>下载 Excel</a> <span class="muted">（各栏目、部门、中心、月份和交易公告的统计表，{period.label}）</span>
      </p>
      <h2 id="by-column">按栏目统计</h2>
      <ChartFigure id="chart-columns" title={`${period.label}各栏目发布条数`} svg={charts.columns}>
        <CountTable caption="各栏目发布条数（数据表）" head={['栏目', '栏目类型', '发布条数']} rows={columnRows(report)} total={stats.total} />
      </ChartFigure>
      <h3>按栏目类型</h3>
      <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
        <CountTable caption="各栏目类型发布条数" head={['栏目类型', '发布条数']} rows={kindRows(stats)} total={stats.total} isDetailHidden />
      </div>
      <h2 id="by-department">按部门统计</h2>
      <ChartFigure id="chart-departments" title={`${period.label}各部门发布条数`} svg={charts.departments}>
        <CountTable caption="各部门发布条数（数据表）" head={report.centers.length > 1 ? ['部门', '所属中心', '发布条数'] : ['部门', '发布条数']} rows={departmentRows(report)} total={stats.total} isDetailHidden={report.centers.length <= 1} />
      </ChartFigure>
      {report.centers.length > 1 && charts.centers ? (
        <>
          <h2 id="by-center">按中心统计</h2>
          <ChartFigure id="chart-centers" title={`${period.label}各中心发布条数`} svg={charts.centers}>
            <CountTable caption="各中心发布条数（各行只含该中心自身栏目，数据表）" head={['中心', '发布条数']} rows={centerRows(report)} total={stats.total} isDetailHidden />
          </ChartFigure>
        </>
      ) : null}
      <h2 id="by-month">按月统计</h2>
      <ChartFigure id="chart-months" title={`${period.label}逐月发布条数`} svg={charts.months}>
        <CountTable caption="逐月发布条数（数据表）" head={['月份', '发布条数']} rows={stats.months.map((m) => ({ label: m.month, detail: '', count: m.count }))} total={stats.total} isDetailHidden />
      </ChartFigure>
      <h2 id="notices">交易公告</h2>
      <ChartFigure id="chart-notices" title={`${period.label}交易公告发布条数`} svg={charts.notices}>
        <CrossTableView caption="交易公告按类别统计（数据表）" head="公告" table={groups} />
      </ChartFigure>
      <h3>按公告类型</h3>
      <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
        <CrossTableView caption="交易公告按公告类型和交易类别统计" head="公告类型" table={types} />
      </div>
      <ul class="hint">
        {PUBLISHING_NOTES.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </>
  );
}

function CountTable(props: { caption: string; head: string[]; rows: CountRow[]; total: number; isDetailHidden?: boolean }) {
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          {props.head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.length === 0 ? (
          <tr>
            <td colSpan={props.head.length}>统计期间内没有发布信息。</td>
          </tr>
        ) : null}
        {props.rows.map((r, i) => (
          <tr key={`${r.label}-${r.detail}-${i}`}>
            <th scope="row">{r.label}</th>
            {props.isDetailHidden ? null : <td>{r.detail}</td>}
            <td>{r.count}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">合计</th>
          {props.isDetailHidden ? null : <td />}
          <td>{props.total}</td>
        </tr>
      </tbody>
    </table>
  );
}

function CrossTableView(props: { caption: string; head: string; table: CrossTable }) {
  const t = props.table;
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.head}</th>
          {t.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
          <th scope="col">合计</th>
        </tr>
      </thead>
      <tbody>
        {t.rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">
              {r.label}
              {r.note ? <span class="hint">（{r.note}）</span> : null}
            </th>
            {r.counts.map((n, i) => (
              <td key={t.columns[i] ?? i}>{n}</td>
            ))}
            <td>{r.total}</td>
          </tr>
        ))}
        <tr>
          <th scope="row">合计</th>
          {t.totals.map((n, i) => (
            <td key={t.columns[i] ?? i}>{n}</td>
          ))}
          <td>{t.total}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** A chart (server-made SVG with role="img" and aria-label) and, under it, the same numbers as a table. */
function ChartFigure(props: { id: string; title: string; svg: string; children: ComponentChildren }) {
  return (
    <figure class="block" aria-labelledby={`${props.id}-title`}>
      <figcaption id={`${props.id}-title`}>
        <strong>{props.title}</strong>
      </figcaption>
      {/* ECharts' output (it escapes text) made CSP-safe by cspSafeSvg; no user markup reaches it unescaped. */}
      <div class="table-wrap" tabindex={0} role="region" aria-label="统计图（可左右滚动）" dangerouslySetInnerHTML={{ __html: props.svg }} />
      <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
        {props.children}
      </div>
    </figure>
  );
}
