import type { ComponentChildren } from 'preact';
import { can, type Role } from '../accounts/accounts.policy.ts';
import type { WorkingCalendar } from '../calendar/working-days.ts';
import type { FieldError } from '../platform/errors.ts';
import { AdminLayout, Csrf, ErrorSummary, SelectField, TextArea, TextField, type AdminShell } from '../platform/views/admin-layout.tsx';
import { computeClock } from './clock.ts';
import {
  APPEAL_KIND_LABELS,
  APPEAL_KINDS,
  APPEAL_RESULT_LABELS,
  APPEAL_RESULTS,
  APPLICANT_TYPE_LABELS,
  CHANNEL_LABELS,
  DELIVERY_FORM_LABELS,
  EVENT_LABELS,
  OUTCOME_GROUP_LABELS,
  OUTCOMES,
  outcomeDef,
  SERVICE_METHOD_LABELS,
  SERVICE_METHODS,
  STATUS_LABELS,
  type ApplicantType,
  type AppealKind,
  type AppealResult,
  type Channel,
  type DeliveryForm,
  type RequestStatus,
} from './disclosure.model.ts';
import type { DisclosureAppeal, DisclosureEvent, DisclosureReply, DisclosureRequest } from './disclosure.repo.ts';
import { toClockEvent } from './operations/case-action.ts';
import { pendingExtension } from './operations/case-steps.ts';
import { draftReplyBody, salutationOf } from './reply-template.ts';
import { ClockPanel, EventDetail, outcomeLabel, Paragraphs } from './case-history.view.tsx';

type Props = {
  shell: AdminShell;
  cid: number;
  request: DisclosureRequest;
  events: DisclosureEvent[];
  replies: DisclosureReply[];
  appeals: DisclosureAppeal[];
  cal: WorkingCalendar;
  today: string;
  roles: ReadonlySet<Role> | undefined;
  userId: number | null;
  handlers: { id: number; name: string }[];
  centerName: string;
  newAccessCode: string | null;
  flash?: string | undefined;
  errors?: FieldError[] | undefined;
  form?: Record<string, string> | undefined;
};

