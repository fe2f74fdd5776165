import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formBody, sendHtml, str } from '../admin/admin.http.tsx';
import type { Attachment } from '../content/articles.repo.ts';
import { formatDateTime } from '../platform/dates.ts';
import { AppError, notFound, type FieldError } from '../platform/errors.ts';
import { Csrf, ErrorSummary, TextField } from '../platform/views/admin-layout.tsx';
import { PortalLayout } from '../platform/views/portal-layout.tsx';
import { isElderMode } from '../portal/portal.http.ts';
import { codeOf, type PortalDeps } from '../portal/portal.deps.ts';
import { getPortalSite } from '../portal/portal.service.ts';
import { registerForDocuments } from './operations/bidder-register.ts';
import { findProject } from './trading.repo.ts';

/**
 * 获取招标文件: a bidder gives its name and 统一社会信用代码, then gets the documents. The register is the
 * record of who obtained them; it is never public and is sealed in the back office until the opening.
 */
export function registerDocumentsPortal(app: FastifyInstance, deps: PortalDeps): void {
  const { ctx } = deps;
  const page = async (req: FastifyRequest, reply: FastifyReply, projectId: number, state: { values: Record<string, string>; errors?: FieldError[]; documents?: Attachment[] }, status = 200) => {
    const { site, nav } = await getPortalSite(ctx, codeOf(req));
    const project = await findProject(ctx.db, projectId);
    if (!project) throw notFound('项目');
    const url = `${site.basePath}/trading/projects/${project.id}/documents`;
    const isOpen = project.status === 'open' && !!project.bidDeadline && project.bidDeadline.getTime() > ctx.clock().getTime();
    return sendHtml(
      reply,
      <PortalLayout site={site} nav={nav} isElder={isElderMode(req)} meta={{ title: `获取招标文件：${project.name}`, url, columnName: '交易信息', columnType: '交易信息' }}>
        <h1>获取招标文件</h1>
        <p>
          项目：<a href={`${site.basePath}/trading/projects/${project.id}`}>{project.name}</a>（{project.projectNo}）
        </p>
        {project.bidDeadline ? <p>投标截止时间：{formatDateTime(project.bidDeadline)}</p> : null}
        {state.documents ? (
          <section aria-labelledby="docs-title">
            <h2 id="docs-title">招标文件</h2>
            <p class="flash" role="status">
              已登记。请下载以下文件；登记信息在开标前保密，不对外公开。
            </p>
            {state.documents.length === 0 ? <p>招标人尚未上传电子招标文件，请按公告要求获取。</p> : null}
            <ul>
              {state.documents.map((d) => (
                <li key={d.id}>
                  <a href={`/files/${d.id}/${encodeURIComponent(d.safeName)}`}>{d.originalName}</a>（{Math.ceil(d.sizeBytes / 1024)} KB）
                </li>
              ))}
            </ul>
          </section>
        ) : isOpen ? (
          <form method="post" action={url} class="narrow">
            <ErrorSummary errors={state.errors} />
            <Csrf token={reply.generateCsrf()} />
            <TextField name="bidderName" label="投标单位名称" value={state.values.bidderName} errors={state.errors} isRequired maxLength={120} autocomplete="organization" />
            <TextField name="creditCode" label="统一社会信用代码" value={state.values.creditCode} errors={state.errors} isRequired maxLength={18} />
            <TextField name="contactPhone" label="联系电话" type="tel" value={state.values.contactPhone} errors={state.errors} maxLength={40} autocomplete="tel" />
            <p class="hint">依《招标投标法》第二十二条，招标人不得向他人透露已获取招标文件的潜在投标人的名称、数量。本平台在开标前对登记信息加密封存。</p>
            <button type="submit">登记并获取招标文件</button>
          </form>
        ) : (
          <p>该项目已过投标截止时间或已结束，不能再获取招标文件。</p>
        )}
      </PortalLayout>,
      status,
    );
  };
  for (const prefix of ['', '/c/:code']) {
    const idOf = (req: FastifyRequest) => {
      const n = Number((req.params as { id: string }).id);
      if (!Number.isInteger(n) || n < 1 || n > 2_147_483_647) throw notFound('项目');
      return n;
    };
    app.get(`${prefix}/trading/projects/:id/documents`, { schema: { hide: true } }, async (req, reply) => page(req, reply, idOf(req), { values: {} }));
    app.post(`${prefix}/trading/projects/:id/documents`, { schema: { hide: true }, config: { rateLimit: { max: 20, timeWindow: '10 minutes' } } }, async (req, reply) => {
      const id = idOf(req);
      const body = formBody(req);
      const values = { bidderName: str(body.bidderName).slice(0, 500), creditCode: str(body.creditCode).slice(0, 100), contactPhone: str(body.contactPhone).slice(0, 100) };
      try {
        const { documents } = await registerForDocuments(ctx, { projectId: id, raw: values });
        return page(req, reply, id, { values, documents });
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        return page(req, reply, id, { values, errors: err.fields ?? [{ field: 'bidderName', message: err.userMessage }] }, err.status);
      }
    });
  }
}
