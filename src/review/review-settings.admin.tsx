import { eq, inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asFormError, flashOf, formBody, intParam, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import { listUsersOfCenter } from '../accounts/accounts.repo.ts';
import { reviewGroupMembers, reviewGroups } from '../accounts/accounts.tables.ts';
import { actorOf } from '../accounts/staff-session.ts';
import { listDepartments } from '../centers/centers.repo.ts';
import type { AppContext } from '../platform/context.ts';
import type { AppError } from '../platform/errors.ts';
import { AdminLayout, Csrf, ErrorSummary } from '../platform/views/admin-layout.tsx';
import { MAX_STEPS, saveChain, setDepartmentPeople, setGroupMembers } from './operations/configure-review.ts';
import { listChains } from './review.repo.ts';
import type { StepAssignee } from './review.tables.ts';

const manage = { access: { kind: 'perm', permission: 'site.manage' } } as const;

function assigneeValue(a: StepAssignee): string {
  return a.kind === 'group' ? `group:${a.groupId}` : a.kind === 'role' ? `role:${a.role}` : a.kind;
}

/** The system admin configures review chains (1 to N steps), department heads and leaders, and groups. */
export function registerReviewSettings(app: FastifyInstance, ctx: AppContext): void {
  const render = async (req: FastifyRequest, reply: FastifyReply, state?: { error: AppError; chainId: number | null; values: Record<string, unknown> }) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const [chains, depts, users, groups] = await Promise.all([listChains(ctx.db, cid), listDepartments(ctx.db, cid), listUsersOfCenter(ctx.db, cid), ctx.db.select().from(reviewGroups).where(eq(reviewGroups.centerId, cid))]);
    const members = groups.length ? await ctx.db.select().from(reviewGroupMembers).where(inArray(reviewGroupMembers.groupId, groups.map((g) => g.id))) : [];
    const tree = await ctx.centers.get();
    const defaultId = tree.byId.get(cid)?.defaultChainId;
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/review-settings`);
    const csrf = shell.csrfToken ?? '';
    const options = [
      { value: 'drafter_dept_head', label: '起草部门负责人' },
      { value: 'dept_leader', label: '起草部门的分管领导' },
      ...groups.map((g) => ({ value: `group:${g.id}`, label: `审核组：${g.name}` })),
      { value: 'role:reviewer', label: '任一审核人' },
    ];
    const userOptions = [{ value: '', label: '（未设置）' }, ...users.map((u) => ({ value: String(u.id), label: u.displayName }))];
    const chainForm = (id: number | null, name: string, steps: { name: string; assignee: StepAssignee }[]) => {
      const isErr = state && state.chainId === id;
      const v = (k: string, fallback: string) => (isErr ? str(state.values[k]) : fallback);
      return (
        <form method="post" action={`/admin/c/${cid}/review-settings/chains${id ? `/${id}` : ''}`} class="chain-form" key={id ?? 'new'}>
          {isErr ? <ErrorSummary errors={state.error.fields} /> : null}
          <Csrf token={csrf} />
          <div class="field">
            <label for={`cn-${id ?? 'new'}`}>流程名称</label>
            <input id={`cn-${id ?? 'new'}`} name="name" value={v('name', name)} maxLength={40} />
          </div>
          <table>
            <caption class="sr-only">{name || '新流程'}的步骤</caption>
            <thead>
              <tr>
                <th scope="col">步骤</th>
                <th scope="col">名称</th>
                <th scope="col">审核人</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: MAX_STEPS }, (_, i) => {
                const s = steps[i];
                const selected = v(`step${i + 1}_assignee`, s ? assigneeValue(s.assignee) : '');
                return (
                  <tr key={i}>
                    <td>{i + 1}</td>
                    <td>
                      <input name={`step${i + 1}_name`} value={v(`step${i + 1}_name`, s?.name ?? '')} maxLength={40} aria-label={`第 ${i + 1} 步名称`} />
                    </td>
                    <td>
                      <select name={`step${i + 1}_assignee`} aria-label={`第 ${i + 1} 步审核人`}>
                        <option value="">（不使用）</option>
                        {options.map((o) => (
                          <option key={o.value} value={o.value} selected={o.value === selected}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div class="field checkbox">
            <input id={`cd-${id ?? 'new'}`} type="checkbox" name="isDefault" checked={id !== null && id === defaultId} />
            <label for={`cd-${id ?? 'new'}`}>设为本中心默认流程</label>
          </div>
          <button type="submit">{id ? '保存流程' : '新建流程'}</button>
        </form>
      );
    };
    return sendHtml(
      reply,
      <AdminLayout title="审核设置" shell={shell} flash={flashOf(req)} error={state && !state.error.fields ? state.error.userMessage : undefined}>
        <h2>审核流程</h2>
        <p class="muted">每个流程 1 至 {MAX_STEPS} 步，按顺序审核；留空的步骤不使用。修改流程不影响已在审核中的稿件。</p>
        {chains.map((c) => chainForm(c.id, c.name, c.steps))}
        <h3>新建流程</h3>
        {chainForm(null, '', [])}
        <h2>部门负责人与分管领导</h2>
        {depts.map((d) => (
          <form key={d.id} method="post" action={`/admin/c/${cid}/review-settings/departments/${d.id}`} class="filters">
            <Csrf token={csrf} />
            <strong>{d.name}</strong>
            <label for={`dh-${d.id}`}>负责人</label>
            <select id={`dh-${d.id}`} name="headUserId">
              {userOptions.map((o) => (
                <option key={o.value} value={o.value} selected={o.value === String(d.headUserId ?? '')}>
                  {o.label}
                </option>
              ))}
            </select>
            <label for={`dl-${d.id}`}>分管领导</label>
            <select id={`dl-${d.id}`} name="leaderUserId">
              {userOptions.map((o) => (
                <option key={o.value} value={o.value} selected={o.value === String(d.leaderUserId ?? '')}>
                  {o.label}
                </option>
              ))}
            </select>
            <button type="submit">保存</button>
          </form>
        ))}
        <h2>审核组</h2>
        {groups.map((g) => (
          <form key={g.id} method="post" action={`/admin/c/${cid}/review-settings/groups/${g.id}`}>
            <Csrf token={csrf} />
            <fieldset>
              <legend>{g.name}</legend>
              {users.map((u) => (
                <span key={u.id} class="checkbox-inline">
                  <input type="checkbox" id={`g${g.id}-u${u.id}`} name="userIds" value={String(u.id)} checked={members.some((m) => m.groupId === g.id && m.userId === u.id)} />
                  <label for={`g${g.id}-u${u.id}`}>{u.displayName}</label>
                </span>
              ))}
              <button type="submit">保存成员</button>
            </fieldset>
          </form>
        ))}
      </AdminLayout>,
      state ? state.error.status : 200,
    );
  };

  app.get('/admin/c/:cid/review-settings', { config: manage, schema: { hide: true } }, async (req, reply) => render(req, reply));

  const chainPost = async (req: FastifyRequest, reply: FastifyReply, chainId: number | null) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const raw = formBody(req);
    try {
      await saveChain(ctx, { centerId: cid, chainId, raw, actor: actorOf(req) });
      ctx.centers.invalidate();
      return reply.redirect(`/admin/c/${cid}/review-settings?done=updated`, 303);
    } catch (err) {
      return render(req, reply, { error: asFormError(err), chainId, values: raw });
    }
  };
  app.post('/admin/c/:cid/review-settings/chains', { config: manage, schema: { hide: true } }, async (req, reply) => chainPost(req, reply, null));
  app.post('/admin/c/:cid/review-settings/chains/:id', { config: manage, schema: { hide: true } }, async (req, reply) => chainPost(req, reply, intParam((req.params as { id: string }).id)));

  app.post('/admin/c/:cid/review-settings/departments/:id', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const p = req.params as { cid: string; id: string };
    const cid = intParam(p.cid);
    const body = formBody(req);
    const idOrNull = (v: unknown) => (Number(str(v)) > 0 ? Number(str(v)) : null);
    try {
      await setDepartmentPeople(ctx, { centerId: cid, departmentId: intParam(p.id), headUserId: idOrNull(body.headUserId), leaderUserId: idOrNull(body.leaderUserId), actor: actorOf(req) });
      return reply.redirect(`/admin/c/${cid}/review-settings?done=updated`, 303);
    } catch (err) {
      return render(req, reply, { error: asFormError(err), chainId: -1, values: {} });
    }
  });

  app.post('/admin/c/:cid/review-settings/groups/:id', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const p = req.params as { cid: string; id: string };
    const cid = intParam(p.cid);
    const raw = formBody(req).userIds;
    const ids = (Array.isArray(raw) ? raw : [raw]).map((x) => Number(x)).filter((n) => Number.isInteger(n) && n > 0);
    await setGroupMembers(ctx, { centerId: cid, groupId: intParam(p.id), userIds: ids, actor: actorOf(req) });
    return reply.redirect(`/admin/c/${cid}/review-settings?done=updated`, 303);
  });
}