/** One case for the disclosure office: who asked what, the clock with its trace, the next steps, the history. */
export function CasePage(p: Props) {
  const r = p.request;
  const clock = computeClock(p.cal, p.events.map(toClockEvent));
  const isApprover = can(p.roles, 'disclosure.approve');
  const isOpen = !r.closedOn;
  const pendingExt = pendingExtension({ events: p.events });
  const inReview = p.replies.find((x) => x.status === 'in_review');
  const approved = p.replies.find((x) => x.status === 'approved');
  const asked = [...p.events].reverse().find((e) => e.kind === 'clarification_requested');
  const fee = [...p.events].reverse().find((e) => e.kind === 'fee_notified');
  const base = `/admin/c/${p.cid}/disclosure/${r.id}`;
  const ctx = { base, token: p.shell.csrfToken ?? '', lock: r.lockVersion, errors: p.errors, form: p.form };
  const outcomeChoice = (p.form?.outcome ?? '') || '';
  return (
    <AdminLayout title={`申请 ${r.trackingNo}`} shell={p.shell} flash={p.flash}>
      {p.newAccessCode ? (
        <p class="flash" role="status">
          已登记。请将受理编号 <strong>{r.trackingNo}</strong> 和查询码 <strong>{p.newAccessCode}</strong> 告知申请人（查询码只显示这一次）。
        </p>
      ) : null}
      <ErrorSummary errors={p.errors?.map((e) => ({ ...e, field: e.field.startsWith('action-') ? e.field : `${p.form?.action ?? ''}-${e.field}` }))} />
      <dl class="facts">
        <div><dt>状态</dt><dd>{STATUS_LABELS[r.status as RequestStatus] ?? r.status}{r.outcome ? `：${outcomeLabel(r.outcome)}` : ''}</dd></div>
        <div><dt>申请人</dt><dd>{r.applicantName}（{APPLICANT_TYPE_LABELS[r.applicantType as ApplicantType] ?? r.applicantType}）</dd></div>
        {r.idNumber ? <div><dt>身份证号码</dt><dd>{r.idNumber}</dd></div> : null}
        {r.creditCode ? <div><dt>统一社会信用代码</dt><dd>{r.creditCode}</dd></div> : null}
        <div><dt>联系方式</dt><dd>{[r.contact.phone, r.contact.email, r.contact.address].filter(Boolean).join('；')}</dd></div>
        <div><dt>渠道</dt><dd>{CHANNEL_LABELS[r.channel as Channel] ?? r.channel}</dd></div>
        <div><dt>获取方式</dt><dd>{DELIVERY_FORM_LABELS[r.deliveryForm as DeliveryForm] ?? r.deliveryForm}</dd></div>
        {r.needsAssistance ? <div><dt>帮助</dt><dd>申请人需要必要的帮助（条例第四十三条）</dd></div> : null}
        {r.possibleDuplicateOf ? <div><dt>提示</dt><dd><a href={`/admin/c/${p.cid}/disclosure/${r.possibleDuplicateOf}`}>与该申请人近期的另一申请内容相同或相近</a>（是否属于重复申请由经办人判断）</dd></div> : null}
      </dl>
      <h2>所需信息</h2>
      <Paragraphs text={r.description} />
      {r.purpose ? <p>用途：{r.purpose}</p> : null}

      <h2>答复期限</h2>
      <ClockPanel clock={clock} cal={p.cal} today={p.today} />

      {isOpen ? (
        <section aria-labelledby="steps-title">
          <h2 id="steps-title">办理</h2>
          {clock.state === 'running' && !asked ? (
            <ActionForm c={ctx} action="request-clarification" title={`告知补正（一次性告知，最迟 ${clock.clarificationByOn ?? '—'}）`} submit="发出补正告知">
              <TextArea idPrefix="request-clarification-" name="items" label="需要补正的事项" value={val(ctx, 'request-clarification', 'items')} errors={errs(ctx, 'request-clarification')} isRequired rows={3} />
              <TextField idPrefix="request-clarification-" name="periodDays" label="补正期限（工作日）" value={val(ctx, 'request-clarification', 'periodDays') || '15'} errors={errs(ctx, 'request-clarification')} />
              <TextField idPrefix="request-clarification-" name="onDate" label="告知日期" type="date" value={val(ctx, 'request-clarification', 'onDate') || p.today} errors={errs(ctx, 'request-clarification')} />
            </ActionForm>
          ) : null}
          {clock.state === 'awaiting_clarification' ? (
            <>
              <ActionForm c={ctx} action="receive-clarification" title={`收到补正（期限 ${String(asked?.data.correctBy ?? '')}；答复期限自收到之日起重新计算）`} submit="登记收到补正">
                <TextArea idPrefix="receive-clarification-" name="corrected" label="补正后的申请内容" value={val(ctx, 'receive-clarification', 'corrected')} errors={errs(ctx, 'receive-clarification')} isRequired rows={3} />
                <TextField idPrefix="receive-clarification-" name="onDate" label="收到补正日期" type="date" value={val(ctx, 'receive-clarification', 'onDate') || p.today} errors={errs(ctx, 'receive-clarification')} />
              </ActionForm>
              {p.today > String(asked?.data.correctBy ?? '9999') ? (
                <ActionForm c={ctx} action="lapse-clarification" title="逾期未补正" submit="按逾期不补正办结（其他处理 1）" />
              ) : null}
            </>
          ) : null}
          {clock.state === 'running' ? (
            <ActionForm c={ctx} action="start-consultation" title="征求第三方或其他机关意见（条例第三十二条、第三十四条；期间不计入答复期限）" submit="发出征求意见书">
              <TextField idPrefix="start-consultation-" name="party" label="征求意见对象" value={val(ctx, 'start-consultation', 'party')} errors={errs(ctx, 'start-consultation')} isRequired maxLength={200} />
              <SelectField idPrefix="start-consultation-" name="kind" label="对象类型" value={val(ctx, 'start-consultation', 'kind')} options={[{ value: 'third_party', label: '第三方（15 个工作日内提出意见）' }, { value: 'agency', label: '其他机关（15 个工作日内，逾期视为同意）' }]} />
              <TextField idPrefix="start-consultation-" name="onDate" label="发出日期" type="date" value={val(ctx, 'start-consultation', 'onDate') || p.today} errors={errs(ctx, 'start-consultation')} />
            </ActionForm>
          ) : null}
          {clock.pauses.some((x) => x.reason === 'consultation' && x.to === null) ? (
            <ActionForm c={ctx} action="end-consultation" title="征求意见结束" submit="登记意见">
              <SelectField idPrefix="end-consultation-" name="response" label="意见" value={val(ctx, 'end-consultation', 'response')} errors={errs(ctx, 'end-consultation')} isRequired options={[{ value: '', label: '请选择' }, { value: 'agree', label: '同意公开' }, { value: 'disagree', label: '不同意公开' }, { value: 'none', label: '逾期未提出意见' }]} />
              <TextArea idPrefix="end-consultation-" name="note" label="说明" value={val(ctx, 'end-consultation', 'note')} rows={2} />
              <TextField idPrefix="end-consultation-" name="onDate" label="收到意见（或期限届满）日期" type="date" value={val(ctx, 'end-consultation', 'onDate') || p.today} errors={errs(ctx, 'end-consultation')} />
            </ActionForm>
          ) : null}
          {pendingExt ? (
            isApprover ? (
              <>
                <ActionForm c={ctx} action="approve-extension" title={`延期申请：${String(pendingExt.data.days)} 个工作日，理由：${String(pendingExt.data.reason)}`} submit="同意延期并告知申请人" />
                <ActionForm c={ctx} action="refuse-extension" title="不同意延期" submit="不同意">
                  <TextArea idPrefix="refuse-extension-" name="comment" label="不同意的理由" value={val(ctx, 'refuse-extension', 'comment')} errors={errs(ctx, 'refuse-extension')} rows={2} />
                </ActionForm>
              </>
            ) : (
              <p>延期申请（{String(pendingExt.data.days)} 个工作日）待政府信息公开工作机构负责人审批。</p>
            )
          ) : clock.state === 'running' && clock.extensionDays < 20 ? (
            <ActionForm c={ctx} action="request-extension" title={`申请延期答复（最长 20 个工作日，已延长 ${clock.extensionDays} 个）`} submit="提交负责人审批">
              <TextField idPrefix="request-extension-" name="days" label="延长的工作日数" value={val(ctx, 'request-extension', 'days')} errors={errs(ctx, 'request-extension')} isRequired />
              <TextArea idPrefix="request-extension-" name="reason" label="延期理由" value={val(ctx, 'request-extension', 'reason')} errors={errs(ctx, 'request-extension')} isRequired rows={2} />
            </ActionForm>
          ) : null}
          {isApprover && clock.state === 'running' && !fee ? (
            <ActionForm c={ctx} action="notify-fee" title="发出信息处理费收费通知（国办函〔2020〕109号；缴费期间不计入答复期限）" submit="计算并发出收费通知">
              <SelectField idPrefix="notify-fee-" name="tariff" label="计收方式（二者只能选其一）" value={val(ctx, 'notify-fee', 'tariff')} errors={errs(ctx, 'notify-fee')} options={[{ value: '', label: '请选择' }, { value: 'per_application', label: '按件计收（按申请人本自然月申请件数）' }, { value: 'per_page', label: '按量计收（按页数）' }]} />
              <TextField idPrefix="notify-fee-" name="pages" label="页数（按量计收时填写）" value={val(ctx, 'notify-fee', 'pages')} errors={errs(ctx, 'notify-fee')} />
              <TextField idPrefix="notify-fee-" name="onDate" label="发出日期" type="date" value={val(ctx, 'notify-fee', 'onDate') || p.today} errors={errs(ctx, 'notify-fee')} />
            </ActionForm>
          ) : null}
          {clock.pauses.some((x) => x.reason === 'fee' && x.to === null) ? (
            <>
              <p>
                待缴纳 {String(fee?.data.amount ?? '')}，缴费期限 {String(fee?.data.payBy ?? '')}。
              </p>
              <ActionForm c={ctx} action="record-payment" title="登记缴费" submit="登记已缴费">
                <TextField idPrefix="record-payment-" name="onDate" label="缴费日期" type="date" value={val(ctx, 'record-payment', 'onDate') || p.today} errors={errs(ctx, 'record-payment')} />
              </ActionForm>
              {isApprover ? (
                <ActionForm c={ctx} action="waive-fee" title="免收" submit="决定免收">
                  <TextArea idPrefix="waive-fee-" name="reason" label="免收理由" value={val(ctx, 'waive-fee', 'reason')} errors={errs(ctx, 'waive-fee')} rows={2} />
                </ActionForm>
              ) : null}
              {p.today > String(fee?.data.payBy ?? '9999') ? <ActionForm c={ctx} action="lapse-fee" title="逾期未缴费" submit="按逾期未缴费办结（其他处理 2）" /> : null}
            </>
          ) : null}
          {isApprover && clock.state !== 'awaiting_clarification' ? (
            <ActionForm c={ctx} action="fix-deadline" title="确定延迟答复的合理期限（条例第三十五条：申请数量、频次明显超过合理范围但理由合理）" submit="确定期限并告知申请人">
              <TextField idPrefix="fix-deadline-" name="dueOn" label="答复期限" type="date" value={val(ctx, 'fix-deadline', 'dueOn')} errors={errs(ctx, 'fix-deadline')} />
              <TextArea idPrefix="fix-deadline-" name="reason" label="理由" value={val(ctx, 'fix-deadline', 'reason')} errors={errs(ctx, 'fix-deadline')} rows={2} />
            </ActionForm>
          ) : null}
          <ReplySection p={p} ctx={ctx} inReview={inReview} approved={approved} outcomeChoice={outcomeChoice} isApprover={isApprover} />
          <ActionForm c={ctx} action="assign" title="分配经办人" submit="分配">
            <SelectField idPrefix="assign-" name="assigneeId" label="经办人" value={String(r.assigneeId ?? '')} errors={errs(ctx, 'assign')} options={[{ value: '', label: '请选择' }, ...p.handlers.map((h) => ({ value: String(h.id), label: h.name }))]} />
          </ActionForm>
        </section>
      ) : (
        <AppealSection p={p} ctx={ctx} />
      )}
      <ActionForm c={ctx} action="note" title="内部备注（申请人看不到）" submit="添加备注">
        <TextArea idPrefix="note-" name="text" label="备注" value={val(ctx, 'note', 'text')} errors={errs(ctx, 'note')} rows={2} />
      </ActionForm>

      <h2 id="history">办理过程</h2>
      <ol class="timeline">
        {p.events.map((e) => (
          <li key={e.id}>
            <span class="muted">{e.onDate}</span> {EVENT_LABELS[e.kind] ?? e.kind}
            {e.isPublic ? '' : <span class="badge">内部</span>}
            <EventDetail e={e} />
          </li>
        ))}
      </ol>
      {p.replies.length > 0 ? (
        <>
          <h2>答复书</h2>
          {p.replies.map((x) => (
            <article key={x.id} class="block">
              <h3>
                {outcomeLabel(x.outcome)}（{REPLY_STATUS[x.status] ?? x.status}）
              </h3>
              <p>{salutationOf(r)}</p>
              <Paragraphs text={x.body} />
              {x.reviewComment ? <p class="muted">审核意见：{x.reviewComment}</p> : null}
              {x.servedOn ? <p class="muted">送达：{x.servedOn} {SERVICE_METHOD_LABELS[x.serviceMethod as keyof typeof SERVICE_METHOD_LABELS] ?? ''} {x.serviceTrackingNo ?? ''}</p> : null}
            </article>
          ))}
        </>
      ) : null}
    </AdminLayout>
  );
}

