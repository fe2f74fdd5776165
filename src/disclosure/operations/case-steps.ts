import { addWorkingDays } from '../../calendar/working-days.ts';
import { parseDateOnly } from '../../platform/dates.ts';
import { validationError } from '../../platform/errors.ts';
import { computeClock, CONSULTATION_DAYS, DEFAULT_CORRECTION_PERIOD_DAYS, FEE_PAYMENT_DAYS, MAX_EXTENSION_DAYS } from '../clock.ts';
import { feeBasis, feeFen, formatYuan, type Tariff } from '../fees.ts';
import { multiline } from '../request.schema.ts';
import { refuse, toClockEvent, type CaseScene, type CaseStep } from './case-action.ts';

/**
 * The steps of a case other than the reply (reply-steps.ts). Each checks the state and the statute, then
 * says which events happened; the runner recomputes the clock. Dates default to today (Beijing) and may be
 * entered for what happened on paper, never in the future.
 */

type Form = Record<string, string>;

function clockOf(s: CaseScene) {
  return computeClock(s.cal, s.events.map(toClockEvent));
}

function dateField(s: CaseScene, form: Form, field: string, label: string): string {
  const raw = (form[field] ?? '').trim();
  if (!raw) return s.today;
  const d = parseDateOnly(raw);
  if (!d) throw validationError([{ field, message: `${label}：请填写有效日期（YYYY-MM-DD）` }]);
  if (d > s.today) throw validationError([{ field, message: `${label}：不能晚于今天` }]);
  return d;
}

function textField(form: Form, field: string, label: string, o: { min: number; max: number }): string {
  const v = multiline(form[field] ?? '');
  if (v.length < o.min) throw validationError([{ field, message: o.min <= 1 ? `${label}：不能为空` : `${label}：请至少写 ${o.min} 个字` }]);
  if (v.length > o.max) throw validationError([{ field, message: `${label}：不能超过 ${o.max} 个字` }]);
  return v;
}

function intField(form: Form, field: string, label: string, o: { min: number; max: number; fallback?: number }): number {
  const raw = (form[field] ?? '').trim();
  if (!raw && o.fallback !== undefined) return o.fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < o.min || n > o.max) throw validationError([{ field, message: `${label}：请填写 ${o.min} 至 ${o.max} 之间的整数` }]);
  return n;
}

function assertOpen(s: CaseScene) {
  if (s.request.closedOn) throw refuse('该申请已办结，不能再办理此步骤');
}

function lastOf(s: CaseScene, kind: string) {
  return [...s.events].reverse().find((e) => e.kind === kind);
}

/** 第三十条: once, within 7 working days of receipt, everything to correct and a reasonable period. */
export function requestClarification(s: CaseScene, form: Form): CaseStep {
  assertOpen(s);
  if (s.events.some((e) => e.kind === 'clarification_requested')) throw refuse('补正只能一次性告知（条例第三十条），本申请已告知过补正');
  const clock = clockOf(s);
  if (clock.state !== 'running') throw refuse('当前状态不能告知补正');
  const onDate = dateField(s, form, 'onDate', '告知日期');
  if (clock.clarificationByOn && onDate > clock.clarificationByOn) throw refuse(`补正告知应当自收到申请之日起 7 个工作日内发出（最迟 ${clock.clarificationByOn}），已超过期限（条例第三十条）`);
  const items = textField(form, 'items', '需要补正的事项', { min: 4, max: 2000 });
  const days = intField(form, 'periodDays', '补正期限（工作日）', { min: 1, max: 60, fallback: DEFAULT_CORRECTION_PERIOD_DAYS });
  const correctBy = addWorkingDays(s.cal, onDate, days);
  return { events: [{ kind: 'clarification_requested', onDate, isPublic: true, data: { items, periodDays: days, correctBy: correctBy.date } }], audit: { onDate, correctBy: correctBy.date } };
}

/** The corrected application arrived: the reply clock starts again from that day (第三十条). */
export function receiveClarification(s: CaseScene, form: Form): CaseStep {
  assertOpen(s);
  const asked = lastOf(s, 'clarification_requested');
  if (!asked || clockOf(s).state !== 'awaiting_clarification') throw refuse('本申请没有待补正的告知');
  const onDate = dateField(s, form, 'onDate', '收到补正日期');
  if (onDate < asked.onDate) throw validationError([{ field: 'onDate', message: '收到补正日期：不能早于告知补正的日期' }]);
  const corrected = textField(form, 'corrected', '补正后的申请内容', { min: 5, max: 5000 });
  return { events: [{ kind: 'clarification_received', onDate, isPublic: true, data: { corrected } }], audit: { onDate } };
}

