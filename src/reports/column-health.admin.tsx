import type { FastifyInstance } from 'fastify';
import { intParam, sendHtml, shellFor } from '../admin/admin.http.tsx';
import type { AppContext } from '../platform/context.ts';
import { formatDateTime } from '../platform/dates.ts';
import { AdminLayout } from '../platform/views/admin-layout.tsx';
import { siteHealth, type Health, type SiteHealth } from './column-health.ts';
import { listColumnFacts } from './column-health.repo.ts';

const HEALTH_LABELS: Record<Health, string> = { ok: '正常', warn: '即将超期', stale: '未按时更新', blank: '空白栏目' };

export async function loadSiteHealth(ctx: AppContext, cid: number): Promise<SiteHealth> {
  const tree = await ctx.centers.get();
  const facts = await listColumnFacts(ctx.db, cid, tree.subtreeIds(cid).filter((id) => id !== cid));
  return siteHealth(facts, ctx.clock());
}

/** 栏目健康: each column against its update limit, and the site's findings against the veto thresholds. */
export function registerColumnHealth(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin/c/:cid/column-health', { config: { access: { kind: 'perm', permission: 'article.read' } }, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const health = await loadSiteHealth(ctx, cid);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/column-health`);
    return sendHtml(
      reply,
      <AdminLayout title="栏目更新检查" shell={shell}>
        <p>按《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）检查：首页和动态类栏目 2 周内应有更新，通知公告、政策文件类栏目 6 个月内应有更新，不得有空白栏目。提前预警：2 周时限在第 10 天、6 个月时限在第 150 天提示。</p>
        <HealthFindings health={health} />
        <p>首页最近更新：{health.home.lastPublishedAt ? `${formatDateTime(health.home.lastPublishedAt)}（${health.home.daysSince} 天前）` : '从未更新'}</p>
        <div class="table-wrap" tabindex={0} role="region" aria-label="栏目更新情况（可左右滚动）">
          <table>
            <caption class="sr-only">各栏目更新情况</caption>
            <thead>
              <tr>
                <th scope="col">栏目</th>
                <th scope="col">更新要求</th>
                <th scope="col">已发布</th>
                <th scope="col">最近更新</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {health.columns.map((c) => (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td>{c.limit}</td>
                  <td>{c.published}</td>
                  <td>{c.lastPublishedAt ? `${formatDateTime(c.lastPublishedAt)}（${c.daysSince} 天前）` : '—'}</td>
                  <td class={c.health === 'ok' ? '' : c.health === 'warn' ? 'due-soon' : 'overdue'}>{HEALTH_LABELS[c.health]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </AdminLayout>,
    );
  });
}

export function HealthFindings(props: { health: SiteHealth; href?: string }) {
  if (props.health.findings.length === 0) return <p>栏目更新情况正常。</p>;
  return (
    <ul class="findings">
      {props.health.findings.map((f) => (
        <li key={f.id} class={f.level === 'veto' ? 'finding block' : 'finding warn'}>
          <strong>{f.level === 'veto' ? '【单项否决】' : '【预警】'}</strong>
          {f.message}
          {props.href ? (
            <>
              {' '}
              <a href={props.href}>查看</a>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
