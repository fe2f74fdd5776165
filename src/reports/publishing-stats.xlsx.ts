/** The Excel export of 发布统计: the page's tables as numbers, one sheet each, under a title naming center and period. */
import type { Worksheet } from 'exceljs';
import { publishingSentence } from './publishing-stats.model.ts';
import { centerRows, columnRows, departmentRows, kindRows, noticeGroupTable, noticeTypeTable, PUBLISHING_NOTES, type CountRow, type CrossTable } from './publishing-stats.presenter.ts';
import type { PublishingReport } from './publishing-stats.service.ts';

/** Sheets 栏目, 栏目类型, 部门, 中心 (a subtree only), 月度, 交易公告 and 公告类型. */
export async function buildPublishingWorkbook(report: PublishingReport): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const { center, period, stats } = report;
  const scope = report.scope === 'self' || report.centers.length <= 1 ? '本中心' : '本中心及下级中心';
  wb.creator = center.name;
  wb.title = `${center.name}信息发布统计（${period.label}）`;
  const isSubtree = report.centers.length > 1;

  const byColumn = sheet(wb.addWorksheet('栏目', { views: [{ state: 'frozen', ySplit: 3 }] }), { title: `${center.name}各栏目信息发布统计（${period.label}）`, report, scope, width: 3 });
  countRows(byColumn, ['栏目', '栏目类型', '发布条数'], columnRows(report), stats.total, true);
  byColumn.addRow([]);
  byColumn.addRow([publishingSentence(stats, { periodLabel: period.label })]);
  for (const n of PUBLISHING_NOTES) byColumn.addRow([`注：${n}`]);
  widths(byColumn, [28, 16, 12]);

  const byKind = sheet(wb.addWorksheet('栏目类型'), { title: `${center.name}各栏目类型信息发布统计（${period.label}）`, report, scope, width: 2 });
  countRows(byKind, ['栏目类型', '发布条数'], kindRows(stats), stats.total, false);
  widths(byKind, [20, 12]);

  const byDept = sheet(wb.addWorksheet('部门'), { title: `${center.name}各部门信息发布统计（${period.label}）`, report, scope, width: isSubtree ? 3 : 2 });
  countRows(byDept, isSubtree ? ['部门', '所属中心', '发布条数'] : ['部门', '发布条数'], departmentRows(report), stats.total, isSubtree);
  widths(byDept, isSubtree ? [36, 16, 12] : [36, 12]);

  if (isSubtree) {
    const byCenter = sheet(wb.addWorksheet('中心'), { title: `${center.name}及下级中心信息发布统计（${period.label}，各行只含该中心自身栏目）`, report, scope, width: 2 });
    countRows(byCenter, ['中心', '发布条数'], centerRows(report), stats.total, false);
    widths(byCenter, [36, 12]);
  }

  const byMonth = sheet(wb.addWorksheet('月度'), { title: `${center.name}逐月信息发布统计（${period.label}）`, report, scope, width: 2 });
  countRows(byMonth, ['月份', '发布条数'], stats.months.map((m) => ({ label: m.month, detail: '', count: m.count })), stats.total, false);
  widths(byMonth, [12, 12]);

  const groups = noticeGroupTable(stats);
  const noticeSheet = sheet(wb.addWorksheet('交易公告'), { title: `${center.name}交易公告发布统计（${period.label}）`, report, scope, width: groups.columns.length + 2 });
  crossRows(noticeSheet, '公告', groups);
  noticeSheet.addRow([]);
  for (const r of groups.rows) noticeSheet.addRow([`注：${r.label}：${r.note}`]);
  widths(noticeSheet, [34, ...groups.columns.map(() => 12), 12]);

  const types = noticeTypeTable(stats);
  const typeSheet = sheet(wb.addWorksheet('公告类型'), { title: `${center.name}交易公告按类型统计（${period.label}）`, report, scope, width: types.columns.length + 2 });
  crossRows(typeSheet, '公告类型', types);
  widths(typeSheet, [28, ...types.columns.map(() => 12), 12]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}

function sheet(ws: Worksheet, opts: { title: string; report: PublishingReport; scope: string; width: number }): Worksheet {
  const title = ws.addRow([opts.title]);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, Math.max(2, opts.width));
  ws.addRow([`统计期间：${opts.report.period.from} 至 ${opts.report.period.to}　统计范围：${opts.scope}　单位：条`]);
  ws.mergeCells(2, 1, 2, Math.max(2, opts.width));
  return ws;
}

function header(ws: Worksheet, cells: string[]): void {
  const row = ws.addRow(cells);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle' };
}

function countRows(ws: Worksheet, head: string[], rows: CountRow[], total: number, hasDetail: boolean): void {
  header(ws, head);
  for (const r of rows) ws.addRow(hasDetail ? [r.label, r.detail, r.count] : [r.label, r.count]);
  ws.addRow(hasDetail ? ['合计', null, total] : ['合计', total]).font = { bold: true };
}

function crossRows(ws: Worksheet, head: string, t: CrossTable): void {
  header(ws, [head, ...t.columns, '合计']);
  for (const r of t.rows) ws.addRow([r.label, ...r.counts, r.total]);
  ws.addRow(['合计', ...t.totals, t.total]).font = { bold: true };
}

function widths(ws: Worksheet, w: number[]): void {
  w.forEach((n, i) => {
    ws.getColumn(i + 1).width = n;
  });
}
