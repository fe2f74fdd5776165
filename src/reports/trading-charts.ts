/**
 * Charts of 交易统计, rendered on the server by Apache ECharts into SVG (no browser, no script on the page).
 * Each chart carries role="img" and an aria-label; the page puts the same numbers in a table beside it.
 * The SVG is made to pass the site's Content-Security-Policy (style-src 'self'): ECharts writes fonts in
 * style attributes and hover rules in a <style> element, which the browser would refuse, so fonts become
 * presentation attributes and the hover rules go.
 */
import { baseOption, CHART_AXIS, CHART_FONT, CHART_GRID, CHART_TEXT, renderSvg, type ChartOption } from './chart-render.ts';
import type { Category } from '../trading/trading.model.ts';
import { fenToWan, hasActivity, type MonthFigures, type TradingStats } from './trading-stats.model.ts';


/** Dark enough on white for text (WCAG AA 4.5:1), so also for bars (3:1). */
export const CATEGORY_COLORS: Record<Category, string> = {
  works: '#a4161a',
  procurement: '#0b4f9c',
  land_mining: '#1b6e20',
  state_assets: '#7a4a00',
  medicine: '#5b2a86',
  other: '#4a4a4a',
};

const TEXT = CHART_TEXT;
const AXIS = CHART_AXIS;
const GRID = CHART_GRID;
const FONT = CHART_FONT;

export type CategoryBar = { category: Category; label: string; deals: number; awardFen: number };

export type ChartSvgs = { category: string; monthly: string; bars: CategoryBar[] };

/** Both charts of a statistics page. The bars are the categories the summary table lists. */
export async function renderTradingCharts(stats: TradingStats, opts: { periodLabel: string }): Promise<ChartSvgs> {
  const active = stats.categories.filter(hasActivity);
  const bars = (active.length > 0 ? active : stats.categories.slice(0, 4)).map((c) => ({ category: c.category, label: c.label, deals: c.deals, awardFen: c.awardFen }));
  const category = await renderCategoryChart(bars, { title: `${opts.periodLabel}各类别成交宗数` });
  const monthly = await renderMonthlyChart(stats.months, { title: `${opts.periodLabel}月度成交金额与成交宗数` });
  return { category, monthly, bars };
}

/** Bars of 成交宗数 per category, each labelled with its number. */
export async function renderCategoryChart(bars: readonly CategoryBar[], opts: { title: string }): Promise<string> {
  const label = `${opts.title}（柱状图）：${bars.map((b) => `${b.label} ${b.deals} 宗`).join('，')}。`;
  const option: ChartOption = {
    ...baseOption(),
    grid: { left: 56, right: 24, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { color: TEXT, fontSize: 14, fontFamily: FONT }, axisLine: { lineStyle: { color: AXIS } }, axisTick: { show: false } },
    yAxis: { type: 'value', name: '成交宗数', minInterval: 1, nameTextStyle: { color: TEXT, fontSize: 13, fontFamily: FONT }, axisLabel: { color: TEXT, fontSize: 13, fontFamily: FONT }, splitLine: { lineStyle: { color: GRID } } },
    series: [
      {
        type: 'bar',
        name: '成交宗数',
        barMaxWidth: 56,
        silent: true,
        emphasis: { disabled: true },
        data: bars.map((b) => ({ value: b.deals, itemStyle: { color: CATEGORY_COLORS[b.category] } })),
        label: { show: true, position: 'top', color: TEXT, fontSize: 14, fontFamily: FONT },
      },
    ],
  };
  return renderSvg(option, { width: 640, height: 320, label });
}

/** Bars of 成交金额 (万元) per award month, with 成交宗数 as a line on the right axis. */
export async function renderMonthlyChart(months: readonly MonthFigures[], opts: { title: string }): Promise<string> {
  const isOneYear = months.length > 0 && months.every((m) => m.month.slice(0, 4) === months[0]?.month.slice(0, 4));
  const names = months.map((m) => (isOneYear ? `${Number(m.month.slice(5, 7))}月` : m.month));
  const peak = months.reduce<MonthFigures | null>((best, m) => (best === null || m.awardFen > best.awardFen ? m : best), null);
  const totalDeals = months.reduce((s, m) => s + m.deals, 0);
  const label = `${opts.title}（柱状图与折线图）：${months[0]?.month ?? ''} 至 ${months[months.length - 1]?.month ?? ''}，共 ${totalDeals} 宗${peak && peak.awardFen > 0 ? `，成交金额最高的是 ${peak.month}（${fenToWan(peak.awardFen).toFixed(2)} 万元）` : ''}。逐月数字见图下表格。`;
  const axisText = { color: TEXT, fontSize: 13, fontFamily: FONT };
  const option: ChartOption = {
    ...baseOption(),
    legend: { top: 4, textStyle: { color: TEXT, fontSize: 14, fontFamily: FONT }, selectedMode: false },
    grid: { left: 88, right: 64, top: 48, bottom: 40 },
    xAxis: { type: 'category', data: names, axisLabel: { ...axisText, interval: 0, rotate: names.length > 12 ? 45 : 0 }, axisLine: { lineStyle: { color: AXIS } }, axisTick: { show: false } },
    yAxis: [
      { type: 'value', name: '成交金额（万元）', nameTextStyle: axisText, axisLabel: { ...axisText, formatter: (v: number) => v.toLocaleString('en-US') }, splitLine: { lineStyle: { color: GRID } } },
      { type: 'value', name: '成交宗数', minInterval: 1, nameTextStyle: axisText, axisLabel: axisText, splitLine: { show: false } },
    ],
    series: [
      { type: 'bar', name: '成交金额（万元）', barMaxWidth: 36, silent: true, emphasis: { disabled: true }, itemStyle: { color: CATEGORY_COLORS.procurement }, data: months.map((m) => fenToWan(m.awardFen)) },
      { type: 'line', name: '成交宗数', yAxisIndex: 1, silent: true, emphasis: { disabled: true }, itemStyle: { color: CATEGORY_COLORS.works }, lineStyle: { color: CATEGORY_COLORS.works, width: 2 }, symbol: 'circle', symbolSize: 7, data: months.map((m) => m.deals) },
    ],
  };
  return renderSvg(option, { width: 720, height: 340, label });
}

export { cspSafeSvg } from './chart-render.ts';
