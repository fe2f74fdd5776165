import { NoticeReviewFacts } from '../trading/notice-review.tsx';
import { findNoticeByArticle } from '../trading/trading.repo.ts';
import type { FastifyInstance } from 'fastify';
import { asFormError, flashOf, formBody, intParam, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import { listUsersByIds } from '../accounts/accounts.repo.ts';
import { actorOf, rolesAt } from '../accounts/staff-session.ts';
import { findArticle, findAttachments, findRevision } from '../content/articles.repo.ts';
import type { AppContext } from '../platform/context.ts';
import { formatDateTime } from '../platform/dates.ts';
import { AppError, notFound } from '../platform/errors.ts';
import { AdminLayout, Csrf } from '../platform/views/admin-layout.tsx';
import { approveReviewTask, claimReviewTask, rejectReviewTask } from './operations/decide-review-task.ts';
import { findTask, listActedTasksBy, listPendingTasksFor } from './review.repo.ts';

const act = { access: { kind: 'perm', permission: 'review.act' } } as const;

export function registerReviewAdmin(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin/c/:cid/reviews', { config: act, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const me = req.staff?.user.id ?? 0;
    const [pending, acted] = await Promise.all([listPendingTasksFor(ctx.db, cid, me), listActedTasksBy(ctx.db, cid, me, 20)]);
    const articles = new Map((await Promise.all([...pending, ...acted].map((t) => findArticle(ctx.db, t.articleId)))).filter((a) => a !== null).map((a) => [a.id, a]));
    const people = new Map((await listUsersByIds(ctx.db, pending.map((t) => t.claimedBy ?? 0))).map((u) => [u.id, u.displayName]));
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/reviews`);
    return sendHtml(
      reply,
      <AdminLayout title="待我审核" shell={shell} flash={flashOf(req)}>
        {pending.length === 0 ? <p>目前没有待您审核的稿件。</p> : null}
        <ul class="tasks">
          {pending.map((t) => (
            <li key={t.id}>
              <a href={`/admin/c/${cid}/reviews/${t.id}`}>{articles.get(t.articleId)?.title}</a> — {t.stepName}，提交于 {formatDateTime(t.createdAt)}
              {t.claimedBy ? <span class="tag">{t.claimedBy === me ? '我已领取' : `${people.get(t.claimedBy) ?? ''} 处理中`}</span> : null}
            </li>
          ))}
        </ul>
        <h2>我最近处理的</h2>
        <ul>
          {acted.map((t) => (
            <li key={t.id}>
              {articles.get(t.articleId)?.title} — {t.stepName}：{t.status === 'approved' ? '通过' : '退回'}（{t.actedAt ? formatDateTime(t.actedAt) : ''}）
            </li>
          ))}
        </ul>
      </AdminLayout>,
    );
  });

  app.get('/admin/c/:cid/reviews/:tid', { config: act, schema: { hide: true } }, async (req, reply) => renderTask(ctx, req, reply));

  app.post('/admin/c/:cid/reviews/:tid/:verdict', { config: act, schema: { hide: true } }, async (req, reply) => {
    const p = req.params as { cid: string; tid: string; verdict: string };
    const cid = intParam(p.cid);
    const taskId = intParam(p.tid);
    const task = await findTask(ctx.db, taskId);
    if (!task || task.centerId !== cid) throw notFound('审核任务');
    const body = formBody(req);
    const reviewer = { userId: req.staff?.user.id ?? 0, roles: rolesAt(req, cid), actor: actorOf(req) };
    try {
      if (p.verdict === 'approve') {
        const r = await approveReviewTask(ctx, { ...reviewer, taskId, revisionHash: str(body.revisionHash), comment: str(body.comment) });
        return reply.redirect(`/admin/c/${cid}/reviews?done=${r.isPublished ? 'published' : r.isScheduled ? 'scheduled' : 'approved'}`, 303);
      }
      if (p.verdict === 'reject') {
        await rejectReviewTask(ctx, { ...reviewer, taskId, revisionHash: str(body.revisionHash), comment: str(body.comment) });
        return reply.redirect(`/admin/c/${cid}/reviews?done=rejected`, 303);
      }
      if (p.verdict === 'claim' || p.verdict === 'release') {
        await claimReviewTask(ctx, { ...reviewer, taskId, isReleasing: p.verdict === 'release' });
        return reply.redirect(`/admin/c/${cid}/reviews/${taskId}?done=${p.verdict === 'claim' ? 'claimed' : 'updated'}`, 303);
      }
      throw notFound('操作');
    } catch (err) {
      const e = asFormError(err);
      return renderTask(ctx, req, reply, { error: e, comment: str(body.comment) });
    }
  });
}

async function renderTask(ctx: AppContext, req: Parameters<typeof shellFor>[1], reply: Parameters<typeof shellFor>[2], state?: { error: AppError; comment: string }) {
  const p = req.params as { cid: string; tid: string };
  const cid = intParam(p.cid);
  const task = await findTask(ctx.db, intParam(p.tid));
  if (!task || task.centerId !== cid) throw notFound('审核任务');
  const article = await findArticle(ctx.db, task.articleId);
  const rev = await findRevision(ctx.db, task.revisionId);
  if (!article || !rev) throw notFound('稿件');
  const attachments = await findAttachments(ctx.db, rev.attachmentIds);
  const notice = rev.fields.notice ? await findNoticeByArticle(ctx.db, article.id) : null;
  const me = req.staff?.user.id ?? 0;
  const shell = await shellFor(ctx, req, reply, cid, '');
  const csrf = shell.csrfToken ?? '';
  const isOpen = task.status === 'pending' && task.assigneeIds.includes(me);
  const claimer = task.claimedBy ? (await listUsersByIds(ctx.db, [task.claimedBy]))[0]?.displayName : null;
  return sendHtml(
    reply,
    <AdminLayout title={`审核：${rev.title}`} shell={shell} flash={flashOf(req)} error={state?.error.userMessage}>
      <p>
        环节：<strong>{task.stepName}</strong>　状态：{task.status === 'pending' ? '待审核' : task.status === 'approved' ? '已通过' : task.status === 'rejected' ? '已退回' : '已作废'}
        {claimer ? `　领取人：${claimer}` : ''}
      </p>
      <p class="muted">
        审核针对修订 {rev.revisionNo}（内容指纹 <code>{rev.contentHash.slice(0, 12)}</code>）。起草人之后的任何修改都会使本次审核作废。
      </p>
      {rev.correctionNote ? <p class="notice-box">更正说明：{rev.correctionNote}</p> : null}
      <article class="review-preview">
        <h2>{rev.title}</h2>
        {rev.summary ? <p class="muted">{rev.summary}</p> : null}
        {rev.fields.notice ? <NoticeReviewFacts facts={rev.fields.notice} findings={notice?.findings ?? []} category={notice?.category ?? 'other'} /> : null}
        <div class="article-body" dangerouslySetInnerHTML={{ __html: rev.bodyHtml }} />
        {attachments.length > 0 ? (
          <ul>
            {attachments.map((a) => (
              <li key={a.id}>附件：{a.originalName}</li>
            ))}
          </ul>
        ) : null}
      </article>
      {isOpen ? (
        <>
          {!task.claimedBy ? (
            <form method="post" action={`/admin/c/${cid}/reviews/${task.id}/claim`} class="inline">
              <Csrf token={csrf} />
              <button type="submit">领取（告知同组其他审核人由我处理）</button>
            </form>
          ) : null}
          <form method="post" action={`/admin/c/${cid}/reviews/${task.id}/approve`} class="verdict">
            <Csrf token={csrf} />
            <input type="hidden" name="revisionHash" value={rev.contentHash} />
            <label for="f-comment-a">审核意见（通过时可选）</label>
            <textarea id="f-comment-a" name="comment" rows={2}>{state?.comment ?? ''}</textarea>
            <button type="submit" class="primary">通过</button>
          </form>
          <form method="post" action={`/admin/c/${cid}/reviews/${task.id}/reject`} class="verdict">
            <Csrf token={csrf} />
            <input type="hidden" name="revisionHash" value={rev.contentHash} />
            <label for="f-comment-r">退回意见（必填）</label>
            <textarea id="f-comment-r" name="comment" rows={3} required>{state?.comment ?? ''}</textarea>
            <button type="submit">退回修改</button>
          </form>
        </>
      ) : null}
      <p>
        <a href={`/admin/c/${cid}/reviews`}>返回待审列表</a>
      </p>
    </AdminLayout>,
    state ? state.error.status : 200,
  );
}