const REPLY_STATUS: Record<string, string> = { in_review: '待审核', approved: '审核通过，待送达', rejected: '已退回', served: '已送达' };

type FormCtx = { base: string; token: string; lock: number; errors: FieldError[] | undefined; form: Record<string, string> | undefined };

/** The errors of the form that was posted, only on that form. */
function errs(c: FormCtx, action: string): FieldError[] | undefined {
  return c.form?.action === action ? c.errors : undefined;
}

function val(c: FormCtx, action: string, field: string): string {
  return c.form?.action === action ? (c.form[field] ?? '') : '';
}

function ActionForm(props: { c: FormCtx; action: string; title: string; submit: string; children?: ComponentChildren }) {
  const err = props.c.errors?.find((e) => e.field === `action-${props.action}`);
  return (
    <form method="post" action={`${props.c.base}/${props.action}`} class="block case-action" id={`action-${props.action}`}>
      <h3>{props.title}</h3>
      {err ? <p class="field-error">{err.message}</p> : null}
      <Csrf token={props.c.token} />
      <input type="hidden" name="lockVersion" value={String(props.c.lock)} />
      {props.children}
      <button type="submit">{props.submit}</button>
    </form>
  );
}

function ReplySection(props: { p: Props; ctx: FormCtx; inReview: DisclosureReply | undefined; approved: DisclosureReply | undefined; outcomeChoice: string; isApprover: boolean }) {
  const { p, ctx, inReview, approved } = props;
  const r = p.request;
  if (inReview) {
    return props.isApprover && inReview.draftedBy !== p.userId ? (
      <>
        <ActionForm c={ctx} action="approve-reply" title={`审核答复书：${outcomeLabel(inReview.outcome)}`} submit="审核通过">
          <TextArea idPrefix="approve-reply-" name="comment" label="审核意见（选填）" value={val(ctx, 'approve-reply', 'comment')} rows={2} />
        </ActionForm>
        <ActionForm c={ctx} action="reject-reply" title="退回答复书" submit="退回修改">
          <TextArea idPrefix="reject-reply-" name="comment" label="退回意见" value={val(ctx, 'reject-reply', 'comment')} errors={errs(ctx, 'reject-reply')} rows={2} />
        </ActionForm>
      </>
    ) : (
      <p>答复书待政府信息公开工作机构负责人审核。</p>
    );
  }
  if (approved) {
    return (
      <ActionForm c={ctx} action="serve-reply" title="登记送达" submit="登记送达并办结">
        <SelectField idPrefix="serve-reply-" name="method" label="送达方式" value={val(ctx, 'serve-reply', 'method')} errors={errs(ctx, 'serve-reply')} options={[{ value: '', label: '请选择' }, ...SERVICE_METHODS.map((m) => ({ value: m, label: SERVICE_METHOD_LABELS[m] }))]} />
        <TextField idPrefix="serve-reply-" name="trackingNo" label="邮件单号（邮政寄送时填写）" value={val(ctx, 'serve-reply', 'trackingNo')} errors={errs(ctx, 'serve-reply')} maxLength={60} />
        <TextField idPrefix="serve-reply-" name="servedOn" label="送达日期（邮寄为交邮日期）" type="date" value={val(ctx, 'serve-reply', 'servedOn') || p.today} errors={errs(ctx, 'serve-reply')} />
      </ActionForm>
    );
  }
  const chosen = outcomeDef(props.outcomeChoice) ? props.outcomeChoice : (ctx.form?.outcome ?? '');
  const body = val(ctx, 'submit-reply', 'body') || (chosen ? draftReplyBody({ outcome: chosen, centerName: p.centerName, trackingNo: r.trackingNo, receivedOn: r.receivedOn ?? '', description: r.description }) : '');
  return (
    <>
      <form method="get" action={`${ctx.base}`} class="block">
        <h3>起草答复书</h3>
        <SelectField name="outcome" label="处理结果（年度报告表三）" value={chosen} options={outcomeOptions()} />
        <button type="submit">按此结果生成答复书草稿</button>
      </form>
      {chosen ? (
        <ActionForm c={ctx} action="submit-reply" title={`答复书：${outcomeLabel(chosen)}`} submit="提交负责人审核">
          <input type="hidden" name="outcome" value={chosen} />
          <TextArea idPrefix="submit-reply-" name="body" label="答复书正文（不含称谓）" value={body} errors={errs(ctx, 'submit-reply')} rows={12} />
        </ActionForm>
      ) : null}
    </>
  );
}

