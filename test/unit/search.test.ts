import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSnippet } from '../../src/platform/search/snippet.ts';
import { queryTerms, tokenize, toIndexText, toTsQuery } from '../../src/platform/search/tokenizer.ts';

describe('the Chinese tokenizer', () => {
  it('splits CJK runs into overlapping bigrams and keeps latin words whole', () => {
    expect(tokenize('政府采购')).toEqual(['政府', '府采', '采购']);
    expect(tokenize('ICP备案 2026年')).toEqual(['icp', '备案', '2026', '年']);
  });

  it('finds a query inside a document: every query bigram is a document bigram', () => {
    const doc = new Set(toIndexText('关于开展公共资源交易领域专项整治工作的通知').split(' '));
    for (const t of (toTsQuery('专项整治') ?? '').split(' & ')) expect(doc.has(t)).toBe(true);
  });

  it('never emits a tsquery operator, whatever the query (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (q) => {
        const ts = toTsQuery(q);
        if (ts === null) return;
        for (const token of ts.split(' & ')) expect(token).toMatch(/^[\p{Script=Han}a-z0-9]+$/u);
      }),
      { numRuns: 500 },
    );
  });

  it('gives no query for punctuation only', () => {
    expect(toTsQuery('！@#￥%……&*（）')).toBeNull();
  });
});

describe('snippets', () => {
  it('marks every hit of the query terms in a window around the first one', () => {
    const parts = makeSnippet('前文很长很长。本次专项整治工作重点是专项整治代理机构。', queryTerms('专项整治'));
    expect(parts.filter((p) => p.isHit).map((p) => p.text)).toEqual(['专项整治', '专项整治']);
  });
});
