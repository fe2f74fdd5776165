import type { FastifyInstance } from 'fastify';
import { asFormError, flashOf, formBody, intParam, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import { listDepartments } from '../centers/centers.repo.ts';
import type { AppContext } from '../platform/context.ts';
import { formatDateTime } from '../platform/dates.ts';
import { AppError } from '../platform/errors.ts';
import { AdminLayout, Csrf, ErrorSummary, SelectField, TextField } from '../platform/views/admin-layout.tsx';
import { listGrantsOfCenter, listUsersOfCenter } from './accounts.repo.ts';
import { isRole, ROLE_LABELS, ROLES } from './accounts.policy.ts';
import { createUser, resetUserAccess, setRole } from './operations/manage-users.ts';
import { actorOf } from './staff-session.ts';

const manage = { access: { kind: 'perm', permission: 'users.manage' } } as const;

export function registerUserPages(app: FastifyInstance, ctx: AppContext): void {
  const render = async (req: Parameters<typeof shellFor>[1], reply: Parameters<typeof shellFor>[2], state?: { error: AppError; values: Record<string, string> }) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const [users, grants, depts] = await Promise.all([listUsersOfCenter(ctx.db, cid), listGrantsOfCenter(ctx.db, cid), listDepartments(ctx.db, cid)]);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/users`);
    const csrf = shell.csrfToken ?? '';
    const now = ctx.clock();
    const v = state?.values ?? {};
    return sendHtml(
      reply,
      <AdminLayout title="账号与角色" shell={shell} flash={flashOf(req)} error={state && !state.error.fields ? state.error.userMessage : undefined}>
        <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
          <table>
            <caption class="sr-only">本中心账号</caption>
            <thead>
              <tr>
                <th scope="col">用户名</th>
                <th scope="col">姓名</th>
                <th scope="col">角色</th>
                <th scope="col">动态口令</th>
                <th scope="col">状态</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => {
                const mine = grants.filter((g) => g.userId === u.id).map((g) => g.role);
                return (
                  <tr key={u.id}>
                    <td>{u.username}</td>
                    <td>{u.displayName}</td>
                    <td>
                      {ROLES.map((r) => (
                        <form key={r} method="post" action={`/admin/c/${cid}/users/${u.id}/roles`} class="inline">
                          <Csrf token={csrf} />
                          <input type="hidden" name="role" value={r} />
                          <input type="hidden" name="grant" value={mine.includes(r) ? '0' : '1'} />
                          <button type="submit" class={mine.includes(r) ? 'chip on' : 'chip'} aria-pressed={mine.includes(r) ? 'true' : 'false'} aria-label={`${u.displayName}：${ROLE_LABELS[r]}`}>
                            {ROLE_LABELS[r]}
                          </button>
                        </form>
                      ))}
                    </td>
                    <td>{u.totpEnabled ? '已绑定' : '未绑定'}</td>
                    <td>{u.lockedUntil && u.lockedUntil > now ? `锁定至 ${formatDateTime(u.lockedUntil)}` : u.isDisabled ? '停用' : '正常'}</td>
                    <td>
                      <form method="post" action={`/admin/c/${cid}/users/${u.id}/reset`} class="inline">
                        <Csrf token={csrf} />
                        <button type="submit" name="totp" value="0">解锁</button>
                        <button type="submit" name="totp" value="1">重置动态口令</button>
                      </form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <h2>新建账号</h2>
        <form method="post" action={`/admin/c/${cid}/users`} class="narrow">
          <ErrorSummary errors={state?.error.fields} />
          <Csrf token={csrf} />
          <TextField name="username" label="用户名" value={v.username} errors={state?.error.fields} isRequired maxLength={32} autocomplete="off" />
          <TextField name="displayName" label="姓名" value={v.displayName} errors={state?.error.fields} isRequired maxLength={40} />
          <SelectField name="departmentId" label="部门" value={v.departmentId} options={[{ value: '', label: '无' }, ...depts.map((d) => ({ value: String(d.id), label: d.name }))]} />
          <TextField name="password" label="初始密码" type="password" errors={state?.error.fields} isRequired hint="至少 10 位，须含字母和数字；用户首次登录后应修改" autocomplete="new-password" />
          <button type="submit">创建</button>
        </form>
      </AdminLayout>,
      state ? state.error.status : 200,
    );
  };

  app.get('/admin/c/:cid/users', { config: manage, schema: { hide: true } }, async (req, reply) => render(req, reply));

  app.post('/admin/c/:cid/users', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const body = formBody(req);
    const values = { username: str(body.username).slice(0, 64), displayName: str(body.displayName).slice(0, 80), departmentId: str(body.departmentId) };
    try {
      const depts = await listDepartments(ctx.db, cid);
      const deptId = depts.find((d) => d.id === Number(values.departmentId))?.id ?? null;
      await createUser(ctx.db, { centerId: cid, actor: actorOf(req), input: { ...values, departmentId: deptId, password: str(body.password).slice(0, 200) } });
      return reply.redirect(`/admin/c/${cid}/users?done=created`, 303);
    } catch (err) {
      return render(req, reply, { error: asFormError(err), values });
    }
  });

  app.post('/admin/c/:cid/users/:uid/roles', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const p = req.params as { cid: string; uid: string };
    const cid = intParam(p.cid);
    const body = formBody(req);
    const role = str(body.role);
    try {
      if (!isRole(role)) throw new AppError('VALIDATION_FAILED', { userMessage: '角色：无效的角色' });
      await setRole(ctx.db, { centerId: cid, userId: intParam(p.uid), role, isGranted: str(body.grant) === '1', actor: actorOf(req) });
      return reply.redirect(`/admin/c/${cid}/users?done=updated`, 303);
    } catch (err) {
      return render(req, reply, { error: asFormError(err), values: {} });
    }
  });

  app.post('/admin/c/:cid/users/:uid/reset', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const p = req.params as { cid: string; uid: string };
    const cid = intParam(p.cid);
    try {
      await resetUserAccess(ctx.db, { centerId: cid, userId: intParam(p.uid), isResettingTotp: str(formBody(req).totp) === '1', actor: actorOf(req) });
      return reply.redirect(`/admin/c/${cid}/users?done=updated`, 303);
    } catch (err) {
      return render(req, reply, { error: asFormError(err), values: {} });
    }
  });
}
