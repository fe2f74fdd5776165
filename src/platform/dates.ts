/** Dates of legal meaning are calendar dates in Asia/Shanghai (UTC+8, no DST). */
const OFFSET_MS = 8 * 3600_000;

/** YYYY-MM-DD that really exists (rejects 2026-02-30), or null. */
export function parseDateOnly(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d || y < 1949 || y > 2100) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** A `datetime-local` value (YYYY-MM-DDTHH:MM, Beijing time) as an instant, or null. */
export function parseBeijingDateTime(s: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s.trim());
  if (!m || !m[1]) return null;
  const day = parseDateOnly(m[1]);
  const [h, mi, se] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (!day || h > 23 || mi > 59 || se > 59) return null;
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, se) - OFFSET_MS);
}

function beijingParts(d: Date) {
  const b = new Date(d.getTime() + OFFSET_MS);
  const p = (n: number) => String(n).padStart(2, '0');
  return { y: b.getUTCFullYear(), mo: p(b.getUTCMonth() + 1), d: p(b.getUTCDate()), h: p(b.getUTCHours()), mi: p(b.getUTCMinutes()) };
}

/** 2026-11-22 14:05 — the publication-time format of the 网页设计规范. */
export function formatDateTime(d: Date): string {
  const p = beijingParts(d);
  return `${p.y}-${p.mo}-${p.d} ${p.h}:${p.mi}`;
}

export function formatDate(d: Date): string {
  const p = beijingParts(d);
  return `${p.y}-${p.mo}-${p.d}`;
}

/** Value for an <input type="datetime-local">. */
export function toDateTimeLocal(d: Date): string {
  const p = beijingParts(d);
  return `${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}`;
}

export function beijingYear(d: Date): number {
  return beijingParts(d).y;
}

/** Start of a Beijing calendar day (YYYY-MM-DD) as an instant. */
export function beijingDayStart(day: string): Date {
  const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d) - OFFSET_MS);
}
