import { HealthFindings, loadSiteHealth } from '../reports/column-health.admin.tsx';
import { addWorkingDays } from '../calendar/working-days.ts';
import { countOpenByUrgency } from '../disclosure/disclosure.repo.ts';
import { REMIND_DAYS_BEFORE } from '../disclosure/disclosure.jobs.ts';
import type { FastifyInstance } from 'fastify';
import { ROLE_LABELS, can } from '../accounts/accounts.policy.ts';
import { rolesAt } from '../accounts/staff-session.ts';
import { listForAdmin } from '../content/articles.repo.ts';
import type { AppContext } from '../platform/context.ts';
import { AdminLayout } from '../platform/views/admin-layout.tsx';
import { listPendingTasksFor } from '../review/review.repo.ts';
import { formatDate, formatDateTime } from '../platform/dates.ts';
import { countInspection } from '../trading/trading.repo.ts';
import { overdueTasksLine } from '../reports/tasks/disclosure-tasks.admin.tsx';
import { flashOf, intParam, sendHtml, shellFor } from './admin.http.tsx';

export function registerDashboard(app: FastifyInstance, ctx: AppContext): void {
  app.get('/admin', { config: { access: { kind: 'staff' } }, schema: { hide: true } }, async (req, reply) => {
    const staff = req.staff;
    const tree = await ctx.centers.get();
    const centers = Array.from(staff?.grants ?? []).map(([cid, roles]) => ({ center: tree.byId.get(cid), roles }));
    // An agent firm's staff land on their notices; they have no center dashboard.
    const home = (cid: number, roles: ReadonlySet<string>) => (roles.size === 1 && roles.has('agent') ? `/admin/c/${cid}/agent/notices` : `/admin/c/${cid}`);
    if (centers.length === 1 && centers[0]?.center) return reply.redirect(home(centers[0].center.id, centers[0].roles), 303);
    const shell = await shellFor(ctx, req, reply, null, '/admin');
    return sendHtml(
      reply,
      <AdminLayout title="我的中心" shell={shell}>
        {centers.length === 0 ? <p>您的账号尚未在任何中心获得角色，请联系安全管理员。</p> : null}
        <ul>
          {centers.map(({ center, roles }) =>
            center ? (
              <li key={center.id}>
                <a href={home(center.id, roles)}>{center.name}</a>（{Array.from(roles).map((r) => ROLE_LABELS[r]).join('、')}）
              </li>
            ) : null,
          )}
        </ul>
      </AdminLayout>,
    );
  });

  app.get('/admin/c/:cid', { config: { access: { kind: 'perm', permission: 'dashboard.view' } }, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const roles = rolesAt(req, cid);
    const me = req.staff?.user.id ?? 0;
    const [tasks, mine, patrol] = await Promise.all([
      can(roles, 'review.act') ? listPendingTasksFor(ctx.db, cid, me) : Promise.resolve([]),
      can(roles, 'article.edit') ? listForAdmin(ctx.db, { centerId: cid, authorId: me, limit: 10, offset: 0 }) : Promise.resolve([]),
      can(roles, 'trading.inspect') ? countInspection(ctx.db, cid) : Promise.resolve(null),
    ]);
    const disclosure = can(roles, 'disclosure.handle') ? await disclosureUrgency(ctx, cid) : null;
    const health = can(roles, 'article.read') ? await loadSiteHealth(ctx, cid) : null;
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}`);
    return sendHtml(
      reply,
      <AdminLayout title="工作台" shell={shell} flash={flashOf(req)}>
        <p>您在本中心的角色：{Array.from(roles ?? []).map((r) => ROLE_LABELS[r]).join('、')}</p>
        {can(roles, 'review.act') ? (
          <p>
            <a href={`/admin/c/${cid}/reviews`}>待我审核：{tasks.length} 件</a>
          </p>
        ) : null}
        {patrol ? (
          <p>
            <a href={`/admin/c/${cid}/trading/inspection`}>
              交易公告待巡查：{patrol.pending} 条{patrol.oldestAt ? `（最早发布于 ${formatDateTime(patrol.oldestAt)}）` : ''}
            </a>
          </p>
        ) : null}
        {can(roles, 'site.manage') ? await overdueTasksLine(ctx, cid) : null}
        {health && health.findings.length > 0 ? (
          <section aria-labelledby="health-title">
            <h2 id="health-title">栏目更新预警</h2>
            <HealthFindings health={health} href={`/admin/c/${cid}/column-health`} />
          </section>
        ) : null}
        {disclosure ? (
          <p>
            <a href={`/admin/c/${cid}/disclosure`}>
              依申请公开办理中：{disclosure.open} 件{disclosure.overdue ? `，其中已超期 ${disclosure.overdue} 件` : ''}{disclosure.dueSoon ? `，${REMIND_DAYS_BEFORE} 个工作日内到期 ${disclosure.dueSoon} 件` : ''}
            </a>
          </p>
        ) : null}
        {can(roles, 'article.edit') ? (
          <section>
            <h2>我最近的稿件</h2>
            <p>
              <a class="button primary" href={`/admin/c/${cid}/articles/new`}>起草新稿件</a>
            </p>
            <ul>
              {mine.map((a) => (
                <li key={a.id}>
                  <a href={`/admin/c/${cid}/articles/${a.id}`}>{a.title}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </AdminLayout>,
    );
  });
}

async function disclosureUrgency(ctx: AppContext, cid: number) {
  const cal = await ctx.calendar.get();
  const today = formatDate(ctx.clock());
  return countOpenByUrgency(ctx.db, cid, today, addWorkingDays(cal, today, REMIND_DAYS_BEFORE).date);
}
