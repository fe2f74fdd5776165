import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asFormError, formBody, intParam, sendHtml, shellFor } from '../admin/admin.http.tsx';
import { can } from '../accounts/accounts.policy.ts';
import { actorOf, rolesAt } from '../accounts/staff-session.ts';
import type { AppContext } from '../platform/context.ts';
import { formatDateTime } from '../platform/dates.ts';
import { notFound, type FieldError } from '../platform/errors.ts';
import { AdminLayout, Csrf, ErrorSummary, TextField } from '../platform/views/admin-layout.tsx';
import { INSPECTION_LABELS, noticeStateLabel } from './notice-state.ts';
import { formatDealCode } from './deal-code.ts';
import { formToSubmission, formValues, NoticeForm, type NoticeFormValues } from './notice-form.tsx';
import { readRegister, recordDeposit } from './operations/bidder-register.ts';
import { reviseNotice, submitNotice } from './operations/submit-notice.ts';
import { renderNoticeEdit } from './notice-edit.admin.tsx';
import { CATEGORY_LABELS, METHOD_LABELS, NOTICE_TYPE_SHORT, PROJECT_STATUS_LABELS, wanYuan, yuan, type Category, type Method, type NoticeType, type ProjectStatus } from './trading.model.ts';
import { findProject, listNoticesOfProjectForAdmin, type Project } from './trading.repo.ts';
import { projects } from './trading.tables.ts';

const view = { access: { kind: 'perm', permission: 'dashboard.view' } } as const;

