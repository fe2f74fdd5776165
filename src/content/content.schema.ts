import type { FieldError } from '../platform/errors.ts';
import { parseBeijingDateTime, parseDateOnly } from '../platform/dates.ts';
import type { ArticleFields } from './content.tables.ts';
import { cleanPlainText, sanitizeRichText } from './sanitize.ts';

export type ArticleInput = {
  title: string;
  bodyHtml: string;
  summary: string;
  source: string;
  formedOn: string | null;
  goLiveAt: Date | null;
  expiresAt: Date | null;
  correctionNote: string | null;
  fields: ArticleFields;
  attachmentIds: number[];
};

/** The labels users see, used in every message that names a field. */
export const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  bodyHtml: '正文',
  summary: '摘要',
  source: '来源',
  formedOn: '信息生成日期',
  goLiveAt: '定时发布时间',
  expiresAt: '下线时间',
  correctionNote: '更正说明',
  docNo: '文号',
  issuingBody: '发文机关',
  issuedOn: '成文日期',
  effectiveOn: '施行日期',
  repealedOn: '废止日期',
  validity: '效力状态',
  policyArticleId: '所解读的政策文件',
  matter: '事项名称',
  legalBasis: '设定依据',
  conditions: '申请条件',
  materials: '办理材料',
  place: '办理地点',
  hours: '办理时间',
  phone: '联系电话',
  process: '办理流程',
  attachmentIds: '附件',
};

export const GUIDE_FIELDS = ['matter', 'legalBasis', 'conditions', 'materials', 'place', 'hours', 'phone', 'process'] as const;
const VALIDITY = ['in_force', 'amended', 'repealed'] as const;
export const VALIDITY_LABELS: Record<string, string> = { in_force: '现行有效', amended: '已修改', repealed: '已废止' };

type Raw = Record<string, unknown>;

