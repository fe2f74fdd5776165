import { formatDate, formatDateTime, parseDateOnly } from '../../platform/dates.ts';

/**
 * Date arithmetic for the checks. Dates of legal meaning are Beijing calendar dates 'YYYY-MM-DD'; instants
 * are ISO strings with an offset. Every reader returns null on a value it cannot read, so a rule can skip
 * (the date_order rule reports unreadable values once).
 */

const DAY_MS = 86_400_000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A real calendar date 'YYYY-MM-DD', or null. */
export function readDate(value: unknown): string | null {
  return typeof value === 'string' ? parseDateOnly(value) : null;
}

/** An ISO instant with an offset (or Z), as a Date, or null. */
export function readInstant(value: unknown): Date | null {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  // Keep to the years parseDateOnly accepts, so date arithmetic on the result stays readable.
  return readDate(formatDate(d)) ? d : null;
}

/** The Beijing calendar date of an instant, or null. */
export function beijingDateOf(value: unknown): string | null {
  const d = readInstant(value);
  return d ? formatDate(d) : null;
}

/** '2026-03-16 09:30' (Beijing) for a message; the raw value when it cannot be read. */
export function showInstant(value: string): string {
  const d = readInstant(value);
  return d ? formatDateTime(d) : value;
}

/** Calendar days from `from` to `to` (to − from); the start day is not counted (民法典 第二百零一条). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** Days from `from` to `to` counting both ends, for a period given by its first and last day. */
export function inclusiveDays(from: string, to: string): number {
  return daysBetween(from, to) + 1;
}

export function addDays(date: string, days: number): string {
  return new Date(epochDay(date) * DAY_MS + days * DAY_MS).toISOString().slice(0, 10);
}

function epochDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.floor(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}
