import { listUserIdsWithRole } from '../accounts/accounts.repo.ts';
import { can, type Role } from '../accounts/accounts.policy.ts';
import type { Actor } from '../audit/audit.service.ts';
import type { AppContext } from '../platform/context.ts';
import { forbidden, notFound, validationError } from '../platform/errors.ts';
import { nthApplicationInMonth, updateRequest, type DisclosureRequest } from './disclosure.repo.ts';
import { runCaseAction, type CaseScene, type CaseStep } from './operations/case-action.ts';
import * as steps from './operations/case-steps.ts';
import * as replies from './operations/reply-steps.ts';

type Form = Record<string, string>;
type ActionDef = { label: string; needsApproval?: boolean; run: (s: CaseScene, form: Form) => Promise<CaseStep> | CaseStep };

/**
 * Every staff action on a case, by the name used in its URL (`POST /admin/c/:cid/disclosure/:id/:action`).
 * Actions marked `needsApproval` need `disclosure.approve` (the head of the disclosure office).
 */
export const CASE_ACTIONS: Record<string, ActionDef> = {
  assign: { label: '分配经办人', run: assign },
  note: { label: '内部备注', run: steps.addNote },
  'request-clarification': { label: '告知补正', run: steps.requestClarification },
  'receive-clarification': { label: '收到补正', run: steps.receiveClarification },
  'lapse-clarification': { label: '逾期未补正', run: (s) => steps.lapseClarification(s) },
  'start-consultation': { label: '征求意见', run: steps.startConsultation },
  'end-consultation': { label: '征求意见结束', run: steps.endConsultation },
  'request-extension': { label: '申请延期', run: steps.requestExtension },
  'approve-extension': { label: '同意延期', needsApproval: true, run: (s, f) => steps.decideExtension(s, f, true) },
  'refuse-extension': { label: '不同意延期', needsApproval: true, run: (s, f) => steps.decideExtension(s, f, false) },
  'notify-fee': { label: '发出收费通知', needsApproval: true, run: async (s, f) => steps.notifyFee(s, f, { nthInMonth: await nthApplicationInMonth(s.tx, s.request) }) },
  'record-payment': { label: '登记缴费', run: (s, f) => steps.settleFee(s, f, 'paid') },
  'waive-fee': { label: '免收', needsApproval: true, run: (s, f) => steps.settleFee(s, f, 'waived') },
  'lapse-fee': { label: '逾期未缴费', run: (s) => steps.lapseFee(s) },
  'fix-deadline': { label: '确定延迟答复期限', needsApproval: true, run: steps.fixDeadline },
  'submit-reply': { label: '提交答复书', run: replies.submitReply },
  'approve-reply': { label: '审核通过答复书', needsApproval: true, run: (s, f) => replies.reviewReply(s, f, true) },
  'reject-reply': { label: '退回答复书', needsApproval: true, run: (s, f) => replies.reviewReply(s, f, false) },
  'serve-reply': { label: '登记送达', run: replies.serveReply },
  'record-appeal': { label: '登记复议或诉讼', run: replies.recordAppeal },
  'decide-appeal': { label: '登记复议或诉讼结果', run: (s, f) => replies.decideAppeal(s, f, Number(f.appealId)) },
};

export async function performCaseAction(
  ctx: AppContext,
  o: { actor: Actor; roles: ReadonlySet<Role> | undefined; centerId: number; requestId: number; lockVersion: number | null; action: string; form: Form },
): Promise<DisclosureRequest> {
  const def = CASE_ACTIONS[o.action];
  if (!def) throw notFound('操作');
  if (!can(o.roles, 'disclosure.handle')) throw forbidden();
  if (def.needsApproval && !can(o.roles, 'disclosure.approve')) throw forbidden('此操作须由政府信息公开工作机构负责人办理');
  return runCaseAction(ctx, { actor: o.actor, centerId: o.centerId, requestId: o.requestId, lockVersion: o.lockVersion, action: o.action }, (s) => Promise.resolve(def.run(s, o.form)));
}

async function assign(s: CaseScene, form: Form): Promise<CaseStep> {
  const id = Number(form.assigneeId);
  const handlers = new Set([...(await listUserIdsWithRole(s.tx, s.request.centerId, 'disclosure_officer')), ...(await listUserIdsWithRole(s.tx, s.request.centerId, 'disclosure_head'))]);
  if (!Number.isInteger(id) || !handlers.has(id)) throw validationError([{ field: 'assigneeId', message: '经办人：请选择本中心的依申请公开经办人' }]);
  await updateRequest(s.tx, s.request.id, { assigneeId: id });
  return { events: [{ kind: 'assigned', onDate: s.today, isPublic: false, data: { assigneeId: id, by: s.actor.name } }], audit: { assigneeId: id } };
}
