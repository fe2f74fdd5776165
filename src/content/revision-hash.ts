import { canonicalJson, sha256Hex } from '../platform/crypto.ts';
import type { ArticleInput } from './content.schema.ts';

/** The hash a review verdict is bound to: any change of content or attachments changes it. */
export function revisionHash(r: Pick<ArticleInput, 'title' | 'bodyHtml' | 'summary' | 'source' | 'fields' | 'attachmentIds' | 'correctionNote'>): string {
  return sha256Hex(
    canonicalJson({
      title: r.title,
      bodyHtml: r.bodyHtml,
      summary: r.summary,
      source: r.source,
      fields: r.fields,
      attachmentIds: r.attachmentIds,
      correctionNote: r.correctionNote ?? null,
    }),
  );
}
