import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formBody, sendHtml, str } from '../admin/admin.http.tsx';
import { AppError, type FieldError } from '../platform/errors.ts';
import { Csrf, ErrorSummary, SelectField, TextArea, TextField } from '../platform/views/admin-layout.tsx';
import { PortalLayout } from '../platform/views/portal-layout.tsx';
import { codeOf, type PortalDeps } from '../portal/portal.deps.ts';
import { isElderMode } from '../portal/portal.http.ts';
import { getPortalSite } from '../portal/portal.service.ts';
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES, DELIVERY_FORM_LABELS, DELIVERY_FORMS } from './disclosure.model.ts';
import { findPublicCase } from './disclosure.query.ts';
import { fileRequest } from './operations/file-request.ts';
import type { PublicCase } from './public-view.ts';
import type { RequestFormValues } from './request.schema.ts';

/**
 * The applicant's pages: the online application (works without JavaScript; a failed submission shows every
 * problem and keeps what was typed), the receipt with tracking number and access code, and the status page.
 * None is cached: each carries a CSRF token or one applicant's case.
 */
export function registerDisclosurePortal(app: FastifyInstance, deps: PortalDeps): void {
  const { ctx } = deps;
  const layout = async (req: FastifyRequest, title: string, path: string, body: preact.ComponentChildren) => {
    const { site, nav } = await getPortalSite(ctx, codeOf(req));
    return (
      <PortalLayout site={site} nav={nav} isElder={isElderMode(req)} meta={{ title, url: `${site.basePath}${path}`, columnName: '依申请公开', columnType: '政府信息公开' }}>
        {body}
      </PortalLayout>
    );
  };
  const form = async (req: FastifyRequest, reply: FastifyReply, values: Partial<RequestFormValues>, errors: FieldError[] = [], status = 200) => {
    const { site, center } = await getPortalSite(ctx, codeOf(req));
    return sendHtml(
      reply,
      await layout(
        req,
        '政府信息公开申请',
        '/disclosure/apply',
        <>
          <h1>政府信息公开申请</h1>
          <p>
            向{center.name}申请获取政府信息。本中心自收到申请之日起 20 个工作日内答复（《中华人民共和国政府信息公开条例》第三十三条）；网上提交的，以系统生成受理编号之日为收到申请之日。您的姓名、证件号码和联系方式只用于办理本申请，不会公开。
            <a href={`${site.basePath}/guide`}>政府信息公开指南</a>
          </p>
          <form method="post" action={`${site.basePath}/disclosure/apply`} class="narrow" novalidate>
            <ErrorSummary errors={errors} />
            <Csrf token={reply.generateCsrf()} />
            <fieldset>
              <legend>申请人信息</legend>
              <SelectField name="applicantType" label="申请人类型" value={values.applicantType} errors={errors} isRequired options={[{ value: '', label: '请选择' }, ...APPLICANT_TYPES.map((t) => ({ value: t, label: t === 'natural_person' ? '自然人' : `法人或其他组织：${APPLICANT_TYPE_LABELS[t]}` }))]} />
              <TextField name="name" label="姓名或名称" value={values.name} errors={errors} isRequired maxLength={100} autocomplete="name" />
              <TextField name="idNumber" label="身份证号码（自然人填写）" value={values.idNumber} errors={errors} maxLength={18} hint="18 位公民身份号码，系统核验校验位" />
              <TextField name="creditCode" label="统一社会信用代码（法人或其他组织填写）" value={values.creditCode} errors={errors} maxLength={18} />
              <TextField name="phone" label="联系电话" type="tel" value={values.phone} errors={errors} maxLength={30} autocomplete="tel" hint="联系电话、电子邮箱、通信地址至少填写一项" />
              <TextField name="email" label="电子邮箱" type="email" value={values.email} errors={errors} maxLength={100} autocomplete="email" />
              <TextField name="address" label="通信地址" value={values.address} errors={errors} maxLength={200} autocomplete="street-address" />
            </fieldset>
            <fieldset>
              <legend>所需信息</legend>
              <TextArea name="description" label="所需政府信息的名称、文号或便于查询的其他特征性描述" value={values.description} errors={errors} isRequired rows={6} />
              <TextArea name="purpose" label="用途（选填）" value={values.purpose} errors={errors} rows={2} />
              <SelectField name="deliveryForm" label="获取信息的方式" value={values.deliveryForm} errors={errors} isRequired options={[{ value: '', label: '请选择' }, ...DELIVERY_FORMS.map((f) => ({ value: f, label: DELIVERY_FORM_LABELS[f] }))]} />
              <div class="field">
                <label>
                  <input type="checkbox" name="needsAssistance" value="true" checked={values.needsAssistance === 'true'} /> 我在阅读、视听等方面有困难，需要必要的帮助（条例第四十三条）
                </label>
              </div>
            </fieldset>
            <button type="submit">提交申请</button>
          </form>
        </>,
      ),
      status,
    );
  };

  for (const prefix of ['', '/c/:code']) {
    app.get(`${prefix}/disclosure/apply`, { schema: { hide: true } }, async (req, reply) => form(req, reply, {}));
    app.post(`${prefix}/disclosure/apply`, { schema: { hide: true }, config: { rateLimit: { max: ctx.config.intakeRateLimit, timeWindow: '10 minutes' } } }, async (req, reply) => {
      const { center, site } = await getPortalSite(ctx, codeOf(req));
      try {
        const filed = await fileRequest(ctx, { centerId: center.id, raw: formBody(req), channel: 'online', actor: null });
        const r = filed.request;
        return sendHtml(
          reply,
          await layout(
            req,
            '申请已提交',
            '/disclosure/apply',
            <>
              <h1>申请已提交</h1>
              <p class="flash" role="status">
                本中心已收到您的政府信息公开申请。请记下受理编号和查询码，凭此查询办理进度和答复。查询码只显示这一次。
              </p>
              <dl class="facts">
                <div><dt>受理编号</dt><dd><strong class="code">{r.trackingNo}</strong></dd></div>
                <div><dt>查询码</dt><dd><strong class="code">{filed.accessCode}</strong></dd></div>
                <div><dt>收到申请日期</dt><dd>{r.receivedOn}</dd></div>
                <div><dt>答复期限</dt><dd>{r.dueOn}{r.isDueProvisional ? '（含尚未公布节假日安排的年份，期限为预估）' : ''}</dd></div>
              </dl>
              <p>
                <a href={`${site.basePath}/disclosure/track?trackingNo=${encodeURIComponent(r.trackingNo)}`}>查询办理进度</a>
              </p>
            </>,
          ),
          201,
        );
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        const values = (err.details?.values as Partial<RequestFormValues> | undefined) ?? pickValues(formBody(req));
        return form(req, reply, values, err.fields ?? [{ field: 'description', message: err.userMessage }], err.status);
      }
    });

    app.get(`${prefix}/disclosure/track`, { schema: { hide: true }, config: { rateLimit: { max: 60, timeWindow: '10 minutes' } } }, async (req, reply) => {
      const { site } = await getPortalSite(ctx, codeOf(req));
      const q = req.query as { trackingNo?: unknown; accessCode?: unknown };
      const trackingNo = str(q.trackingNo).slice(0, 40);
      const accessCode = str(q.accessCode).slice(0, 40);
      let found: PublicCase | null = null;
      let error = '';
      if (trackingNo && accessCode) {
        try {
          found = await findPublicCase(ctx.db, trackingNo, accessCode);
        } catch (err) {
          if (!(err instanceof AppError) || err.status >= 500) throw err;
          error = err.userMessage;
        }
      }
      const errors: FieldError[] = error ? [{ field: 'accessCode', message: error }] : [];
      return sendHtml(
        reply.header('referrer-policy', 'no-referrer'),
        await layout(
          req,
          '申请办理进度查询',
          '/disclosure/track',
          <>
            <h1>申请办理进度查询</h1>
            {found ? <CaseStatus c={found} /> : null}
            <form method="get" action={`${site.basePath}/disclosure/track`} class="narrow">
              <ErrorSummary errors={errors} />
              <TextField name="trackingNo" label="受理编号" value={trackingNo} errors={errors} isRequired maxLength={40} />
              <TextField name="accessCode" label="查询码" value={found ? '' : accessCode} errors={errors} isRequired maxLength={40} autocomplete="off" />
              <button type="submit">查询</button>
            </form>
          </>,
        ),
        errors.length > 0 ? 404 : 200,
      );
    });
  }
}

