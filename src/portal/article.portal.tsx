import type { FastifyInstance } from 'fastify';
import { AttachmentList } from '../platform/views/attachment-list.tsx';
import { noticeIdForArticle } from '../trading/notices.query.ts';
import { findArticle, findAttachments, findRevision, listInterpretationsOf, listPublishedVersions } from '../content/articles.repo.ts';
import { findColumn } from '../content/columns.repo.ts';
import { GUIDE_FIELDS, FIELD_LABELS, VALIDITY_LABELS } from '../content/content.schema.ts';
import { formatDate, formatDateTime } from '../platform/dates.ts';
import { notFound } from '../platform/errors.ts';
import { renderDocument } from '../platform/views/render.ts';
import { PortalLayout } from '../platform/views/portal-layout.tsx';
import { listLogEntriesOfItem } from '../publishing/publication-log.ts';
import { isElderMode, servePage } from './portal.http.ts';
import { codeOf, portalGet, type PortalDeps } from './portal.deps.ts';
import { getPortalSite } from './portal.service.ts';

export function registerArticlePage(app: FastifyInstance, deps: PortalDeps): void {
  portalGet(app, '/art/:id', async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw notFound('信息');
    // A trading notice rides on an article; its page is the notice page.
    const noticeId = await noticeIdForArticle(deps.ctx.db, id);
    if (noticeId) return reply.redirect(`${codeOf(req) ? `/c/${codeOf(req)}` : ''}/trading/notices/${noticeId}`, 301);
    return servePage(req, reply, {
      cache: deps.cache,
      views: deps.views,
      render: async () => {
        const portal = await getPortalSite(deps.ctx, codeOf(req));
        const article = await findArticle(deps.ctx.db, id);
        const tree = await deps.ctx.centers.get();
        const isVisible = article && ['published', 'withdrawn', 'expired'].includes(article.status) && tree.subtreeIds(portal.center.id).includes(article.centerId);
        if (!article || !isVisible || !article.publishedRevisionId) throw notFound('信息');
        const { site, nav } = portal;
        const column = await findColumn(deps.ctx.db, article.columnId);
        const url = `${site.basePath}/art/${article.id}`;
        const meta = { title: article.title, url, columnName: column?.name ?? '', columnType: column?.columnType ?? '', articleTitle: article.title, pubDate: article.publishedAt ? formatDateTime(article.publishedAt) : '', contentSource: article.publisher };
        if (article.status !== 'published') {
          return {
            status: 410,
            body: renderDocument(
              <PortalLayout site={site} nav={nav} isElder={isElderMode(req)} meta={meta}>
                <h1>{article.title}</h1>
                <p class="notice-box" role="status">
                  本信息已于 {article.withdrawnAt ? formatDateTime(article.withdrawnAt) : ''} {article.status === 'expired' ? '到期下线' : '撤稿'}。{article.withdrawReason ? `原因：${article.withdrawReason}` : ''}
                </p>
                <p>
                  原发布时间：{article.publishedAt ? formatDateTime(article.publishedAt) : ''}　索引号：{article.indexNo}
                </p>
              </PortalLayout>,
            ),
          };
        }
        const rev = await findRevision(deps.ctx.db, article.publishedRevisionId ?? 0);
        if (!rev) throw notFound('信息');
        const [attachments, versions, interpretations, logEntries] = await Promise.all([
          findAttachments(deps.ctx.db, rev.attachmentIds),
          listPublishedVersions(deps.ctx.db, article.id),
          column?.kind === 'policy' ? listInterpretationsOf(deps.ctx.db, article.id) : Promise.resolve([]),
          listLogEntriesOfItem(deps.ctx.db, 'article', article.id),
        ]);
        const policy = rev.fields.policyArticleId ? await findArticle(deps.ctx.db, rev.fields.policyArticleId) : null;
        const corrections = versions.filter((v) => v.correctionNote);
        const f = rev.fields;
        const source = tree.byId.get(article.centerId);
        return {
          view: { centerId: article.centerId, columnId: article.columnId, articleId: article.id },
          body: renderDocument(
            <PortalLayout site={site} nav={nav} isElder={isElderMode(req)} currentSlug={column?.slug} meta={{ ...meta, description: rev.summary || article.title, keywords: column?.name ?? '', author: rev.source || article.publisher }}>
              <nav class="breadcrumb" aria-label="当前位置">
                <a href={`${site.basePath}/`}>首页</a> › {column ? <a href={`${site.basePath}/col/${column.slug}`}>{column.name}</a> : null} › <span aria-current="page">正文</span>
              </nav>
              <article class="article">
                <h1>{rev.title}</h1>
                <dl class="article-meta">
                  <div><dt>索引号</dt><dd>{article.indexNo}</dd></div>
                  <div><dt>发布机构</dt><dd>{article.publisher}</dd></div>
                  <div><dt>发布时间</dt><dd><time dateTime={article.publishedAt?.toISOString()}>{article.publishedAt ? formatDateTime(article.publishedAt) : ''}</time></dd></div>
                  {article.formedOn ? <div><dt>生成日期</dt><dd>{article.formedOn}</dd></div> : null}
                  {rev.source ? <div><dt>来源</dt><dd>{rev.source}</dd></div> : null}
                  {source && source.id !== portal.center.id ? <div><dt>所属中心</dt><dd>{source.name}</dd></div> : null}
                  <div><dt>浏览次数</dt><dd>{article.viewCount}</dd></div>
                </dl>
                {article.isForcePublished ? <p class="notice-box">本信息经紧急发布程序发布。</p> : null}
                {corrections.length > 0 ? (
                  <section class="corrections" aria-labelledby="corr-title">
                    <h2 id="corr-title">更正说明</h2>
                    <ul>
                      {corrections.map((v) => (
                        <li key={v.id}>
                          <time dateTime={v.publishedAt?.toISOString()}>{v.publishedAt ? formatDateTime(v.publishedAt) : ''}</time> 更正（第 {v.publishedVersionNo} 版）：{v.correctionNote}
                        </li>
                      ))}
                    </ul>
                  </section>
                ) : null}
                {column?.kind === 'policy' ? (
                  <dl class="facts">
                    <div><dt>文号</dt><dd>{f.docNo}</dd></div>
                    <div><dt>发文机关</dt><dd>{f.issuingBody}</dd></div>
                    <div><dt>成文日期</dt><dd>{f.issuedOn}</dd></div>
                    {f.effectiveOn ? <div><dt>施行日期</dt><dd>{f.effectiveOn}</dd></div> : null}
                    {f.repealedOn ? <div><dt>废止日期</dt><dd>{f.repealedOn}</dd></div> : null}
                    <div><dt>效力状态</dt><dd class={`validity-${f.validity ?? 'in_force'}`}>{VALIDITY_LABELS[f.validity ?? 'in_force']}</dd></div>
                  </dl>
                ) : null}
                {column?.kind === 'service_guide' ? (
                  <dl class="facts guide">
                    {GUIDE_FIELDS.map((k) => (
                      <div key={k}>
                        <dt>{FIELD_LABELS[k]}</dt>
                        <dd>{f[k]}</dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
                <div class="article-body" dangerouslySetInnerHTML={{ __html: rev.bodyHtml }} />
                {policy && policy.status === 'published' ? (
                  <p class="related">
                    本文解读的政策文件：<a href={`${site.basePath}/art/${policy.id}`}>{policy.title}</a>
                  </p>
                ) : null}
                {interpretations.length > 0 ? (
                  <section class="related" aria-labelledby="interp-title">
                    <h2 id="interp-title">相关解读</h2>
                    <ul>
                      {interpretations.map((i) => (
                        <li key={i.id}>
                          <a href={`${site.basePath}/art/${i.id}`}>{i.title}</a>
                        </li>
                      ))}
                    </ul>
                  </section>
                ) : null}
                <AttachmentList attachments={attachments} />
                {logEntries.length > 0 ? (
                  <p class="muted log-ref">
                    发布记录：{logEntries.map((e) => `#${e.seq}（${e.action === 'publish' ? '发布' : e.action === 'correct' ? '更正' : e.action}，${formatDate(e.createdAt)}）`).join('；')} · <a href={`/transparency?item=article:${article.id}`}>校验</a>
                  </p>
                ) : null}
              </article>
            </PortalLayout>,
          ),
        };
      },
    });
  });
}
