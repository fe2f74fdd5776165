import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asFormError, formBody, intParam, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import { actorOf, rolesAt } from '../accounts/staff-session.ts';
import { listUserIdsWithRole, listUsersByIds } from '../accounts/accounts.repo.ts';
import type { AppContext } from '../platform/context.ts';
import { formatDate } from '../platform/dates.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import { maskResidentId } from '../platform/resident-id.ts';
import { AdminLayout, Csrf, ErrorSummary, SelectField, TextArea, TextField } from '../platform/views/admin-layout.tsx';
import { workingDaysLeft } from './clock.ts';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, CHANNEL_LABELS, CHANNEL_RECEIPT_RULES, CHANNELS, DELIVERY_FORM_LABELS, DELIVERY_FORMS, STATUS_LABELS, type ApplicantType, type Channel, type RequestStatus } from './disclosure.model.ts';
import { findRequest, listAppeals, listClosedRequests, listEvents, listOpenRequests, listReplies, type DisclosureRequest } from './disclosure.repo.ts';
import { CASE_ACTIONS, performCaseAction } from './disclosure.service.ts';
import { CasePage } from './case-page.admin.tsx';
import { fileRequest } from './operations/file-request.ts';
import type { RequestFormValues } from './request.schema.ts';

const access = { access: { kind: 'perm', permission: 'disclosure.handle' } } as const;

/**
 * The disclosure office's back office: open cases by due date (working days left, overdue first), the
 * register for applications that came by letter, fax, e-mail, in person or orally, and the case page with
 * every step of the clock. Personal data is shown here only, to staff holding `disclosure.handle`.
 */
