import { count, isNull, sql } from 'drizzle-orm';
import { parseArrangementText } from '../src/calendar/arrangement.schema.ts';
import { calendarOf } from '../src/calendar/calendar-seed.ts';
import { listCalendarDays, listCalendarYears } from '../src/calendar/calendar.repo.ts';
import type { CalendarDayEntry } from '../src/calendar/calendar.tables.ts';
import { addWorkingDays, type WorkingCalendar } from '../src/calendar/working-days.ts';
import { centers } from '../src/centers/centers.tables.ts';
import { createRng, type Rng } from '../src/demo/demo-random.ts';
import { statusOf } from '../src/disclosure/case-state.ts';
import { computeClock, type ClockEvent } from '../src/disclosure/clock.ts';
import { listClockEvents, listOpenRequestsAfter } from '../src/disclosure/disclosure.repo.ts';
import { disclosureEvents, disclosureRequests } from '../src/disclosure/disclosure.tables.ts';
import { recomputeOpenDisclosureCases } from '../src/disclosure/operations/recompute-due.ts';
import { hashAccessCode } from '../src/disclosure/operations/file-request.ts';
import { sha256Hex } from '../src/platform/crypto.ts';
import type { Db } from '../src/platform/db/client.ts';
import { formatDate } from '../src/platform/dates.ts';
import { residentIdCheckChar } from '../src/platform/resident-id.ts';

/**
 * 依申请公开 at scale: `count` open cases bulk-inserted as the intake and the case steps leave them (request
 * row with its clock cached, events), then the recompute a calendar change runs (`recomputeOpenDisclosureCases`,
 * as `changeCalendarYear` calls it in its transaction) timed against the pure clock computation of the
 * same cases.
 */

export type BulkCasesResult = {
  inserted: number;
  events: number;
  seconds: number;
  analyzeS: number;
  /** Share of cases with each kind of history. */
  mix: { clarified: number; awaitingClarification: number; consulted: number; consulting: number; extended: number };
};

export type RecomputeFigures = {
  /** Open cases walked (all of them: the recompute reads every open case). */
  cases: number;
  moved: number;
  seconds: number;
  casesPerS: number;
};

export type RecomputeResults = {
  /** The year added and how many holiday / make-up days it has. */
  addedYear: number;
  addedDays: number;
  /** The change: every open case recomputed, those whose due date moved written with a due_moved event. */
  change: RecomputeFigures;
  /** The same recompute again with the same calendar: nothing moves, so this is reading and computing only. */
  noop: RecomputeFigures;
  /** Reference: `computeClock` alone over the same cases' events held in memory, µs per case (median of 3 passes). */
  clockUsPerCase: number;
  /** Reading the open cases and their events in the recompute's batches, without computing: s. */
  readS: number;
};

const BATCH = 2000;
const DAY_MS = 86_400_000;
/** Received within this many days before today: the open cases of a busy center (20 working days, plus pauses and extensions). */
const RECEIVED_WITHIN_DAYS = 45;

const DESCRIPTIONS = [
  '本中心{y}年度进场交易项目按交易类别的统计数据（项目数、成交金额）。',
  '“{p}”的招标文件、答疑澄清文件及最高投标限价。',
  '“{p}”的评标报告中各投标人的得分情况。',
  '本中心{y}年度部门预算及“三公”经费支出情况。',
  '本中心评标专家抽取的工作规程及{y}年抽取记录。',
  '“{p}”中标候选人公示期间收到的异议及处理结果。',
  '本中心电子保函受理银行及担保机构的名单和准入条件。',
  '“{p}”合同签订及履约验收情况。',
];
const PROJECTS = ['城区雨污分流改造工程', '第一人民医院医疗设备采购项目', '中小学智慧教室建设项目', '农村公路提质改造工程', '政务服务中心物业管理服务采购', '老旧小区改造工程（二期）'];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志文斌辉鹏'];

/**
 * Next year's arrangement in the admin form's text format (parsed by the form's own parser): the dates
 * follow the State Council's usual pattern; the figures depend only on which days are off.
 */