/** No correction within the period, without good reason: 视为放弃申请 → （六）1. */
export function lapseClarification(s: CaseScene): CaseStep {
  assertOpen(s);
  const asked = lastOf(s, 'clarification_requested');
  if (!asked || clockOf(s).state !== 'awaiting_clarification') throw refuse('本申请没有待补正的告知');
  const correctBy = String(asked.data.correctBy ?? '');
  if (s.today <= correctBy) throw refuse(`补正期限至 ${correctBy}，期限届满后才能按逾期不补正处理`);
  return { events: [{ kind: 'clarification_lapsed', onDate: s.today, isPublic: true, data: { outcome: 'other_no_clarification', correctBy } }], audit: { correctBy } };
}

/** 第三十二条、第三十四条: written consultation; the time it takes does not count (第三十三条第三款). */
export function startConsultation(s: CaseScene, form: Form): CaseStep {
  assertOpen(s);
  const clock = clockOf(s);
  if (clock.state !== 'running') throw refuse('当前状态不能发起征求意见');
  const onDate = dateField(s, form, 'onDate', '发出征求意见书日期');
  const party = textField(form, 'party', '征求意见对象', { min: 2, max: 200 });
  const kind = form.kind === 'agency' ? 'agency' : 'third_party';
  const replyDueOn = addWorkingDays(s.cal, onDate, CONSULTATION_DAYS).date;
  return { events: [{ kind: 'consultation_started', onDate, isPublic: true, data: { party, consultationKind: kind, replyDueOn } }], audit: { onDate, kind } };
}

export function endConsultation(s: CaseScene, form: Form): CaseStep {
  assertOpen(s);
  if (!clockOf(s).pauses.some((p) => p.reason === 'consultation' && p.to === null)) throw refuse('没有进行中的征求意见');
  const started = lastOf(s, 'consultation_started');
  const onDate = dateField(s, form, 'onDate', '收到意见（或期限届满）日期');
  if (started && onDate < started.onDate) throw validationError([{ field: 'onDate', message: '收到意见日期：不能早于发出征求意见书的日期' }]);
  const response = ['agree', 'disagree', 'none'].includes(form.response ?? '') ? (form.response as string) : null;
  if (!response) throw validationError([{ field: 'response', message: '意见：请选择同意公开、不同意公开或逾期未提出意见' }]);
  const note = multiline(form.note ?? '').slice(0, 2000);
  return { events: [{ kind: 'consultation_ended', onDate, isPublic: true, data: { response, note } }], audit: { onDate, response } };
}

/** 第三十三条第二款: an extension needs the consent of the head of the disclosure office; here, the request. */
export function requestExtension(s: CaseScene, form: Form): CaseStep {
  assertOpen(s);
  const granted = s.events.filter((e) => e.kind === 'extension_approved').reduce((n, e) => n + Number(e.data.days ?? 0), 0);
  const pending = pendingExtension(s);
  if (pending) throw refuse('已有待负责人审批的延期申请');
  const left = MAX_EXTENSION_DAYS - granted;
  if (left <= 0) throw refuse('延长答复期限最长不得超过 20 个工作日（条例第三十三条），已用尽');
  const days = intField(form, 'days', '延长的工作日数', { min: 1, max: left });
  const reason = textField(form, 'reason', '延期理由', { min: 4, max: 1000 });
  return { events: [{ kind: 'extension_requested', onDate: s.today, isPublic: false, data: { days, reason, requestedBy: s.actor.userId } }], audit: { days } };
}

export function pendingExtension(s: Pick<CaseScene, 'events'>) {
  const last = [...s.events].reverse().find((e) => e.kind === 'extension_requested' || e.kind === 'extension_approved' || e.kind === 'extension_refused');
  return last?.kind === 'extension_requested' ? last : null;
}

/** The head approves (never the officer who asked); the applicant is told the new date (告知申请人). */
export function decideExtension(s: CaseScene, form: Form, isApproved: boolean): CaseStep {
  assertOpen(s);
  const pending = pendingExtension(s);
  if (!pending) throw refuse('没有待审批的延期申请');
  if (pending.data.requestedBy === s.actor.userId) throw refuse('延期须经政府信息公开工作机构负责人同意：申请人与审批人不能是同一人');
  if (!isApproved) {
    const comment = textField(form, 'comment', '不同意的理由', { min: 2, max: 1000 });
    return { events: [{ kind: 'extension_refused', onDate: s.today, isPublic: false, data: { comment } }], audit: { isApproved } };
  }
  const days = Number(pending.data.days ?? 0);
  const before = clockOf(s).dueOn;
  const after = computeClock(s.cal, [...s.events.map(toClockEvent), { kind: 'extension_approved', onDate: s.today, data: { days } }]).dueOn;
  const notice = `经本机关政府信息公开工作机构负责人同意，您的申请答复期限延长 ${days} 个工作日${after ? `，至 ${after}` : ''}。延期理由：${String(pending.data.reason ?? '')}`;
  return { events: [{ kind: 'extension_approved', onDate: s.today, isPublic: true, data: { days, reason: pending.data.reason, approverName: s.actor.name, from: before, to: after, notice } }], audit: { days, from: before, to: after } };
}

