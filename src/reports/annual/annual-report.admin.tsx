import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asFormError, flashOf, formBody, intParam, sendHtml, shellFor, str } from '../../admin/admin.http.tsx';
import { can } from '../../accounts/accounts.policy.ts';
import { findUserById } from '../../accounts/accounts.repo.ts';
import { actorOf, rolesAt } from '../../accounts/staff-session.ts';
import type { AppContext } from '../../platform/context.ts';
import { formatDate, formatDateTime } from '../../platform/dates.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { AdminLayout, Csrf, ErrorSummary, TextArea } from '../../platform/views/admin-layout.tsx';
import { blockingChecks } from './annual-checks.ts';
import { ChecksList, statusText } from './annual-views.tsx';
import { ReportBody } from './annual.document.tsx';
import { DOCUMENT_FORMAT_LABELS, DOCUMENT_FORMATS, parseDocumentFormat, sendReportDocument } from './annual.export.ts';
import { FORMAT_LABELS, labelOf, SOURCE_LABELS } from './annual.model.ts';
import { isPdfAvailable } from './annual.pdf.ts';
import { getCenter, loadReportView, parseYear, runChecks, type ReportView } from './annual.service.ts';
import { generateAnnualReport } from './operations/generate-annual-report.ts';
import { MIN_OVERRIDE_REASON, submitAnnualReport } from './operations/submit-annual-report.ts';

const view = { access: { kind: 'perm', permission: 'article.read' } } as const;
const manage = { access: { kind: 'perm', permission: 'site.manage' } } as const;

export function reportBase(cid: number, year: number): string {
  return `/admin/c/${cid}/annual-reports/${year}`;
}

type Params = { cid: string; year: string };

/** One report: status, checks (failed ones with their numbers), downloads, regenerate and submit, the preview. */
export function registerAnnualReportPage(app: FastifyInstance, ctx: AppContext): void {
  const target = async (req: FastifyRequest) => {
    const p = req.params as Params;
    const cid = intParam(p.cid);
    return { cid, center: await getCenter(ctx, cid), year: parseYear(p.year, { now: ctx.clock() }) };
  };

  app.get('/admin/c/:cid/annual-reports/:year', { config: view, schema: { hide: true } }, async (req, reply) => {
    const { cid, center, year } = await target(req);
    const rv = await loadReportView(ctx, { center, year });
    return renderReport(ctx, req, reply, { cid, rv, flash: flashOf(req) ?? FLASH[str((req.query as { done?: string }).done)] });
  });

  app.post('/admin/c/:cid/annual-reports/:year/regenerate', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const { cid, year } = await target(req);
    await generateAnnualReport(ctx, { centerId: cid, year, actor: actorOf(req), roles: rolesAt(req, cid), isResettingNarrative: str(formBody(req).resetNarrative) === 'on' });
    return reply.redirect(`${reportBase(cid, year)}?done=regenerated`, 303);
  });

  app.post('/admin/c/:cid/annual-reports/:year/submit', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const { cid, center, year } = await target(req);
    const staff = req.staff;
    if (!staff) throw new AppError('AUTH_REQUIRED', { userMessage: '请先登录' });
    const body = formBody(req);
    try {
      await submitAnnualReport(ctx, { centerId: cid, year, user: staff.user, roles: rolesAt(req, cid), actor: actorOf(req), overrideReason: str(body.overrideReason), correctionNote: str(body.correctionNote) });
    } catch (err) {
      const e = asFormError(err);
      const rv = await loadReportView(ctx, { center, year });
      return renderReport(ctx, req, reply, { cid, rv, error: e, values: { overrideReason: str(body.overrideReason).slice(0, 2000), correctionNote: str(body.correctionNote).slice(0, 500) } }, e.status);
    }
    return reply.redirect(`${reportBase(cid, year)}?done=submitted`, 303);
  });

  app.get('/admin/c/:cid/annual-reports/:year/document', { config: view, schema: { hide: true } }, async (req, reply) => {
    const { center, year } = await target(req);
    const format = parseDocumentFormat((req.query as { format?: string }).format);
    const rv = await loadReportView(ctx, { center, year });
    return sendReportDocument(reply, { doc: rv.doc, format, isPublic: false });
  });
}

const FLASH: Record<string, string> = {
  regenerated: '已按最新数据重新生成；修改过的文字已保留。',
  generated: '已生成。请核对各项数据和文字，修改后提交发布。',
  narrative: '正文已保存。',
  figures: '已保存。表二已按新数据更新。',
  imported: '已导入表三，并按勾稽关系核对。',
};

