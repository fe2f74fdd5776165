import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordAudit, type Actor } from '../../audit/audit.service.ts';
import type { AppContext } from '../../platform/context.ts';
import { sha256Hex } from '../../platform/crypto.ts';
import { nextSerial } from '../../platform/db/serials.repo.ts';
import { beijingDayStart, formatDate } from '../../platform/dates.ts';
import { AppError, notFound, validationError, type FieldError } from '../../platform/errors.ts';
import { statusOf } from '../case-state.ts';
import { computeClock } from '../clock.ts';
import { CHANNELS, type Channel } from '../disclosure.model.ts';
import { insertEvent, insertRequest, listRequestsOfApplicant, type DisclosureRequest } from '../disclosure.repo.ts';
import { applicantKeyOf, parseRequestInput, type RequestFormValues } from '../request.schema.ts';
import { disclosureRequests } from '../disclosure.tables.ts';

export type Filed = { request: DisclosureRequest; accessCode: string };

/** Unambiguous characters (no 0/O, 1/I/L): the applicant copies the access code by hand. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newAccessCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += CODE_ALPHABET.charAt(randomInt(CODE_ALPHABET.length));
  return s;
}

export function hashAccessCode(code: string): string {
  return sha256Hex(`disclosure-access:${code.trim().toUpperCase()}`);
}

/**
 * Files an application. Online (the applicant, `by` null): received on the Beijing date of submission —
 * the tracking number the system answers with is the confirmation of 条例 第三十一条第三项. Staff entry
 * (letter, fax, e-mail, in person, oral): received on the date the channel's rule gives, which staff enter.
 * A lawful application is never refused here: a possible duplicate is only flagged for staff (第三十五条 is
 * a staff decision).
 */
export async function fileRequest(
  ctx: AppContext,
  o: { centerId: number; raw: unknown; channel: Channel; receivedOn?: string | null; actor: Actor | null },
): Promise<Filed> {
  const now = ctx.clock();
  const today = formatDate(now);
  const tree = await ctx.centers.get();
  const center = tree.byId.get(o.centerId);
  if (!center) throw notFound('中心');
  const parsed = parseRequestInput(o.raw, { isStaffEntry: o.actor !== null, today: now });
  const errors: FieldError[] = [...parsed.errors];
  if (!(CHANNELS as readonly string[]).includes(o.channel)) errors.push({ field: 'channel', message: '申请渠道：请选择' });
  let receivedOn = today;
  if (o.actor) {
    if (!o.receivedOn) errors.push({ field: 'receivedOn', message: '收到申请日期：请按该渠道的规则填写（条例第三十一条）' });
    else if (o.receivedOn > today) errors.push({ field: 'receivedOn', message: '收到申请日期：不能晚于今天' });
    else receivedOn = o.receivedOn;
  }
  if (errors.length > 0 || !parsed.value) throw withValues(validationError(errors), parsed.values);
  const input = parsed.value;
  const cal = await ctx.calendar.get();
  const applicantKey = applicantKeyOf(input);
  const earlier = await listRequestsOfApplicant(ctx.db, o.centerId, applicantKey, new Date(now.getTime() - 90 * 86400_000));
  const duplicate = earlier.find((r) => similar(r.description, input.description));
  const accessCode = newAccessCode();
  const events = [{ kind: 'received', onDate: receivedOn, data: { channel: o.channel } }];
  const trace = computeClock(cal, events);
  const request = await ctx.db.transaction(async (tx) => {
    // Tracking numbers of a center and year are handed out one at a time.
    await tx.execute(sql`select pg_advisory_xact_lock(727101, ${o.centerId})`);
    const year = receivedOn.slice(0, 4);
    const prefix = `YSQ${year}${center.code.toUpperCase()}`;
    const serial = await nextSerial(tx, `disclosure:${prefix}`, async () => {
      const r = (await tx.execute(sql`select count(*)::int as n from ${disclosureRequests} where tracking_no like ${`${prefix}%`}`)) as unknown as { rows: { n: number }[] };
      return r.rows[0]?.n ?? 0;
    });
    const row = await insertRequest(tx, {
      centerId: o.centerId,
      trackingNo: `${prefix}${String(serial).padStart(5, '0')}`,
      accessCodeHash: hashAccessCode(accessCode),
      applicantType: input.applicantType,
      applicantName: input.name,
      idNumber: input.idNumber,
      creditCode: input.creditCode,
      applicantKey,
      contact: input.contact,
      description: input.description,
      purpose: input.purpose,
      deliveryForm: input.deliveryForm,
      channel: o.channel,
      needsAssistance: input.needsAssistance,
      submittedAt: o.actor ? beijingDayStart(receivedOn) : now,
      receivedOn,
      status: statusOf(trace, []),
      dueOn: trace.dueOn,
      isDueProvisional: trace.isProvisional,
      trace,
      possibleDuplicateOf: duplicate?.id ?? null,
      createdBy: o.actor?.userId ?? null,
    });
    await insertEvent(tx, { requestId: row.id, kind: 'received', onDate: receivedOn, data: { channel: o.channel }, isPublic: true, actorId: o.actor?.userId ?? null });
    if (o.actor) await recordAudit(tx, o.actor, { action: 'disclosure.register', centerId: o.centerId, targetType: 'disclosure_request', targetId: row.id, after: { trackingNo: row.trackingNo, channel: o.channel, receivedOn } });
    return row;
  });
  return { request, accessCode };
}

/** A validation error that carries the cleaned values, so the form shows what was typed. */
function withValues(err: AppError, values: RequestFormValues): AppError {
  return new AppError(err.code, { userMessage: err.userMessage, ...(err.fields ? { fields: err.fields } : {}), details: { values } });
}

/** Same request again: identical after removing spaces and punctuation, or one contains the other. */
function similar(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[\s\p{P}]/gu, '').toLowerCase();
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return false;
  return x === y || (Math.min(x.length, y.length) >= 20 && (x.includes(y) || y.includes(x)));
}
