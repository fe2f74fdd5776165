import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../accounts/accounts.policy.ts';
import { rolesAt } from '../accounts/staff-session.ts';
import { formBody, intParam, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import { cleanPlainText } from '../content/sanitize.ts';
import { formatDateTime } from '../platform/dates.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import { AdminLayout, Csrf, ErrorSummary, TextArea, TextField } from '../platform/views/admin-layout.tsx';
import { PortalLayout } from '../platform/views/portal-layout.tsx';
import { isElderMode } from '../portal/portal.http.ts';
import { codeOf, type PortalDeps } from '../portal/portal.deps.ts';
import { getPortalSite } from '../portal/portal.service.ts';
import { listErrorReports } from './error-reports.repo.ts';
import { SubmittedNotice } from './interaction.views.tsx';
import { SUBMIT_RATE } from './messages.portal.tsx';
import { LIMITS, STATUS_LABELS, type MessageStatus } from './messages.model.ts';
import { submitMessage, type SubmittedMessage } from './operations/submit-message.ts';

/**
 * 网站找错: the footer's form (CSRF-protected, rate-limited). A report is a message of kind `error_report`
 * with the page in `reference`, so it has a clock, a tracking number and a reply like any other message.
 * This older form strips markup (as it always did) instead of refusing it. The center admin keeps a list.
 */
export function registerErrorReports(app: FastifyInstance, deps: PortalDeps): void {
  const { ctx } = deps;
  const page = async (req: FastifyRequest, reply: FastifyReply, state: { values: Record<string, string>; errors?: FieldError[]; done?: SubmittedMessage }, status = 200) => {
    const { site, nav } = await getPortalSite(ctx, codeOf(req));
    const token = reply.generateCsrf();
    return sendHtml(
      reply,
      <PortalLayout site={site} nav={nav} isElder={isElderMode(req)} meta={{ title: '网站找错', url: `${site.basePath}/report-error`, columnName: '网站找错', columnType: '互动交流' }}>
        <h1>网站找错</h1>
        {state.done ? (
          <>
            <p class="flash" role="status">
              感谢您的反馈，我们将尽快核实处理。
            </p>
            <SubmittedNotice trackingNo={state.done.message.trackingNo} accessCode={state.done.accessCode} clockLabel={state.done.clockLabel} dueOn={state.done.message.dueOn} isDueProvisional={state.done.message.isDueProvisional} trackUrl={`${site.basePath}/interaction/track`} />
          </>
        ) : (
          <form method="post" action={`${site.basePath}/report-error`} class="narrow">
            <ErrorSummary errors={state.errors} />
            <Csrf token={token} />
            <TextField name="pageUrl" label="出错页面地址" value={state.values.pageUrl} errors={state.errors} isRequired maxLength={LIMITS.reference} />
            <TextArea name="description" label="错误描述" value={state.values.description} errors={state.errors} isRequired rows={5} />
            <TextField name="contact" label="联系方式（选填，不会公开）" value={state.values.contact} errors={state.errors} maxLength={100} hint="电话或电子邮箱" />
            <button type="submit">提交</button>
          </form>
        )}
        <p>
          其他咨询、意见建议请到<a href={`${site.basePath}/interaction`}>互动交流</a>。
        </p>
      </PortalLayout>,
      status,
    );
  };
  for (const prefix of ['', '/c/:code']) {
    app.get(`${prefix}/report-error`, { schema: { hide: true } }, async (req, reply) => page(req, reply, { values: { pageUrl: str((req.query as { url?: string }).url).slice(0, LIMITS.reference) } }));
    app.post(`${prefix}/report-error`, { schema: { hide: true }, config: { rateLimit: SUBMIT_RATE } }, async (req, reply) => {
      const body = formBody(req);
      const values = { pageUrl: cleanPlainText(str(body.pageUrl)).slice(0, LIMITS.reference), description: cleanPlainText(str(body.description)).slice(0, 2000), contact: cleanPlainText(str(body.contact)).slice(0, 100) };
      const errors: FieldError[] = [];
      if (!values.pageUrl) errors.push({ field: 'pageUrl', message: '出错页面地址：不能为空' });
      if (values.description.length < 4) errors.push({ field: 'description', message: '错误描述：请至少写 4 个字' });
      if (errors.length > 0) return page(req, reply, { values, errors }, 400);
      const { center } = await getPortalSite(ctx, codeOf(req));
      const isEmail = values.contact.includes('@');
      const subject = values.description.length > 40 ? `${values.description.slice(0, 39)}…` : values.description;
      try {
        const done = await submitMessage(ctx, {
          centerId: center.id,
          input: { kind: 'error_report', subject, body: values.description, reference: values.pageUrl, name: '', phone: isEmail ? '' : values.contact.slice(0, LIMITS.phone), email: isEmail ? values.contact.slice(0, LIMITS.email) : '' },
          now: ctx.clock(),
        });
        return page(req, reply, { values, done });
      } catch (err) {
        if (err instanceof AppError && err.status < 500) return page(req, reply, { values, errors: [{ field: 'description', message: err.userMessage }] }, err.status);
        throw err;
      }
    });
  }

  app.get('/admin/c/:cid/error-reports', { config: { access: { kind: 'perm', permission: 'site.manage' } }, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const rows = await listErrorReports(ctx.db, cid, 200);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/error-reports`);
    const canHandle = can(rolesAt(req, cid), 'message.handle');
    return sendHtml(
      reply,
      <AdminLayout title="网站找错" shell={shell}>
        <p>网站找错报告按留言办理（类型“网站找错”），由互动交流经办人答复。此处列出页面和问题，便于维护网站内容。</p>
        {rows.length === 0 ? <p>暂无报告。</p> : null}
        <ul>
          {rows.map((r) => (
            <li key={r.id}>
              {formatDateTime(r.createdAt)}　{canHandle ? <a href={`/admin/c/${cid}/messages/${r.id}`}>{r.trackingNo}</a> : r.trackingNo}　<code class="break">{r.pageUrl}</code>：{r.description}（{STATUS_LABELS[r.status as MessageStatus] ?? r.status}，答复期限 {r.dueOn}）
            </li>
          ))}
        </ul>
      </AdminLayout>,
    );
  });
}
