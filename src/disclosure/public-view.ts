import { EVENT_LABELS, outcomeDef, STATUS_LABELS, type RequestStatus } from './disclosure.model.ts';
import type { DisclosureEvent, DisclosureReply, DisclosureRequest } from './disclosure.repo.ts';

/**
 * What whoever holds the access code may see of a case: status, dates, the public steps and the reply's
 * body. Built field by field from an allow-list — the applicant's name, ID, credit code, contact,
 * internal notes, staff names and consulted parties never appear.
 */
export type PublicCase = {
  trackingNo: string;
  status: RequestStatus;
  statusLabel: string;
  receivedOn: string | null;
  dueOn: string | null;
  isDueProvisional: boolean;
  outcome: string | null;
  outcomeLabel: string | null;
  history: { date: string; kind: string; label: string; detail: string }[];
  reply: { body: string; servedOn: string | null } | null;
};

export function presentPublicCase(r: DisclosureRequest, events: DisclosureEvent[], replies: DisclosureReply[]): PublicCase {
  const served = replies.find((x) => x.status === 'served');
  const outcome = r.outcome ? outcomeDef(r.outcome) : undefined;
  return {
    trackingNo: r.trackingNo,
    status: r.status as RequestStatus,
    statusLabel: STATUS_LABELS[r.status as RequestStatus] ?? r.status,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    isDueProvisional: r.isDueProvisional,
    outcome: r.outcome,
    outcomeLabel: outcome ? `${groupPrefix(outcome.group)}${outcome.label}` : null,
    history: events.filter((e) => e.isPublic).map((e) => ({ date: e.onDate, kind: e.kind, label: EVENT_LABELS[e.kind] ?? e.kind, detail: detailOf(e) })),
    reply: served ? { body: served.body, servedOn: served.servedOn } : null,
  };
}

function groupPrefix(group: string): string {
  return { withheld: '不予公开：', unavailable: '无法提供：', not_handled: '不予处理：', other: '其他处理：' }[group] ?? '';
}

/** The public wording of a step, from whitelisted data fields only. */
function detailOf(e: DisclosureEvent): string {
  const d = e.data;
  const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : '');
  switch (e.kind) {
    case 'clarification_requested':
      return `需要补正的事项：${s('items')}　请于 ${s('correctBy')} 前补正。`;
    case 'consultation_started':
      return `征求意见期限至 ${s('replyDueOn')}。`;
    case 'extension_approved':
      return s('notice');
    case 'fee_notified':
      return `应缴信息处理费 ${s('amount')}。${s('basis')} 请于 ${s('payBy')} 前缴纳，逾期未缴纳的视为放弃申请。`;
    case 'deadline_fixed':
      return `答复期限确定为 ${s('dueOn')}。`;
    case 'due_moved':
      return `答复期限由 ${s('from') || '—'} 调整为 ${s('to') || '—'}：${s('reason')}`;
    case 'reply_served': {
      const o = outcomeDef(s('outcome'));
      return o ? `处理结果：${groupPrefix(o.group)}${o.label}` : '';
    }
    default:
      return '';
  }
}
