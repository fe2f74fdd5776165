import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../accounts/staff-session.ts';
import { asFormError, formBody, intParam, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import type { AppContext } from '../platform/context.ts';
import { formatDate } from '../platform/dates.ts';
import type { FieldError } from '../platform/errors.ts';
import { AdminLayout } from '../platform/views/admin-layout.tsx';
import { MessageDetail, type DetailState } from './message-detail.view.tsx';
import { standingLabel, standingOf } from './message-clock.ts';
import { isMessageKind, KIND_LABELS, MESSAGE_KINDS, MESSAGE_STATUSES, STATUS_LABELS, type MessageStatus } from './messages.model.ts';
import { findMessagesByIds, listMessageEvents, listMessagesForStaff } from './messages.repo.ts';
import { getMessageOfCenter, listMessageHandlers } from './messages.service.ts';
import { annotateMessage } from './operations/annotate-message.ts';
import { assignMessage } from './operations/assign-message.ts';
import { closeMessage } from './operations/close-message.ts';
import { publishMessage } from './operations/publish-message.ts';
import { replyMessage } from './operations/reply-message.ts';
import { unpublishMessage } from './operations/unpublish-message.ts';

const access = { access: { kind: 'perm', permission: 'message.handle' } } as const;
const PAGE = 50;
const FLASH: Record<string, string> = { assign: '已更新承办人。', reply: '已答复，留言人可凭查询码查看答复。', note: '已添加内部备注。', publish: '问答已在网站公开。', unpublish: '已撤下公开问答。', close: '已办结。' };

/** The staff's 互动交流: open messages by due date, one message with its history and the actions. */
export function registerMessagesAdmin(app: FastifyInstance, ctx: AppContext): void {
  const cidOf = (req: FastifyRequest) => intParam((req.params as { cid: string }).cid);

  app.get('/admin/c/:cid/messages', { config: access, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const q = req.query as { kind?: string; status?: string; page?: string };
    const kind = isMessageKind(q.kind) ? q.kind : undefined;
    const status = q.status === 'all' ? undefined : (MESSAGE_STATUSES as readonly string[]).includes(q.status ?? '') ? q.status : 'open';
    const page = Math.min(1000, Math.max(1, Number(q.page) || 1));
    const [{ rows, total }, handlers, cal] = await Promise.all([listMessagesForStaff(ctx.db, { centerId: cid, kind, status, limit: PAGE, offset: (page - 1) * PAGE }), listMessageHandlers(ctx.db, cid), ctx.calendar.get()]);
    const names = new Map(handlers.map((u) => [u.id, u.displayName]));
    const dupIds = [...new Set(rows.map((r) => r.possibleDuplicateOf).filter((x): x is number => x !== null))];
    const dups = new Map((await findMessagesByIds(ctx.db, dupIds)).map((m) => [m.id, m.trackingNo]));
    const today = formatDate(ctx.clock());
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/messages`);
    const href = (o: { kind?: string | undefined; status?: string | undefined; page?: number }) => `/admin/c/${cid}/messages?${new URLSearchParams({ ...(o.kind ? { kind: o.kind } : {}), status: o.status ?? 'all', ...(o.page && o.page > 1 ? { page: String(o.page) } : {}) }).toString()}`;
    return sendHtml(
      reply,
      <AdminLayout title="互动交流" shell={shell}>
        <p>
          <a href={`/admin/c/${cid}/messages/stats`}>办理统计</a>
        </p>
        <form method="get" action={`/admin/c/${cid}/messages`} class="search-filters">
          <label for="f-kind">类型</label>
          <select id="f-kind" name="kind">
            <option value="">全部类型</option>
            {MESSAGE_KINDS.map((k) => (
              <option key={k} value={k} selected={k === kind}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>{' '}
          <label for="f-status">状态</label>
          <select id="f-status" name="status">
            <option value="all" selected={status === undefined}>
              全部状态
            </option>
            {MESSAGE_STATUSES.map((s) => (
              <option key={s} value={s} selected={s === status}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>{' '}
          <button type="submit">筛选</button>
        </form>
        <p>
          共 {total} 条{status === 'open' ? '办理中的留言，按答复期限排列' : ''}。
        </p>
        <div class="table-wrap" tabindex={0} role="region" aria-label="留言列表（可左右滚动）">
          <table>
            <caption class="sr-only">留言列表</caption>
            <thead>
              <tr>
                <th scope="col">留言编号</th>
                <th scope="col">类型</th>
                <th scope="col">标题</th>
                <th scope="col">收到日期</th>
                <th scope="col">答复期限</th>
                <th scope="col">办理情况</th>
                <th scope="col">承办人</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <td>
                    <a href={`/admin/c/${cid}/messages/${m.id}`}>{m.trackingNo}</a>
                  </td>
                  <td>{isMessageKind(m.kind) ? KIND_LABELS[m.kind] : m.kind}</td>
                  <td>
                    {m.subject}
                    {m.possibleDuplicateOf !== null ? <span class="tag">疑似重复（{dups.get(m.possibleDuplicateOf) ?? m.possibleDuplicateOf}）</span> : null}
                    {m.isPublic ? <span class="tag">已公开</span> : null}
                  </td>
                  <td>{m.receivedOn}</td>
                  <td>
                    {m.dueOn}
                    {m.isDueProvisional ? '（暂定）' : ''}
                  </td>
                  <td>{m.status === 'open' ? standingLabel(standingOf(cal, today, m.dueOn)) : `${STATUS_LABELS[m.status as MessageStatus] ?? m.status}${m.repliedOn ? `（${m.repliedOn}，${m.workingDaysTaken ?? 0} 个工作日${m.isOnTime ? '' : '，超期'}）` : ''}`}</td>
                  <td>{m.assigneeId !== null ? (names.get(m.assigneeId) ?? '—') : '未分配'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          {page > 1 ? <a href={href({ kind, status, page: page - 1 })}>上一页</a> : null} {page * PAGE < total ? <a href={href({ kind, status, page: page + 1 })}>下一页</a> : null}
        </p>
      </AdminLayout>,
    );
  });

  const renderDetail = async (req: FastifyRequest, reply: FastifyReply, cid: number, id: number, state: DetailState = {}, status = 200) => {
    const m = await getMessageOfCenter(ctx.db, cid, id);
    const [events, handlers, cal, dup] = await Promise.all([listMessageEvents(ctx.db, m.id), listMessageHandlers(ctx.db, cid), ctx.calendar.get(), m.possibleDuplicateOf !== null ? findMessagesByIds(ctx.db, [m.possibleDuplicateOf]) : Promise.resolve([])]);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/messages`);
    const done = (req.query as { done?: string }).done;
    const standing = m.status === 'open' ? standingLabel(standingOf(cal, formatDate(ctx.clock()), m.dueOn)) : null;
    return sendHtml(
      reply,
      <AdminLayout title={`留言 ${m.trackingNo}`} shell={shell} flash={done ? FLASH[done] : undefined} error={state.error}>
        <MessageDetail cid={cid} m={m} events={events} handlers={handlers} duplicate={dup[0] ?? null} standing={standing} csrf={shell.csrfToken ?? ''} state={state} />
      </AdminLayout>,
      status,
    );
  };

  app.get('/admin/c/:cid/messages/:id', { config: access, schema: { hide: true } }, async (req, reply) => renderDetail(req, reply, cidOf(req), intParam((req.params as { id: string }).id)));

  const action = (name: string, run: (o: { cid: number; id: number; body: Record<string, unknown>; req: FastifyRequest }) => Promise<unknown>) => {
    app.post(`/admin/c/:cid/messages/:id/${name}`, { config: access, schema: { hide: true } }, async (req, reply) => {
      const cid = cidOf(req);
      const id = intParam((req.params as { id: string }).id);
      const body = formBody(req);
      try {
        await run({ cid, id, body, req });
      } catch (err) {
        const e = asFormError(err);
        const values = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, str(v)]));
        const fieldErrors: FieldError[] = e.fields ?? [];
        return renderDetail(req, reply, cid, id, { error: e.userMessage, fieldErrors, values, form: name }, e.status);
      }
      return reply.redirect(`/admin/c/${cid}/messages/${id}?done=${name}`, 303);
    });
  };

  action('assign', ({ cid, id, body, req }) => {
    const raw = str(body.assigneeId);
    return assignMessage(ctx, { centerId: cid, messageId: id, assigneeId: raw === '' ? null : Number(raw) || -1, actor: actorOf(req) });
  });
  action('reply', ({ cid, id, body, req }) => replyMessage(ctx, { centerId: cid, messageId: id, reply: str(body.reply), actor: actorOf(req), now: ctx.clock() }));
  action('note', ({ cid, id, body, req }) => annotateMessage(ctx, { centerId: cid, messageId: id, note: str(body.note), actor: actorOf(req), now: ctx.clock() }));
  action('publish', ({ cid, id, body, req }) =>
    publishMessage(ctx, { centerId: cid, messageId: id, input: { publicSubject: str(body.publicSubject), publicQuestion: str(body.publicQuestion), publicReply: str(body.publicReply), isConfirmed: str(body.isConfirmed) === 'on' }, actor: actorOf(req), now: ctx.clock() }),
  );
  action('unpublish', ({ cid, id, req }) => unpublishMessage(ctx, { centerId: cid, messageId: id, actor: actorOf(req) }));
  action('close', ({ cid, id, body, req }) => closeMessage(ctx, { centerId: cid, messageId: id, reason: str(body.reason), actor: actorOf(req) }));
}