export function registerDisclosureAdmin(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin/c/:cid/disclosure', { config: access, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const isClosed = (req.query as { view?: string }).view === 'closed';
    const rows = isClosed ? await listClosedRequests(ctx.db, cid, 200) : await listOpenRequests(ctx.db, cid, 500);
    const cal = await ctx.calendar.get();
    const today = formatDate(ctx.clock());
    const staff = new Map((await listUsersByIds(ctx.db, [...new Set(rows.map((r) => r.assigneeId).filter((x): x is number => x !== null))])).map((u) => [u.id, u.displayName]));
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/disclosure`);
    return sendHtml(
      reply,
      <AdminLayout title="依申请公开" shell={shell}>
        <p>
          <a class="button" href={`/admin/c/${cid}/disclosure/new`}>登记申请</a>　
          {isClosed ? <a href={`/admin/c/${cid}/disclosure`}>办理中</a> : <a href={`/admin/c/${cid}/disclosure?view=closed`}>已办结</a>}
        </p>
        {rows.length === 0 ? <p>{isClosed ? '没有已办结的申请。' : '没有办理中的申请。'}</p> : null}
        {rows.length > 0 ? (
          <div class="table-wrap" tabindex={0} role="region" aria-label="申请列表（可左右滚动）">
            <table>
              <caption class="sr-only">{isClosed ? '已办结的申请' : '办理中的申请，按答复期限排列'}</caption>
              <thead>
                <tr>
                  <th scope="col">受理编号</th>
                  <th scope="col">申请人</th>
                  <th scope="col">收到日期</th>
                  <th scope="col">状态</th>
                  <th scope="col">{isClosed ? '办结日期' : '答复期限'}</th>
                  <th scope="col">经办人</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <a href={`/admin/c/${cid}/disclosure/${r.id}`}>{r.trackingNo}</a>
                      {r.possibleDuplicateOf ? <span class="badge">疑似重复</span> : null}
                    </td>
                    <td>
                      {r.applicantName}
                      <span class="muted">（{APPLICANT_TYPE_LABELS[r.applicantType as ApplicantType] ?? r.applicantType}{r.idNumber ? ` ${maskResidentId(r.idNumber)}` : ''}）</span>
                    </td>
                    <td>{r.receivedOn}</td>
                    <td>{STATUS_LABELS[r.status as RequestStatus] ?? r.status}</td>
                    <td>{isClosed ? r.closedOn : <DueCell r={r} left={r.dueOn ? workingDaysLeft(cal, today, r.dueOn) : null} />}</td>
                    <td>{r.assigneeId ? (staff.get(r.assigneeId) ?? '') : '未分配'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </AdminLayout>,
    );
  });

  const entryForm = async (req: FastifyRequest, reply: FastifyReply, cid: number, values: Partial<RequestFormValues & { channel: string; receivedOn: string }>, errors: FieldError[] = [], status = 200) => {
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/disclosure`);
    const channel = (CHANNELS as readonly string[]).includes(values.channel ?? '') ? (values.channel as Channel) : 'in_person';
    return sendHtml(
      reply,
      <AdminLayout title="登记政府信息公开申请" shell={shell}>
        <p>登记以当面、邮寄、平常信函、传真、电子邮件或口头方式提出的申请。收到申请之日按渠道确定：</p>
        <ul>
          {CHANNELS.filter((c) => c !== 'online').map((c) => (
            <li key={c}>
              {CHANNEL_LABELS[c]}：{CHANNEL_RECEIPT_RULES[c]}
            </li>
          ))}
        </ul>
        <form method="post" action={`/admin/c/${cid}/disclosure/new`} class="narrow" novalidate>
          <ErrorSummary errors={errors} />
          <Csrf token={shell.csrfToken ?? ''} />
          <SelectField name="channel" label="申请渠道" value={channel} errors={errors} isRequired options={CHANNELS.filter((c) => c !== 'online').map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} />
          <TextField name="receivedOn" label="收到申请日期" type="date" value={values.receivedOn ?? formatDate(ctx.clock())} errors={errors} isRequired hint="按上列渠道规则确定（签收日、确认日或提交日）" />
          <SelectField name="applicantType" label="申请人类型" value={values.applicantType} errors={errors} isRequired options={[{ value: '', label: '请选择' }, ...APPLICANT_TYPES.map((t) => ({ value: t, label: APPLICANT_TYPE_LABELS[t] }))]} />
          <TextField name="name" label="姓名或名称" value={values.name} errors={errors} isRequired maxLength={100} />
          <TextField name="idNumber" label="身份证号码（自然人；核验其他身份证明的可留空）" value={values.idNumber} errors={errors} maxLength={18} />
          <TextField name="creditCode" label="统一社会信用代码（法人或其他组织）" value={values.creditCode} errors={errors} maxLength={18} />
          <TextField name="phone" label="联系电话" value={values.phone} errors={errors} maxLength={30} />
          <TextField name="email" label="电子邮箱" value={values.email} errors={errors} maxLength={100} />
          <TextField name="address" label="通信地址" value={values.address} errors={errors} maxLength={200} />
          <TextArea name="description" label="所需政府信息描述" value={values.description} errors={errors} isRequired rows={5} />
          <TextArea name="purpose" label="用途" value={values.purpose} errors={errors} rows={2} />
          <SelectField name="deliveryForm" label="获取信息的方式" value={values.deliveryForm} errors={errors} isRequired options={[{ value: '', label: '请选择' }, ...DELIVERY_FORMS.map((f) => ({ value: f, label: DELIVERY_FORM_LABELS[f] }))]} />
          <div class="field">
            <label>
              <input type="checkbox" name="needsAssistance" value="true" checked={values.needsAssistance === 'true'} /> 申请人需要必要的帮助（条例第四十三条）
            </label>
          </div>
          <button type="submit">登记</button>
        </form>
      </AdminLayout>,
      status,
    );
  };

  app.get('/admin/c/:cid/disclosure/new', { config: access, schema: { hide: true } }, async (req, reply) => entryForm(req, reply, intParam((req.params as { cid: string }).cid), {}));
  app.post('/admin/c/:cid/disclosure/new', { config: access, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const body = formBody(req);
    const channel = str(body.channel) as Channel;
    const receivedOn = str(body.receivedOn).trim();
    try {
      const filed = await fileRequest(ctx, { centerId: cid, raw: body, channel, receivedOn: receivedOn || null, actor: actorOf(req) });
      return reply.redirect(`/admin/c/${cid}/disclosure/${filed.request.id}?code=${encodeURIComponent(filed.accessCode)}`, 303);
    } catch (err) {
      const e = asFormError(err);
      const values = { ...((e.details?.values as Partial<RequestFormValues> | undefined) ?? {}), channel, receivedOn };
      return entryForm(req, reply, cid, values, e.fields ?? [{ field: 'channel', message: e.userMessage }], e.status);
    }
  });

  const casePage = async (req: FastifyRequest, reply: FastifyReply, cid: number, id: number, o: { error?: FieldError[]; message?: string; form?: Record<string, string>; status?: number } = {}) => {
    const r = await findRequest(ctx.db, id);
    if (!r || r.centerId !== cid) throw new AppError('NOT_FOUND', { userMessage: '申请不存在' });
    const [events, replies, appeals, cal] = await Promise.all([listEvents(ctx.db, id), listReplies(ctx.db, id), listAppeals(ctx.db, id), ctx.calendar.get()]);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/disclosure`);
    const q = req.query as { code?: string; done?: string; outcome?: string };
    const tree = await ctx.centers.get();
    const handlers = await listHandlers(ctx, cid);
    return sendHtml(
      reply,
      <CasePage
        shell={shell}
        cid={cid}
        request={r}
        events={events}
        replies={replies}
        appeals={appeals}
        cal={cal}
        today={formatDate(ctx.clock())}
        roles={rolesAt(req, cid)}
        userId={req.staff?.user.id ?? null}
        handlers={handlers}
        centerName={tree.byId.get(cid)?.name ?? ''}
        newAccessCode={q.code ?? null}
        flash={q.done ? `已办理：${CASE_ACTIONS[q.done]?.label ?? ''}` : o.message}
        errors={o.error}
        form={o.form ?? (q.outcome ? { outcome: String(q.outcome).slice(0, 40) } : undefined)}
      />,
      o.status ?? 200,
    );
  };

  app.get('/admin/c/:cid/disclosure/:id', { config: access, schema: { hide: true } }, async (req, reply) => {
    const p = req.params as { cid: string; id: string };
    return casePage(req, reply, intParam(p.cid), intParam(p.id));
  });

  app.post('/admin/c/:cid/disclosure/:id/:action', { config: access, schema: { hide: true } }, async (req, reply) => {
    const p = req.params as { cid: string; id: string; action: string };
    const cid = intParam(p.cid);
    const id = intParam(p.id);
    const body = formBody(req);
    const form: Record<string, string> = {};
    for (const [k, v] of Object.entries(body)) if (k !== '_csrf') form[k] = str(v);
    const lock = Number(form.lockVersion);
    try {
      await performCaseAction(ctx, { actor: actorOf(req), roles: rolesAt(req, cid), centerId: cid, requestId: id, lockVersion: Number.isInteger(lock) ? lock : null, action: p.action, form });
    } catch (err) {
      const e = asFormError(err);
      return casePage(req, reply, cid, id, { error: e.fields ?? [{ field: `action-${p.action}`, message: e.userMessage }], form: { ...form, action: p.action }, status: e.status });
    }
    return reply.redirect(`/admin/c/${cid}/disclosure/${id}?done=${encodeURIComponent(p.action)}#history`, 303);
  });
}

function DueCell(props: { r: DisclosureRequest; left: number | null }) {
  const { r, left } = props;
  if (!r.dueOn) return <span>计时暂停</span>;
  const cls = left !== null && left < 0 ? 'overdue' : left !== null && left <= 3 ? 'due-soon' : '';
  return (
    <span class={cls}>
      {r.dueOn}
      {r.isDueProvisional ? '（预估）' : ''}　{left === null ? '' : left < 0 ? `已超期 ${-left} 个工作日` : left === 0 ? '今天到期' : `剩余 ${left} 个工作日`}
    </span>
  );
}

async function listHandlers(ctx: AppContext, cid: number): Promise<{ id: number; name: string }[]> {
  const ids = [...new Set([...(await listUserIdsWithRole(ctx.db, cid, 'disclosure_officer')), ...(await listUserIdsWithRole(ctx.db, cid, 'disclosure_head'))])];
  return (await listUsersByIds(ctx.db, ids)).map((u) => ({ id: u.id, name: u.displayName }));
}
