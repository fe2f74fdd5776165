import type { FastifyInstance } from 'fastify';
import { AttachmentList } from '../platform/views/attachment-list.tsx';
import { findAttachments, listPublishedVersions } from '../content/articles.repo.ts';
import { formatDateTime } from '../platform/dates.ts';
import { notFound } from '../platform/errors.ts';
import { renderDocument } from '../platform/views/render.ts';
import { portalGet, type PortalDeps } from '../portal/portal.deps.ts';
import { servePage } from '../portal/portal.http.ts';
import { findPublicNotice, findPublicProject, listProjectNotices } from './notices.query.ts';
import { CandidatesTables, NoticeFactsTable } from './notice-facts.portal.tsx';
import { isAcceptingBids } from './project.portal.tsx';
import { buildTimeline, ProjectTimeline } from './timeline.portal.tsx';
import { idParam, isInPortal, loadTradingPortal, noticeHref, projectHref, Time, TradingLayout, TypeBadge, typeLabel } from './trading-parts.portal.tsx';

/** /trading/notices/:id — one notice: its facts, body, attachments, corrections, amendments and the project's timeline. */
export function registerNoticePage(app: FastifyInstance, deps: PortalDeps): void {
  portalGet(app, '/trading/notices/:id', async (req, reply) => {
    const id = idParam(req);
    if (!id) throw notFound('公告');
    return servePage(req, reply, {
      cache: deps.cache,
      views: deps.views,
      render: async () => {
        const portal = await loadTradingPortal(deps, req);
        const db = deps.ctx.db;
        const now = deps.ctx.clock();
        const notice = await findPublicNotice(db, id, now);
        if (!notice || !isInPortal(portal, notice.centerId)) throw notFound('公告');
        const base = portal.site.basePath;
        const meta = { title: notice.title, url: noticeHref(base, id), articleTitle: notice.title, pubDate: formatDateTime(notice.publishedAt), contentSource: notice.publisher };
        const crumbs = [{ href: `${base}/trading`, label: '交易信息' }, { label: '公告' }];
        const rev = notice.revision;
        if (!rev) {
          return {
            status: 410,
            body: renderDocument(
              <TradingLayout portal={portal} meta={meta} crumbs={crumbs}>
                <h1>{notice.title}</h1>
                <p class="notice-box" role="status">
                  本公告已于 <Time at={notice.withdrawnAt} /> {notice.status === 'expired' ? '到期下线' : '撤回'}。{notice.withdrawReason ? `原因：${notice.withdrawReason}` : ''}
                </p>
                <p>
                  原发布时间：<Time at={notice.publishedAt} />
                </p>
              </TradingLayout>,
            ),
          };
        }
        const [project, entries, attachments, versions] = await Promise.all([
          findPublicProject(db, notice.projectId, now),
          listProjectNotices(db, notice.projectId, now),
          findAttachments(db, rev.attachmentIds),
          listPublishedVersions(db, notice.articleId),
        ]);
        const corrections = versions.filter((v) => v.correctionNote);
        const amended = notice.amendsNoticeId ? (entries.find((e) => e.id === notice.amendsNoticeId) ?? null) : null;
        const amendments = entries.filter((e) => e.amendsNoticeId === notice.id);
        const source = portal.tree.byId.get(notice.centerId);
        return {
          view: { centerId: notice.centerId, columnId: notice.columnId, articleId: notice.articleId },
          body: renderDocument(
            <TradingLayout portal={portal} meta={{ ...meta, description: rev.summary || notice.title, keywords: typeLabel(notice.type) }} crumbs={crumbs}>
              <article class="article notice">
                <p class="notice-type">
                  <TypeBadge type={notice.type} /> {typeLabel(notice.type)}
                </p>
                <h1>{rev.title}</h1>
                <dl class="article-meta">
                  <div><dt>发布时间</dt><dd><Time at={notice.publishedAt} /></dd></div>
                  <div><dt>发布单位</dt><dd>{notice.publisher}</dd></div>
                  {notice.indexNo ? <div><dt>索引号</dt><dd>{notice.indexNo}</dd></div> : null}
                  {source ? <div><dt>交易中心</dt><dd>{source.name}</dd></div> : null}
                </dl>
                {amendments.length > 0 ? (
                  <section class="notice-box" aria-labelledby="amended-by">
                    <h2 id="amended-by">本公告已有变更</h2>
                    <ul>
                      {amendments.map((a) => (
                        <li key={a.id}>
                          <Time at={a.publishedAt} /> <a href={noticeHref(base, a.id)}>{a.title}</a>
                          {a.facts?.changeSummary ? `：${a.facts.changeSummary}` : ''}
                        </li>
                      ))}
                    </ul>
                  </section>
                ) : null}
                {amended ? (
                  <p class="related">
                    本公告变更的公告：<a href={noticeHref(base, amended.id)}>{amended.title}</a>
                  </p>
                ) : null}
                {corrections.length > 0 ? (
                  <section class="corrections" aria-labelledby="corr-title">
                    <h2 id="corr-title">更正说明</h2>
                    <ul>
                      {corrections.map((v) => (
                        <li key={v.id}>
                          <Time at={v.publishedAt} /> 更正（第 {v.publishedVersionNo} 版）：{v.correctionNote}
                        </li>
                      ))}
                    </ul>
                  </section>
                ) : null}
                <NoticeFactsTable notice={notice} facts={rev.facts} project={project} amended={amended} basePath={base} />
                <CandidatesTables facts={rev.facts} category={notice.category} />
                <div class="article-body" dangerouslySetInnerHTML={{ __html: rev.bodyHtml }} />
                <AttachmentList attachments={attachments} />
              </article>
              <section class="project-timeline" aria-labelledby="timeline-title">
                <h2 id="timeline-title">项目进程</h2>
                {project ? (
                  <p>
                    <a href={projectHref(base, project.id)}>{project.name}</a> · <a href={`${base}/feeds/projects/${project.id}.atom`} type="application/atom+xml">跟踪此项目 (Atom)</a>
                    {isAcceptingBids(project, now) ? (
                      <>
                        {' · '}
                        <a href={`${projectHref(base, project.id)}/documents`}>获取招标文件</a>
                      </>
                    ) : null}
                  </p>
                ) : null}
                <ProjectTimeline nodes={buildTimeline(entries)} basePath={base} currentNoticeId={notice.id} headingId="timeline-title" />
              </section>
            </TradingLayout>,
          ),
        };
      },
    });
  });
}
