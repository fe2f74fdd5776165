/**
 * Possible duplicates: the same sender (phone or e-mail, normalised) writing about the same thing again
 * within 30 days. It only marks the new message for the staff — a person may lawfully write twice (a
 * reminder, a new fact), so nothing is ever refused on this ground.
 */
export const DUPLICATE_WINDOW_DAYS = 30;
export const SIMILARITY_THRESHOLD = 0.6;

export type DuplicateCandidate = { id: number; subject: string; body: string };

export function findDuplicate<T extends DuplicateCandidate>(m: { subject: string; body: string }, earlier: readonly T[]): T | null {
  const subject = squeeze(m.subject);
  const grams = bigrams(`${m.subject}${m.body}`);
  for (const c of earlier) {
    if (subject.length > 0 && squeeze(c.subject) === subject) return c;
    if (similarity(grams, bigrams(`${c.subject}${c.body}`)) >= SIMILARITY_THRESHOLD) return c;
  }
  return null;
}

/** Dice coefficient of two bigram multisets (1 = same text, 0 = nothing in common). */
export function similarity(a: Map<string, number>, b: Map<string, number>): number {
  let sizeA = 0;
  let sizeB = 0;
  let common = 0;
  for (const n of a.values()) sizeA += n;
  for (const [g, n] of b) {
    sizeB += n;
    common += Math.min(n, a.get(g) ?? 0);
  }
  return sizeA + sizeB === 0 ? 0 : (2 * common) / (sizeA + sizeB);
}

export function bigrams(text: string): Map<string, number> {
  const s = squeeze(text);
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Letters and digits only, lower case: punctuation, spaces and greetings' commas do not count. */
function squeeze(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}
