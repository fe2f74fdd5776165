import { diffChars } from 'diff';
import type { FastifyInstance } from 'fastify';
import { flashOf, sendHtml, shellFor } from '../admin/admin.http.tsx';
import { listUsersByIds } from '../accounts/accounts.repo.ts';
import { can } from '../accounts/accounts.policy.ts';
import { rolesAt } from '../accounts/staff-session.ts';
import type { AppContext } from '../platform/context.ts';
import { formatDateTime } from '../platform/dates.ts';
import { htmlToText } from '../platform/search/snippet.ts';
import { AdminLayout, Csrf } from '../platform/views/admin-layout.tsx';
import { listRunsOfArticle, listTasksOfRuns } from '../review/review.repo.ts';
import { findAttachments, listRevisions } from './articles.repo.ts';
import { loadOwned } from './articles.admin.tsx';
import { canEditArticle } from './content.policy.ts';
import { REVIEW_LABELS, STATUS_LABELS } from './article-list.admin.tsx';

const read = { access: { kind: 'perm', permission: 'article.read' } } as const;
const TASK_LABELS: Record<string, string> = { pending: '待审核', approved: '通过', rejected: '退回', void: '已作废' };

export function registerArticleDetail(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin/c/:cid/articles/:id', { config: read, schema: { hide: true } }, async (req, reply) => {
    const { cid, article, column } = await loadOwned(ctx, req);
    const [revisions, runs] = await Promise.all([listRevisions(ctx.db, article.id), listRunsOfArticle(ctx.db, article.id)]);
    const tasks = await listTasksOfRuns(ctx.db, runs.map((r) => r.id));
    const people = new Map((await listUsersByIds(ctx.db, Array.from(new Set([...revisions.map((r) => r.authorId), ...tasks.flatMap((t) => [t.actedBy ?? 0, t.claimedBy ?? 0, ...t.assigneeIds])])))).map((u) => [u.id, u.displayName]));
    const working = revisions.find((r) => r.id === article.currentRevisionId);
    const attachments = await findAttachments(ctx.db, working?.attachmentIds ?? []);
    const roles = rolesAt(req, cid);
    const staff = req.staff;
    const canEdit = !!staff && canEditArticle(staff.user, roles, article);
    const isWorking = article.status === 'draft' || article.pendingCorrection;
    const shell = await shellFor(ctx, req, reply, cid, '');
    const csrf = shell.csrfToken ?? '';
    const tree = await ctx.centers.get();
    const base = tree.root.id === cid ? '' : `/c/${tree.byId.get(cid)?.code ?? ''}`;
    return sendHtml(
      reply,
      <AdminLayout title={article.title} shell={shell} flash={flashOf(req)}>
        <dl class="facts">
          <div><dt>栏目</dt><dd>{column.name}</dd></div>
          <div><dt>状态</dt><dd>{STATUS_LABELS[article.status]} {article.pendingCorrection ? '（更正进行中）' : ''} {REVIEW_LABELS[article.reviewState]}</dd></div>
          <div><dt>索引号</dt><dd>{article.indexNo ?? '发布时生成'}</dd></div>
          <div><dt>发布时间</dt><dd>{article.publishedAt ? formatDateTime(article.publishedAt) : '—'}</dd></div>
          {article.goLiveAt ? <div><dt>定时发布</dt><dd>{formatDateTime(article.goLiveAt)}</dd></div> : null}
          {article.isForcePublished ? <div><dt>紧急发布</dt><dd>是</dd></div> : null}
          {article.withdrawReason ? <div><dt>撤稿原因</dt><dd>{article.withdrawReason}</dd></div> : null}
        </dl>
        {article.status === 'published' || article.status === 'withdrawn' ? (
          <p>
            <a href={`${base}/art/${article.id}`}>查看门户页面</a>
          </p>
        ) : null}
        <div class="actions">
          {canEdit && isWorking && article.reviewState !== 'in_review' ? (
            <>
              <a class="button" href={`/admin/c/${cid}/articles/${article.id}/edit`}>编辑</a>
              <form method="post" action={`/admin/c/${cid}/articles/${article.id}/submit`} class="inline">
                <Csrf token={csrf} />
                <input type="hidden" name="lockVersion" value={String(article.lockVersion)} />
                <button type="submit" class="primary">提交审核</button>
              </form>
            </>
          ) : null}
          {canEdit && isWorking && article.reviewState === 'in_review' ? <a class="button" href={`/admin/c/${cid}/articles/${article.id}/edit`}>修改（将作废已有审核意见）</a> : null}
          {canEdit && article.status === 'published' && !article.pendingCorrection ? (
            <form method="post" action={`/admin/c/${cid}/articles/${article.id}/correct`} class="inline">
              <Csrf token={csrf} />
              <input type="hidden" name="lockVersion" value={String(article.lockVersion)} />
              <button type="submit">发起更正</button>
            </form>
          ) : null}
        </div>
        {can(roles, 'article.withdraw') && article.status === 'published' ? (
          <form method="post" action={`/admin/c/${cid}/articles/${article.id}/withdraw`} class="danger-box">
            <Csrf token={csrf} />
            <label for="f-wreason">撤稿理由（将公开显示）</label>
            <input id="f-wreason" name="reason" required maxLength={500} />
            <button type="submit">撤稿</button>
          </form>
        ) : null}
        {can(roles, 'article.force_publish') && isWorking ? (
          <form method="post" action={`/admin/c/${cid}/articles/${article.id}/force-publish`} class="danger-box">
            <Csrf token={csrf} />
            <label for="f-freason">紧急发布理由（舆情应对等，记入审计日志）</label>
            <input id="f-freason" name="reason" required maxLength={500} />
            <button type="submit">紧急发布</button>
          </form>
        ) : null}
        {attachments.length > 0 ? (
          <section>
            <h2>附件</h2>
            <ul>
              {attachments.map((a) => (
                <li key={a.id}>
                  {a.originalName}（{Math.max(1, Math.round(a.sizeBytes / 1024))} KB，SHA-256 {a.sha256.slice(0, 12)}…）
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section>
          <h2>审核记录</h2>
          {runs.length === 0 ? <p class="muted">尚未提交审核。</p> : null}
          {runs.map((run) => (
            <div key={run.id} class="run">
              <h3>
                第 {run.id} 次提交（{run.chainName}，{run.purpose === 'correct' ? '更正' : '发布'}，{formatDateTime(run.createdAt)}）：{{ active: '进行中', approved: '已通过', rejected: '已退回', void: '已作废' }[run.status]}
              </h3>
              <ol>
                {tasks
                  .filter((t) => t.runId === run.id)
                  .map((t) => (
                    <li key={t.id}>
                      {t.stepName}：{TASK_LABELS[t.status]}
                      {t.actedBy ? ` — ${people.get(t.actedBy) ?? ''} ${t.actedAt ? formatDateTime(t.actedAt) : ''}` : ` — 审核人：${t.assigneeIds.map((id) => people.get(id)).join('、')}`}
                      {t.claimedBy && t.status === 'pending' ? `（${people.get(t.claimedBy)} 已领取）` : ''}
                      {t.comment ? <blockquote>{t.comment}</blockquote> : null}
                    </li>
                  ))}
              </ol>
            </div>
          ))}
        </section>
        <section>
          <h2>版本历史</h2>
          <form method="get" action={`/admin/c/${cid}/articles/${article.id}/diff`} class="filters">
            <label for="fa">比较版本</label>
            <select id="fa" name="a">
              {revisions.map((r) => (
                <option key={r.id} value={String(r.revisionNo)} selected={r.revisionNo === Math.max(1, revisions.length - 1)}>
                  修订 {r.revisionNo}
                </option>
              ))}
            </select>
            <label for="fb">与</label>
            <select id="fb" name="b">
              {revisions.map((r) => (
                <option key={r.id} value={String(r.revisionNo)} selected={r.revisionNo === revisions.length}>
                  修订 {r.revisionNo}
                </option>
              ))}
            </select>
            <button type="submit">比较</button>
          </form>
          <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
            <table>
              <caption class="sr-only">版本历史</caption>
              <thead>
                <tr>
                  <th scope="col">修订</th>
                  <th scope="col">保存时间</th>
                  <th scope="col">修改人</th>
                  <th scope="col">发布版本</th>
                  <th scope="col">更正说明</th>
                  <th scope="col">内容指纹</th>
                </tr>
              </thead>
              <tbody>
                {revisions.map((r) => (
                  <tr key={r.id}>
                    <td>{r.revisionNo}</td>
                    <td>{formatDateTime(r.createdAt)}</td>
                    <td>{people.get(r.authorId)}</td>
                    <td>{r.publishedVersionNo ? `第 ${r.publishedVersionNo} 版（${r.publishedAt ? formatDateTime(r.publishedAt) : ''}）` : '—'}</td>
                    <td>{r.correctionNote}</td>
                    <td><code>{r.contentHash.slice(0, 12)}</code></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </AdminLayout>,
    );
  });

  app.get('/admin/c/:cid/articles/:id/diff', { config: read, schema: { hide: true } }, async (req, reply) => {
    const { cid, article } = await loadOwned(ctx, req);
    const q = req.query as { a?: string; b?: string };
    const revisions = await listRevisions(ctx.db, article.id);
    const a = revisions.find((r) => r.revisionNo === Number(q.a)) ?? revisions[0];
    const b = revisions.find((r) => r.revisionNo === Number(q.b)) ?? revisions[revisions.length - 1];
    const asText = (r: typeof a) => (r ? `${r.title}\n\n${r.summary}\n\n${htmlToText(r.bodyHtml)}\n\n${JSON.stringify(r.fields)}\n附件：${r.attachmentIds.join(',')}` : '');
    const parts = diffChars(asText(a), asText(b));
    const shell = await shellFor(ctx, req, reply, cid, '');
    return sendHtml(
      reply,
      <AdminLayout title={`版本比较：修订 ${a?.revisionNo} → 修订 ${b?.revisionNo}`} shell={shell}>
        <p>
          <a href={`/admin/c/${cid}/articles/${article.id}`}>返回稿件详情</a>
        </p>
        <p class="muted">删除的内容以删除线标出，新增的内容以下划线标出。</p>
        <pre class="diff">{parts.map((p, i) => (p.added ? <ins key={i}>{p.value}</ins> : p.removed ? <del key={i}>{p.value}</del> : <span key={i}>{p.value}</span>))}</pre>
      </AdminLayout>,
    );
  });
}
