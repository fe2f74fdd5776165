const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const RUN = /[\u3400-\u9fff\uf900-\ufaff]+|[a-z0-9]+/giu;

/**
 * Index tokens for Chinese full text: overlapping character bigrams of CJK runs (single characters
 * for one-character runs), lower-cased alphanumeric words. Intl.Segmenter splits domain words badly.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().matchAll(RUN)) {
    const run = m[0];
    if (!CJK.test(run[0] ?? '')) {
      out.push(run);
      continue;
    }
    const chars = Array.from(run);
    if (chars.length === 1) out.push(chars[0] ?? '');
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

/** The document text for to_tsvector('simple', …): unique tokens, space-separated. */
export function toIndexText(...parts: string[]): string {
  return Array.from(new Set(parts.flatMap(tokenize))).join(' ');
}

/**
 * A tsquery string ANDing every query token; null when the query has no searchable token.
 * Tokens are only CJK or [a-z0-9], so no tsquery operator can be injected.
 */
export function toTsQuery(query: string): string | null {
  const tokens = Array.from(new Set(tokenize(query.slice(0, 100))));
  return tokens.length === 0 ? null : tokens.join(' & ');
}

/** The query terms worth highlighting in a snippet: whole CJK runs and words, longest first. */
export function queryTerms(query: string): string[] {
  return Array.from(new Set(Array.from(query.toLowerCase().slice(0, 100).matchAll(RUN), (m) => m[0]))).sort((a, b) => b.length - a.length);
}