function pickValues(body: Record<string, unknown>): Partial<RequestFormValues> {
  const out: Partial<RequestFormValues> = {};
  for (const k of ['applicantType', 'name', 'idNumber', 'creditCode', 'phone', 'email', 'address', 'description', 'purpose', 'deliveryForm', 'needsAssistance'] as const) out[k] = str(body[k]).slice(0, 5000);
  return out;
}

function CaseStatus(props: { c: PublicCase }) {
  const { c } = props;
  return (
    <section aria-labelledby="case-title" class="block">
      <h2 id="case-title">受理编号 {c.trackingNo}</h2>
      <dl class="facts">
        <div><dt>办理状态</dt><dd>{c.statusLabel}</dd></div>
        <div><dt>收到申请日期</dt><dd>{c.receivedOn ?? '—'}</dd></div>
        <div><dt>答复期限</dt><dd>{c.status === 'closed' ? '已办结' : c.dueOn ? `${c.dueOn}${c.isDueProvisional ? '（预估）' : ''}` : '计时暂停（补正、征求意见或缴费期间不计入答复期限）'}</dd></div>
        {c.outcomeLabel ? <div><dt>处理结果</dt><dd>{c.outcomeLabel}</dd></div> : null}
      </dl>
      <h3>办理过程</h3>
      <ol class="timeline">
        {c.history.map((h, i) => (
          <li key={i}>
            <span class="muted">{h.date}</span> {h.label}
            {h.detail ? <p>{h.detail}</p> : null}
          </li>
        ))}
      </ol>
      {c.reply ? (
        <>
          <h3>答复书</h3>
          <div class="reply-text">
            {c.reply.body.split('\n').map((line, i) => (line ? <p key={i}>{line}</p> : null))}
          </div>
        </>
      ) : null}
    </section>
  );
}
