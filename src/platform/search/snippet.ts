/** Plain text of sanitized HTML, for indexing and snippets. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export type SnippetPart = { text: string; isHit: boolean };

/** A window of text around the first query term, split into hit and non-hit parts (escaped by the view). */
export function makeSnippet(text: string, terms: string[], width = 90): SnippetPart[] {
  const lower = text.toLowerCase();
  let first = -1;
  for (const t of terms) {
    const i = lower.indexOf(t);
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  const start = Math.max(0, first < 0 ? 0 : first - 20);
  const slice = text.slice(start, start + width);
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', isHit: false });
  const pattern = terms.length > 0 ? new RegExp(terms.map(escapeRegExp).join('|'), 'gi') : null;
  let last = 0;
  if (pattern) {
    for (const m of slice.matchAll(pattern)) {
      if (m.index > last) parts.push({ text: slice.slice(last, m.index), isHit: false });
      parts.push({ text: m[0], isHit: true });
      last = m.index + m[0].length;
    }
  }
  if (last < slice.length) parts.push({ text: slice.slice(last), isHit: false });
  if (start + width < text.length) parts.push({ text: '…', isHit: false });
  return parts;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
