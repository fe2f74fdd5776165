import type { Center } from '../centers/centers.repo.ts';
import type { CenterTree } from '../centers/centers.service.ts';
import { parseDateOnly } from '../platform/dates.ts';
import type { FieldError } from '../platform/errors.ts';
import { RELEVANCE_CANDIDATES } from '../content/articles.repo.ts';
import { CATEGORIES, METHODS, NOTICE_TYPES, type Category, type Method, type NoticeType } from './trading.model.ts';

export type NoticeSort = 'date' | 'relevance';

/** The public search parameters of trading notices (page, feed and API share them) and the opaque cursor. */
export const NOTICE_SEARCH_KEYS = ['q', 'category', 'type', 'method', 'center', 'from', 'to', 'min', 'max', 'sort', 'cursor'] as const;
export type NoticeSearchKey = (typeof NOTICE_SEARCH_KEYS)[number];

export const NOTICE_SEARCH_LABELS: Record<NoticeSearchKey, string> = {
  q: '关键词',
  category: '交易类别',
  type: '公告类型',
  method: '交易方式',
  center: '地区/中心',
  from: '发布日期（起）',
  to: '发布日期（止）',
  min: '金额下限（万元）',
  max: '金额上限（万元）',
  sort: '排序',
  cursor: '分页位置',
};

export const MAX_QUERY_LENGTH = 100;

export type NoticeSearch = {
  /** The values as typed (shortened), to fill the form again. */
  form: Record<NoticeSearchKey, string>;
  q: string;
  category: Category | undefined;
  type: NoticeType | undefined;
  method: Method | undefined;
  centerCode: string | undefined;
  from: string | undefined;
  to: string | undefined;
  minFen: number | undefined;
  maxFen: number | undefined;
  sort: NoticeSort;
  cursor: string | undefined;
  errors: FieldError[];
};

/** Parses list/search parameters; never throws. Unknown parameters are ignored. */
export function parseNoticeSearch(raw: unknown): NoticeSearch {
  const input = typeof raw === 'object' && raw !== null ? raw : {};
  const errors: FieldError[] = [];
  const fail = (key: NoticeSearchKey, msg: string) => errors.push({ field: key, message: `${NOTICE_SEARCH_LABELS[key]}：${msg}` });
  const read = (key: NoticeSearchKey): string => {
    const v: unknown = Reflect.get(input, key);
    if (v === undefined || v === null) return '';
    if (typeof v === 'string') return v.trim();
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    fail(key, '只能填写一个值');
    return '';
  };
  const form: Record<NoticeSearchKey, string> = {
    q: read('q'),
    category: read('category'),
    type: read('type'),
    method: read('method'),
    center: read('center'),
    from: read('from'),
    to: read('to'),
    min: read('min'),
    max: read('max'),
    sort: read('sort'),
    cursor: read('cursor'),
  };
  if (form.q.length > MAX_QUERY_LENGTH) fail('q', `不能超过 ${MAX_QUERY_LENGTH} 个字符`);
  const pick = <T extends string>(key: NoticeSearchKey, allowed: readonly T[]): T | undefined => {
    const v = form[key];
    if (!v) return undefined;
    const hit = allowed.find((a) => a === v);
    if (!hit) fail(key, '取值不在允许范围内');
    return hit;
  };
  const category = pick('category', CATEGORIES);
  const type = pick('type', NOTICE_TYPES);
  const method = pick('method', METHODS);
  const sort = pick('sort', ['date', 'relevance'] as const) ?? 'date';
  if (form.center && !/^[a-z0-9-]{1,20}$/.test(form.center)) fail('center', '不是有效的中心代码');
  const date = (key: 'from' | 'to') => {
    if (!form[key]) return undefined;
    const d = parseDateOnly(form[key]);
    if (!d) fail(key, '不是有效日期（YYYY-MM-DD）');
    return d ?? undefined;
  };
  const from = date('from');
  const to = date('to');
  if (from && to && from > to) fail('to', '不能早于起始日期');
  const amount = (key: 'min' | 'max') => {
    const v = form[key];
    if (!v) return undefined;
    if (/^-\s*\d/.test(v)) return void fail(key, '不能为负数');
    if (!/^\d{1,9}(\.\d{1,6})?$/.test(v)) return void fail(key, '应为数字，单位万元（如 150 或 99.5）');
    return Math.round(Number(v) * 1_000_000);
  };
  const minFen = amount('min');
  const maxFen = amount('max');
  if (minFen !== undefined && maxFen !== undefined && minFen > maxFen) fail('max', '不能小于金额下限');
  if (form.cursor && !decodeNoticeCursor(form.cursor)) errors.push(CURSOR_ERROR);
  for (const key of NOTICE_SEARCH_KEYS) form[key] = form[key].slice(0, 200);
  return { form, q: errors.some((e) => e.field === 'q') ? '' : form.q, category, type, method, centerCode: form.center || undefined, from, to, minFen, maxFen, sort, cursor: form.cursor || undefined, errors };
}

/**
 * The centers a list covers: the chosen center (which must be the portal's center or below it) and its
 * descendants; undefined (every center) when the root portal lists without a choice.
 */
export function resolveCenterScope(tree: CenterTree, portal: Center, code: string | undefined): { centerIds: number[] | undefined } | { error: FieldError } {
  const scopeIds = tree.subtreeIds(portal.id);
  if (!code) return { centerIds: portal.id === tree.root.id ? undefined : scopeIds };
  const chosen = tree.byCode.get(code);
  if (!chosen || !chosen.isActive || !scopeIds.includes(chosen.id)) return { error: { field: 'center', message: `${NOTICE_SEARCH_LABELS.center}：没有这个中心` } };
  return { centerIds: chosen.id === tree.root.id ? undefined : tree.subtreeIds(chosen.id) };
}

/** The query string of a search (empty values left out), for links to the next page and to the feed. */
export function noticeSearchQuery(form: Partial<Record<NoticeSearchKey, string>>, drop: NoticeSearchKey[] = []): string {
  const qs = new URLSearchParams();
  for (const key of NOTICE_SEARCH_KEYS) {
    const v = form[key];
    if (v && !drop.includes(key)) qs.set(key, v);
  }
  const s = qs.toString();
  return s ? `?${s}` : '';
}

// ---------------------------------------------------------------------------------------------------------

export const PUBLIC_STATUSES = ['published', 'withdrawn', 'expired'];

export const CURSOR_ERROR: FieldError = { field: 'cursor', message: `${NOTICE_SEARCH_LABELS.cursor}：无效，请从第一页重新查询` };

export type NoticeCursor = { kind: 'date'; us: string; id: number } | { kind: 'relevance'; offset: number };

export function encodeNoticeCursor(c: NoticeCursor): string {
  return Buffer.from(c.kind === 'date' ? `d.${c.us}.${c.id}` : `r.${c.offset}`).toString('base64url');
}

export function decodeNoticeCursor(s: string): NoticeCursor | null {
  if (s.length > 64 || !/^[A-Za-z0-9_-]+$/.test(s)) return null;
  const text = Buffer.from(s, 'base64url').toString('latin1');
  const d = /^d\.(\d{1,17})\.(\d{1,10})$/.exec(text);
  if (d?.[1] && d[2] && Number(d[2]) <= 2_147_483_647) return { kind: 'date', us: d[1], id: Number(d[2]) };
  const r = /^r\.(\d{1,4})$/.exec(text);
  if (r?.[1] && Number(r[1]) < RELEVANCE_CANDIDATES) return { kind: 'relevance', offset: Number(r[1]) };
  return null;
}

