/**
 * 互动交流: the kinds of public message, their labels, their default reply clocks and the statuses.
 * The defaults and their sources are in docs/decisions/0010-message-clocks.md; each center can change
 * them (`message_policy`). A message keeps the clock it was promised at receipt (`clock_days`).
 */

export const MESSAGE_KINDS = ['consultation', 'query', 'complaint', 'report', 'mailbox', 'suggestion', 'error_report'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const KIND_LABELS: Record<MessageKind, string> = {
  consultation: '咨询',
  query: '质疑',
  complaint: '投诉',
  report: '举报',
  mailbox: '主任信箱',
  suggestion: '意见建议',
  error_report: '网站找错',
};

export const KIND_HINTS: Record<MessageKind, string> = {
  consultation: '交易规则、办事流程、CA 数字证书、保证金等方面的问题',
  query: '政府采购供应商对采购文件、采购过程或中标（成交）结果提出的书面质疑',
  complaint: '对交易活动或中心服务的投诉，请写明被投诉事项和事实依据',
  report: '举报交易活动中的违法违规行为，请尽量提供线索',
  mailbox: '直接写给中心主任的意见和建议',
  suggestion: '对中心工作和网站的意见建议',
  error_report: '网站页面上的错别字、链接失效、内容错误等',
};

export type MessagePolicy = { kind: MessageKind; days: number; isWorkingDays: boolean; isOpen: boolean };

/** The defaults when a center has not set its own (decision 0010 gives the source of each). */
export const DEFAULT_POLICIES: Record<MessageKind, MessagePolicy> = {
  consultation: { kind: 'consultation', days: 5, isWorkingDays: true, isOpen: true },
  query: { kind: 'query', days: 7, isWorkingDays: true, isOpen: true },
  complaint: { kind: 'complaint', days: 30, isWorkingDays: true, isOpen: true },
  report: { kind: 'report', days: 15, isWorkingDays: true, isOpen: true },
  mailbox: { kind: 'mailbox', days: 10, isWorkingDays: true, isOpen: true },
  suggestion: { kind: 'suggestion', days: 15, isWorkingDays: true, isOpen: true },
  error_report: { kind: 'error_report', days: 3, isWorkingDays: true, isOpen: true },
};

/** Kinds whose sender must give a name (a 质疑 or 投诉 is a formal act of an identified party). */
export const NAME_REQUIRED_KINDS: ReadonlySet<MessageKind> = new Set(['query', 'complaint']);
/** Kinds that must say what they concern: the project or notice of a 质疑, the page of a 网站找错. */
export const REFERENCE_REQUIRED_KINDS: ReadonlySet<MessageKind> = new Set(['query', 'error_report']);
export const REFERENCE_LABELS: Record<MessageKind, string> = {
  consultation: '相关项目或公告（选填）',
  query: '质疑的项目编号或公告名称',
  complaint: '相关项目或公告（选填）',
  report: '相关项目或公告（选填）',
  mailbox: '相关事项（选填）',
  suggestion: '相关事项（选填）',
  error_report: '出错页面地址',
};

export const MESSAGE_STATUSES = ['open', 'replied', 'closed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export const STATUS_LABELS: Record<MessageStatus, string> = { open: '办理中', replied: '已答复', closed: '已办结' };

export const LIMITS = { subject: 100, body: 5000, reference: 500, name: 50, phone: 30, email: 100, reply: 10000, note: 2000, publicQuestion: 5000, publicSubject: 100 } as const;

export function isMessageKind(v: unknown): v is MessageKind {
  return typeof v === 'string' && (MESSAGE_KINDS as readonly string[]).includes(v);
}

export function clockLabel(p: { days: number; isWorkingDays: boolean }): string {
  return p.isWorkingDays ? `${p.days} 个工作日` : `${p.days} 日`;
}
