import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asFormError, flashOf, formBody, intParam, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import { actorOf } from '../accounts/staff-session.ts';
import type { AppContext } from '../platform/context.ts';
import type { AppError } from '../platform/errors.ts';
import { AdminLayout, Csrf, ErrorSummary, TextField } from '../platform/views/admin-layout.tsx';
import { SITE_FIELDS, updateSite, type SiteField } from './operations/update-site.ts';

const manage = { access: { kind: 'perm', permission: 'site.manage' } } as const;

export function registerSiteSettings(app: FastifyInstance, ctx: AppContext): void {
  const render = async (req: FastifyRequest, reply: FastifyReply, state?: { error: AppError; values: Record<string, string> }) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const center = (await ctx.centers.get()).byId.get(cid);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/site`);
    const values = state?.values ?? Object.fromEntries(Object.keys(SITE_FIELDS).map((k) => [k, String(center?.[k as SiteField] ?? '')]));
    return sendHtml(
      reply,
      <AdminLayout title="站点设置" shell={shell} flash={flashOf(req)}>
        <form method="post" action={`/admin/c/${cid}/site`} class="narrow">
          <ErrorSummary errors={state?.error.fields} />
          <Csrf token={shell.csrfToken ?? ''} />
          {(Object.entries(SITE_FIELDS) as [SiteField, (typeof SITE_FIELDS)[SiteField]][]).map(([k, spec]) => (
            <TextField key={k} name={k} label={spec.label} value={values[k]} errors={state?.error.fields} isRequired={spec.isRequired} maxLength={spec.max} />
          ))}
          <button type="submit" class="primary">保存</button>
        </form>
      </AdminLayout>,
      state ? state.error.status : 200,
    );
  };
  app.get('/admin/c/:cid/site', { config: manage, schema: { hide: true } }, async (req, reply) => render(req, reply));
  app.post('/admin/c/:cid/site', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const cid = intParam((req.params as { cid: string }).cid);
    const raw = formBody(req);
    try {
      await updateSite(ctx, { centerId: cid, raw, actor: actorOf(req) });
      return reply.redirect(`/admin/c/${cid}/site?done=saved`, 303);
    } catch (err) {
      return render(req, reply, { error: asFormError(err), values: Object.fromEntries(Object.keys(SITE_FIELDS).map((k) => [k, str(raw[k]).slice(0, 200)])) });
    }
  });
}
