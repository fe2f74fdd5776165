import { parseDateOnly } from '../platform/dates.ts';
import type { FieldError } from '../platform/errors.ts';
import type { SurveyQuestion } from './interaction.tables.ts';
import { parseStaffText } from './messages.schema.ts';

export const MAX_QUESTIONS = 10;
export const MAX_OPTIONS = 20;
export const SURVEY_KIND_LABELS: Record<SurveyQuestion['kind'], string> = { single: '单选', multiple: '多选', text: '文字填写' };

export type SurveyDraft = { title: string; description: string; opensOn: string; closesOn: string; questions: SurveyQuestion[] };

/**
 * The survey form: title, description, period, and up to ten question slots `q1.text`, `q1.kind`,
 * `q1.options` (one option a line), `q1.required`. An empty slot is skipped.
 */
export function parseSurveyForm(form: Record<string, unknown>): { draft: SurveyDraft | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const title = parseStaffText(form.title, { field: 'title', label: '标题', max: 100, isRequired: true }, errors);
  const description = parseStaffText(form.description, { field: 'description', label: '说明', max: 2000, isRequired: false }, errors);
  const date = (field: 'opensOn' | 'closesOn', label: string): string => {
    const v = typeof form[field] === 'string' ? (form[field] as string) : '';
    if (!v) {
      errors.push({ field, message: `${label}：不能为空` });
      return '';
    }
    const d = parseDateOnly(v);
    if (!d) errors.push({ field, message: `${label}：不是有效日期` });
    return d ?? '';
  };
  const opensOn = date('opensOn', '开始日期');
  const closesOn = date('closesOn', '截止日期');
  if (opensOn && closesOn && closesOn < opensOn) errors.push({ field: 'closesOn', message: '截止日期：不能早于开始日期' });
  const questions: SurveyQuestion[] = [];
  for (let i = 1; i <= MAX_QUESTIONS; i++) {
    const text = parseStaffText(form[`q${i}.text`], { field: `q${i}.text`, label: `第 ${i} 题题目`, max: 200, isRequired: false }, errors);
    if (!text) continue;
    const kindRaw = form[`q${i}.kind`];
    const kind = kindRaw === 'single' || kindRaw === 'multiple' || kindRaw === 'text' ? kindRaw : null;
    if (!kind) {
      errors.push({ field: `q${i}.kind`, message: `第 ${i} 题题型：应为单选、多选或文字填写` });
      continue;
    }
    const optionsText = parseStaffText(form[`q${i}.options`], { field: `q${i}.options`, label: `第 ${i} 题选项`, max: 4000, isRequired: false }, errors);
    const options = kind === 'text' ? [] : [...new Set(optionsText.split('\n').map((s) => s.trim()).filter(Boolean))];
    if (kind !== 'text' && options.length < 2) errors.push({ field: `q${i}.options`, message: `第 ${i} 题选项：选择题至少需要 2 个选项，每行一个` });
    if (options.length > MAX_OPTIONS) errors.push({ field: `q${i}.options`, message: `第 ${i} 题选项：不能超过 ${MAX_OPTIONS} 个` });
    if (options.some((o) => o.length > 100)) errors.push({ field: `q${i}.options`, message: `第 ${i} 题选项：每个选项不能超过 100 字` });
    questions.push({ id: `q${i}`, text, kind, options, isRequired: form[`q${i}.required`] === 'on' });
  }
  if (questions.length === 0 && !errors.some((e) => e.field.startsWith('q'))) errors.push({ field: 'q1.text', message: '第 1 题题目：至少需要一道题' });
  if (errors.length > 0) return { draft: null, errors };
  return { draft: { title, description, opensOn, closesOn, questions }, errors };
}

/**
 * A visitor's answers. Choices arrive as option numbers (`a.q1` = "0", several for a multiple choice) and
 * are stored as the option's text; a free-text answer is plain text up to 2,000 characters.
 */
export function parseSurveyAnswers(questions: readonly SurveyQuestion[], form: Record<string, unknown>): { answers: Record<string, string | string[]> | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const answers: Record<string, string | string[]> = {};
  questions.forEach((q, n) => {
    const label = `第 ${n + 1} 题`;
    const raw = form[`a.${q.id}`];
    const list = (Array.isArray(raw) ? raw : raw === undefined || raw === '' ? [] : [raw]).slice(0, MAX_OPTIONS + 1);
    if (q.kind === 'text') {
      const text = parseStaffText(typeof raw === 'string' ? raw : list.length === 0 ? '' : list.join('\n'), { field: `a.${q.id}`, label, max: 2000, isRequired: q.isRequired }, errors);
      if (text) answers[q.id] = text;
      return;
    }
    const chosen: string[] = [];
    for (const v of list) {
      const i = typeof v === 'string' && /^\d{1,2}$/.test(v) ? Number(v) : -1;
      const option = q.options[i];
      if (option === undefined) {
        errors.push({ field: `a.${q.id}`, message: `${label}：选项无效` });
        return;
      }
      if (!chosen.includes(option)) chosen.push(option);
    }
    if (q.kind === 'single' && chosen.length > 1) errors.push({ field: `a.${q.id}`, message: `${label}：只能选择一项` });
    else if (chosen.length === 0) {
      if (q.isRequired) errors.push({ field: `a.${q.id}`, message: `${label}：请选择` });
    } else answers[q.id] = q.kind === 'single' ? (chosen[0] ?? '') : chosen;
  });
  return errors.length > 0 ? { answers: null, errors } : { answers, errors };
}
