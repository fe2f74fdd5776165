/** The Excel file of the 网站年度报表: the form's rows (numbers as numbers), and the reference figures. */
import { SOURCE_LABELS } from './website-report.model.ts';
import type { WebsiteReport } from './website-report.service.ts';

export async function buildWebsiteReportWorkbook(r: WebsiteReport): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = r.center.name;
  wb.title = `政府网站工作年度报表（${r.year}年度）`;
  const ws = wb.addWorksheet('报表', { views: [{ state: 'frozen', ySplit: 4 }] });
  const title = ws.addRow([`政府网站工作年度报表（${r.year}年度）`]);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, 5);
  ws.addRow([`填报单位：${r.center.name}　统计期间：${r.year}-01-01 至 ${r.year}-12-31　统计范围：${r.scope === 'self' || r.centerCount <= 1 ? '本中心网站' : '本中心及下级中心'}`]);
  ws.mergeCells(2, 1, 2, 5);
  ws.addRow(['“来源”一栏：系统统计＝由平台数据计算；人工填报＝由网站工作人员填写；站点设置＝取自站点设置；未填报、未统计的栏目不填数字。']);
  ws.mergeCells(3, 1, 3, 5);
  const head = ws.addRow(['项目', '数值', '单位', '来源', '说明']);
  head.font = { bold: true };
  for (const s of r.sections) {
    const sec = ws.addRow([s.title]);
    sec.font = { bold: true };
    for (const v of s.values) {
      const cell = v.value === null ? v.display : typeof v.value === 'boolean' ? (v.value ? '是' : '否') : v.value;
      const row = ws.addRow([`${'　'.repeat(v.field.depth ?? 0)}${v.field.label}`, cell, v.field.unit ?? null, SOURCE_LABELS[v.source], v.field.note ?? null]);
      if (typeof cell === 'number') row.getCell(2).numFmt = v.field.kind === 'decimal' ? '0.0' : '0';
    }
  }
  ws.getColumn(1).width = 40;
  ws.getColumn(2).width = 24;
  ws.getColumn(3).width = 8;
  ws.getColumn(4).width = 12;
  ws.getColumn(5).width = 60;

  const x = wb.addWorksheet('参考数据');
  x.addRow(['附：平台记录的参考数据（不属于报表栏目）']).font = { bold: true, size: 14 };
  x.addRow(['项目', '数值', '说明']).font = { bold: true };
  x.addRow(['站内搜索次数', '未统计', '平台不记录搜索日志，无法统计搜索次数。']);
  x.addRow(['后台登录失败次数', r.extras.security.loginFailures, '审计日志']);
  x.addRow(['账号锁定次数', r.extras.security.lockouts, '审计日志']);
  x.addRow(['动态口令验证失败次数', r.extras.security.totpFailures, '审计日志']);
  if (r.extras.security.unattributedLoginFailures !== null) x.addRow(['以不存在的用户名登录失败次数', r.extras.security.unattributedLoginFailures, '全平台合计']);
  x.addRow(['网站找错留言数量', r.extras.errorReports, '未计入报表的留言办理']);
  x.getColumn(1).width = 32;
  x.getColumn(2).width = 12;
  x.getColumn(3).width = 40;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
