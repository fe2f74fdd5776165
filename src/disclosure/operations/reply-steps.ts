import { parseDateOnly } from '../../platform/dates.ts';
import { validationError } from '../../platform/errors.ts';
import { APPEAL_KINDS, APPEAL_RESULTS, isOutcome, outcomeDef, SERVICE_METHODS } from '../disclosure.model.ts';
import { insertAppeal, insertReply, listAppeals, updateAppeal, updateReply } from '../disclosure.repo.ts';
import { multiline } from '../request.schema.ts';
import { refuse, type CaseScene, type CaseStep } from './case-action.ts';

type Form = Record<string, string>;

/**
 * The reply: drafted (from the outcome's template, edited) and submitted for review, approved or sent back
 * by someone other than its drafter holding `disclosure.approve`, then served (送达: method, tracking
 * number, date), which closes the case with exactly one outcome.
 */

export async function submitReply(s: CaseScene, form: Form): Promise<CaseStep> {
  if (s.request.closedOn) throw refuse('该申请已办结');
  if (s.request.status === 'awaiting_clarification' && form.outcome !== 'unavailable_still_unclear') throw refuse('申请人尚未补正，请等待补正或按逾期不补正处理');
  if (s.replies.some((r) => r.status === 'in_review' || r.status === 'approved')) throw refuse('已有答复书在审核中或待送达');
  const outcome = form.outcome ?? '';
  if (!isOutcome(outcome)) throw validationError([{ field: 'outcome', message: '处理结果：请选择年度报告表三中的一项' }]);
  if (outcome === 'other_no_clarification' || outcome === 'other_fee_unpaid') throw refuse(`“${outcomeDef(outcome)?.label}”在期限届满后由“逾期处理”办理，不需答复书`);
  const body = multiline(form.body ?? '');
  if (body.length < 20) throw validationError([{ field: 'body', message: '答复书正文：请至少写 20 个字' }]);
  if (body.length > 20000) throw validationError([{ field: 'body', message: '答复书正文：不能超过 20000 个字' }]);
  const reply = await insertReply(s.tx, { requestId: s.request.id, outcome, body, status: 'in_review', draftedBy: s.actor.userId ?? 0 });
  return { events: [{ kind: 'reply_submitted', onDate: s.today, isPublic: false, data: { replyId: reply.id, outcome } }], audit: { replyId: reply.id, outcome } };
}

export async function reviewReply(s: CaseScene, form: Form, isApproved: boolean): Promise<CaseStep> {
  const reply = s.replies.find((r) => r.status === 'in_review');
  if (!reply) throw refuse('没有待审核的答复书');
  if (reply.draftedBy === s.actor.userId) throw refuse('答复书须由起草人以外的负责人审核');
  const comment = multiline(form.comment ?? '').slice(0, 2000);
  if (!isApproved && comment.length < 2) throw validationError([{ field: 'comment', message: '退回意见：请写明需要修改的地方' }]);
  await updateReply(s.tx, reply.id, { status: isApproved ? 'approved' : 'rejected', reviewedBy: s.actor.userId, reviewComment: comment });
  return { events: [{ kind: isApproved ? 'reply_approved' : 'reply_rejected', onDate: s.today, isPublic: false, data: { replyId: reply.id, comment } }], audit: { replyId: reply.id, isApproved } };
}

export async function serveReply(s: CaseScene, form: Form): Promise<CaseStep> {
  const reply = s.replies.find((r) => r.status === 'approved');
  if (!reply) throw refuse('没有审核通过、待送达的答复书');
  const method = (SERVICE_METHODS as readonly string[]).includes(form.method ?? '') ? (form.method as string) : null;
  if (!method) throw validationError([{ field: 'method', message: '送达方式：请选择' }]);
  const servedOn = parseDateOnly((form.servedOn ?? '').trim() || s.today);
  if (!servedOn || servedOn > s.today) throw validationError([{ field: 'servedOn', message: '送达日期：请填写今天或以前的日期' }]);
  if (s.request.receivedOn && servedOn < s.request.receivedOn) throw validationError([{ field: 'servedOn', message: '送达日期：不能早于收到申请的日期' }]);
  const trackingNo = multiline(form.trackingNo ?? '').slice(0, 60);
  if (method === 'post' && !trackingNo) throw validationError([{ field: 'trackingNo', message: '邮件单号：邮政寄送须填写（国办公开办函〔2016〕235号：通过邮政企业送达）' }]);
  await updateReply(s.tx, reply.id, { status: 'served', serviceMethod: method, serviceTrackingNo: trackingNo || null, servedOn });
  const onTime = s.request.dueOn ? servedOn <= s.request.dueOn : true;
  return {
    events: [{ kind: 'reply_served', onDate: servedOn, isPublic: true, data: { replyId: reply.id, outcome: reply.outcome, method, isOnTime: onTime } }],
    audit: { replyId: reply.id, outcome: reply.outcome, method, servedOn },
  };
}

export async function recordAppeal(s: CaseScene, form: Form): Promise<CaseStep> {
  const kind = (APPEAL_KINDS as readonly string[]).includes(form.kind ?? '') ? (form.kind as string) : null;
  if (!kind) throw validationError([{ field: 'kind', message: '类型：请选择行政复议或行政诉讼' }]);
  const filedOn = parseDateOnly((form.filedOn ?? '').trim());
  if (!filedOn || filedOn > s.today) throw validationError([{ field: 'filedOn', message: '申请（起诉）日期：请填写今天或以前的日期' }]);
  const result = (APPEAL_RESULTS as readonly string[]).includes(form.result ?? '') ? (form.result as string) : 'pending';
  const decidedOn = form.decidedOn?.trim() ? parseDateOnly(form.decidedOn.trim()) : null;
  if (result !== 'pending' && (!decidedOn || decidedOn < filedOn)) throw validationError([{ field: 'decidedOn', message: '结案日期：已审结的须填写，且不早于申请日期' }]);
  const appeal = await insertAppeal(s.tx, { requestId: s.request.id, centerId: s.request.centerId, kind, filedOn, result, decidedOn: result === 'pending' ? null : decidedOn, note: multiline(form.note ?? '').slice(0, 2000), createdBy: s.actor.userId ?? 0 });
  return { events: [{ kind: 'note', onDate: s.today, isPublic: false, data: { text: `登记${kind === 'reconsideration' ? '行政复议' : '行政诉讼'}（${filedOn}）`, by: s.actor.name } }], audit: { appealId: appeal.id, kind, result } };
}

export async function decideAppeal(s: CaseScene, form: Form, appealId: number): Promise<CaseStep> {
  if (!(await listAppeals(s.tx, s.request.id)).some((a) => a.id === appealId)) throw refuse('复议或诉讼记录不存在');
  const result = (APPEAL_RESULTS as readonly string[]).includes(form.result ?? '') ? (form.result as string) : null;
  if (!result) throw validationError([{ field: 'result', message: '结果：请选择' }]);
  const decidedOn = result === 'pending' ? null : parseDateOnly((form.decidedOn ?? '').trim());
  if (result !== 'pending' && (!decidedOn || decidedOn > s.today)) throw validationError([{ field: 'decidedOn', message: '结案日期：请填写今天或以前的日期' }]);
  await updateAppeal(s.tx, appealId, { result, decidedOn });
  return { audit: { appealId, result } };
}
