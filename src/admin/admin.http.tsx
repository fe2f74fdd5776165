import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { can } from '../accounts/accounts.policy.ts';
import type { AppContext } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import type { AdminNavItem, AdminShell } from '../platform/views/admin-layout.tsx';
import { renderDocument } from '../platform/views/render.ts';

/** Builds the back-office shell: the nav shows only what the user's roles at this center allow. */
export async function shellFor(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, cid: number | null, current: string): Promise<AdminShell> {
  const staff = req.staff;
  const csrfToken = reply.generateCsrf();
  if (!staff) return { userName: null, centerName: null, nav: [], csrfToken };
  const tree = await ctx.centers.get();
  const nav: AdminNavItem[] = [{ href: '/admin', label: '我的中心' }, { href: '/admin/password', label: '修改密码' }];
  if (cid !== null) {
    const roles = staff.grants.get(cid);
    const base = `/admin/c/${cid}`;
    nav.push({ href: base, label: '工作台' });
    if (can(roles, 'article.read')) nav.push({ href: `${base}/articles`, label: '稿件' }, { href: `${base}/column-health`, label: '栏目检查' });
    if (can(roles, 'article.read')) nav.push({ href: `${base}/annual-reports`, label: '年度报告' });
    if (can(roles, 'article.read')) nav.push({ href: `${base}/stats/publishing`, label: '发布统计' }, { href: `${base}/stats/website-report`, label: '网站年度报表' }, { href: `${base}/disclosure-tasks`, label: '公开任务' });
    if (can(roles, 'review.act')) nav.push({ href: `${base}/reviews`, label: '待我审核' });
    if (can(roles, 'agent.submit')) nav.push({ href: `${base}/agent/notices`, label: '我的公告' }, { href: `${base}/agent/keys`, label: '接口密钥' });
    if (can(roles, 'dashboard.view')) nav.push({ href: `${base}/trading/projects`, label: '交易项目' }, { href: `${base}/trading/stats`, label: '交易统计' });
    if (can(roles, 'disclosure.handle')) nav.push({ href: `${base}/disclosure`, label: '依申请公开' });
    if (can(roles, 'trading.inspect')) nav.push({ href: `${base}/trading/inspection`, label: '交易巡查' });
    if (can(roles, 'trading.manage')) nav.push({ href: `${base}/trading/policy`, label: '交易规则' }, { href: `${base}/trading/agents`, label: '代理机构' });
    if (can(roles, 'users.manage')) nav.push({ href: `${base}/trading/agent-staff`, label: '代理机构账号' });
    if (can(roles, 'message.handle')) nav.push({ href: `${base}/messages`, label: '互动交流' });
    if (can(roles, 'site.manage')) nav.push({ href: `${base}/site`, label: '站点设置' }, { href: `${base}/columns`, label: '栏目' }, { href: `${base}/review-settings`, label: '审核设置' }, { href: `${base}/error-reports`, label: '网站找错' }, { href: `${base}/message-policy`, label: '留言时限' }, { href: `${base}/surveys`, label: '调查征集' });
    if (can(roles, 'site.manage') && tree.byId.get(cid)?.parentId === null) nav.push({ href: `${base}/calendar`, label: '工作日历' });
    if (can(roles, 'users.manage')) nav.push({ href: `${base}/users`, label: '账号与角色' });
    if (can(roles, 'audit.read')) nav.push({ href: `${base}/audit`, label: '审计日志' });
  }
  for (const n of nav) n.isCurrent = n.href === current;
  return { userName: staff.user.displayName, centerName: cid !== null ? (tree.byId.get(cid)?.name ?? null) : null, nav, csrfToken };
}

export function sendHtml(reply: FastifyReply, tree: VNode, status = 200): FastifyReply {
  return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(renderDocument(tree));
}

/** The POST body of a urlencoded form as a flat record (repeated keys become arrays). */
export function formBody(req: FastifyRequest): Record<string, unknown> {
  const b = req.body;
  return b && typeof b === 'object' ? (b as Record<string, unknown>) : {};
}

/** A 4xx AppError is shown on the form with what the user typed; anything else goes to the error handler. */
export function asFormError(err: unknown): AppError {
  if (err instanceof AppError && err.status < 500) return err;
  throw err;
}

export function str(v: unknown): string {
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '';
}

export function intParam(v: unknown): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0 || n > 2_147_483_647) throw new AppError('NOT_FOUND', { userMessage: '记录不存在' });
  return n;
}

export function flashOf(req: FastifyRequest): string | undefined {
  const f = (req.query as { done?: string }).done;
  return f ? FLASH[f] : undefined;
}

const FLASH: Record<string, string> = {
  saved: '已保存。',
  submitted: '已提交审核。',
  approved: '已通过审核。',
  published: '已审定并发布。',
  scheduled: '已审定，将在定时发布时间自动发布。',
  rejected: '已退回起草人。',
  claimed: '已领取此任务，其他审核人将看到由您处理。',
  withdrawn: '已撤稿。',
  forced: '已紧急发布，并已记录在审计日志中。',
  correction: '已创建更正稿，请修改后写明更正说明并提交审核。',
  created: '已创建。',
  updated: '已更新。',
};
