import { KIND_LABELS, STATUS_LABELS, isMessageKind, type MessageStatus } from './messages.model.ts';
import type { Message, PublicQaRow } from './messages.repo.ts';

/**
 * What leaves for the public, field by field. A message row never goes out as it is: the sender's name,
 * phone, e-mail, sender key, access-code hash, internal notes, assignee and the original text of the
 * message stay inside. New columns are private until they are added here.
 */
export type PublicTracking = {
  trackingNo: string;
  kind: string;
  kindLabel: string;
  subject: string;
  status: string;
  statusLabel: string;
  receivedOn: string;
  dueOn: string;
  isDueProvisional: boolean;
  repliedOn: string | null;
  reply: string | null;
};

export function presentTracking(m: Message): PublicTracking {
  const isReplied = m.repliedOn !== null;
  return {
    trackingNo: m.trackingNo,
    kind: m.kind,
    kindLabel: isMessageKind(m.kind) ? KIND_LABELS[m.kind] : m.kind,
    subject: m.subject,
    status: m.status,
    statusLabel: STATUS_LABELS[m.status as MessageStatus] ?? m.status,
    receivedOn: m.receivedOn,
    dueOn: m.dueOn,
    isDueProvisional: m.isDueProvisional,
    repliedOn: isReplied ? m.repliedOn : null,
    reply: isReplied ? m.reply : null,
  };
}

export type PublicQa = { id: number; kind: string; kindLabel: string; title: string; question: string; answer: string; receivedOn: string; repliedOn: string | null; publishedAt: string | null; url: string };

export function presentPublicQa(r: PublicQaRow, url: string): PublicQa {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: isMessageKind(r.kind) ? KIND_LABELS[r.kind] : r.kind,
    title: r.publicSubject,
    question: r.publicQuestion,
    answer: r.publicReply,
    receivedOn: r.receivedOn,
    repliedOn: r.repliedOn,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    url,
  };
}
