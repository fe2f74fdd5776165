import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asFormError, flashOf, formBody, intParam, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import { actorOf } from '../accounts/staff-session.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { AppContext } from '../platform/context.ts';
import { notFound, type FieldError } from '../platform/errors.ts';
import type { PageCache } from '../platform/http/page-cache.ts';
import { AdminLayout, Csrf, ErrorSummary, SelectField, TextField } from '../platform/views/admin-layout.tsx';
import { COLUMN_KINDS, createColumn } from './operations/save-column.ts';
import { listChains } from '../review/review.repo.ts';
import { findColumn, listColumnsOfCenters, updateColumn } from './columns.repo.ts';

const manage = { access: { kind: 'perm', permission: 'site.manage' } } as const;

/** The system admin's column settings: aggregation of sub-centers and the review chain per column. */
export function registerColumnAdmin(app: FastifyInstance, ctx: AppContext, cache: PageCache): void {
  const render = async (req: FastifyRequest, reply: FastifyReply, state?: { errors: FieldError[]; values: Record<string, string> }) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const [columns, chains] = await Promise.all([listColumnsOfCenters(ctx.db, [cid]), listChains(ctx.db, cid)]);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/columns`);
    const tree = await ctx.centers.get();
    const defaultChain = chains.find((c) => c.id === tree.byId.get(cid)?.defaultChainId);
    return sendHtml(
      reply,
      <AdminLayout title="栏目" shell={shell} flash={flashOf(req)}>
        <p>
          默认审核流程：{defaultChain?.name ?? '未设置'}（<a href={`/admin/c/${cid}/review-settings`}>审核设置</a>）
        </p>
        <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
          <table>
            <caption class="sr-only">栏目设置</caption>
            <thead>
              <tr>
                <th scope="col">栏目</th>
                <th scope="col">汇聚下级中心</th>
                <th scope="col">审核流程</th>
                <th scope="col">保存</th>
              </tr>
            </thead>
            <tbody>
              {columns.map((col) => (
                <tr key={col.id}>
                  <td>{col.name}</td>
                  <td>
                    <input form={`col-${col.id}`} type="checkbox" name="isAggregating" id={`agg-${col.id}`} checked={col.isAggregating} aria-label={`${col.name}：汇聚下级中心`} />
                  </td>
                  <td>
                    <select form={`col-${col.id}`} name="reviewChainId" aria-label={`${col.name}：审核流程`}>
                      <option value="">默认流程</option>
                      {chains.map((c) => (
                        <option key={c.id} value={String(c.id)} selected={c.id === col.reviewChainId}>
                          {c.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <form id={`col-${col.id}`} method="post" action={`/admin/c/${cid}/columns/${col.id}`}>
                      <Csrf token={shell.csrfToken ?? ''} />
                      <button type="submit" aria-label={`保存 ${col.name}`}>保存</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2>新建栏目</h2>
        <form method="post" action={`/admin/c/${cid}/columns`} class="narrow">
          <ErrorSummary errors={state?.errors} />
          <Csrf token={shell.csrfToken ?? ''} />
          <TextField name="name" label="栏目名称" value={state?.values.name} errors={state?.errors} isRequired maxLength={30} />
          <TextField name="slug" label="栏目标识（网址中使用）" value={state?.values.slug} errors={state?.errors} isRequired maxLength={40} hint="例如 tender-rules" />
          <SelectField name="kind" label="栏目类型" value={state?.values.kind} errors={state?.errors} isRequired options={Object.entries(COLUMN_KINDS).map(([value, label]) => ({ value, label }))} />
          <SelectField name="parentId" label="上级栏目" value={state?.values.parentId} errors={state?.errors} options={[{ value: '', label: '（顶级栏目）' }, ...columns.map((c) => ({ value: String(c.id), label: c.name }))]} />
          <TextField name="catalogCategory" label="公开目录类别" value={state?.values.catalogCategory} errors={state?.errors} maxLength={30} />
          <TextField name="description" label="栏目说明" value={state?.values.description} errors={state?.errors} maxLength={200} />
          <button type="submit">新建栏目</button>
        </form>
      </AdminLayout>,
      state ? 400 : 200,
    );
  };

  app.get('/admin/c/:cid/columns', { config: manage, schema: { hide: true } }, async (req, reply) => render(req, reply));

  app.post('/admin/c/:cid/columns', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const raw = formBody(req);
    try {
      await createColumn(ctx, { centerId: cid, raw, actor: actorOf(req) });
      ctx.notifyOutbox();
      return reply.redirect(`/admin/c/${cid}/columns?done=created`, 303);
    } catch (err) {
      const e = asFormError(err);
      return render(req, reply, { errors: e.fields ?? [{ field: 'name', message: e.userMessage }], values: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, str(v).slice(0, 200)])) });
    }
  });

  app.post('/admin/c/:cid/columns/:colId', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const p = req.params as { cid: string; colId: string };
    const cid = intParam(p.cid);
    const column = await findColumn(ctx.db, intParam(p.colId));
    if (!column || column.centerId !== cid) throw notFound('栏目');
    const body = formBody(req);
    const chains = await listChains(ctx.db, cid);
    const chainId = chains.find((c) => c.id === Number(str(body.reviewChainId)))?.id ?? null;
    const patch = { isAggregating: str(body.isAggregating) === 'on', reviewChainId: chainId };
    await ctx.db.transaction(async (tx) => {
      await updateColumn(tx, column.id, patch);
      await recordAudit(tx, actorOf(req), { action: 'column.update', centerId: cid, targetType: 'column', targetId: column.id, before: { isAggregating: column.isAggregating, reviewChainId: column.reviewChainId }, after: patch });
    });
    cache.clear();
    return reply.redirect(`/admin/c/${cid}/columns?done=updated`, 303);
  });
}
