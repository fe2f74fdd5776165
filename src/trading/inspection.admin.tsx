import type { FastifyInstance, FastifyRequest } from 'fastify';
import { asFormError, formBody, intParam, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import { actorOf } from '../accounts/staff-session.ts';
import type { AppContext } from '../platform/context.ts';
import { formatDateTime } from '../platform/dates.ts';
import { AdminLayout, Csrf } from '../platform/views/admin-layout.tsx';
import { INSPECTION_LABELS } from './notice-state.ts';
import { inspectNotice, type InspectionAction } from './operations/inspect-notice.ts';
import { CATEGORY_LABELS, NOTICE_TYPE_SHORT, type Category, type NoticeType } from './trading.model.ts';
import { listAgentFirms, listInspectionQueue } from './trading.repo.ts';

const access = { access: { kind: 'perm', permission: 'trading.inspect' } } as const;
const TABS = [
  { state: 'pending', label: '待巡查' },
  { state: 'correction_requested', label: '已要求更正' },
  { state: 'passed', label: '巡查通过' },
  { state: 'withdrawn', label: '已撤回' },
] as const;
const ACTIONS: Record<string, InspectionAction> = { pass: 'pass', request_correction: 'request_correction', withdraw: 'withdraw' };
const FLASH: Record<string, string> = { pass: '已标记为巡查通过。', request_correction: '已向代理机构发出更正要求。', withdraw: '公告已撤回，公开页面将显示撤回时间和理由。' };

/**
 * 巡查: the queue of notices agents published directly, oldest first, each with its automatic findings,
 * and the three verdicts. (Guyuan: staff patrol at least three times a day.)
 */
export function registerInspectionAdmin(app: FastifyInstance, ctx: AppContext): void {
  const render = async (req: FastifyRequest, reply: Parameters<typeof shellFor>[2], cid: number, opts: { error?: string; status?: number } = {}) => {
    const q = req.query as { state?: string; done?: string };
    const tab = TABS.find((t) => t.state === q.state) ?? TABS[0];
    const rows = await listInspectionQueue(ctx.db, [cid], [tab.state], 200);
    const firms = new Map((await listAgentFirms(ctx.db, cid)).map((f) => [f.id, f.name]));
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/trading/inspection`);
    const token = shell.csrfToken ?? '';
    return sendHtml(
      reply,
      <AdminLayout title="交易公告巡查" shell={shell} flash={q.done ? FLASH[q.done] : undefined} error={opts.error}>
        <nav aria-label="巡查状态" class="tabs">
          <ul>
            {TABS.map((t) => (
              <li key={t.state}>
                <a href={`/admin/c/${cid}/trading/inspection?state=${t.state}`} aria-current={t.state === tab.state ? 'page' : undefined}>
                  {t.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {rows.length === 0 ? <p>没有{tab.label}的公告。</p> : null}
        {rows.map((n) => (
          <article class="inspection-item" key={n.id} aria-labelledby={`n-${n.id}`}>
            <h2 id={`n-${n.id}`}>
              <a href={`/trading/notices/${n.id}`}>{n.title}</a>
            </h2>
            <p class="muted">
              {CATEGORY_LABELS[n.category as Category] ?? n.category} · {NOTICE_TYPE_SHORT[n.type as NoticeType] ?? n.type} · {n.agentFirmId ? (firms.get(n.agentFirmId) ?? '代理机构') : '中心录入'} · 发布于 {n.publishedAt ? formatDateTime(n.publishedAt) : '—'} · {INSPECTION_LABELS[n.inspectionState]}
              {n.pendingCorrection ? ' · 更正版本待提交' : ''}
            </p>
            {n.findings.length === 0 ? (
              <p>自动检查：未发现问题。</p>
            ) : (
              <ul class="findings">
                {n.findings.map((f, i) => (
                  <li key={i} class={f.severity === 'block' ? 'finding block' : 'finding warn'}>
                    <strong>{f.severity === 'block' ? '【强制】' : '【提示】'}</strong>
                    {f.message}
                    {f.citation ? <span class="muted">（依据：{f.citation}）</span> : null}
                  </li>
                ))}
              </ul>
            )}
            {n.inspectionNote ? <p>巡查意见：{n.inspectionNote}</p> : null}
            {n.status === 'published' && n.inspectionState !== 'withdrawn' ? (
              <form method="post" action={`/admin/c/${cid}/trading/inspection/${n.id}`} class="inspection-actions">
                <Csrf token={token} />
                <label for={`note-${n.id}`}>巡查意见或撤回理由</label>
                <textarea id={`note-${n.id}`} name="note" rows={2} maxLength={1000} />
                <button type="submit" name="action" value="pass">
                  巡查通过
                </button>{' '}
                <button type="submit" name="action" value="request_correction">
                  要求更正
                </button>{' '}
                <button type="submit" name="action" value="withdraw" class="danger">
                  撤回公告
                </button>
              </form>
            ) : null}
          </article>
        ))}
      </AdminLayout>,
      opts.status ?? 200,
    );
  };

  app.get('/admin/c/:cid/trading/inspection', { config: access, schema: { hide: true } }, async (req, reply) => render(req, reply, intParam((req.params as { cid: string }).cid)));

  app.post('/admin/c/:cid/trading/inspection/:id', { config: access, schema: { hide: true } }, async (req, reply) => {
    const p = req.params as { cid: string; id: string };
    const cid = intParam(p.cid);
    const body = formBody(req);
    const action = ACTIONS[str(body.action)];
    if (!action) return render(req, reply, cid, { error: '请选择巡查操作', status: 400 });
    try {
      await inspectNotice(ctx, { centerIds: [cid], noticeId: intParam(p.id), action, note: str(body.note), userId: req.staff?.user.id ?? 0, actor: actorOf(req) });
    } catch (err) {
      const e = asFormError(err);
      return render(req, reply, cid, { error: e.userMessage, status: e.status });
    }
    return reply.redirect(`/admin/c/${cid}/trading/inspection?done=${action}`, 303);
  });
}
