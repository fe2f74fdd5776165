import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../accounts/staff-session.ts';
import { asFormError, formBody, intParam, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import type { AppContext } from '../platform/context.ts';
import { formatDate, parseDateOnly } from '../platform/dates.ts';
import type { FieldError } from '../platform/errors.ts';
import { AdminLayout, Csrf, ErrorSummary } from '../platform/views/admin-layout.tsx';
import { StatsTable } from './interaction.views.tsx';
import { policiesOf } from './message-policy.service.ts';
import { messageStats } from './message-stats.ts';
import { DEFAULT_POLICIES, KIND_LABELS, MESSAGE_KINDS } from './messages.model.ts';
import { MAX_POLICY_DAYS, saveMessagePolicies } from './operations/save-message-policies.ts';

/** The center's reply clocks per kind (site.manage) and the statistics of messages (message.handle). */
export function registerMessageSettings(app: FastifyInstance, ctx: AppContext): void {
  const cidOf = (req: FastifyRequest) => intParam((req.params as { cid: string }).cid);
  const manage = { access: { kind: 'perm', permission: 'site.manage' } } as const;

  const renderPolicy = async (req: FastifyRequest, reply: FastifyReply, cid: number, state: { values?: Record<string, string>; errors?: FieldError[]; error?: string } = {}, status = 200) => {
    const policies = await policiesOf(ctx.db, cid);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/message-policy`);
    const v = state.values;
    const err = (field: string) => state.errors?.find((e) => e.field === field)?.message;
    return sendHtml(
      reply,
      <AdminLayout title="留言答复时限" shell={shell} flash={(req.query as { done?: string }).done ? '已保存。新的时限适用于此后收到的留言，已收到的留言按收到时承诺的时限办理。' : undefined} error={state.error}>
        <p>各类留言的答复时限按本中心的服务承诺设置。政府采购质疑的答复期限为 7 个工作日（依据见决策记录 0010）。</p>
        <form method="post" action={`/admin/c/${cid}/message-policy`}>
          <ErrorSummary errors={state.errors} />
          <Csrf token={shell.csrfToken ?? ''} />
          <div class="table-wrap" tabindex={0} role="region" aria-label="答复时限（可左右滚动）">
            <table>
              <caption>各类留言的答复时限</caption>
              <thead>
                <tr>
                  <th scope="col">类型</th>
                  <th scope="col">时限（天）</th>
                  <th scope="col">计算方式</th>
                  <th scope="col">开通</th>
                  <th scope="col">默认</th>
                </tr>
              </thead>
              <tbody>
                {MESSAGE_KINDS.map((k) => {
                  const p = policies[k];
                  const unit = v ? v[`unit.${k}`] : p.isWorkingDays ? 'working' : 'calendar';
                  const isOpen = v ? v[`open.${k}`] === 'on' : p.isOpen;
                  return (
                    <tr key={k}>
                      <th scope="row">{KIND_LABELS[k]}</th>
                      <td>
                        {err(`days.${k}`) ? <p class="field-error" id={`e-days-${k}`}>{err(`days.${k}`)}</p> : null}
                        <input id={`f-days.${k}`} name={`days.${k}`} type="number" min={1} max={MAX_POLICY_DAYS} value={v ? v[`days.${k}`] : String(p.days)} aria-label={`${KIND_LABELS[k]}答复时限（天）`} aria-invalid={err(`days.${k}`) ? 'true' : undefined} aria-describedby={err(`days.${k}`) ? `e-days-${k}` : undefined} />
                      </td>
                      <td>
                        <select id={`f-unit.${k}`} name={`unit.${k}`} aria-label={`${KIND_LABELS[k]}计算方式`}>
                          <option value="working" selected={unit === 'working'}>
                            工作日
                          </option>
                          <option value="calendar" selected={unit === 'calendar'}>
                            自然日
                          </option>
                        </select>
                      </td>
                      <td>
                        <input id={`f-open.${k}`} type="checkbox" name={`open.${k}`} value="on" checked={isOpen} aria-label={`开通${KIND_LABELS[k]}`} />
                      </td>
                      <td>{DEFAULT_POLICIES[k].days} 个工作日</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <button type="submit">保存</button>
        </form>
      </AdminLayout>,
      status,
    );
  };

  app.get('/admin/c/:cid/message-policy', { config: manage, schema: { hide: true } }, async (req, reply) => renderPolicy(req, reply, cidOf(req)));
  app.post('/admin/c/:cid/message-policy', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const body = formBody(req);
    try {
      await saveMessagePolicies(ctx, { centerId: cid, form: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, str(v)])), actor: actorOf(req) });
    } catch (err) {
      const e = asFormError(err);
      return renderPolicy(req, reply, cid, { values: Object.fromEntries(Object.entries(body).map(([k, v]) => [k, str(v)])), errors: e.fields, error: e.fields ? undefined : e.userMessage }, e.status);
    }
    return reply.redirect(`/admin/c/${cid}/message-policy?done=saved`, 303);
  });

  app.get('/admin/c/:cid/messages/stats', { config: { access: { kind: 'perm', permission: 'message.handle' } }, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const q = req.query as { from?: string; to?: string };
    const today = formatDate(ctx.clock());
    const from = parseDateOnly(q.from ?? '') ?? `${today.slice(0, 4)}-01-01`;
    const toRaw = parseDateOnly(q.to ?? '') ?? today;
    const to = toRaw < from ? from : toRaw;
    const stats = await messageStats(ctx.db, [cid], from, to);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/messages`);
    return sendHtml(
      reply,
      <AdminLayout title="互动交流办理统计" shell={shell}>
        <form method="get" action={`/admin/c/${cid}/messages/stats`} class="search-filters">
          <label for="f-from">收到日期自</label> <input id="f-from" type="date" name="from" value={from} /> <label for="f-to">至</label> <input id="f-to" type="date" name="to" value={to} /> <button type="submit">统计</button>
        </form>
        <StatsTable stats={stats} caption={`${from} 至 ${to} 收到的留言`} />
        <p>其中仍在办理 {stats.total.open} 条。</p>
        <p>
          <a href={`/admin/c/${cid}/messages`}>返回留言列表</a>
        </p>
      </AdminLayout>,
    );
  });
}
