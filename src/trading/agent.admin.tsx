import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asFormError, formBody, intParam, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import { actorOf } from '../accounts/staff-session.ts';
import { uploadAttachment } from '../content/operations/upload-attachment.ts';
import type { AppContext } from '../platform/context.ts';
import { formatDateTime } from '../platform/dates.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import { AdminLayout, Csrf } from '../platform/views/admin-layout.tsx';
import type { Finding } from './checks/check.types.ts';
import { formToSubmission, formValues, NoticeForm, type NoticeFormValues } from './notice-form.tsx';
import { renderNoticeEdit } from './notice-edit.admin.tsx';
import { INSPECTION_LABELS, noticeStateLabel } from './notice-state.ts';
import { issueApiKey, revokeAgentApiKey } from './operations/manage-agents.ts';
import { reviseNotice, submitNotice, type Submitter } from './operations/submit-notice.ts';
import { NOTICE_TYPE_SHORT, PROJECT_STATUS_LABELS, type NoticeType, type ProjectStatus } from './trading.model.ts';
import { findAgentFirm, listApiKeys, listNoticesOfAgent, listProjectsOfAgent, type AgentFirm } from './trading.repo.ts';

const access = { access: { kind: 'perm', permission: 'agent.submit' } } as const;

/** The notices that may come next in a procedure, for the shortcuts on the agent's project list. */
const NEXT_TYPES: Partial<Record<ProjectStatus, NoticeType[]>> = {
  open: ['amendment_notice', 'candidates_notice', 'award_notice', 'termination_notice'],
  evaluating: ['award_notice', 'termination_notice'],
  awarded: ['contract_notice'],
};

/** The agent firm of the signed-in agent staff member at this center, or 403. */
async function firmOf(ctx: AppContext, req: FastifyRequest, cid: number): Promise<AgentFirm> {
  const id = req.staff?.user.agentFirmId;
  const firm = id ? await findAgentFirm(ctx.db, id) : null;
  if (!firm || firm.centerId !== cid) throw new AppError('FORBIDDEN', { userMessage: '您的账号未绑定本中心登记的代理机构' });
  if (!firm.isActive) throw new AppError('FORBIDDEN', { userMessage: '本机构已被中心停用，不能提交公告' });
  return firm;
}

function submitterOf(req: FastifyRequest, firm: AgentFirm): Submitter {
  return { kind: 'agent', firm, userId: req.staff?.user.id ?? 0, actor: actorOf(req), source: 'agent_web' };
}

