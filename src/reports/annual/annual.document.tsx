/**
 * The report as HTML: the body published as the 年度报告 article, the admin preview, the standalone page
 * (`?format=html`) and the page Chromium prints to PDF. Escaping is Preact's; the tables follow the layout.
 */
import { createHash } from 'node:crypto';
import { renderToString } from 'preact-render-to-string';
import { proactiveLayout, requestsLayout, reviewLayout, type LayoutTable } from './annual-layout.ts';
import type { AnnualReportDocument } from './annual.presenter.ts';

/** Print CSS of the standalone page (inline, allowed by its hash in that answer's CSP). */
export const REPORT_PAGE_CSS = [
  'body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "SimSun", serif; margin: 2em auto; max-width: 60em; padding: 0 1em; line-height: 1.7; color: #000; }',
  'h1 { text-align: center; font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 1.6em; }',
  'p { text-indent: 2em; margin: .4em 0; }',
  'table { border-collapse: collapse; width: 100%; margin: .8em 0; font-size: .9rem; page-break-inside: auto; }',
  'th, td { border: 1px solid #000; padding: 4px 6px; text-align: center; vertical-align: middle; }',
  'th[scope="row"] { text-align: left; font-weight: normal; } td.note { font-size: .85rem; }',
  'caption { caption-side: top; font-weight: bold; margin-bottom: .3em; }',
  '@page { size: A4; margin: 2cm 1.8cm; } @media print { body { margin: 0; max-width: none; } tr { page-break-inside: avoid; } }',
].join('\n');
export const REPORT_PAGE_CSS_HASH = `'sha256-${createHash('sha256').update(REPORT_PAGE_CSS).digest('base64')}'`;

/** The report's body: preamble, sections 一 to 六, each table after its section's lead text. */
export function ReportBody(props: { doc: AnnualReportDocument; headingLevel?: 2 | 3; isScrollable?: boolean }) {
  const { doc } = props;
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  const tables: Record<string, LayoutTable> = { proactive: proactiveLayout(doc), requests: requestsLayout(doc), review_litigation: reviewLayout(doc) };
  return (
    <div>
      <Paragraphs text={doc.preamble} />
      {doc.sections.map((s) => {
        const table = tables[s.id];
        const isTableShown = table && (s.id !== 'proactive' || doc.tables.proactive.rows.length > 0);
        return (
          <section key={s.id}>
            <H>{s.title}</H>
            <Paragraphs text={s.text} />
            {isTableShown ? <LayoutTableView table={table} isScrollable={props.isScrollable} /> : null}
          </section>
        );
      })}
    </div>
  );
}

export function Paragraphs(props: { text: string }) {
  const lines = props.text.split('\n').map((l) => l.trim()).filter(Boolean);
  return (
    <>
      {lines.map((l, i) => (
        <p key={i}>{l}</p>
      ))}
    </>
  );
}

/** One statutory table: header cells as th with scope, the note cell of table 三 as td. */
export function LayoutTableView(props: { table: LayoutTable; isScrollable?: boolean | undefined }) {
  const t = props.table;
  const head = t.rows.slice(0, t.headerRows);
  const body = t.rows.slice(t.headerRows);
  const Cells = (p: { line: LayoutTable['rows'][number] }) => (
    <>
      {p.line.map((c, i) => {
        const span = { colSpan: c.colSpan > 1 ? c.colSpan : undefined, rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined };
        if (c.kind === 'value' || c.kind === 'corner') return <td key={i} {...span}>{c.text}</td>;
        const scope = c.kind === 'rowhead' ? 'row' : c.kind === 'group' ? 'rowgroup' : c.colSpan > 1 ? 'colgroup' : 'col';
        return (
          <th key={i} scope={scope} {...span}>
            {c.text}
          </th>
        );
      })}
    </>
  );
  const table = (
    <table>
      <caption>{t.caption}</caption>
      {head.length > 0 ? (
        <thead>
          {head.map((line, i) => (
            <tr key={i}>
              <Cells line={line} />
            </tr>
          ))}
        </thead>
      ) : null}
      <tbody>
        {body.map((line, i) => (
          <tr key={i}>
            <Cells line={line} />
          </tr>
        ))}
      </tbody>
    </table>
  );
  return props.isScrollable ? (
    <div class="table-wrap" tabindex={0} role="region" aria-label={`${t.caption}（可左右滚动）`}>
      {table}
    </div>
  ) : (
    table
  );
}

/** The body as an HTML fragment (the article's body; the content sanitizer keeps tables, spans and scopes). */
export function reportBodyHtml(doc: AnnualReportDocument): string {
  return renderToString(<ReportBody doc={doc} />);
}

/** The standalone page: title, center, the body, print CSS. */
export function reportPageHtml(doc: AnnualReportDocument): string {
  return `<!DOCTYPE html>${renderToString(
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{doc.title}</title>
        <style dangerouslySetInnerHTML={{ __html: REPORT_PAGE_CSS }} />
      </head>
      <body>
        <main>
          <h1>{doc.title}</h1>
          <ReportBody doc={doc} />
        </main>
      </body>
    </html>,
  )}`;
}
