import type { FastifyInstance } from 'fastify';
import { asFormError, formBody, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import type { AppContext } from '../platform/context.ts';
import { AdminLayout, Csrf, ErrorSummary, TextField, type AdminShell } from '../platform/views/admin-layout.tsx';
import type { FieldError } from '../platform/errors.ts';
import { changePassword } from './operations/change-password.ts';
import { findUserById, updateUser, deleteSession } from './accounts.repo.ts';
import { logIn } from './operations/log-in.ts';
import { verifyTotp } from './operations/verify-totp.ts';
import { actorOf, clearSessionCookie, sessionTokenOf, setSessionCookie } from './staff-session.ts';
import { newTotpSecret, totpUri } from './totp.ts';
import { sha256Hex } from '../platform/crypto.ts';
import { recordAudit } from '../audit/audit.service.ts';

function safeNext(v: unknown): string {
  const s = str(v);
  return /^\/admin(\/[^\s\\]*)?$/.test(s) && !s.startsWith('//') ? s : '/admin';
}

export function registerAuthPages(app: FastifyInstance, ctx: AppContext): void {
  const loginRate = { rateLimit: { max: 20, timeWindow: '1 minute' } };

  app.get('/admin/login', { config: { access: { kind: 'login' } }, schema: { hide: true } }, async (req, reply) => {
    const shell = await shellFor(ctx, req, reply, null, '');
    return sendHtml(reply, <LoginPage csrf={shell.csrfToken ?? ''} next={safeNext((req.query as { next?: string }).next)} username="" />);
  });

  app.post('/admin/login', { config: { access: { kind: 'login' }, ...loginRate }, schema: { hide: true } }, async (req, reply) => {
    const body = formBody(req);
    const next = safeNext(body.next);
    try {
      const result = await logIn(ctx.db, { username: str(body.username).slice(0, 64), password: str(body.password).slice(0, 200), actor: actorOf(req), sessionHours: ctx.config.sessionHours, now: ctx.clock() });
      setSessionCookie(reply, result.token, { isProduction: ctx.config.isProduction, hours: ctx.config.sessionHours });
      const to = result.next === 'done' ? next : result.next === 'totp' ? `/admin/login/totp?next=${encodeURIComponent(next)}` : '/admin/totp/setup';
      return reply.redirect(to, 303);
    } catch (err) {
      const e = asFormError(err);
      return sendHtml(reply, <LoginPage csrf={reply.generateCsrf()} next={next} username={str(body.username).slice(0, 64)} error={e.userMessage} />, e.status);
    }
  });

  app.get('/admin/login/totp', { config: { access: { kind: 'mfa' } }, schema: { hide: true } }, async (req, reply) => {
    return sendHtml(reply, <TotpPage csrf={reply.generateCsrf()} next={safeNext((req.query as { next?: string }).next)} />);
  });

  app.post('/admin/login/totp', { config: { access: { kind: 'mfa' }, ...loginRate }, schema: { hide: true } }, async (req, reply) => {
    const body = formBody(req);
    const staff = req.staff;
    if (!staff) return reply.redirect('/admin/login', 303);
    try {
      await verifyTotp(ctx.db, { session: staff.session, code: str(body.code), actor: actorOf(req), now: ctx.clock() });
      return reply.redirect(safeNext(body.next), 303);
    } catch (err) {
      const e = asFormError(err);
      return sendHtml(reply, <TotpPage csrf={reply.generateCsrf()} next={safeNext(body.next)} error={e.userMessage} />, e.status);
    }
  });

  app.get('/admin/totp/setup', { config: { access: { kind: 'mfa' } }, schema: { hide: true } }, async (req, reply) => {
    const staff = req.staff;
    if (!staff) return reply.redirect('/admin/login', 303);
    if (staff.user.totpEnabled) return reply.redirect('/admin/login/totp', 303);
    let secret = staff.user.totpSecret;
    if (!secret) {
      secret = newTotpSecret();
      await ctx.db.transaction(async (tx) => {
        await updateUser(tx, staff.user.id, { totpSecret: secret });
        await recordAudit(tx, actorOf(req), { action: 'auth.totp_secret_issued', centerId: staff.user.homeCenterId, targetType: 'user', targetId: staff.user.id });
      });
    }
    return sendHtml(reply, <TotpSetupPage csrf={reply.generateCsrf()} secret={secret} uri={totpUri({ secret, username: staff.user.username, issuer: '公开平台' })} />);
  });

  app.post('/admin/totp/setup', { config: { access: { kind: 'mfa' }, ...loginRate }, schema: { hide: true } }, async (req, reply) => {
    const staff = req.staff;
    if (!staff) return reply.redirect('/admin/login', 303);
    try {
      await verifyTotp(ctx.db, { session: staff.session, code: str(formBody(req).code), actor: actorOf(req), now: ctx.clock() });
      return reply.redirect('/admin', 303);
    } catch (err) {
      const e = asFormError(err);
      const user = await findUserById(ctx.db, staff.user.id);
      const secret = user?.totpSecret ?? '';
      return sendHtml(reply, <TotpSetupPage csrf={reply.generateCsrf()} secret={secret} uri={totpUri({ secret, username: staff.user.username, issuer: '公开平台' })} error={e.userMessage} />, e.status);
    }
  });

  app.get('/admin/password', { config: { access: { kind: 'staff' } }, schema: { hide: true } }, async (req, reply) => {
    const shell = await shellFor(ctx, req, reply, null, '');
    return sendHtml(reply, <PasswordPage shell={shell} isForced={!!req.staff?.user.mustChangePassword} />);
  });

  app.post('/admin/password', { config: { access: { kind: 'staff' }, ...loginRate }, schema: { hide: true } }, async (req, reply) => {
    const body = formBody(req);
    const staff = req.staff;
    if (!staff) return reply.redirect('/admin/login', 303);
    try {
      await changePassword(ctx.db, { userId: staff.user.id, current: str(body.current).slice(0, 200), next: str(body.next).slice(0, 200), repeat: str(body.repeat).slice(0, 200), actor: actorOf(req) });
      clearSessionCookie(reply);
      return reply.redirect('/admin/login', 303);
    } catch (err) {
      const e = asFormError(err);
      const shell = await shellFor(ctx, req, reply, null, '');
      return sendHtml(reply, <PasswordPage shell={shell} isForced={staff.user.mustChangePassword} errors={e.fields} />, e.status);
    }
  });

  app.post('/admin/logout', { config: { access: { kind: 'login' } }, schema: { hide: true } }, async (req, reply) => {
    const token = sessionTokenOf(req);
    if (token) {
      await ctx.db.transaction(async (tx) => {
        await deleteSession(tx, sha256Hex(token));
        if (req.staff) await recordAudit(tx, actorOf(req), { action: 'auth.logout', centerId: req.staff.user.homeCenterId, targetType: 'user', targetId: req.staff.user.id });
      });
    }
    clearSessionCookie(reply);
    return reply.redirect('/admin/login', 303);
  });
}

function PasswordPage(props: { shell: AdminShell; isForced: boolean; errors?: FieldError[] | undefined }) {
  return (
    <AdminLayout title="修改密码" shell={props.shell}>
      {props.isForced ? <p class="notice-box">您的账号使用的是管理员设置的初始密码，请先修改密码。修改后需要重新登录。</p> : null}
      <form method="post" action="/admin/password" class="narrow">
        <ErrorSummary errors={props.errors} />
        <Csrf token={props.shell.csrfToken ?? ''} />
        <TextField name="current" label="当前密码" type="password" errors={props.errors} isRequired autocomplete="current-password" />
        <TextField name="next" label="新密码" type="password" errors={props.errors} isRequired autocomplete="new-password" hint="至少 10 位，须同时包含字母和数字" />
        <TextField name="repeat" label="确认新密码" type="password" errors={props.errors} isRequired autocomplete="new-password" />
        <button type="submit" class="primary">修改密码</button>
      </form>
    </AdminLayout>
  );
}

const emptyShell = (csrf: string) => ({ userName: null, centerName: null, nav: [], csrfToken: csrf });

function LoginPage(props: { csrf: string; next: string; username: string; error?: string }) {
  return (
    <AdminLayout title="工作人员登录" shell={emptyShell(props.csrf)} error={props.error}>
      <form method="post" action="/admin/login" class="narrow">
        <Csrf token={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <TextField name="username" label="用户名" value={props.username} isRequired autocomplete="username" maxLength={64} />
        <TextField name="password" label="密码" type="password" isRequired autocomplete="current-password" maxLength={200} />
        <button type="submit">登录</button>
      </form>
    </AdminLayout>
  );
}

function TotpPage(props: { csrf: string; next: string; error?: string }) {
  return (
    <AdminLayout title="动态口令验证" shell={emptyShell(props.csrf)} error={props.error}>
      <form method="post" action="/admin/login/totp" class="narrow">
        <Csrf token={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <TextField name="code" label="动态口令（6 位数字）" hint="打开手机上的身份验证器应用，输入当前显示的 6 位数字。" isRequired autocomplete="one-time-code" maxLength={6} />
        <button type="submit">验证</button>
      </form>
    </AdminLayout>
  );
}

function TotpSetupPage(props: { csrf: string; secret: string; uri: string; error?: string }) {
  return (
    <AdminLayout title="绑定动态口令" shell={emptyShell(props.csrf)} error={props.error}>
      <p>您的角色要求使用双因素认证。请在身份验证器应用（如 FreeOTP、Google Authenticator、微信小程序“腾讯身份验证器”）中添加账号：</p>
      <dl class="facts">
        <div><dt>密钥</dt><dd><code>{props.secret}</code></dd></div>
        <div><dt>配置链接</dt><dd><code class="break">{props.uri}</code></dd></div>
      </dl>
      <form method="post" action="/admin/totp/setup" class="narrow">
        <Csrf token={props.csrf} />
        <TextField name="code" label="验证器显示的 6 位数字" isRequired autocomplete="one-time-code" maxLength={6} />
        <button type="submit">完成绑定</button>
      </form>
    </AdminLayout>
  );
}
