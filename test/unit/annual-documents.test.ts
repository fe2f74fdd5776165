import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { withTotals } from '../../src/reports/annual/annual-figures.ts';
import { readRequestGrid, toArrayBuffer } from '../../src/reports/annual/annual-import.ts';
import { buildReportDocx } from '../../src/reports/annual/annual.docx.ts';
import { reportBodyHtml, reportPageHtml, REPORT_PAGE_CSS, REPORT_PAGE_CSS_HASH } from '../../src/reports/annual/annual.document.tsx';
import { emptyProactive, emptyRequestGrid, emptyReview, type ReportFormat } from '../../src/reports/annual/annual.model.ts';
import { presentReport } from '../../src/reports/annual/annual.presenter.ts';
import { buildReportWorkbook } from '../../src/reports/annual/annual.xlsx.ts';
import { sanitizeRichText } from '../../src/content/sanitize.ts';
import { createHash } from 'node:crypto';

function sampleDoc(format: ReportFormat = '2021') {
  const g = emptyRequestGrid(format);
  const set = (row: string, n: number) => {
    const r = g[row];
    if (r) r.natural_person = n;
  };
  set('received_this_year', 7);
  set('carried_from_last_year', 2);
  set('disclosed', 5);
  set(format === '2021' ? 'other_fee_unpaid' : 'other', 1);
  set('carried_to_next_year', 3);
  const review = emptyReview();
  review.reconsideration = { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 };
  const proactive = emptyProactive();
  proactive.normativeDocuments = { issued: 2, repealed: 1, inForce: 9 };
  proactive.feeFen = 40_000;
  return presentReport({
    year: 2025,
    center: { code: 'gy', name: '固原市公共资源交易中心' },
    status: 'draft',
    figures: { format, requests: withTotals(g, format), proactive, reviewLitigation: review },
    narrative: { preamble: { text: '根据《中华人民共和国政府信息公开条例》编制本报告。', isEdited: false }, other: { text: '本中心2025年未收取信息处理费。', isEdited: true } },
    checks: [],
  });
}

describe('annual report documents', () => {
  it('writes a Word file that opens, with every table label and the merged cells of the template', async () => {
    const buf = await buildReportDocx(sampleDoc());
    const zip = await JSZip.loadAsync(buf);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    for (const label of ['一、总体情况', '六、其他需要报告的事项', '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况', '法人或其他组织', '三、本年度办理结果', '3.危及\u201c三安全一稳定\u201d', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '四、结转下年度继续办理', '第二十条第（八）项', '本年收费金额（单位：万元）', '未经复议直接起诉', '复议后起诉', '本中心2025年未收取信息处理费。']) {
      expect(xml, label).toContain(label);
    }
    expect(xml).toContain('<w:gridSpan w:val="7"/>');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    // The fee of table 二: 400 元 = 0.04 万元.
    expect(xml).toContain('>0.04<');
  });

  it('writes an Excel workbook that reads back: merged headers, numbers as numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(toArrayBuffer(await buildReportWorkbook(sampleDoc())));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表二', '表三', '表四', '正文']);
    const t3 = wb.getWorksheet('表三');
    expect(t3?.getCell('A3').value).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(t3?.getCell('D3').value).toBe('申请人情况');
    expect(t3?.getCell('A6').value).toBe('一、本年新收政府信息公开申请数量');
    expect(t3?.getCell('D6').value).toBe(7);
    expect(t3?.getCell('J6').value).toBe(7);
    expect(t3?.getCell('A8').value).toBe('三、本年度办理结果');
    expect(t3?.model.merges).toEqual(expect.arrayContaining(['A3:C5', 'D3:J3', 'E4:I4', 'A8:A29']));
    expect(wb.getWorksheet('表四')?.getCell('A6').value).toBe(1);
  });

  it('imports table 三 back from the exported workbook, in both formats', async () => {
    for (const format of ['2021', '2019'] as const) {
      const doc = sampleDoc(format);
      const back = await readRequestGrid(await buildReportWorkbook(doc));
      expect(back.format).toBe(format);
      for (const row of doc.tables.requests.rows) expect(back.grid[row.id], row.id).toEqual(row.values);
    }
  });

  it('imports a hand-made sheet with half-width brackets and 政务信息 (as published reports spell them)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['三、收到和处理政务信息公开申请情况']);
    const doc = sampleDoc();
    for (const r of doc.tables.requests.rows) ws.addRow([r.label.replace(/（/g, '(').replace(/）/g, ')').replace('政府信息', '政务信息'), ...Object.values(r.values).map(String)]);
    const back = await readRequestGrid(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(back.grid.received_this_year?.natural_person).toBe(7);
    expect(back.grid.carried_to_next_year?.total).toBe(3);
  });

  it('refuses a sheet whose rows are out of order, naming the row, and a file that is not a workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表三');
    const rows = sampleDoc().tables.requests.rows;
    const swapped = [rows[1], rows[0], ...rows.slice(2)];
    for (const r of swapped) if (r) ws.addRow([r.label, ...Object.values(r.values)]);
    await expect(readRequestGrid(Buffer.from(await wb.xlsx.writeBuffer()))).rejects.toMatchObject({ code: 'ANNUAL_REPORT_IMPORT_UNREADABLE', userMessage: expect.stringContaining('表三第 1 行：应为“一、本年新收政府信息公开申请数量”') });
    await expect(readRequestGrid(Buffer.from('not a spreadsheet'))).rejects.toMatchObject({ code: 'ANNUAL_REPORT_IMPORT_UNREADABLE' });
    const short = new ExcelJS.Workbook();
    short.addWorksheet('表三').addRow(['一、本年新收政府信息公开申请数量', 1, 0, 0, 0, 0, 0, 1]);
    await expect(readRequestGrid(Buffer.from(await short.xlsx.writeBuffer()))).rejects.toMatchObject({ userMessage: expect.stringContaining('找到 1 行数据') });
  });

  it('keeps the table structure through the article sanitizer, and allows the page CSS by its hash', () => {
    const html = reportBodyHtml(sampleDoc());
    const clean = sanitizeRichText(html);
    expect(clean).toContain('<td colspan="3" rowspan="3">（本列数据的勾稽关系为');
    expect(clean).toContain('<th scope="rowgroup" rowspan="22">三、本年度办理结果</th>');
    expect(clean).toContain('<h2>三、收到和处理政府信息公开申请情况</h2>');
    expect(reportPageHtml(sampleDoc())).toContain(REPORT_PAGE_CSS);
    expect(REPORT_PAGE_CSS_HASH).toBe(`'sha256-${createHash('sha256').update(REPORT_PAGE_CSS).digest('base64')}'`);
  });
});
