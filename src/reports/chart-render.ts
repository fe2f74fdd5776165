import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

/** Server-side ECharts for every report: one style, one lazy import, one CSP-safe SVG serialisation. */
export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption>;

export const CHART_TEXT = '#1f1f1f';
export const CHART_AXIS = '#4a4a4a';
export const CHART_GRID = '#d0d0d0';
export const CHART_FONT = 'Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif';

/**
 * Makes ECharts' SVG acceptable under `style-src 'self'` and names it for assistive technology: drops
 * <style> elements, class and hydration attributes, turns style declarations into presentation attributes, and puts
 * role="img" and aria-label on the root element.
 */
export function cspSafeSvg(svg: string, label: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ class="[^"]*"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '') // hooks for ECharts' client-side hydration, which this page does not load
    .replace(/ style="([^"]*)"/g, (_m, decls: string) =>
      decls
        .split(';')
        .map((d) => /^\s*(font-size|font-family|font-weight|font-style)\s*:\s*(.+?)\s*$/.exec(d))
        .map((m) => (m ? ` ${m[1]}="${m[2]}"` : ''))
        .join(''),
    )
    .replace(/^<svg /, `<svg role="img" aria-label="${escapeAttr(label)}" focusable="false" `);
}

export function baseOption(): ChartOption {
  return { animation: false, backgroundColor: '#ffffff', textStyle: { color: CHART_TEXT, fontSize: 13, fontFamily: CHART_FONT } };
}

export async function renderSvg(option: ChartOption, opts: { width: number; height: number; label: string }): Promise<string> {
  const echarts = await loadEcharts();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: opts.width, height: opts.height });
  try {
    chart.setOption(option);
    return cspSafeSvg(chart.renderToSVGString(), opts.label);
  } finally {
    chart.dispose();
  }
}

let echartsModule: Promise<typeof import('echarts/core')> | undefined;

/** ECharts takes ~0.5 s to import: load it on the first chart, not at start-up (tests and CLI never pay it). */
function loadEcharts(): Promise<typeof import('echarts/core')> {
  echartsModule ??= (async () => {
    const [core, charts, components, renderers] = await Promise.all([import('echarts/core'), import('echarts/charts'), import('echarts/components'), import('echarts/renderers')]);
    core.use([charts.BarChart, charts.LineChart, components.GridComponent, components.LegendComponent, renderers.SVGRenderer]);
    return core;
  })().catch((err: unknown) => {
    echartsModule = undefined;
    throw err;
  });
  return echartsModule;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
