import type { FastifyInstance } from 'fastify';
import { notFound } from '../platform/errors.ts';
import { renderDocument } from '../platform/views/render.ts';
import { portalGet, type PortalDeps } from '../portal/portal.deps.ts';
import { servePage } from '../portal/portal.http.ts';
import { findPublicProject, listProjectNotices, type PublicProject } from './notices.query.ts';
import { ProjectFactsTable } from './notice-facts.portal.tsx';
import { buildTimeline, ProjectTimeline } from './timeline.portal.tsx';
import { yuan } from './trading.model.ts';
import { idParam, isInPortal, loadTradingPortal, projectHref, statusLabel, TradingLayout } from './trading-parts.portal.tsx';

/** /trading/projects/:id — a project, its lots and its whole timeline with amendment chains. */
export function registerProjectPage(app: FastifyInstance, deps: PortalDeps): void {
  portalGet(app, '/trading/projects/:id', async (req, reply) => {
    const id = idParam(req);
    if (!id) throw notFound('项目');
    return servePage(req, reply, {
      cache: deps.cache,
      render: async () => {
        const portal = await loadTradingPortal(deps, req);
        const now = deps.ctx.clock();
        const project = await findPublicProject(deps.ctx.db, id, now);
        if (!project || !isInPortal(portal, project.centerId)) throw notFound('项目');
        const entries = await listProjectNotices(deps.ctx.db, id, now);
        const base = portal.site.basePath;
        const feed = `${base}/feeds/projects/${id}.atom`;
        return {
          body: renderDocument(
            <TradingLayout portal={portal} meta={{ title: project.name, url: projectHref(base, id), articleTitle: project.name, description: `${project.name}：${statusLabel(project.status)}` }} crumbs={[{ href: `${base}/trading`, label: '交易信息' }, { label: '项目' }]}>
              <h1>{project.name}</h1>
              <p class="project-status">
                项目状态：<strong>{statusLabel(project.status)}</strong> · <a href={feed} type="application/atom+xml">跟踪此项目 (Atom)</a>
                {isAcceptingBids(project, now) ? (
                  <>
                    {' · '}
                    <a href={`${projectHref(base, id)}/documents`}>获取招标文件</a>
                  </>
                ) : null}
              </p>
              <ProjectFactsTable project={project} />
              {project.lots.length > 0 ? (
                <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
                  <table class="data-table">
                    <caption>标段（包）</caption>
                    <thead>
                      <tr>
                        <th scope="col">标段号</th>
                        <th scope="col">名称</th>
                        <th scope="col">预算（元）</th>
                      </tr>
                    </thead>
                    <tbody>
                      {project.lots.map((l) => (
                        <tr key={l.lotNo}>
                          <td>第{l.lotNo}标段</td>
                          <td>{l.name}</td>
                          <td class="num">{yuan(l.budgetFen)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : null}
              <section class="project-timeline" aria-labelledby="timeline-title">
                <h2 id="timeline-title">项目进程（{entries.length} 条公告）</h2>
                <ProjectTimeline nodes={buildTimeline(entries)} basePath={base} headingId="timeline-title" />
              </section>
            </TradingLayout>,
          ),
        };
      },
    });
  });
}

/** Bidders may still obtain the documents: the procedure is open and the deadline has not passed. */
export function isAcceptingBids(project: PublicProject, now: Date): boolean {
  return project.status === 'open' && project.bidDeadline !== null && project.bidDeadline.getTime() > now.getTime();
}
