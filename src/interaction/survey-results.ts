import type { SurveyQuestion } from './interaction.tables.ts';

export type OptionTally = { label: string; count: number; percent: number | null };
export type QuestionTally = { id: string; text: string; kind: SurveyQuestion['kind']; answered: number; options: OptionTally[]; texts: string[] };
export type SurveyTally = { responses: number; questions: QuestionTally[] };

/**
 * Counts per option and the share of respondents who chose it (for a multiple choice the shares add up to
 * more than 100 %). Free-text answers are collected for the staff only; the portal shows them never, only
 * the staff's published summary.
 */
export function tallySurvey(questions: readonly SurveyQuestion[], answers: readonly Record<string, string | string[]>[]): SurveyTally {
  return {
    responses: answers.length,
    questions: questions.map((q) => {
      const counts = new Map<string, number>(q.options.map((o) => [o, 0]));
      const texts: string[] = [];
      let answered = 0;
      for (const a of answers) {
        const v = a[q.id];
        const chosen = Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : [];
        if (chosen.length === 0) continue;
        answered += 1;
        if (q.kind === 'text') texts.push(chosen.join(''));
        else for (const c of new Set(chosen)) if (counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      const options = q.kind === 'text' ? [] : q.options.map((label) => ({ label, count: counts.get(label) ?? 0, percent: answered === 0 ? null : Math.round(((counts.get(label) ?? 0) * 1000) / answered) / 10 }));
      return { id: q.id, text: q.text, kind: q.kind, answered, options, texts };
    }),
  };
}