export function nextYearArrangement(year: number): CalendarDayEntry[] {
  const y = String(year);
  const text = [
    `${y}-01-01 至 ${y}-01-03 元旦`,
    `${y}-02-06 至 ${y}-02-13 春节`,
    `${y}-02-14 春节调休上班`,
    `${y}-02-20 春节调休上班`,
    `${y}-04-03 至 ${y}-04-05 清明节`,
    `${y}-05-01 至 ${y}-05-05 劳动节`,
    `${y}-06-09 至 ${y}-06-11 端午节`,
    `${y}-09-15 至 ${y}-09-17 中秋节`,
    `${y}-10-01 至 ${y}-10-07 国庆节`,
  ].join('\n');
  const parsed = parseArrangementText(year, text);
  if (parsed.errors.length > 0) throw new Error(`bench arrangement for ${year} refused: ${parsed.errors.map((e) => e.message).join('; ')}`);
  return parsed.days;
}

/** The calendar the app has now (from the database) and the same with `year` added. */
export async function calendarsOf(db: Db, year: number): Promise<{ before: WorkingCalendar; after: WorkingCalendar; added: CalendarDayEntry[] }> {
  const days = await listCalendarDays(db);
  const years = (await listCalendarYears(db)).map((y) => y.year);
  if (years.includes(year)) throw new Error(`the calendar already has ${year}: the bench adds a year it lacks`);
  const added = nextYearArrangement(year);
  return { before: calendarOf(days, years), after: calendarOf([...days, ...added], [...years, year]), added };
}

/**
 * The day the bench's administrator enters next year: 15 December of this year (the State Council's notice
 * comes out between October and December). The cases are those open on that day, whatever the real date.
 */
export function scenarioDay(now: Date): { asOf: string; addedYear: number } {
  const year = Number(formatDate(now).slice(0, 4));
  return { asOf: `${year}-12-15`, addedYear: year + 1 };
}

/**
 * Adds `count` open cases, received online over the 45 days up to `asOf` at the demo centers, with the histories
 * an office's open cases have: most only received; some asked for 补正 (most of those corrected since,
 * the others still waiting), some in or after a consultation, some extended with the head's consent.
 * Each row caches the clock computed with `cal` (the calendar the app has), as the case steps store it.
 * Set-based: two INSERT … SELECT FROM json_to_recordset statements per batch of 2,000, ids assigned up front.
 */
