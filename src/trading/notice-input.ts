import { cleanPlainText } from '../content/sanitize.ts';
import { parseBeijingDateTime, parseDateOnly } from '../platform/dates.ts';
import type { FieldError } from '../platform/errors.ts';

/**
 * A reader over one untrusted JSON object: every getter checks the value, records a Chinese message
 * naming the field when it is wrong, and returns undefined, so a parser reports all problems at once.
 */
export class InputReader {
  readonly errors: FieldError[];
  private readonly obj: Record<string, unknown>;
  private readonly prefix: string;
  private readonly labels: Record<string, string>;

  constructor(raw: unknown, opts: { prefix: string; labels: Record<string, string>; errors: FieldError[] }) {
    this.obj = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    this.prefix = opts.prefix;
    this.labels = opts.labels;
    this.errors = opts.errors;
  }

  has(key: string): boolean {
    const v = this.obj[key];
    return v !== undefined && v !== null && v !== '';
  }

  raw(key: string): unknown {
    return this.obj[key];
  }

  fail(key: string, problem: string): undefined {
    this.errors.push({ field: `${this.prefix}${key}`, message: `${this.labels[key] ?? key}：${problem}` });
    return undefined;
  }

  text(key: string, opts: { max: number; required?: boolean; min?: number }): string | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null || v === '') return opts.required ? this.fail(key, '必须填写') : undefined;
    if (typeof v !== 'string') return this.fail(key, '应为文字');
    if (v.length > opts.max * 4) return this.fail(key, `不能超过 ${opts.max} 字`);
    const s = cleanPlainText(v);
    if (s.length === 0) return opts.required ? this.fail(key, '必须填写') : undefined;
    if (s.length > opts.max) return this.fail(key, `不能超过 ${opts.max} 字（现有 ${s.length} 字）`);
    if (opts.min && s.length < opts.min) return this.fail(key, `至少 ${opts.min} 个字`);
    return s;
  }

  /** A multi-line plain text: markup removed, line breaks kept. */
  longText(key: string, opts: { max: number; required?: boolean }): string | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null || v === '') return opts.required ? this.fail(key, '必须填写') : undefined;
    if (typeof v !== 'string') return this.fail(key, '应为文字');
    const s = v
      .split(/\r?\n/)
      .map((line) => cleanPlainText(line))
      .join('\n')
      .trim();
    if (s.length > opts.max) return this.fail(key, `不能超过 ${opts.max} 字`);
    return s || (opts.required ? this.fail(key, '必须填写') : undefined);
  }

  int(key: string, opts: { min: number; max: number; required?: boolean }): number | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null || v === '') return opts.required ? this.fail(key, '必须填写') : undefined;
    const n = typeof v === 'string' && /^-?\d{1,16}$/.test(v.trim()) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) return this.fail(key, '应为整数');
    if (n < opts.min || n > opts.max) return this.fail(key, `应在 ${opts.min} 到 ${opts.max} 之间`);
    return n;
  }

  /** Money in fen: a non-negative integer below 10^15 fen (10 万亿元). */
  fen(key: string, opts: { required?: boolean } = {}): number | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null || v === '') return opts.required ? this.fail(key, '必须填写') : undefined;
    const n = typeof v === 'string' && /^\d{1,15}$/.test(v.trim()) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) return this.fail(key, '金额应为以“分”为单位的整数');
    if (n < 0) return this.fail(key, '金额不能为负数');
    if (n >= 1e15) return this.fail(key, '金额过大');
    return n;
  }

  bool(key: string): boolean | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null || v === '') return undefined;
    if (v === true || v === 'true' || v === 'on' || v === '1') return true;
    if (v === false || v === 'false' || v === '0') return false;
    return this.fail(key, '应为“是”或“否”');
  }

  date(key: string, opts: { required?: boolean } = {}): string | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null || v === '') return opts.required ? this.fail(key, '必须填写') : undefined;
    const d = typeof v === 'string' ? parseDateOnly(v) : null;
    return d ?? this.fail(key, '应为有效日期，格式 YYYY-MM-DD');
  }

  /** An instant: ISO 8601 with an offset, or a Beijing local time "YYYY-MM-DD HH:MM". Stored as ISO UTC. */
  instant(key: string, opts: { required?: boolean } = {}): string | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null || v === '') return opts.required ? this.fail(key, '必须填写') : undefined;
    if (typeof v !== 'string' || v.length > 40) return this.fail(key, '应为时间，格式 YYYY-MM-DD HH:MM（北京时间）');
    const s = v.trim();
    let d: Date | null = null;
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) {
      const t = Date.parse(s);
      d = Number.isNaN(t) || !parseDateOnly(s.slice(0, 10)) ? null : new Date(t);
    } else {
      d = parseBeijingDateTime(s);
    }
    if (!d || d.getUTCFullYear() < 2000 || d.getUTCFullYear() > 2100) return this.fail(key, '应为有效时间，格式 YYYY-MM-DD HH:MM（北京时间）');
    return d.toISOString();
  }

  oneOf<T extends string>(key: string, values: readonly T[], labels: Record<T, string>, opts: { required?: boolean } = {}): T | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null || v === '') return opts.required ? this.fail(key, '必须选择') : undefined;
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    return this.fail(key, `应为以下之一：${values.map((x) => labels[x]).join('、')}`);
  }

  /** An array of objects, each read by `item`; at most `max`. */
  list<T>(key: string, opts: { max: number; required?: boolean; label: string }, item: (r: InputReader, index: number) => T | undefined): T[] | undefined {
    const v = this.obj[key];
    if (v === undefined || v === null) return opts.required ? this.fail(key, '必须填写') : undefined;
    if (!Array.isArray(v)) return this.fail(key, '应为列表');
    if (v.length > opts.max) return this.fail(key, `最多 ${opts.max} 项`);
    if (opts.required && v.length === 0) return this.fail(key, '至少填写一项');
    const out: T[] = [];
    v.forEach((el, i) => {
      const before = this.errors.length;
      const r = new InputReader(el, { prefix: `${this.prefix}${key}[${i}].`, labels: Object.fromEntries(Object.entries(this.labels).map(([k, l]) => [k, `${opts.label}第 ${i + 1} 项的${l}`])), errors: this.errors });
      const value = item(r, i);
      if (value !== undefined && this.errors.length === before) out.push(value);
    });
    return out;
  }

  child(key: string): InputReader {
    return new InputReader(this.obj[key], { prefix: `${this.prefix}${key}.`, labels: this.labels, errors: this.errors });
  }
}