/** 国办函〔2020〕109号: the fee notice pauses the clock until payment; 20 working days to pay. */
export function notifyFee(s: CaseScene, form: Form, o: { nthInMonth: number }): CaseStep {
  assertOpen(s);
  if (clockOf(s).state !== 'running') throw refuse('当前状态不能发出收费通知');
  if (s.events.some((e) => e.kind === 'fee_notified')) throw refuse('本申请已发出过收费通知');
  const tariff: Tariff | null = form.tariff === 'per_application' || form.tariff === 'per_page' ? form.tariff : null;
  if (!tariff) throw validationError([{ field: 'tariff', message: '计收方式：请选择按件或按量计收（二者只能选其一）' }]);
  const pages = tariff === 'per_page' ? intField(form, 'pages', '页数', { min: 1, max: 100_000 }) : 0;
  const amountFen = feeFen(tariff, { nthInMonth: o.nthInMonth, pages });
  if (amountFen === 0) throw refuse(tariff === 'per_application' ? `申请人本月第 ${o.nthInMonth} 件申请，在免费范围内（每月 10 件以内），不收费` : '30 页以内免费，不收费');
  const onDate = dateField(s, form, 'onDate', '发出收费通知日期');
  const payBy = addWorkingDays(s.cal, onDate, FEE_PAYMENT_DAYS).date;
  const basis = feeBasis(tariff, { nthInMonth: o.nthInMonth, pages });
  return { events: [{ kind: 'fee_notified', onDate, isPublic: true, data: { tariff, pages, amountFen, amount: formatYuan(amountFen), basis, payBy } }], audit: { amountFen, tariff } };
}

export function settleFee(s: CaseScene, form: Form, how: 'paid' | 'waived'): CaseStep {
  assertOpen(s);
  if (!clockOf(s).pauses.some((p) => p.reason === 'fee' && p.to === null)) throw refuse('没有待缴纳的信息处理费');
  const onDate = dateField(s, form, 'onDate', how === 'paid' ? '缴费日期' : '决定免收日期');
  const reason = how === 'waived' ? textField(form, 'reason', '免收理由', { min: 2, max: 500 }) : '';
  return { events: [{ kind: how === 'paid' ? 'fee_paid' : 'fee_waived', onDate, isPublic: true, data: how === 'waived' ? { reason } : {} }], audit: { how } };
}

export function lapseFee(s: CaseScene): CaseStep {
  assertOpen(s);
  const notified = lastOf(s, 'fee_notified');
  if (!notified || !clockOf(s).pauses.some((p) => p.reason === 'fee' && p.to === null)) throw refuse('没有待缴纳的信息处理费');
  const payBy = String(notified.data.payBy ?? '');
  if (s.today <= payBy) throw refuse(`缴费期限至 ${payBy}，期限届满后才能按逾期未缴费处理`);
  return { events: [{ kind: 'fee_lapsed', onDate: s.today, isPublic: true, data: { outcome: 'other_fee_unpaid', payBy } }], audit: { payBy } };
}

/** 第三十五条: for excessive applications with reasonable grounds, a reasonable later deadline (head only). */
export function fixDeadline(s: CaseScene, form: Form): CaseStep {
  assertOpen(s);
  const raw = (form.dueOn ?? '').trim();
  const dueOn = parseDateOnly(raw);
  if (!dueOn || dueOn <= s.today) throw validationError([{ field: 'dueOn', message: '延迟答复的合理期限：请填写今天以后的日期' }]);
  const reason = textField(form, 'reason', '理由', { min: 4, max: 1000 });
  return { events: [{ kind: 'deadline_fixed', onDate: s.today, isPublic: true, data: { dueOn, reason } }], audit: { dueOn } };
}

export function addNote(s: CaseScene, form: Form): CaseStep {
  const text = textField(form, 'text', '备注', { min: 1, max: 2000 });
  return { events: [{ kind: 'note', onDate: s.today, isPublic: false, data: { text, by: s.actor.name } }] };
}
