import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asFormError, formBody, intParam, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import { actorOf } from '../accounts/staff-session.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { AppContext } from '../platform/context.ts';
import type { FieldError } from '../platform/errors.ts';
import { AdminLayout, Csrf, ErrorSummary, TextField } from '../platform/views/admin-layout.tsx';
import { RULE_CATALOG } from './checks/run-checks.ts';
import { createAgentStaff, registerAgentFirm, updateAgentFirmSettings } from './operations/manage-agents.ts';
import { CATEGORIES, CATEGORY_LABELS } from './trading.model.ts';
import { INSPECTION_MODE_LABELS, resolvePolicy, type InspectionMode } from './trading-policy.ts';
import { listAgentFirms, upsertPolicy } from './trading.repo.ts';

const manage = { access: { kind: 'perm', permission: 'trading.manage' } } as const;
const SEVERITY_LABELS = { block: '阻止发布', warn: '仅提示', off: '不检查' } as const;

/** Center policy per category (inspection mode, rule severities) and the register of agent firms. */
export function registerTradingSettings(app: FastifyInstance, ctx: AppContext): void {
  const cidOf = (req: FastifyRequest) => intParam((req.params as { cid: string }).cid);

  app.get('/admin/c/:cid/trading/policy', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const policies = await Promise.all(CATEGORIES.map(async (c) => ({ category: c, policy: await resolvePolicy(ctx.db, cid, c) })));
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/trading/policy`);
    const token = shell.csrfToken ?? '';
    return sendHtml(
      reply,
      <AdminLayout title="交易规则设置" shell={shell} flash={(req.query as { done?: string }).done ? '已保存。' : undefined}>
        <p>按交易类别设置代理机构公告的发布方式，以及每条自动检查规则是阻止发布还是仅提示。</p>
        {policies.map(({ category, policy }) => (
          <form method="post" action={`/admin/c/${cid}/trading/policy/${category}`} key={category} class="policy-form">
            <h2>{CATEGORY_LABELS[category]}</h2>
            <Csrf token={token} />
            <fieldset>
              <legend>发布方式</legend>
              {(Object.keys(INSPECTION_MODE_LABELS) as InspectionMode[]).map((m) => (
                <label key={m} class="radio">
                  <input type="radio" name="inspectionMode" value={m} checked={policy.inspectionMode === m} /> {INSPECTION_MODE_LABELS[m]}
                </label>
              ))}
            </fieldset>
            <table>
              <caption>自动检查规则</caption>
              <thead>
                <tr>
                  <th scope="col">规则</th>
                  <th scope="col">依据</th>
                  <th scope="col">处理</th>
                </tr>
              </thead>
              <tbody>
                {RULE_CATALOG.map((r) => (
                  <tr key={r.id}>
                    <td>{r.label}</td>
                    <td>{r.citation || '平台一致性规则'}</td>
                    <td>
                      <select name={`rule.${r.id}`} aria-label={`${CATEGORY_LABELS[category]}：${r.label}的处理方式`}>
                        {(['block', 'warn', 'off'] as const).map((s) => (
                          <option key={s} value={s} selected={(policy.ruleSeverity[r.id] ?? r.defaultSeverity) === s}>
                            {SEVERITY_LABELS[s]}
                            {s === r.defaultSeverity ? '（默认）' : ''}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="submit">保存{CATEGORY_LABELS[category]}设置</button>
          </form>
        ))}
      </AdminLayout>,
    );
  });

  app.post('/admin/c/:cid/trading/policy/:category', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const category = CATEGORIES.find((c) => c === (req.params as { category: string }).category);
    if (!category) return reply.redirect(`/admin/c/${cid}/trading/policy`, 303);
    const body = formBody(req);
    const mode: InspectionMode = str(body.inspectionMode) === 'publish_then_inspect' ? 'publish_then_inspect' : 'review_first';
    const ruleSeverity: Record<string, 'block' | 'warn' | 'off'> = {};
    for (const r of RULE_CATALOG) {
      const v = str(body[`rule.${r.id}`]);
      if ((v === 'block' || v === 'warn' || v === 'off') && v !== r.defaultSeverity) ruleSeverity[r.id] = v;
    }
    await ctx.db.transaction(async (tx) => {
      await upsertPolicy(tx, { centerId: cid, category, inspectionMode: mode, ruleSeverity });
      await recordAudit(tx, actorOf(req), { action: 'trading.policy_update', centerId: cid, targetType: 'trading_policy', targetId: category, after: { mode, ruleSeverity } });
    });
    return reply.redirect(`/admin/c/${cid}/trading/policy?done=1`, 303);
  });

  const renderFirms = async (req: FastifyRequest, reply: FastifyReply, cid: number, state: { values?: Record<string, string>; errors?: FieldError[]; staffErrors?: FieldError[]; staffFirm?: number } = {}, status = 200) => {
    const firms = await listAgentFirms(ctx.db, cid);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/trading/agents`);
    const token = shell.csrfToken ?? '';
    const v = state.values ?? {};
    return sendHtml(
      reply,
      <AdminLayout title="代理机构" shell={shell} flash={(req.query as { done?: string }).done ? '已保存。' : undefined}>
        <table>
          <caption class="sr-only">在本中心登记的代理机构</caption>
          <thead>
            <tr>
              <th scope="col">名称</th>
              <th scope="col">统一社会信用代码</th>
              <th scope="col">联系人</th>
              <th scope="col">SM2 公钥</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {firms.map((f) => (
              <tr key={f.id}>
                <td>{f.name}</td>
                <td>{f.creditCode}</td>
                <td>
                  {f.contactName} {f.contactPhone}
                </td>
                <td>{f.sm2PublicKey ? <code class="break">{`${f.sm2PublicKey.slice(0, 18)}…`}</code> : '未登记'}</td>
                <td>{f.isActive ? '正常' : '已停用'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="post" action={`/admin/c/${cid}/trading/agents`} class="narrow">
          <h2>登记代理机构</h2>
          <ErrorSummary errors={state.errors} />
          <Csrf token={token} />
          <TextField name="name" label="机构名称" value={v.name} errors={state.errors} isRequired />
          <TextField name="creditCode" label="统一社会信用代码" value={v.creditCode} errors={state.errors} isRequired />
          <TextField name="contactName" label="联系人" value={v.contactName} errors={state.errors} />
          <TextField name="contactPhone" label="联系电话" type="tel" value={v.contactPhone} errors={state.errors} />
          <TextField name="sm2PublicKey" label="SM2 公钥（CA 锁证书，04 开头的十六进制）" value={v.sm2PublicKey} errors={state.errors} />
          <button type="submit">登记</button>
        </form>
      </AdminLayout>,
      status,
    );
  };

  app.get('/admin/c/:cid/trading/agents', { config: manage, schema: { hide: true } }, async (req, reply) => renderFirms(req, reply, cidOf(req)));
  app.post('/admin/c/:cid/trading/agents', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const values = Object.fromEntries(Object.entries(formBody(req)).map(([k, val]) => [k, str(val)]));
    try {
      await registerAgentFirm(ctx, { centerId: cid, raw: values, actor: actorOf(req) });
    } catch (err) {
      const e = asFormError(err);
      return renderFirms(req, reply, cid, { values, errors: e.fields ?? [{ field: 'name', message: e.userMessage }] }, e.status);
    }
    return reply.redirect(`/admin/c/${cid}/trading/agents?done=1`, 303);
  });
  app.post('/admin/c/:cid/trading/agents/:id', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const values = Object.fromEntries(Object.entries(formBody(req)).map(([k, val]) => [k, str(val)]));
    await updateAgentFirmSettings(ctx, { centerId: cid, firmId: intParam((req.params as { id: string }).id), raw: values, isActive: values.isActive !== 'false', actor: actorOf(req) });
    return reply.redirect(`/admin/c/${cid}/trading/agents?done=1`, 303);
  });

  // 三员分立: accounts are created by the security admin, also for agent firms' staff.
  const usersAccess = { access: { kind: 'perm', permission: 'users.manage' } } as const;
  const renderStaff = async (req: FastifyRequest, reply: FastifyReply, cid: number, state: { values?: Record<string, string>; errors?: FieldError[] } = {}, status = 200) => {
    const firms = await listAgentFirms(ctx.db, cid);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/trading/agent-staff`);
    const v = state.values ?? {};
    return sendHtml(
      reply,
      <AdminLayout title="代理机构经办人账号" shell={shell} flash={(req.query as { done?: string }).done ? '账号已创建，经办人首次登录须修改初始密码。' : undefined}>
        <form method="post" action={`/admin/c/${cid}/trading/agent-staff`} class="narrow">
          <ErrorSummary errors={state.errors} />
          <Csrf token={shell.csrfToken ?? ''} />
          <label for="f-firmId">代理机构</label>
          <select id="f-firmId" name="firmId">
            {firms.map((f) => (
              <option key={f.id} value={String(f.id)} selected={v.firmId === String(f.id)}>
                {f.name}
              </option>
            ))}
          </select>
          <TextField name="username" label="用户名" value={v.username} errors={state.errors} isRequired />
          <TextField name="displayName" label="姓名" value={v.displayName} errors={state.errors} isRequired />
          <TextField name="password" label="初始密码" type="password" errors={state.errors} isRequired autocomplete="new-password" />
          <button type="submit">创建账号</button>
        </form>
      </AdminLayout>,
      status,
    );
  };
  app.get('/admin/c/:cid/trading/agent-staff', { config: usersAccess, schema: { hide: true } }, async (req, reply) => renderStaff(req, reply, cidOf(req)));
  app.post('/admin/c/:cid/trading/agent-staff', { config: usersAccess, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const values = Object.fromEntries(Object.entries(formBody(req)).map(([k, val]) => [k, str(val)]));
    try {
      await createAgentStaff(ctx, { centerId: cid, firmId: intParam(values.firmId), input: { username: values.username ?? '', displayName: values.displayName ?? '', password: values.password ?? '', departmentId: null }, actor: actorOf(req) });
    } catch (err) {
      const e = asFormError(err);
      return renderStaff(req, reply, cid, { values: { ...values, password: '' }, errors: e.fields ?? [{ field: 'username', message: e.userMessage }] }, e.status);
    }
    return reply.redirect(`/admin/c/${cid}/trading/agent-staff?done=1`, 303);
  });
}