export async function bulkInsertCases(db: Db, o: { count: number; seed: number; asOf: string; cal: WorkingCalendar; isVacuumed: boolean; onProgress?: (done: number) => void }): Promise<BulkCasesResult> {
  const started = performance.now();
  const centerRows = await db.select({ id: centers.id, code: centers.code }).from(centers).orderBy(centers.id);
  if (centerRows.length === 0) throw new Error('no centers: seed the demo data first');
  const rng = createRng(o.seed);
  const [lastRequest] = await db.select({ id: sql<number>`coalesce(max(${disclosureRequests.id}), 0)::int` }).from(disclosureRequests);
  const [lastEvent] = await db.select({ id: sql<number>`coalesce(max(${disclosureEvents.id}), 0)::int` }).from(disclosureEvents);
  let requestId = lastRequest?.id ?? 0;
  let eventId = lastEvent?.id ?? 0;
  const today = o.asOf;
  const asOfMs = new Date(`${o.asOf}T04:00:00Z`).getTime();
  const mix = { clarified: 0, awaitingClarification: 0, consulted: 0, consulting: 0, extended: 0 };
  let events = 0;
  for (let done = 0; done < o.count; ) {
    const n = Math.min(BATCH, o.count - done);
    const requests: Record<string, unknown>[] = [];
    const eventRows: Record<string, unknown>[] = [];
    for (let i = 0; i < n; i++) {
      requestId += 1;
      const center = rng.pick(centerRows);
      const receivedOn = formatDate(new Date(asOfMs - rng.int(0, RECEIVED_WITHIN_DAYS) * DAY_MS));
      const history = planHistory(rng, { cal: o.cal, receivedOn, today });
      for (const k of Object.keys(mix) as (keyof typeof mix)[]) if (history.tags.has(k)) mix[k] += 1;
      const trace = computeClock(o.cal, history.events);
      const person = personOf(rng, requestId);
      requests.push({
        id: requestId,
        center_id: center.id,
        // A prefix of its own: never one the intake's serial could hand out (YSQ<year><CENTER><5 digits>).
        tracking_no: `YSQ${receivedOn.slice(0, 4)}${center.code.toUpperCase()}B${String(requestId).padStart(7, '0')}`,
        access_code_hash: hashAccessCode(`B${requestId}`),
        applicant_name: person.name,
        id_number: person.idNumber,
        applicant_key: `id:${person.idNumber}`,
        contact: { phone: person.phone },
        description: rng.pick(DESCRIPTIONS).replace('{y}', String(Number(today.slice(0, 4)) - 1)).replace('{p}', rng.pick(PROJECTS)),
        submitted_at: new Date(`${receivedOn}T02:00:00Z`).toISOString(),
        received_on: receivedOn,
        status: statusOf(trace, []),
        due_on: trace.dueOn,
        is_due_provisional: trace.isProvisional,
        trace,
      });
      for (const e of history.events) {
        eventId += 1;
        eventRows.push({ id: eventId, request_id: requestId, kind: e.kind, on_date: e.onDate, data: e.data, is_public: e.kind !== 'extension_requested' });
      }
    }
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        insert into disclosure_request (id, center_id, tracking_no, access_code_hash, applicant_type, applicant_name, id_number, applicant_key, contact, description, delivery_form, channel, submitted_at, received_on, status, due_on, is_due_provisional, trace, created_at, updated_at)
        select id, center_id, tracking_no, access_code_hash, 'natural_person', applicant_name, id_number, applicant_key, contact, description, 'electronic', 'online', submitted_at, received_on, status, due_on, is_due_provisional, trace, submitted_at, submitted_at
        from json_to_recordset(${JSON.stringify(requests)}::json) as x(id int, center_id int, tracking_no text, access_code_hash text, applicant_name text, id_number text, applicant_key text, contact jsonb, description text, submitted_at timestamptz, received_on date, status text, due_on date, is_due_provisional boolean, trace jsonb)`);
      await tx.execute(sql`
        insert into disclosure_event (id, request_id, kind, on_date, data, is_public, at)
        select id, request_id, kind, on_date, data, is_public, on_date::timestamptz
        from json_to_recordset(${JSON.stringify(eventRows)}::json) as x(id int, request_id int, kind text, on_date date, data jsonb, is_public boolean)`);
    });
    events += eventRows.length;
    done += n;
    o.onProgress?.(done);
  }
  for (const table of ['disclosure_request', 'disclosure_event']) {
    await db.execute(sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`));
  }
  const t = performance.now();
  // As the trading loader: PostgreSQL's autovacuum would otherwise run during the timings; PGlite never vacuums.
  await db.execute(o.isVacuumed ? sql`vacuum (analyze) disclosure_request, disclosure_event` : sql`analyze disclosure_request, disclosure_event`);
  if (o.isVacuumed) await db.execute(sql`checkpoint`).catch(() => {});
  const analyzeS = (performance.now() - t) / 1000;
  const share = (k: number) => k / o.count;
  return {
    inserted: o.count,
    events,
    seconds: (performance.now() - started) / 1000,
    analyzeS,
    mix: { clarified: share(mix.clarified), awaitingClarification: share(mix.awaitingClarification), consulted: share(mix.consulted), consulting: share(mix.consulting), extended: share(mix.extended) },
  };
}

/**
 * Times the recompute after adding `addedYear` (committed, as the calendar change commits it), then the
 * same recompute again (nothing left to move), then the references: reading the cases and events in the
 * same batches, and `computeClock` alone over them in memory.
 */
export async function measureRecompute(db: Db, o: { cal: WorkingCalendar; addedYear: number; addedDays: number; asOf: string }): Promise<RecomputeResults> {
  const onDate = o.asOf;
  const reason = `${o.addedYear}年节假日安排更新（来源：bench）`;
  const run = async (): Promise<RecomputeFigures> => {
    const cases = await countOpen(db);
    const t = performance.now();
    const moved = await db.transaction((tx) => recomputeOpenDisclosureCases(tx, o.cal, reason, onDate));
    const seconds = (performance.now() - t) / 1000;
    return { cases, moved, seconds, casesPerS: cases / seconds };
  };
  const change = await run();
  const noop = await run();
  const t = performance.now();
  const histories = await readOpenHistories(db);
  const readS = (performance.now() - t) / 1000;
  const passes: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const start = performance.now();
    let sink = 0;
    for (const events of histories) sink += computeClock(o.cal, events).countedDays;
    passes.push(((performance.now() - start) * 1000) / Math.max(1, histories.length));
    if (sink < 0) throw new Error('unreachable');
  }
  passes.sort((a, b) => a - b);
  return { addedYear: o.addedYear, addedDays: o.addedDays, change, noop, clockUsPerCase: passes[1] ?? 0, readS };
}

