import type { FastifyInstance } from 'fastify';
import { flashOf, formBody, intParam, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import { actorOf } from '../accounts/staff-session.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { AppContext } from '../platform/context.ts';
import { notFound } from '../platform/errors.ts';
import type { PageCache } from '../platform/http/page-cache.ts';
import { AdminLayout, Csrf } from '../platform/views/admin-layout.tsx';
import { listChains } from '../review/review.repo.ts';
import { findColumn, listColumnsOfCenters, updateColumn } from './columns.repo.ts';

const manage = { access: { kind: 'perm', permission: 'site.manage' } } as const;

/** The system admin's column settings: aggregation of sub-centers and the review chain per column. */
export function registerColumnAdmin(app: FastifyInstance, ctx: AppContext, cache: PageCache): void {
  app.get('/admin/c/:cid/columns', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const [columns, chains] = await Promise.all([listColumnsOfCenters(ctx.db, [cid]), listChains(ctx.db, cid)]);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/columns`);
    const tree = await ctx.centers.get();
    const defaultChain = chains.find((c) => c.id === tree.byId.get(cid)?.defaultChainId);
    return sendHtml(
      reply,
      <AdminLayout title="栏目与审核流程" shell={shell} flash={flashOf(req)}>
        <h2>审核流程</h2>
        {chains.map((c) => (
          <div key={c.id}>
            <h3>
              {c.name}
              {c.id === defaultChain?.id ? '（默认）' : ''}
            </h3>
            <ol>
              {c.steps.map((s, i) => (
                <li key={i}>{s.name}</li>
              ))}
            </ol>
          </div>
        ))}
        <h2>栏目</h2>
        <div class="table-wrap">
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
      </AdminLayout>,
    );
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
