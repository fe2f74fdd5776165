/** The Excel export of 交易统计: the page's tables as numbers (万元 with two decimals, rates as percentages). */
import type { Worksheet } from 'exceljs';
import { fenToWan, type DealFigures, type TradingStats } from './trading-stats.model.ts';
import type { StatsPeriod } from './trading-stats.period.ts';
import { SUMMARY_COLUMNS, SUMMARY_NOTES, summaryRows, type BreakdownRow, type MoneyKind } from './trading-stats.presenter.ts';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NUM_FORMATS: Record<MoneyKind, string> = { count: '0', wan: '#,##0.00', rate: '0.00%' };

/** Sheets 汇总 and 月度 (and 分中心 when a breakdown is given), each under a title row naming center and period. */
export async function buildStatsWorkbook(opts: { centerName: string; period: StatsPeriod; stats: TradingStats; breakdown?: BreakdownRow[] }): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = opts.centerName;
  wb.title = `${opts.centerName}交易统计（${opts.period.label}）`;
  const { stats, period } = opts;

  const summary = wb.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 3 }] });
  titleRows(summary, { title: `${opts.centerName}交易统计（${period.label}）`, period, width: SUMMARY_COLUMNS.length + 1 });
  headerRow(summary, ['类别', ...SUMMARY_COLUMNS.map((c) => c.header)]);
  for (const r of summaryRows(stats)) figuresRow(summary, r.label, r);
  summary.addRow([]);
  const revenue = summary.addRow(['土地矿业权出让收入（万元）', fenToWan(stats.total.revenueFen)]);
  revenue.getCell(2).numFmt = NUM_FORMATS.wan;
  for (const note of SUMMARY_NOTES) summary.addRow([`注：${note}`]);
  summary.getColumn(1).width = 22;
  for (let i = 2; i <= SUMMARY_COLUMNS.length + 1; i++) summary.getColumn(i).width = 16;

  const monthly = wb.addWorksheet('月度', { views: [{ state: 'frozen', ySplit: 3 }] });
  titleRows(monthly, { title: `${opts.centerName}月度成交情况（${period.label}）`, period, width: 3 });
  headerRow(monthly, ['月份', '成交宗数', '成交金额（万元）']);
  for (const m of stats.months) numberRow(monthly, [m.month, m.deals, fenToWan(m.awardFen)], ['count', 'wan']);
  const totalRow = numberRow(monthly, ['合计', stats.total.deals, fenToWan(stats.total.awardFen)], ['count', 'wan']);
  totalRow.font = { bold: true };
  monthly.getColumn(1).width = 12;
  monthly.getColumn(2).width = 12;
  monthly.getColumn(3).width = 20;

  if (opts.breakdown) {
    const byCenter = wb.addWorksheet('分中心', { views: [{ state: 'frozen', ySplit: 3 }] });
    titleRows(byCenter, { title: `${opts.centerName}及下级中心交易情况（${period.label}，各行只含本中心项目）`, period, width: SUMMARY_COLUMNS.length + 1 });
    headerRow(byCenter, ['中心', ...SUMMARY_COLUMNS.map((c) => c.header)]);
    for (const b of opts.breakdown) figuresRow(byCenter, `${'　'.repeat(b.depth)}${b.label}`, b.figures);
    figuresRow(byCenter, '合计', stats.total).font = { bold: true };
    byCenter.getColumn(1).width = 32;
    for (let i = 2; i <= SUMMARY_COLUMNS.length + 1; i++) byCenter.getColumn(i).width = 16;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266 / RFC 5987), so browsers save
 * “交易统计….xlsx” and old clients still get a usable name.
 */
export function attachmentDisposition(opts: { filename: string; fallback: string }): string {
  const fallback = opts.fallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(opts.filename).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function titleRows(ws: Worksheet, opts: { title: string; period: StatsPeriod; width: number }): void {
  const title = ws.addRow([opts.title]);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, opts.width);
  ws.addRow([`统计期间：${opts.period.from} 至 ${opts.period.to}　金额单位：万元`]);
  ws.mergeCells(2, 1, 2, opts.width);
}

function headerRow(ws: Worksheet, headers: string[]): void {
  const row = ws.addRow(headers);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle' };
}

function figuresRow(ws: Worksheet, label: string, f: Pick<DealFigures, (typeof SUMMARY_COLUMNS)[number]['key']>) {
  const values = SUMMARY_COLUMNS.map((c) => {
    const v = f[c.key];
    return v === null ? null : c.kind === 'wan' ? fenToWan(v) : v;
  });
  const row = numberRow(ws, [label, ...values], SUMMARY_COLUMNS.map((c) => c.kind));
  if (label === '合计') row.font = { bold: true };
  return row;
}

function numberRow(ws: Worksheet, values: (string | number | null)[], kinds: MoneyKind[]) {
  const row = ws.addRow(values);
  kinds.forEach((k, i) => {
    row.getCell(i + 2).numFmt = NUM_FORMATS[k];
  });
  return row;
}
