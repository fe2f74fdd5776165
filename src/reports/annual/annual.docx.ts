/** The report as a Word document (.docx) in the official table layout: merged header cells as in the template. */
import type { Paragraph as DocxParagraph, Table as DocxTable } from 'docx';
import { proactiveLayout, requestsLayout, reviewLayout, type LayoutTable } from './annual-layout.ts';
import type { AnnualReportDocument } from './annual.presenter.ts';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Column widths in twips (A4 portrait, 2.5 cm margins: about 9,000 twips of text width). */
const WIDTHS: Record<LayoutTable['id'], number[]> = {
  proactive: [2600, 2100, 2100, 2100],
  requests: [900, 900, 2600, ...Array<number>(7).fill(650)],
  review_litigation: Array<number>(15).fill(595),
};

export async function buildReportDocx(doc: AnnualReportDocument): Promise<Buffer> {
  const d = await import('docx');
  const body = (text: string, o: { isIndented?: boolean } = {}) =>
    new d.Paragraph({ children: [new d.TextRun({ text })], indent: o.isIndented === false ? undefined : { firstLine: 560 }, spacing: { line: 480 } });
  const paragraphs = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => body(l));
  const tables: Partial<Record<string, LayoutTable>> = { proactive: proactiveLayout(doc), requests: requestsLayout(doc), review_litigation: reviewLayout(doc) };

  const table = (t: LayoutTable): DocxTable =>
    new d.Table({
      layout: d.TableLayoutType.FIXED,
      columnWidths: WIDTHS[t.id],
      width: { size: WIDTHS[t.id].reduce((a, b) => a + b, 0), type: d.WidthType.DXA },
      rows: t.rows.map(
        (line, i) =>
          new d.TableRow({
            tableHeader: i < t.headerRows,
            cantSplit: true,
            children: line.map(
              (c) =>
                new d.TableCell({
                  columnSpan: c.colSpan,
                  rowSpan: c.rowSpan,
                  verticalAlign: d.VerticalAlignTable.CENTER,
                  children: [
                    new d.Paragraph({
                      alignment: c.kind === 'rowhead' || c.kind === 'corner' ? d.AlignmentType.LEFT : d.AlignmentType.CENTER,
                      children: [new d.TextRun({ text: c.text, size: 18, bold: c.kind === 'head' })],
                    }),
                  ],
                }),
            ),
          }),
      ),
    });

  const children: (DocxParagraph | DocxTable)[] = [
    new d.Paragraph({ heading: d.HeadingLevel.TITLE, alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ text: doc.center.name, bold: true, size: 36 })] }),
    new d.Paragraph({ heading: d.HeadingLevel.TITLE, alignment: d.AlignmentType.CENTER, spacing: { after: 240 }, children: [new d.TextRun({ text: `${doc.year}年政府信息公开工作年度报告`, bold: true, size: 36 })] }),
    ...paragraphs(doc.preamble),
  ];
  for (const s of doc.sections) {
    children.push(new d.Paragraph({ heading: d.HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 }, children: [new d.TextRun({ text: s.title, bold: true, size: 28 })] }));
    children.push(...paragraphs(s.text));
    const t = tables[s.id];
    if (t && (s.id !== 'proactive' || doc.tables.proactive.rows.length > 0)) children.push(table(t), body('', { isIndented: false }));
  }
  const document = new d.Document({
    creator: doc.center.name,
    title: doc.title,
    styles: { default: { document: { run: { font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' }, size: 28 } } } },
    sections: [{ properties: { page: { margin: { top: 1440, bottom: 1440, left: 1418, right: 1418 } } }, children }],
  });
  return d.Packer.toBuffer(document);
}