function AppealSection(props: { p: Props; ctx: FormCtx }) {
  const { p, ctx } = props;
  return (
    <section aria-labelledby="appeals-title">
      <h2 id="appeals-title">行政复议、行政诉讼</h2>
      {p.appeals.length === 0 ? <p>无。</p> : null}
      <ul>
        {p.appeals.map((a) => (
          <li key={a.id}>
            {APPEAL_KIND_LABELS[a.kind as AppealKind] ?? a.kind}，{a.filedOn} 提起，{APPEAL_RESULT_LABELS[a.result as AppealResult] ?? a.result}
            {a.decidedOn ? `（${a.decidedOn}）` : ''}
            {a.result === 'pending' ? (
              <ActionForm c={ctx} action="decide-appeal" title="登记结果" submit="登记">
                <input type="hidden" name="appealId" value={String(a.id)} />
                <SelectField idPrefix="decide-appeal-" name="result" label="结果" value="" options={APPEAL_RESULTS.map((x) => ({ value: x, label: APPEAL_RESULT_LABELS[x] }))} />
                <TextField idPrefix="decide-appeal-" name="decidedOn" label="结案日期" type="date" value="" errors={errs(ctx, 'decide-appeal')} />
              </ActionForm>
            ) : null}
          </li>
        ))}
      </ul>
      <ActionForm c={ctx} action="record-appeal" title="登记复议或诉讼" submit="登记">
        <SelectField idPrefix="record-appeal-" name="kind" label="类型" value={val(ctx, 'record-appeal', 'kind')} errors={errs(ctx, 'record-appeal')} options={[{ value: '', label: '请选择' }, ...APPEAL_KINDS.map((k) => ({ value: k, label: APPEAL_KIND_LABELS[k] }))]} />
        <TextField idPrefix="record-appeal-" name="filedOn" label="申请（起诉）日期" type="date" value={val(ctx, 'record-appeal', 'filedOn')} errors={errs(ctx, 'record-appeal')} />
        <SelectField idPrefix="record-appeal-" name="result" label="结果" value={val(ctx, 'record-appeal', 'result') || 'pending'} options={APPEAL_RESULTS.map((x) => ({ value: x, label: APPEAL_RESULT_LABELS[x] }))} />
        <TextField idPrefix="record-appeal-" name="decidedOn" label="结案日期（已审结的）" type="date" value={val(ctx, 'record-appeal', 'decidedOn')} errors={errs(ctx, 'record-appeal')} />
        <TextArea idPrefix="record-appeal-" name="note" label="说明" value={val(ctx, 'record-appeal', 'note')} rows={2} />
      </ActionForm>
    </section>
  );
}

function outcomeOptions() {
  const out: { value: string; label: string }[] = [{ value: '', label: '请选择' }];
  for (const o of OUTCOMES) {
    if (o.id === 'other_no_clarification' || o.id === 'other_fee_unpaid') continue;
    out.push({ value: o.id, label: o.group === 'disclosed' || o.group === 'partial' ? o.label : `${OUTCOME_GROUP_LABELS[o.group]} ${o.label}` });
  }
  return out;
}