async function renderReport(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  o: { cid: number; rv: ReportView; flash?: string | undefined; error?: AppError; values?: Record<string, string> },
  status = 200,
): Promise<FastifyReply> {
  const { report, article } = o.rv;
  const base = reportBase(o.cid, report.year);
  const shell = await shellFor(ctx, req, reply, o.cid, `/admin/c/${o.cid}/annual-reports`);
  const isManager = can(rolesAt(req, o.cid), 'site.manage');
  // The carry-over check depends on last year's report, which may have been entered since: checked live.
  const checks = await runChecks(ctx.db, { report, today: formatDate(ctx.clock()) });
  const isGenerated = report.source === 'generated';
  const failed = blockingChecks(checks);
  const errors: FieldError[] | undefined = o.error?.fields;
  const isPublished = article?.status === 'published';
  const generatedBy = report.generatedBy ? await findUserById(ctx.db, report.generatedBy) : null;
  return sendHtml(
    reply,
    <AdminLayout title={`${report.year} 年度政府信息公开工作年度报告`} shell={shell} flash={o.flash} error={o.error && !o.error.fields ? o.error.userMessage : undefined}>
      <p>
        <a href={`/admin/c/${o.cid}/annual-reports`}>返回年度报告列表</a>
      </p>
      <ErrorSummary errors={errors} />
      {o.error?.fields ? (
        <p class="field-error" role="alert">
          {o.error.userMessage}
        </p>
      ) : null}
      <dl>
        <dt>状态</dt>
        <dd>{statusText(o.rv.status, report.source)}</dd>
        <dt>来源</dt>
        <dd>
          {labelOf(SOURCE_LABELS, report.source)}（{labelOf(FORMAT_LABELS, report.format)}）
        </dd>
        <dt>{isGenerated ? '生成' : '录入'}</dt>
        <dd>
          {formatDateTime(report.generatedAt)}
          {generatedBy ? `，${generatedBy.displayName}` : ''}
        </dd>
        {article ? (
          <>
            <dt>发布稿件</dt>
            <dd>
              <a href={`/admin/c/${o.cid}/articles/${article.id}`}>查看稿件与审核进度</a>
            </dd>
          </>
        ) : null}
        {report.checksOverride ? (
          <>
            <dt>未通过核对仍提交</dt>
            <dd>
              {report.checksOverride.by}于{formatDateTime(new Date(report.checksOverride.at))}提交，理由：{report.checksOverride.reason}
            </dd>
          </>
        ) : null}
      </dl>
      <h2>发布前核对</h2>
      <ChecksList checks={checks} />
      <h2>下载</h2>
      <ul class="actions">
        {DOCUMENT_FORMATS.filter((f) => f !== 'pdf' || isPdfAvailable()).map((f) => (
          <li key={f}>
            <a href={`${base}/document?format=${f}`}>{DOCUMENT_FORMAT_LABELS[f]}</a>
          </li>
        ))}
      </ul>
      {isPdfAvailable() ? null : <p class="hint">本服务器未安装 Chromium，暂不提供 PDF；可打开网页版后用浏览器打印。</p>}
      {isManager && isGenerated ? <ChangeForms base={base} csrfToken={shell.csrfToken ?? ''} hasFailed={failed.length > 0} isPublished={isPublished} values={o.values} errors={errors} /> : null}
      <h2>报告预览</h2>
      <div class="article-body">
        <ReportBody doc={o.rv.doc} headingLevel={3} isScrollable />
      </div>
    </AdminLayout>,
    status,
  );
}

/** Regenerate, edit, record figures, submit (with the override reason when a check fails, the 更正说明 once published). */
function ChangeForms(props: { base: string; csrfToken: string; hasFailed: boolean; isPublished: boolean; values: Record<string, string> | undefined; errors: FieldError[] | undefined }) {
  const { base } = props;
  return (
    <>
      <h2>修改与提交</h2>
      <ul class="actions">
        <li>
          <a href={`${base}/narrative`}>修改正文</a>
        </li>
        <li>
          <a href={`${base}/admin-figures`}>填报行政许可、处罚、强制和收费数据</a>
        </li>
      </ul>
      <form method="post" action={`${base}/regenerate`} class="danger-box">
        <Csrf token={props.csrfToken} />
        <span>按平台最新数据刷新表格和系统草稿。</span>
        <label class="checkbox-inline">
          <input type="checkbox" name="resetNarrative" /> 同时用系统草稿替换已修改的文字
        </label>
        <button type="submit">重新生成</button>
      </form>
      <form method="post" action={`${base}/submit`} class="verdict">
        <Csrf token={props.csrfToken} />
        {props.hasFailed ? (
          <TextArea name="overrideReason" label={`未通过核对仍提交发布的理由（不少于 ${MIN_OVERRIDE_REASON} 个字，记入审计日志）`} value={props.values?.overrideReason} errors={props.errors} rows={3} />
        ) : null}
        {props.isPublished ? <TextArea name="correctionNote" label="更正说明（报告已发布，重新提交即为更正，将公开显示）" value={props.values?.correctionNote} errors={props.errors} rows={2} /> : null}
        <button type="submit" class="primary">
          {props.isPublished ? '提交更正审核' : '提交审核发布'}
        </button>
        <p class="hint">提交后，报告正文作为“年度报告”栏目的稿件进入审核流程，审定后发布。</p>
      </form>
    </>
  );
}
