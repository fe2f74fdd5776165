import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendHtml, shellFor } from '../admin/admin.http.tsx';
import { findArticle, findRevision } from '../content/articles.repo.ts';
import type { AppContext } from '../platform/context.ts';
import { notFound, type FieldError } from '../platform/errors.ts';
import { AdminLayout } from '../platform/views/admin-layout.tsx';
import { listRunsOfArticle, listTasksOfRuns } from '../review/review.repo.ts';
import { INSPECTION_LABELS, noticeStateLabel } from './notice-state.ts';
import { FindingList, NoticeForm, valuesOfFacts, type NoticeFormValues } from './notice-form.tsx';
import { findNotice, findProject, type Notice } from './trading.repo.ts';

export type NoticeEditPage = {
  cid: number;
  noticeId: number;
  /** Whether the signed-in user may see and revise this notice (its agent firm, or staff of its center). */
  mayUse: (notice: Notice) => boolean;
  /** Base of the form action: the notice's id is appended. */
  action: string;
  navCurrent: string;
  values?: NoticeFormValues;
  errors?: FieldError[];
};

/**
 * One notice in the back office: state, 巡查 note, the reviewers' last rejection, the automatic findings, and
 * the form for a new version (a draft held back by a rule, a rejected one, or a correction of a published one).
 */
export async function renderNoticeEdit(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, page: NoticeEditPage, status = 200): Promise<FastifyReply> {
  const notice = await findNotice(ctx.db, page.noticeId);
  if (!notice || notice.centerId !== page.cid || !page.mayUse(notice)) throw notFound('公告');
  const article = await findArticle(ctx.db, notice.articleId);
  const rev = article?.currentRevisionId ? await findRevision(ctx.db, article.currentRevisionId) : null;
  const project = await findProject(ctx.db, notice.projectId);
  if (!article || !rev?.fields.notice || !project) throw notFound('公告');
  const runs = await listRunsOfArticle(ctx.db, article.id);
  const rejected = (await listTasksOfRuns(ctx.db, runs.map((r) => r.id))).filter((t) => t.status === 'rejected').sort((a, b) => b.id - a.id)[0];
  const isCorrection = article.status === 'published';
  const canRevise = article.status !== 'withdrawn' && article.reviewState !== 'in_review';
  const values = page.values ?? { ...valuesOfFacts(rev.fields.notice, { title: rev.title, bodyHtml: rev.bodyHtml, projectId: project.id }), attachmentIds: rev.attachmentIds.join(',') };
  const shell = await shellFor(ctx, req, reply, page.cid, page.navCurrent);
  const done = (req.query as { done?: string }).done;
  return sendHtml(
    reply,
    <AdminLayout title={rev.title} shell={shell} error={done === 'draft' ? '公告未通过强制性检查，已保存为草稿。请按下列检查结果修改后重新提交。' : undefined}>
      <dl class="facts">
        <dt>项目</dt>
        <dd>
          {project.projectNo} {project.name}
        </dd>
        <dt>状态</dt>
        <dd>{noticeStateLabel(article)}</dd>
        <dt>巡查</dt>
        <dd>
          {INSPECTION_LABELS[notice.inspectionState]}
          {notice.inspectionNote ? `：${notice.inspectionNote}` : ''}
        </dd>
        {article.reviewState === 'rejected' && rejected ? (
          <>
            <dt>审核退回意见</dt>
            <dd>
              {rejected.stepName}：{rejected.comment}
            </dd>
          </>
        ) : null}
        {article.status === 'published' ? (
          <>
            <dt>公开地址</dt>
            <dd>
              <a href={`/trading/notices/${notice.id}`}>/trading/notices/{notice.id}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <FindingList findings={notice.findings} />
      {canRevise ? (
        <>
          <h2>{isCorrection ? '提交更正版本' : '修改并重新提交'}</h2>
          <NoticeForm action={`${page.action}/${notice.id}`} csrfToken={shell.csrfToken ?? ''} values={values} errors={page.errors} projects={[]} isRevision isCorrection={isCorrection} />
        </>
      ) : null}
    </AdminLayout>,
    status,
  );
}
