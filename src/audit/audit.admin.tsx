import type { FastifyInstance, FastifyRequest } from 'fastify';
import { intParam, sendHtml, shellFor } from '../admin/admin.http.tsx';
import type { AppContext } from '../platform/context.ts';
import { beijingDayStart, formatDateTime, parseDateOnly } from '../platform/dates.ts';
import { AdminLayout } from '../platform/views/admin-layout.tsx';
import { searchAuditEvents, type AuditFilter, type AuditRow } from './audit.repo.ts';

const read = { access: { kind: 'perm', permission: 'audit.read' } } as const;

function filterOf(req: FastifyRequest, limit: number): AuditFilter {
  const cid = intParam((req.params as { cid: string }).cid);
  const q = req.query as { q?: string; action?: string; from?: string; to?: string; before?: string };
  const from = q.from ? parseDateOnly(q.from) : null;
  const to = q.to ? parseDateOnly(q.to) : null;
  return {
    centerId: cid,
    q: q.q?.slice(0, 60) || undefined,
    action: q.action && /^[a-z_.]{1,60}$/.test(q.action) ? q.action : undefined,
    from: from ? beijingDayStart(from) : undefined,
    to: to ? new Date(beijingDayStart(to).getTime() + 86400_000) : undefined,
    beforeId: Number(q.before) > 0 ? Number(q.before) : undefined,
    limit,
  };
}

/** The auditor's view: search and export; nothing here changes anything. */
export function registerAuditPages(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin/c/:cid/audit', { config: read, schema: { hide: true } }, async (req, reply) => {
    const f = filterOf(req, 100);
    const rows = await searchAuditEvents(ctx.db, f);
    const shell = await shellFor(ctx, req, reply, f.centerId, `/admin/c/${f.centerId}/audit`);
    const q = req.query as Record<string, string | undefined>;
    const qs = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'before')).toString();
    return sendHtml(
      reply,
      <AdminLayout title="审计日志" shell={shell}>
        <form method="get" class="filters">
          <label for="aq">关键词</label>
          <input id="aq" name="q" value={q.q ?? ''} maxLength={60} />
          <label for="aa">操作</label>
          <input id="aa" name="action" value={q.action ?? ''} placeholder="如 article.publish" maxLength={60} />
          <label for="af">从</label>
          <input id="af" type="date" name="from" value={q.from ?? ''} />
          <label for="at">到</label>
          <input id="at" type="date" name="to" value={q.to ?? ''} />
          <button type="submit">查询</button>
        </form>
        <p>
          <a href={`/admin/c/${f.centerId}/audit.csv?${qs}`}>导出 CSV</a>
        </p>
        <AuditTable rows={rows} />
        {rows.length === 100 ? <a href={`?${qs}&before=${rows[rows.length - 1]?.id}`}>更早的记录</a> : null}
      </AdminLayout>,
    );
  });

  app.get('/admin/c/:cid/audit.csv', { config: read, schema: { hide: true } }, async (req, reply) => {
    const rows = await searchAuditEvents(ctx.db, filterOf(req, 50_000));
    const cell = (v: unknown) => {
      const s = String(v ?? '');
      // Neutralise spreadsheet formulas (CSV injection) and quote every cell.
      return `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
    };
    const lines = [['编号', '时间', '操作人', '操作', '对象类型', '对象', '变更前摘要', '变更后摘要', 'IP', '浏览器', '详情'].map(cell).join(',')];
    for (const r of rows) lines.push([r.id, r.at.toISOString(), r.actorName, r.action, r.targetType, r.targetId, r.beforeDigest, r.afterDigest, r.ip, r.userAgent, JSON.stringify(r.details)].map(cell).join(','));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${(req.params as { cid: string }).cid}.csv"`)
      .header('cache-control', 'no-store')
      .send(`\ufeff${lines.join('\r\n')}\r\n`);
  });

  app.get('/api/v1/admin/c/:cid/audit-events', { config: read, schema: { hide: true } }, async (req) => {
    const rows = await searchAuditEvents(ctx.db, filterOf(req, 500));
    return { items: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), actor: r.actorName, action: r.action, targetType: r.targetType, targetId: r.targetId, beforeDigest: r.beforeDigest, afterDigest: r.afterDigest, ip: r.ip })) };
  });
}

function AuditTable(props: { rows: AuditRow[] }) {
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
      <table>
        <caption class="sr-only">审计记录</caption>
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">操作人</th>
            <th scope="col">操作</th>
            <th scope="col">对象</th>
            <th scope="col">IP</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={r.id}>
              <td>{formatDateTime(r.at)}</td>
              <td>{r.actorName}</td>
              <td>{r.action}</td>
              <td>
                {r.targetType} {r.targetId}
              </td>
              <td>{r.ip}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
