/** Answers a report as a document: Word, Excel, the HTML page or PDF, with a Chinese file name. */
import type { FastifyReply } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { attachmentDisposition } from '../trading-stats.xlsx.ts';
import { buildReportDocx, DOCX_CONTENT_TYPE } from './annual.docx.ts';
import { REPORT_PAGE_CSS_HASH, reportPageHtml } from './annual.document.tsx';
import type { AnnualReportDocument } from './annual.presenter.ts';
import { renderPdf } from './annual.pdf.ts';
import { buildReportWorkbook, XLSX_CONTENT_TYPE } from './annual.xlsx.ts';

export const DOCUMENT_FORMATS = ['docx', 'xlsx', 'html', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export const DOCUMENT_FORMAT_LABELS: Record<DocumentFormat, string> = { docx: 'Word', xlsx: 'Excel', html: '网页', pdf: 'PDF' };

export function parseDocumentFormat(v: unknown): DocumentFormat {
  if (typeof v === 'string' && (DOCUMENT_FORMATS as readonly string[]).includes(v)) return v as DocumentFormat;
  throw new AppError('VALIDATION_FAILED', { userMessage: 'format：只能是 docx、xlsx、html 或 pdf', fields: [{ field: 'format', message: 'format：只能是 docx、xlsx、html 或 pdf' }] });
}


export async function sendReportDocument(reply: FastifyReply, o: { doc: AnnualReportDocument; format: DocumentFormat; isPublic: boolean }): Promise<FastifyReply> {
  const { doc } = o;
  const name = `${doc.center.name}${doc.year}年政府信息公开工作年度报告`;
  const fallback = `annual-report-${doc.center.code}-${doc.year}`;
  reply.header('cache-control', o.isPublic ? 'public, max-age=300' : 'no-store');
  if (o.format === 'html') {
    // The site's policy as set for this answer, with the page's inline print CSS allowed by its hash.
    const csp = String(reply.getHeader('content-security-policy') ?? "default-src 'self'; style-src 'self'").replace("style-src 'self'", `style-src 'self' ${REPORT_PAGE_CSS_HASH}`);
    return reply.header('content-security-policy', csp).type('text/html; charset=utf-8').send(reportPageHtml(doc));
  }
  const [body, type] =
    o.format === 'docx' ? [await buildReportDocx(doc), DOCX_CONTENT_TYPE] : o.format === 'xlsx' ? [await buildReportWorkbook(doc), XLSX_CONTENT_TYPE] : [await renderPdf(reportPageHtml(doc)), 'application/pdf'];
  return reply.header('content-type', type).header('content-disposition', attachmentDisposition({ filename: `${name}.${o.format}`, fallback: `${fallback}.${o.format}` })).send(body);
}
