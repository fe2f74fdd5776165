import type { FastifyInstance } from 'fastify';
import { formBody, intParam, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import { cleanPlainText } from '../content/sanitize.ts';
import { formatDateTime } from '../platform/dates.ts';
import type { FieldError } from '../platform/errors.ts';
import { AdminLayout, Csrf, ErrorSummary, TextArea, TextField } from '../platform/views/admin-layout.tsx';
import { PortalLayout } from '../platform/views/portal-layout.tsx';
import { isElderMode } from '../portal/portal.http.ts';
import { codeOf, type PortalDeps } from '../portal/portal.deps.ts';
import { getPortalSite } from '../portal/portal.service.ts';
import { insertErrorReport, listErrorReports } from './error-reports.repo.ts';

/** 网站找错: a public form (CSRF-protected, rate-limited) and the center admin's list of reports. */
export function registerErrorReports(app: FastifyInstance, deps: PortalDeps): void {
  const { ctx } = deps;
  const page = async (req: Parameters<typeof shellFor>[1], reply: Parameters<typeof shellFor>[2], state: { values: Record<string, string>; errors?: FieldError[]; isDone?: boolean }, status = 200) => {
    const { site, nav } = await getPortalSite(ctx, codeOf(req));
    const token = reply.generateCsrf();
    return sendHtml(
      reply,
      <PortalLayout site={site} nav={nav} isElder={isElderMode(req)} meta={{ title: '网站找错', url: `${site.basePath}/report-error`, columnName: '网站找错', columnType: '互动交流' }}>
        <h1>网站找错</h1>
        {state.isDone ? (
          <p class="flash" role="status">
            感谢您的反馈，我们将尽快核实处理。
          </p>
        ) : (
          <form method="post" action={`${site.basePath}/report-error`} class="narrow">
            <ErrorSummary errors={state.errors} />
            <Csrf token={token} />
            <TextField name="pageUrl" label="出错页面地址" value={state.values.pageUrl} errors={state.errors} isRequired maxLength={500} />
            <TextArea name="description" label="错误描述" value={state.values.description} errors={state.errors} isRequired rows={5} />
            <TextField name="contact" label="联系方式（选填，不会公开）" value={state.values.contact} errors={state.errors} maxLength={100} />
            <button type="submit">提交</button>
          </form>
        )}
      </PortalLayout>,
      status,
    );
  };
  for (const prefix of ['', '/c/:code']) {
    app.get(`${prefix}/report-error`, { schema: { hide: true } }, async (req, reply) => page(req, reply, { values: { pageUrl: str((req.query as { url?: string }).url).slice(0, 500) } }));
    app.post(`${prefix}/report-error`, { schema: { hide: true }, config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } }, async (req, reply) => {
      const body = formBody(req);
      const values = { pageUrl: cleanPlainText(str(body.pageUrl)).slice(0, 500), description: cleanPlainText(str(body.description)).slice(0, 2000), contact: cleanPlainText(str(body.contact)).slice(0, 100) };
      const errors: FieldError[] = [];
      if (!values.pageUrl) errors.push({ field: 'pageUrl', message: '出错页面地址：不能为空' });
      if (values.description.length < 4) errors.push({ field: 'description', message: '错误描述：请至少写 4 个字' });
      if (errors.length > 0) return page(req, reply, { values, errors }, 400);
      const { center } = await getPortalSite(ctx, codeOf(req));
      await insertErrorReport(ctx.db, { centerId: center.id, ...values });
      return page(req, reply, { values, isDone: true });
    });
  }

  app.get('/admin/c/:cid/error-reports', { config: { access: { kind: 'perm', permission: 'site.manage' } }, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const rows = await listErrorReports(ctx.db, cid, 200);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/error-reports`);
    return sendHtml(
      reply,
      <AdminLayout title="网站找错" shell={shell}>
        {rows.length === 0 ? <p>暂无报告。</p> : null}
        <ul>
          {rows.map((r) => (
            <li key={r.id}>
              {formatDateTime(r.createdAt)}　<code class="break">{r.pageUrl}</code>：{r.description}
              {r.contact ? `（联系方式：${r.contact}）` : ''}
            </li>
          ))}
        </ul>
      </AdminLayout>,
    );
  });
}
