import type { FieldError } from '../platform/errors.ts';
import { isMessageKind, KIND_LABELS, LIMITS, NAME_REQUIRED_KINDS, REFERENCE_LABELS, REFERENCE_REQUIRED_KINDS, type MessageKind } from './messages.model.ts';

/**
 * The public message form and `POST /api/v1/messages` share this parser: every problem is named in Chinese
 * with its field, all at once, and `values` holds what the person typed (bounded) so the form can show it
 * again. Markup is refused rather than silently removed, so nobody wonders where part of the text went.
 */
export type MessageInput = { kind: MessageKind; subject: string; body: string; reference: string; name: string; phone: string; email: string };
export type ParsedMessageInput = { input: MessageInput | null; errors: FieldError[]; values: Record<MessageField, string> };

export const MESSAGE_FIELDS = ['kind', 'subject', 'body', 'reference', 'name', 'phone', 'email'] as const;
export type MessageField = (typeof MESSAGE_FIELDS)[number];

export const FIELD_LABELS: Record<MessageField, string> = { kind: '留言类型', subject: '标题', body: '内容', reference: '相关项目或页面', name: '姓名或单位名称', phone: '联系电话', email: '电子邮箱' };

/** Kinds a sender may stay anonymous in (and give no contact): a 举报 or a 网站找错. */
const CONTACT_OPTIONAL_KINDS: ReadonlySet<MessageKind> = new Set(['report', 'error_report']);

export function parseMessageInput(raw: unknown): ParsedMessageInput {
  const obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const errors: FieldError[] = [];
  const values = Object.fromEntries(MESSAGE_FIELDS.map((f) => [f, typed(obj[f])])) as Record<MessageField, string>;
  const fail = (field: MessageField, problem: string, label = FIELD_LABELS[field]) => {
    errors.push({ field, message: `${label}：${problem}` });
  };

  const kindRaw = obj.kind;
  const kind = isMessageKind(kindRaw) ? kindRaw : null;
  if (kindRaw === undefined || kindRaw === null || kindRaw === '') fail('kind', '必须选择');
  else if (!kind) fail('kind', `应为以下之一：${Object.values(KIND_LABELS).join('、')}`);

  const text = (field: MessageField, o: { max: number; isRequired: boolean; min?: number; isMultiline?: boolean; label?: string }): string => {
    const label = o.label ?? FIELD_LABELS[field];
    const v = obj[field];
    if (v !== undefined && v !== null && typeof v !== 'string') {
      fail(field, '应为文字', label);
      return '';
    }
    const s = normalise(typeof v === 'string' ? v : '', o.isMultiline ?? false);
    if (s.length === 0) {
      if (o.isRequired) fail(field, '不能为空', label);
      return '';
    }
    if (s.length > o.max) fail(field, `不能超过 ${o.max} 字（现有 ${s.length} 字）`, label);
    else if (hasMarkup(s)) fail(field, '请不要输入网页标记（HTML 代码），请使用纯文字', label);
    else if (o.min && s.length < o.min) fail(field, `请至少写 ${o.min} 个字`, label);
    return s;
  };

  const subject = text('subject', { max: LIMITS.subject, isRequired: true });
  const body = text('body', { max: LIMITS.body, isRequired: true, min: 5, isMultiline: true });
  const reference = text('reference', { max: LIMITS.reference, isRequired: kind !== null && REFERENCE_REQUIRED_KINDS.has(kind), label: kind ? REFERENCE_LABELS[kind].replace('（选填）', '') : FIELD_LABELS.reference });
  const name = text('name', { max: LIMITS.name, isRequired: kind !== null && NAME_REQUIRED_KINDS.has(kind) });
  const phone = text('phone', { max: LIMITS.phone, isRequired: false });
  const email = text('email', { max: LIMITS.email, isRequired: false });
  if (phone && !errors.some((e) => e.field === 'phone') && !isPhone(phone)) fail('phone', '格式不正确，请填写手机号码或带区号的固定电话');
  if (email && !errors.some((e) => e.field === 'email') && !isEmail(email)) fail('email', '格式不正确，例如 name@example.com');
  if (kind && !CONTACT_OPTIONAL_KINDS.has(kind) && !phone && !email && !errors.some((e) => e.field === 'phone' || e.field === 'email')) {
    errors.push({ field: 'phone', message: '联系电话：联系电话和电子邮箱请至少填写一项' });
  }
  if (errors.length > 0 || !kind) return { input: null, errors, values };
  return { input: { kind, subject, body, reference, name, phone, email }, errors, values };
}

/** Who sent it, for duplicate detection: the phone's digits, else the e-mail in lower case. */
export function senderKeyOf(m: { phone: string; email: string }): string {
  const digits = phoneDigits(m.phone);
  if (digits.length >= 5) return `p:${digits}`;
  const email = m.email.trim().toLowerCase();
  return email ? `e:${email}` : '';
}

export function phoneDigits(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return d.length === 13 && d.startsWith('86') ? d.slice(2) : d;
}

/** Tags, comments and the openers of dangerous elements (even unterminated). A lone "<" is text. */
export function hasMarkup(s: string): boolean {
  return /<\s*\/?\s*[a-zA-Z][\w:-]*(\s[^<>]*)?\/?\s*>/.test(s) || /<!--|<!\[CDATA\[|<![a-zA-Z]/.test(s) || /<\s*\/?\s*(script|iframe|object|embed|svg|img|style|link|meta|math|form|input|a)\b/i.test(s) || /javascript\s*:/i.test(s);
}

/** Line breaks kept in multi-line fields (CRLF folded), other control characters removed, ends trimmed. */
export function normalise(s: string, isMultiline: boolean): string {
  const noControls = s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f\u200b\ufeff]/g, (c) => (c === '\t' ? ' ' : ''));
  const folded = isMultiline ? noControls.replace(/[ \u3000]+\n/g, '\n').replace(/\n{3,}/g, '\n\n') : noControls.replace(/\s+/g, ' ');
  return folded.trim();
}

function isPhone(s: string): boolean {
  const d = phoneDigits(s);
  return /^[\d\s()+\-－—转]+$/.test(s) && d.length >= 7 && d.length <= 16;
}

function isEmail(s: string): boolean {
  return /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]{2,}$/.test(s);
}

/** What the person typed, kept for redisplay: strings only, bounded so a huge field cannot blow up the page. */
function typed(v: unknown): string {
  return typeof v === 'string' ? v.slice(0, LIMITS.body * 2) : '';
}

/** A staff text field (reply, note, public texts): plain text with line breaks, its problems named. */
export function parseStaffText(v: unknown, o: { field: string; label: string; max: number; isRequired: boolean }, errors: FieldError[]): string {
  if (v !== undefined && v !== null && typeof v !== 'string') {
    errors.push({ field: o.field, message: `${o.label}：应为文字` });
    return '';
  }
  const s = normalise(typeof v === 'string' ? v : '', true);
  if (!s) {
    if (o.isRequired) errors.push({ field: o.field, message: `${o.label}：不能为空` });
    return '';
  }
  if (s.length > o.max) errors.push({ field: o.field, message: `${o.label}：不能超过 ${o.max} 字（现有 ${s.length} 字）` });
  else if (hasMarkup(s)) errors.push({ field: o.field, message: `${o.label}：请不要输入网页标记（HTML 代码），请使用纯文字` });
  return s;
}