function str(raw: Raw, key: string): string {
  const v = raw[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return '';
}

/**
 * Validates and cleans an article form or JSON body. Returns every problem at once, each naming its
 * field in Chinese, so the form can show them all and keep what the user typed.
 */
export function parseArticleInput(raw: Raw, opts: { columnKind: string; isCorrection: boolean; now: Date }): { input: ArticleInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const err = (field: string, message: string) => errors.push({ field, message: `${FIELD_LABELS[field] ?? field}：${message}` });

  const title = cleanPlainText(str(raw, 'title'));
  if (!title) err('title', '不能为空');
  else if (title.length > 200) err('title', '不能超过 200 个字');
  const rawBody = str(raw, 'bodyHtml');
  if (rawBody.length > 500_000) err('bodyHtml', '内容过长（超过 50 万字符），请拆分或改为附件');
  const bodyHtml = sanitizeRichText(rawBody.slice(0, 500_000));
  if (!bodyHtml.replace(/<[^>]*>/g, '').trim() && opts.columnKind !== 'service_guide') err('bodyHtml', '不能为空');
  const summary = cleanPlainText(str(raw, 'summary'));
  if (summary.length > 500) err('summary', '不能超过 500 个字');
  const source = cleanPlainText(str(raw, 'source'));
  if (source.length > 100) err('source', '不能超过 100 个字');

  let formedOn: string | null = null;
  if (str(raw, 'formedOn').trim()) {
    formedOn = parseDateOnly(str(raw, 'formedOn'));
    if (!formedOn) err('formedOn', '不是有效日期，格式为 YYYY-MM-DD');
  }
  const goLiveAt = optionalInstant(raw, 'goLiveAt', err);
  const expiresAt = optionalInstant(raw, 'expiresAt', err);
  if (goLiveAt && goLiveAt.getTime() > opts.now.getTime() + 366 * 86400_000) err('goLiveAt', '不能晚于一年以后');
  if (expiresAt && expiresAt.getTime() <= (goLiveAt ?? opts.now).getTime()) err('expiresAt', '必须晚于发布时间');

  let correctionNote: string | null = null;
  if (opts.isCorrection) {
    correctionNote = cleanPlainText(str(raw, 'correctionNote'));
    if (correctionNote.length < 4) err('correctionNote', '更正必须写明更正内容和原因（至少 4 个字）');
    else if (correctionNote.length > 500) err('correctionNote', '不能超过 500 个字');
  }

  const fields = parseKindFields(raw, opts.columnKind, err);
  const attachmentIds = parseIds(raw.attachmentIds);
  if (attachmentIds.length > 30) err('attachmentIds', '附件不能超过 30 个');
  return { input: { title, bodyHtml, summary, source, formedOn, goLiveAt, expiresAt, correctionNote, fields, attachmentIds }, errors };
}

function optionalInstant(raw: Raw, key: string, err: (f: string, m: string) => void): Date | null {
  const s = str(raw, key).trim();
  if (!s) return null;
  const d = parseBeijingDateTime(s);
  if (!d) err(key, '不是有效的日期时间');
  return d;
}

function parseKindFields(raw: Raw, kind: string, err: (f: string, m: string) => void): ArticleFields {
  const f: ArticleFields = {};
  const text = (key: keyof ArticleFields & string, max: number, isRequired: boolean): string => {
    const v = cleanPlainText(str(raw, key));
    if (isRequired && !v) err(key, '不能为空');
    if (v.length > max) err(key, `不能超过 ${max} 个字`);
    return v;
  };
  const date = (key: 'issuedOn' | 'effectiveOn' | 'repealedOn', isRequired: boolean): string | undefined => {
    const s = str(raw, key).trim();
    if (!s) {
      if (isRequired) err(key, '不能为空');
      return undefined;
    }
    const d = parseDateOnly(s);
    if (!d) err(key, '不是有效日期，格式为 YYYY-MM-DD');
    return d ?? undefined;
  };
  if (kind === 'policy') {
    f.docNo = text('docNo', 60, true);
    f.issuingBody = text('issuingBody', 100, true);
    const issuedOn = date('issuedOn', true);
    const effectiveOn = date('effectiveOn', false);
    const repealedOn = date('repealedOn', false);
    if (issuedOn) f.issuedOn = issuedOn;
    if (effectiveOn) f.effectiveOn = effectiveOn;
    if (repealedOn) f.repealedOn = repealedOn;
    if (issuedOn && effectiveOn && effectiveOn < issuedOn) err('effectiveOn', '不能早于成文日期');
    if (repealedOn && issuedOn && repealedOn < issuedOn) err('repealedOn', '不能早于成文日期');
    const validity = str(raw, 'validity') || 'in_force';
    if (!(VALIDITY as readonly string[]).includes(validity)) err('validity', '只能是现行有效、已修改或已废止');
    else f.validity = validity as (typeof VALIDITY)[number];
    if (f.validity === 'repealed' && !repealedOn) err('repealedOn', '已废止的文件须填写废止日期');
    f.isNormative = str(raw, 'isNormative') === 'on' || raw.isNormative === true || str(raw, 'isNormative') === 'true';
  }
  if (kind === 'interpretation') {
    const id = Number(str(raw, 'policyArticleId'));
    if (!Number.isInteger(id) || id <= 0) err('policyArticleId', '请选择所解读的政策文件');
    else f.policyArticleId = id;
  }
  if (kind === 'service_guide') {
    for (const key of GUIDE_FIELDS) f[key] = text(key, key === 'phone' ? 40 : 4000, true);
    if (f.phone && !/^[0-9+\-()（）\s、,，转]{5,40}$/.test(f.phone)) err('phone', '只能包含数字、区号分隔符和“转”');
  }
  return f;
}

function parseIds(v: unknown): number[] {
  const list = Array.isArray(v) ? v : typeof v === 'string' && v ? v.split(',') : typeof v === 'number' ? [v] : [];
  return Array.from(new Set(list.map((x) => Number(x)).filter((n) => Number.isInteger(n) && n > 0)));
}
