import { describe, expect, it } from 'vitest';
import { parseArticleInput } from '../../src/content/content.schema.ts';
import { rawInput } from '../../src/demo/demo-articles.ts';
import { CENTER_PROFILES } from '../../src/demo/demo-centers.ts';
import { COLUMN_SPECS } from '../../src/content/standard-columns.ts';
import { newsText } from '../../src/demo/demo-news.ts';
import { noticeText } from '../../src/demo/demo-notices.ts';
import { allocate, planArticles, reportYears } from '../../src/demo/demo-plan.ts';
import { createRng, mulberry32 } from '../../src/demo/demo-random.ts';
import { summarize } from '../../src/demo/demo-text.ts';

const NOW = new Date('2026-11-22T03:00:00Z');
const HAN = /[\u4e00-\u9fff]/;

function titles(seed: string, count: number): string[] {
  const profile = CENTER_PROFILES[1];
  if (!profile) throw new Error('no profile');
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => newsText({ rng, profile, at: new Date(NOW.getTime() - i * 5 * 86400_000) }).title);
}

describe('demo PRNG', () => {
  it('repeats the same sequence for the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const seqA = Array.from({ length: 20 }, () => a());
    expect(Array.from({ length: 20 }, () => b())).toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('gives a different sequence for a different seed', () => {
    const a = mulberry32(1);
    const b = mulberry32(2);
    expect(Array.from({ length: 5 }, () => a())).not.toEqual(Array.from({ length: 5 }, () => b()));
  });

  it('keeps int() within its bounds and shuffle() a permutation', () => {
    const rng = createRng('bounds');
    for (let i = 0; i < 500; i++) {
      const n = rng.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
    }
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    expect([...rng.shuffle(items)].sort((x, y) => x - y)).toEqual(items);
  });
});

describe('demo text', () => {
  it('yields non-empty Chinese news titles', () => {
    for (const t of titles('news', 40)) {
      expect(t.length).toBeGreaterThan(6);
      expect(t).toMatch(HAN);
    }
  });

  it('gives the same titles for the same seed and others for another seed', () => {
    expect(titles('same', 15)).toEqual(titles('same', 15));
    expect(titles('other', 15)).not.toEqual(titles('same', 15));
  });

  it('offers a correction that changes the body and says what changed', () => {
    const profile = CENTER_PROFILES[0];
    if (!profile) throw new Error('no profile');
    const text = noticeText({ rng: createRng('fix'), profile, at: NOW }, { isCorrectable: true });
    expect(text.correction?.note).toMatch(/^更正：.+由.+更正为.+/);
    expect(text.correction?.paragraphs).not.toEqual(text.paragraphs);
  });

  it('summarizes past the salutation', () => {
    expect(summarize(['各有关单位：', '为进一步规范公共资源交易活动，决定开展专项检查。现将有关事项通知如下：'])).toBe('为进一步规范公共资源交易活动，决定开展专项检查。');
  });

  it('splits a total by weights without losing any', () => {
    expect(allocate(50, [0.4, 0.3, 0.1, 0.05, 0.05, 0.05, 0.05]).reduce((a, b) => a + b, 0)).toBe(50);
    expect(allocate(3, [1, 1])).toEqual([2, 1]);
  });
});

describe('demo plan', () => {
  const plan = planArticles({ now: NOW });

  it('is the same for the same clock', () => {
    expect(planArticles({ now: NOW })).toEqual(plan);
  });

  it('has several hundred articles, none dated after now', () => {
    expect(plan.length).toBeGreaterThanOrEqual(300);
    for (const p of plan) {
      if (p.publishedAt) expect(p.publishedAt.getTime()).toBeLessThan(NOW.getTime());
      if (p.correction) expect(p.correction.at.getTime()).toBeLessThan(NOW.getTime());
      if (p.withdrawal) expect(p.withdrawal.at.getTime()).toBeLessThan(NOW.getTime());
    }
  });

  it('has 3–5 corrections, 1–2 withdrawals and two annual reports per center', () => {
    const corrections = plan.filter((p) => p.correction).length;
    expect(corrections).toBeGreaterThanOrEqual(3);
    expect(corrections).toBeLessThanOrEqual(5);
    expect(plan.filter((p) => p.withdrawal).length).toBeGreaterThanOrEqual(1);
    expect(plan.filter((p) => p.withdrawal).length).toBeLessThanOrEqual(2);
    expect(reportYears(NOW)).toEqual([2024, 2025]);
    for (const c of CENTER_PROFILES) expect(plan.filter((p) => p.centerCode === c.code && p.column === 'annual-report')).toHaveLength(2);
  });

  it('publishes each interpretation after the policy it explains', () => {
    const byKey = new Map(plan.map((p) => [p.key, p]));
    const interpretations = plan.filter((p) => p.column === 'interpretation');
    expect(interpretations.length).toBeGreaterThan(0);
    for (const i of interpretations) {
      const policy = i.policyKey ? byKey.get(i.policyKey) : undefined;
      expect(policy?.column).toBe('policy');
      expect(policy?.centerCode).toBe(i.centerCode);
      expect((i.publishedAt?.getTime() ?? 0) > (policy?.publishedAt?.getTime() ?? Infinity)).toBe(true);
    }
  });

  it('passes the editor form validation for every article and correction', () => {
    for (const p of plan) {
      const columnKind = COLUMN_SPECS[p.column].kind;
      const first = parseArticleInput(rawInput(p, { policyArticleId: p.policyKey ? 1 : undefined }), { columnKind, isCorrection: false, now: NOW });
      expect(first.errors, p.key).toEqual([]);
      if (p.correction) {
        const fix = parseArticleInput(rawInput(p, { paragraphs: p.correction.paragraphs, correctionNote: p.correction.note }), { columnKind, isCorrection: true, now: NOW });
        expect(fix.errors, p.key).toEqual([]);
      }
    }
  });
});
