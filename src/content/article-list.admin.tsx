import type { FastifyInstance } from 'fastify';
import { flashOf, intParam, sendHtml, shellFor } from '../admin/admin.http.tsx';
import { can } from '../accounts/accounts.policy.ts';
import { rolesAt } from '../accounts/staff-session.ts';
import type { AppContext } from '../platform/context.ts';
import { formatDateTime } from '../platform/dates.ts';
import { AdminLayout } from '../platform/views/admin-layout.tsx';
import { listForAdmin } from './articles.repo.ts';
import { listColumnsOfCenters } from './columns.repo.ts';

export const STATUS_LABELS: Record<string, string> = { draft: '草稿', scheduled: '待定时发布', published: '已发布', withdrawn: '已撤稿', expired: '已下线' };
export const REVIEW_LABELS: Record<string, string> = { none: '', in_review: '审核中', rejected: '被退回' };

export function registerArticleList(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin/c/:cid/articles', { config: { access: { kind: 'perm', permission: 'article.read' } }, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const q = req.query as { status?: string; column?: string; page?: string };
    const status = q.status && STATUS_LABELS[q.status] ? q.status : undefined;
    const columnId = Number(q.column) > 0 ? Number(q.column) : undefined;
    const page = Math.min(500, Math.max(1, Number(q.page) || 1));
    const [rows, columns] = await Promise.all([listForAdmin(ctx.db, { centerId: cid, status, columnId, limit: 50, offset: (page - 1) * 50 }), listColumnsOfCenters(ctx.db, [cid])]);
    const colName = new Map(columns.map((c) => [c.id, c.name]));
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/articles`);
    const canEdit = can(rolesAt(req, cid), 'article.edit');
    return sendHtml(
      reply,
      <AdminLayout title="稿件" shell={shell} flash={flashOf(req)}>
        {canEdit ? (
          <p>
            <a class="button primary" href={`/admin/c/${cid}/articles/new`}>
              起草新稿件
            </a>
          </p>
        ) : null}
        <form method="get" class="filters">
          <label for="st">状态</label>
          <select id="st" name="status">
            <option value="">全部</option>
            {Object.entries(STATUS_LABELS).map(([v, l]) => (
              <option key={v} value={v} selected={v === status}>
                {l}
              </option>
            ))}
          </select>
          <label for="col">栏目</label>
          <select id="col" name="column">
            <option value="">全部</option>
            {columns.map((c) => (
              <option key={c.id} value={String(c.id)} selected={c.id === columnId}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="submit">筛选</button>
        </form>
        <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
          <table>
            <caption class="sr-only">稿件列表</caption>
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col">栏目</th>
                <th scope="col">状态</th>
                <th scope="col">更新时间</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`/admin/c/${cid}/articles/${r.id}`}>{r.title}</a>
                  </td>
                  <td>{colName.get(r.columnId)}</td>
                  <td>
                    {STATUS_LABELS[r.status]} {REVIEW_LABELS[r.reviewState] ? <span class="tag">{REVIEW_LABELS[r.reviewState]}</span> : null}
                  </td>
                  <td>{formatDateTime(r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          {page > 1 ? <a href={`?${new URLSearchParams({ ...(status ? { status } : {}), ...(columnId ? { column: String(columnId) } : {}), page: String(page - 1) }).toString()}`}>上一页</a> : null}{' '}
          {rows.length === 50 ? <a href={`?${new URLSearchParams({ ...(status ? { status } : {}), ...(columnId ? { column: String(columnId) } : {}), page: String(page + 1) }).toString()}`}>下一页</a> : null}
        </p>
      </AdminLayout>,
    );
  });
}