/** The agent firm's back office: its notices with findings and inspection requests, the form, and API keys. */
export function registerAgentAdmin(app: FastifyInstance, ctx: AppContext): void {
  const cidOf = (req: FastifyRequest) => intParam((req.params as { cid: string }).cid);

  app.get('/admin/c/:cid/agent/notices', { config: access, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const firm = await firmOf(ctx, req, cid);
    const rows = await listNoticesOfAgent(ctx.db, firm.id, 300);
    const projects = await listProjectsOfAgent(ctx.db, firm.id, 100);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/agent/notices`);
    const done = (req.query as { done?: string }).done;
    return sendHtml(
      reply,
      <AdminLayout title={`${firm.name}：我的公告`} shell={shell} flash={done === 'published' ? '公告已发布，中心将进行巡查。' : done === 'in_review' ? '公告已提交中心审核。' : undefined}>
        <p>
          <a class="button" href={`/admin/c/${cid}/agent/notices/new`}>
            提交新公告
          </a>{' '}
          <a href={`/admin/c/${cid}/agent/keys`}>接口密钥</a>
        </p>
        {projects.length > 0 ? (
          <section aria-labelledby="my-projects">
            <h2 id="my-projects">本机构代理的项目</h2>
            <ul>
              {projects.map((p) => (
                <li key={p.id}>
                  {p.projectNo} {p.name}（{PROJECT_STATUS_LABELS[p.status as ProjectStatus] ?? p.status}）：
                  {NEXT_TYPES[p.status as ProjectStatus]?.map((t) => (
                    <span key={t}>
                      {' '}
                      <a href={`/admin/c/${cid}/agent/notices/new?projectId=${p.id}&type=${t}`}>提交{NOTICE_TYPE_SHORT[t]}</a>
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <h2>本机构的公告</h2>
        {rows.length === 0 ? <p>本机构尚未提交公告。</p> : null}
        <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
          <table>
            <caption class="sr-only">本机构的公告</caption>
            <thead>
              <tr>
                <th scope="col">编号</th>
                <th scope="col">类型</th>
                <th scope="col">标题</th>
                <th scope="col">状态</th>
                <th scope="col">巡查</th>
                <th scope="col">检查提示</th>
                <th scope="col">提交时间</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((n) => (
                <tr key={n.id}>
                  <td>{n.id}</td>
                  <td>{NOTICE_TYPE_SHORT[n.type as NoticeType] ?? n.type}</td>
                  <td>
                    <a href={`/admin/c/${cid}/agent/notices/${n.id}`}>{n.title}</a>
                  </td>
                  <td>{noticeStateLabel(n)}</td>
                  <td>
                    {INSPECTION_LABELS[n.inspectionState] ?? n.inspectionState}
                    {n.inspectionState === 'correction_requested' ? <div class="field-error">{n.inspectionNote}</div> : null}
                  </td>
                  <td>{n.findings.length > 0 ? `${n.findings.filter((f) => f.severity === 'block').length} 项强制、${n.findings.filter((f) => f.severity === 'warn').length} 项提示` : '无'}</td>
                  <td>{formatDateTime(n.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </AdminLayout>,
    );
  });

  const renderNew = async (req: FastifyRequest, reply: FastifyReply, cid: number, firm: AgentFirm, state: { values: NoticeFormValues; errors?: FieldError[]; findings?: Finding[] }, status = 200) => {
    const projects = await listProjectsOfAgent(ctx.db, firm.id, 300);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/agent/notices/new`);
    return sendHtml(
      reply,
      <AdminLayout title="提交公告" shell={shell}>
        <AttachmentUpload cid={cid} token={shell.csrfToken ?? ''} uploaded={(req.query as { uploaded?: string }).uploaded} />
        <NoticeForm action={`/admin/c/${cid}/agent/notices`} csrfToken={shell.csrfToken ?? ''} values={state.values} errors={state.errors} findings={state.findings} projects={projects.map((p) => ({ id: p.id, label: `${p.projectNo} ${p.name}（${PROJECT_STATUS_LABELS[p.status as ProjectStatus] ?? p.status}）` }))} isRevision={false} isCorrection={false} />
      </AdminLayout>,
      status,
    );
  };

  app.get('/admin/c/:cid/agent/notices/new', { config: access, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const firm = await firmOf(ctx, req, cid);
    const q = req.query as { projectId?: string; type?: string };
    return renderNew(req, reply, cid, firm, { values: { type: str(q.type) || 'tender_notice', projectId: str(q.projectId), 'project.isMandatoryTendering': 'true' } });
  });

  app.post('/admin/c/:cid/agent/notices', { config: access, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const firm = await firmOf(ctx, req, cid);
    const values = formValues(formBody(req));
    const { raw, errors } = formToSubmission(values, { isNewProject: !values.projectId });
    if (errors.length > 0) return renderNew(req, reply, cid, firm, { values, errors }, 400);
    try {
      const r = await submitNotice(ctx, submitterOf(req, firm), raw);
      if (r.status === 'draft') return reply.redirect(`/admin/c/${cid}/agent/notices/${r.notice.id}?done=draft`, 303);
      return reply.redirect(`/admin/c/${cid}/agent/notices?done=${r.status}`, 303);
    } catch (err) {
      const e = asFormError(err);
      return renderNew(req, reply, cid, firm, { values, errors: e.fields ?? [{ field: 'type', message: e.userMessage }] }, e.status);
    }
  });

  app.get('/admin/c/:cid/agent/notices/:id', { config: access, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const firm = await firmOf(ctx, req, cid);
    return renderNoticeEdit(ctx, req, reply, { cid, noticeId: intParam((req.params as { id: string }).id), mayUse: (n) => n.agentFirmId === firm.id, action: `/admin/c/${cid}/agent/notices`, navCurrent: `/admin/c/${cid}/agent/notices` });
  });

  app.post('/admin/c/:cid/agent/notices/:id', { config: access, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const firm = await firmOf(ctx, req, cid);
    const id = intParam((req.params as { id: string }).id);
    const values = formValues(formBody(req));
    const { raw, errors } = formToSubmission(values, { isNewProject: false });
    const page = { cid, noticeId: id, mayUse: (n: { agentFirmId: number | null }) => n.agentFirmId === firm.id, action: `/admin/c/${cid}/agent/notices`, navCurrent: `/admin/c/${cid}/agent/notices` };
    if (errors.length > 0) return renderNoticeEdit(ctx, req, reply, { ...page, values, errors }, 400);
    try {
      const r = await reviseNotice(ctx, submitterOf(req, firm), id, raw);
      if (r.status === 'draft' || r.findings.some((f) => f.severity === 'block')) return reply.redirect(`/admin/c/${cid}/agent/notices/${id}?done=draft`, 303);
      return reply.redirect(`/admin/c/${cid}/agent/notices?done=${r.status}`, 303);
    } catch (err) {
      const e = asFormError(err);
      return renderNoticeEdit(ctx, req, reply, { ...page, values, errors: e.fields ?? [{ field: 'title', message: e.userMessage }] }, e.status);
    }
  });

  app.post('/admin/c/:cid/agent/attachments', { config: access, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    await firmOf(ctx, req, cid);
    const file = await req.file();
    if (!file) throw new AppError('ATTACHMENT_TYPE_REFUSED', { userMessage: '附件：请选择要上传的文件' });
    const att = await uploadAttachment(ctx, { centerId: cid, userId: req.staff?.user.id ?? 0, actor: actorOf(req), fileName: file.filename, data: await file.toBuffer() });
    return reply.redirect(`/admin/c/${cid}/agent/notices/new?uploaded=${att.id}`, 303);
  });

  app.get('/admin/c/:cid/agent/keys', { config: access, schema: { hide: true } }, async (req, reply) => renderKeys(req, reply, cidOf(req), null));

  const renderKeys = async (req: FastifyRequest, reply: FastifyReply, cid: number, newKey: string | null) => {
    const firm = await firmOf(ctx, req, cid);
    const keys = await listApiKeys(ctx.db, firm.id);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/agent/keys`);
    return sendHtml(
      reply,
      <AdminLayout title="接口密钥" shell={shell}>
        {newKey ? (
          <div class="flash" role="status">
            <p>新密钥只显示这一次，请立即保存到贵机构的系统中：</p>
            <p>
              <code class="break">{newKey}</code>
            </p>
          </div>
        ) : null}
        <p>
          接口：<code>POST /api/v1/agent/notices</code>，请求头 <code>Authorization: Bearer 密钥</code>。可附 SM2 签名（本机构登记的公钥：{firm.sm2PublicKey ? '已登记' : '未登记，请联系中心登记 CA 锁证书公钥'}）。说明见 <a href="/api/openapi.json">接口文档</a>。
        </p>
        <table>
          <caption class="sr-only">本机构的接口密钥</caption>
          <thead>
            <tr>
              <th scope="col">前缀</th>
              <th scope="col">用途</th>
              <th scope="col">签发时间</th>
              <th scope="col">最近使用</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id}>
                <td>
                  <code>{k.keyPrefix}…</code>
                </td>
                <td>{k.label}</td>
                <td>{formatDateTime(k.createdAt)}</td>
                <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : '—'}</td>
                <td>
                  {k.revokedAt ? (
                    `已吊销（${formatDateTime(k.revokedAt)}）`
                  ) : (
                    <form method="post" action={`/admin/c/${cid}/agent/keys/${k.id}/revoke`} class="inline">
                      <Csrf token={shell.csrfToken ?? ''} />
                      <button type="submit">吊销</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="post" action={`/admin/c/${cid}/agent/keys`} class="narrow">
          <Csrf token={shell.csrfToken ?? ''} />
          <label for="f-label">密钥用途</label>
          <input id="f-label" name="label" maxLength={60} placeholder="如：电子招投标交易系统" />
          <button type="submit">签发新密钥</button>
        </form>
      </AdminLayout>,
    );
  };

  app.post('/admin/c/:cid/agent/keys', { config: access, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const firm = await firmOf(ctx, req, cid);
    const { key } = await issueApiKey(ctx, { firmId: firm.id, label: str(formBody(req).label), userId: req.staff?.user.id ?? 0, actor: actorOf(req) });
    return renderKeys(req, reply, cid, key);
  });

  app.post('/admin/c/:cid/agent/keys/:id/revoke', { config: access, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const firm = await firmOf(ctx, req, cid);
    await revokeAgentApiKey(ctx, { firmId: firm.id, keyId: intParam((req.params as { id: string }).id), actor: actorOf(req) });
    return reply.redirect(`/admin/c/${cid}/agent/keys`, 303);
  });
}

function AttachmentUpload(props: { cid: number; token: string; uploaded: string | undefined }) {
  return (
    <form method="post" action={`/admin/c/${props.cid}/agent/attachments?_csrf=${encodeURIComponent(props.token)}`} enctype="multipart/form-data" class="narrow">
      {props.uploaded ? (
        <p class="flash" role="status">
          附件已上传，编号 {props.uploaded}，请填入下方“附件编号”。
        </p>
      ) : null}
      <label for="f-file">上传招标文件等附件（PDF、Word、Excel、压缩包，不超过 20 MB）</label>
      <input id="f-file" type="file" name="file" />
      <button type="submit">上传</button>
    </form>
  );
}
