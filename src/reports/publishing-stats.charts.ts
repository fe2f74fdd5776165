/**
 * Charts of 发布统计, rendered on the server by Apache ECharts into SVG and made CSP-safe by the same
 * `cspSafeSvg` as 交易统计 (no script on the page). Each chart carries role="img" and an aria-label naming
 * its numbers; the page puts the same numbers in a table under it.
 */
import { baseOption, CHART_AXIS, CHART_FONT, CHART_GRID, CHART_TEXT, renderSvg, type ChartOption } from './chart-render.ts';
import { CATEGORY_COLORS } from './trading-charts.ts';
import { NOTICE_GROUP_SHORT, shownCategories, type MonthCount, type PublishingStats } from './publishing-stats.model.ts';
import type { CountRow, CrossTable } from './publishing-stats.presenter.ts';


const TEXT = CHART_TEXT;
const AXIS = CHART_AXIS;
const GRID = CHART_GRID;
const BAR = '#0b4f9c';
const FONT = CHART_FONT;
/** A horizontal bar chart lists at most this many rows; the table under it lists all. */
export const MAX_BARS = 20;

/** Horizontal bars, one per row (largest on top), each labelled with its number. */
export async function renderCountBars(rows: readonly CountRow[], opts: { title: string; unit: string }): Promise<string> {
  const shown = rows.slice(0, MAX_BARS);
  const more = rows.length > shown.length ? `（另有 ${rows.length - shown.length} 项见表格）` : '';
  const label = `${opts.title}（条形图）：${shown.length === 0 ? '无数据' : shown.map((r) => `${r.label.trim()} ${r.count} ${opts.unit}`).join('，')}${more}。`;
  const names = shown.map((r) => r.label.trim()).reverse();
  const option: ChartOption = {
    ...baseOption(),
    grid: { left: 16, right: 56, top: 16, bottom: 32, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: TEXT, fontSize: 13, fontFamily: FONT }, splitLine: { lineStyle: { color: GRID } } },
    yAxis: { type: 'category', data: names, axisLabel: { color: TEXT, fontSize: 13, fontFamily: FONT, width: 220, overflow: 'truncate' }, axisLine: { lineStyle: { color: AXIS } }, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: opts.title,
        barMaxWidth: 22,
        silent: true,
        emphasis: { disabled: true },
        itemStyle: { color: BAR },
        data: shown.map((r) => r.count).reverse(),
        label: { show: true, position: 'right', color: TEXT, fontSize: 13, fontFamily: FONT },
      },
    ],
  };
  return renderSvg(option, { width: 720, height: Math.max(120, 56 + shown.length * 30), label });
}

/** Vertical bars per month of the period. */
export async function renderMonthBars(months: readonly MonthCount[], opts: { title: string }): Promise<string> {
  const isOneYear = months.length > 0 && months.every((m) => m.month.slice(0, 4) === months[0]?.month.slice(0, 4));
  const names = months.map((m) => (isOneYear ? `${Number(m.month.slice(5, 7))}月` : m.month));
  const total = months.reduce((n, m) => n + m.count, 0);
  const peak = months.reduce<MonthCount | null>((best, m) => (best === null || m.count > best.count ? m : best), null);
  const label = `${opts.title}（柱状图）：共 ${total} 条${peak && peak.count > 0 ? `，最多的是 ${peak.month}（${peak.count} 条）` : ''}。逐月数字见图下表格。`;
  const axisText = { color: TEXT, fontSize: 13, fontFamily: FONT };
  const option: ChartOption = {
    ...baseOption(),
    grid: { left: 56, right: 24, top: 32, bottom: 40 },
    xAxis: { type: 'category', data: names, axisLabel: { ...axisText, interval: 0, rotate: names.length > 12 ? 45 : 0 }, axisLine: { lineStyle: { color: AXIS } }, axisTick: { show: false } },
    yAxis: { type: 'value', name: '条数', minInterval: 1, nameTextStyle: axisText, axisLabel: axisText, splitLine: { lineStyle: { color: GRID } } },
    series: [{ type: 'bar', name: '发布条数', barMaxWidth: 36, silent: true, emphasis: { disabled: true }, itemStyle: { color: BAR }, data: months.map((m) => m.count), label: { show: months.length <= 12, position: 'top', ...axisText } }],
  };
  return renderSvg(option, { width: 720, height: 320, label });
}

/** The reports' notice groups, one bar group per group, one bar per category shown. */
export async function renderNoticeGroups(stats: PublishingStats, table: CrossTable, opts: { title: string }): Promise<string> {
  const cats = shownCategories(stats.notices);
  const label = `${opts.title}（柱状图）：${table.rows.map((r) => `${r.label} ${r.total} 条（${cats.map((c, i) => `${c.label} ${r.counts[i] ?? 0} 条`).join('、')}）`).join('；')}。`;
  const axisText = { color: TEXT, fontSize: 13, fontFamily: FONT };
  const option: ChartOption = {
    ...baseOption(),
    legend: { top: 4, textStyle: { color: TEXT, fontSize: 14, fontFamily: FONT }, selectedMode: false },
    grid: { left: 56, right: 24, top: 48, bottom: 48 },
    xAxis: { type: 'category', data: stats.notices.groups.map((g) => NOTICE_GROUP_SHORT[g.group]), axisLabel: { ...axisText, interval: 0 }, axisLine: { lineStyle: { color: AXIS } }, axisTick: { show: false } },
    yAxis: { type: 'value', name: '条数', minInterval: 1, nameTextStyle: axisText, axisLabel: axisText, splitLine: { lineStyle: { color: GRID } } },
    series: cats.map((c, i) => ({
      type: 'bar' as const,
      name: c.label,
      barMaxWidth: 28,
      silent: true,
      emphasis: { disabled: true },
      itemStyle: { color: CATEGORY_COLORS[c.category] },
      data: table.rows.map((r) => r.counts[i] ?? 0),
      label: { show: true, position: 'top' as const, ...axisText },
    })),
  };
  return renderSvg(option, { width: 720, height: 340, label });
}