async function countOpen(db: Db): Promise<number> {
  const [r] = await db.select({ n: count() }).from(disclosureRequests).where(isNull(disclosureRequests.closedOn));
  return r?.n ?? 0;
}

/** Every open case's clock events, read the way the recompute reads them (1,000 cases a batch). */
async function readOpenHistories(db: Db): Promise<ClockEvent[][]> {
  const out: ClockEvent[][] = [];
  for (let after = 0; ; ) {
    const batch = await listOpenRequestsAfter(db, after, 1000);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]?.id ?? after;
    const events = await listClockEvents(db, batch.map((r) => r.id));
    for (const r of batch) out.push(events.get(r.id) ?? []);
  }
  return out;
}

type History = { events: ClockEvent[]; tags: Set<string> };

/** One case's steps up to today, each on a working day counted from the one before. */
function planHistory(rng: Rng, o: { cal: WorkingCalendar; receivedOn: string; today: string }): History {
  const events: ClockEvent[] = [{ kind: 'received', onDate: o.receivedOn, data: { channel: 'online' } }];
  const tags = new Set<string>();
  const after = (from: string, n: number) => addWorkingDays(o.cal, from, n).date;
  let last = o.receivedOn;
  const add = (kind: string, onDate: string, data: Record<string, unknown>) => {
    events.push({ kind, onDate, data });
    last = onDate;
  };
  if (rng.chance(0.12)) {
    const askedOn = after(o.receivedOn, rng.int(1, 6));
    if (askedOn <= o.today) {
      add('clarification_requested', askedOn, { items: '请写明所需信息对应的项目名称或文号。', periodDays: 15, correctBy: after(askedOn, 15) });
      const correctedOn = after(askedOn, rng.int(2, 12));
      if (correctedOn <= o.today && rng.chance(0.7)) {
        add('clarification_received', correctedOn, { corrected: '补正后的申请内容。' });
        tags.add('clarified');
      } else tags.add('awaitingClarification');
    }
  }
  if (!tags.has('awaitingClarification') && rng.chance(0.08)) {
    const sentOn = after(last, rng.int(1, 5));
    if (sentOn <= o.today) {
      add('consultation_started', sentOn, { party: '第三方', consultationKind: 'third_party', replyDueOn: after(sentOn, 15) });
      const endedOn = after(sentOn, rng.int(3, 15));
      if (endedOn <= o.today && rng.chance(0.6)) {
        add('consultation_ended', endedOn, { response: rng.pick(['agree', 'disagree', 'none']), note: '' });
        tags.add('consulted');
      } else tags.add('consulting');
    }
  }
  if (!tags.has('awaitingClarification') && rng.chance(0.15)) {
    const askedOn = after(last, rng.int(8, 16));
    if (askedOn <= o.today) {
      const days = rng.pick([5, 10, 15, 20]);
      add('extension_requested', askedOn, { days, reason: '需要检索多个业务系统的记录。', requestedBy: 1 });
      add('extension_approved', askedOn, { days, reason: '需要检索多个业务系统的记录。', approverName: '负责人' });
      tags.add('extended');
    }
  }
  return { events, tags };
}

/** A plausible natural person with a valid resident ID (its check character computed), unique per case. */
function personOf(rng: Rng, n: number): { name: string; idNumber: string; phone: string } {
  const name = rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : '');
  const birth = `${rng.int(1950, 2004)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  const first17 = `4301${String(rng.int(2, 99)).padStart(2, '0')}${birth}${String(n % 1000).padStart(3, '0')}`;
  return { name, idNumber: first17 + residentIdCheckChar(first17), phone: `139${sha256Hex(String(n)).replace(/\D/g, '').padEnd(8, '0').slice(0, 8)}` };
}
