import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A whole HTML document from a Preact tree (escaping is Preact's default). */
export function renderDocument(tree: VNode): string {
  return `<!DOCTYPE html>${renderToString(tree)}`;
}