/** The center's projects in the back office, each with its notices and the sealed bidder register. */
export function registerProjectAdmin(app: FastifyInstance, ctx: AppContext): void {
  registerStaffNoticeEdit(app, ctx);
  const cidOf = (req: FastifyRequest) => intParam((req.params as { cid: string }).cid);

  app.get('/admin/c/:cid/trading/projects', { config: view, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const rows = await ctx.db.select().from(projects).where(eq(projects.centerId, cid)).orderBy(desc(projects.id)).limit(300);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/trading/projects`);
    return sendHtml(
      reply,
      <AdminLayout title="交易项目" shell={shell}>
        {can(rolesAt(req, cid), 'notice.submit') ? (
          <p>
            <a class="button" href={`/admin/c/${cid}/trading/notices/new`}>
              录入交易公告
            </a>
          </p>
        ) : null}
        <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
          <table>
            <caption class="sr-only">本中心的交易项目（最近 300 个）</caption>
            <thead>
              <tr>
                <th scope="col">项目编号</th>
                <th scope="col">项目名称</th>
                <th scope="col">类别</th>
                <th scope="col">代理机构</th>
                <th scope="col">预算</th>
                <th scope="col">开标时间</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <td>{p.projectNo}</td>
                  <td>
                    <a href={`/admin/c/${cid}/trading/projects/${p.id}`}>{p.name}</a>
                  </td>
                  <td>{CATEGORY_LABELS[p.category as Category] ?? p.category}</td>
                  <td>{p.agentName || '—'}</td>
                  <td>{wanYuan(p.budgetFen)}</td>
                  <td>{p.openingAt ? formatDateTime(p.openingAt) : '—'}</td>
                  <td>{PROJECT_STATUS_LABELS[p.status as ProjectStatus] ?? p.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </AdminLayout>,
    );
  });

  const renderProject = async (req: FastifyRequest, reply: FastifyReply, cid: number, id: number, state: { values?: Record<string, string>; errors?: FieldError[] } = {}, status = 200) => {
    const project = await findProject(ctx.db, id);
    if (!project || project.centerId !== cid) throw notFound('项目');
    const list = await listNoticesOfProjectForAdmin(ctx.db, project.id);
    const roles = rolesAt(req, cid);
    const register = can(roles, 'trading.sealed_read') ? await readRegister(ctx, { centerIds: [cid], projectId: project.id, actor: actorOf(req) }) : null;
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/trading/projects`);
    return sendHtml(
      reply,
      <AdminLayout title={project.name} shell={shell} flash={(req.query as { done?: string }).done === 'deposit' ? '已登记保证金。' : undefined}>
        <ProjectFacts project={project} />
        <h2>公告</h2>
        <ul>
          {list.map((n) => (
            <li key={n.id}>
              {NOTICE_TYPE_SHORT[n.type as NoticeType]}：{n.status === 'published' ? <a href={`/trading/notices/${n.id}`}>{n.title}</a> : n.title}
              {n.source === 'staff' && can(roles, 'notice.submit') ? (
                <>
                  {' '}
                  <a href={`/admin/c/${cid}/trading/notices/${n.id}`}>修改</a>
                </>
              ) : null}（{noticeStateLabel({ ...n, pendingCorrection: false })}，巡查：{INSPECTION_LABELS[n.inspectionState]}）
            </li>
          ))}
        </ul>
        <h2>招标文件获取与保证金登记</h2>
        {register === null ? (
          <p>您的角色无权查看此登记表。</p>
        ) : register.isSealed ? (
          <p class="sealed" role="status">
            已密封：依法对潜在投标人的名称和数量保密，{register.opensAt ? `开标时间（${formatDateTime(register.opensAt)}）后方可查看` : '开标时间确定并到达后方可查看'}。
          </p>
        ) : (
          <table>
            <caption>开标后解封的登记（开标时间 {formatDateTime(register.opensAt)}）</caption>
            <thead>
              <tr>
                <th scope="col">类型</th>
                <th scope="col">单位名称</th>
                <th scope="col">统一社会信用代码</th>
                <th scope="col">金额（元）</th>
                <th scope="col">时间</th>
              </tr>
            </thead>
            <tbody>
              {register.rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.kind === 'deposit' ? '保证金' : '获取招标文件'}</td>
                  <td>{r.bidderName}</td>
                  <td>{r.creditCode}</td>
                  <td>{r.amountFen === null ? '—' : yuan(r.amountFen)}</td>
                  <td>{formatDateTime(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {can(roles, 'trading.inspect') ? (
          <form method="post" action={`/admin/c/${cid}/trading/projects/${project.id}/deposits`} class="narrow">
            <h3>登记收到的保证金（据银行到账通知）</h3>
            <ErrorSummary errors={state.errors} />
            <Csrf token={shell.csrfToken ?? ''} />
            <TextField name="bidderName" label="单位名称" value={state.values?.bidderName} errors={state.errors} isRequired />
            <TextField name="creditCode" label="统一社会信用代码" value={state.values?.creditCode} errors={state.errors} isRequired />
            <TextField name="amountYuan" label="金额（元）" value={state.values?.amountYuan} errors={state.errors} isRequired />
            <button type="submit">登记</button>
          </form>
        ) : null}
      </AdminLayout>,
      status,
    );
  };

  app.get('/admin/c/:cid/trading/projects/:id', { config: view, schema: { hide: true } }, async (req, reply) => renderProject(req, reply, cidOf(req), intParam((req.params as { id: string }).id)));

  app.post('/admin/c/:cid/trading/projects/:id/deposits', { config: { access: { kind: 'perm', permission: 'trading.inspect' } }, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const id = intParam((req.params as { id: string }).id);
    const values = formValues(formBody(req));
    const yuanText = (values.amountYuan ?? '').replace(/[,，\s]/g, '');
    const amountFen = /^\d{1,13}(\.\d{1,2})?$/.test(yuanText) ? Math.round(Number(yuanText) * 100) : '';
    if (yuanText !== '' && amountFen === '') return renderProject(req, reply, cid, id, { values, errors: [{ field: 'amountYuan', message: '金额（元）：应为金额，最多两位小数，如 50000.00' }] }, 400);
    try {
      await recordDeposit(ctx, { centerIds: [cid], projectId: id, raw: { ...values, amountFen }, actor: actorOf(req) });
    } catch (err) {
      const e = asFormError(err);
      const errors = (e.fields ?? [{ field: 'bidderName', message: e.userMessage }]).map((f) => (f.field === 'amountFen' ? { field: 'amountYuan', message: f.message } : f));
      return renderProject(req, reply, cid, id, { values, errors }, e.status);
    }
    return reply.redirect(`/admin/c/${cid}/trading/projects/${id}?done=deposit`, 303);
  });

  const submitAccess = { access: { kind: 'perm', permission: 'notice.submit' } } as const;
  const renderNew = async (req: FastifyRequest, reply: FastifyReply, cid: number, values: NoticeFormValues, errors?: FieldError[], status = 200) => {
    const rows = await ctx.db.select().from(projects).where(eq(projects.centerId, cid)).orderBy(desc(projects.id)).limit(300);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/trading/projects`);
    return sendHtml(
      reply,
      <AdminLayout title="录入交易公告" shell={shell}>
        <p>由中心工作人员代为录入（如纸质材料提交的公告）。录入后按本中心的交易规则设置审核或发布。</p>
        <NoticeForm action={`/admin/c/${cid}/trading/notices`} csrfToken={shell.csrfToken ?? ''} values={values} errors={errors} projects={rows.map((p) => ({ id: p.id, label: `${p.projectNo} ${p.name}` }))} isRevision={false} isCorrection={false} />
      </AdminLayout>,
      status,
    );
  };
  app.get('/admin/c/:cid/trading/notices/new', { config: submitAccess, schema: { hide: true } }, async (req, reply) => renderNew(req, reply, cidOf(req), { type: 'tender_notice', 'project.isMandatoryTendering': 'true' }));
  app.post('/admin/c/:cid/trading/notices', { config: submitAccess, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const values = formValues(formBody(req));
    const { raw, errors } = formToSubmission(values, { isNewProject: !values.projectId });
    if (errors.length > 0) return renderNew(req, reply, cid, values, errors, 400);
    try {
      const r = await submitNotice(ctx, { kind: 'staff', centerId: cid, userId: req.staff?.user.id ?? 0, actor: actorOf(req), source: 'staff' }, raw);
      if (r.status === 'draft') return reply.redirect(`/admin/c/${cid}/trading/notices/${r.notice.id}?done=draft`, 303);
      return reply.redirect(`/admin/c/${cid}/trading/projects/${r.projectId}`, 303);
    } catch (err) {
      const e = asFormError(err);
      return renderNew(req, reply, cid, values, e.fields ?? [{ field: 'type', message: e.userMessage }], e.status);
    }
  });
}

/** Notices the center entered itself are revised here; agents revise theirs in their own back office. */
function registerStaffNoticeEdit(app: FastifyInstance, ctx: AppContext): void {
  const submitAccess = { access: { kind: 'perm', permission: 'notice.submit' } } as const;
  const pageOf = (cid: number, id: number) => ({ cid, noticeId: id, mayUse: (n: { source: string }) => n.source === 'staff', action: `/admin/c/${cid}/trading/notices`, navCurrent: `/admin/c/${cid}/trading/projects` });
  app.get('/admin/c/:cid/trading/notices/:id', { config: submitAccess, schema: { hide: true } }, async (req, reply) => {
    const p = req.params as { cid: string; id: string };
    return renderNoticeEdit(ctx, req, reply, pageOf(intParam(p.cid), intParam(p.id)));
  });
  app.post('/admin/c/:cid/trading/notices/:id', { config: submitAccess, schema: { hide: true } }, async (req, reply) => {
    const p = req.params as { cid: string; id: string };
    const [cid, id] = [intParam(p.cid), intParam(p.id)];
    const values = formValues(formBody(req));
    const { raw, errors } = formToSubmission(values, { isNewProject: false });
    if (errors.length > 0) return renderNoticeEdit(ctx, req, reply, { ...pageOf(cid, id), values, errors }, 400);
    try {
      const r = await reviseNotice(ctx, { kind: 'staff', centerId: cid, userId: req.staff?.user.id ?? 0, actor: actorOf(req), source: 'staff' }, id, raw);
      if (r.findings.some((f) => f.severity === 'block')) return reply.redirect(`/admin/c/${cid}/trading/notices/${id}?done=draft`, 303);
      return reply.redirect(`/admin/c/${cid}/trading/projects/${r.projectId}`, 303);
    } catch (err) {
      const e = asFormError(err);
      return renderNoticeEdit(ctx, req, reply, { ...pageOf(cid, id), values, errors: e.fields ?? [{ field: 'title', message: e.userMessage }] }, e.status);
    }
  });
}

function ProjectFacts(props: { project: Project }) {
  const p = props.project;
  return (
    <dl class="facts">
      <dt>统一交易标识码</dt>
      <dd>
        <code>{formatDealCode(p.code)}</code>
      </dd>
      <dt>项目编号</dt>
      <dd>{p.projectNo}</dd>
      <dt>类别 / 方式</dt>
      <dd>
        {CATEGORY_LABELS[p.category as Category]} / {METHOD_LABELS[p.method as Method]}
      </dd>
      <dt>招标人</dt>
      <dd>{p.tendererName}</dd>
      <dt>代理机构</dt>
      <dd>{p.agentName || '—'}</dd>
      <dt>预算（最高限价、起始价）</dt>
      <dd>{wanYuan(p.budgetFen)}</dd>
      <dt>投标截止 / 开标</dt>
      <dd>
        {p.bidDeadline ? formatDateTime(p.bidDeadline) : '—'} / {p.openingAt ? formatDateTime(p.openingAt) : '—'} {p.openingPlace}
      </dd>
      <dt>状态</dt>
      <dd>{PROJECT_STATUS_LABELS[p.status as ProjectStatus]}</dd>
    </dl>
  );
}
