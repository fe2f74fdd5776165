import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asFormError, formBody, intParam, sendHtml, shellFor, str } from '../../admin/admin.http.tsx';
import { actorOf, rolesAt } from '../../accounts/staff-session.ts';
import type { AppContext } from '../../platform/context.ts';
import type { AppError } from '../../platform/errors.ts';
import { AdminLayout, Csrf, ErrorSummary, TextArea, TextField } from '../../platform/views/admin-layout.tsx';
import { PROACTIVE_FIELDS } from './annual-entry.schema.ts';
import { reportBase } from './annual-report.admin.tsx';
import { formatWanExact, NARRATIVE_KEYS, SECTION_TITLES, type NarrativeKey } from './annual.model.ts';
import { findAdminFigures, findReport } from './annual.repo.ts';
import { getCenter, getReport, parseYear } from './annual.service.ts';
import { editAnnualNarrative } from './operations/edit-annual-narrative.ts';
import { saveAdminFigures } from './operations/save-admin-figures.ts';

const manage = { access: { kind: 'perm', permission: 'site.manage' } } as const;
type Params = { cid: string; year: string };

const KEY_LABELS: Record<NarrativeKey, string> = { preamble: '前言', ...SECTION_TITLES };
const KEY_HINTS: Partial<Record<NarrativeKey, string>> = {
  proactive: '表二之前的说明文字；表二的数据由系统生成。',
  requests: '表三之前的说明文字；表三的数据由系统生成。',
  review_litigation: '表四之前的说明文字；表四的数据由系统生成。',
  other: '应写明信息处理费的收费通知份数、金额和实际收取金额。',
};

/** Editing the report's texts, and the table-二 figures no feature records. */
export function registerAnnualEditPages(app: FastifyInstance, ctx: AppContext): void {
  const target = async (req: FastifyRequest) => {
    const p = req.params as Params;
    const cid = intParam(p.cid);
    await getCenter(ctx, cid);
    return { cid, year: parseYear(p.year, { now: ctx.clock() }) };
  };

  app.get('/admin/c/:cid/annual-reports/:year/narrative', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const { cid, year } = await target(req);
    return renderNarrative(ctx, req, reply, { cid, year });
  });

  app.post('/admin/c/:cid/annual-reports/:year/narrative', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const { cid, year } = await target(req);
    const body = formBody(req);
    const texts = Object.fromEntries(NARRATIVE_KEYS.map((k) => [k, str(body[k])]));
    try {
      await editAnnualNarrative(ctx, { centerId: cid, year, texts, lockVersion: Number(str(body.lockVersion)), actor: actorOf(req), roles: rolesAt(req, cid) });
    } catch (err) {
      return renderNarrative(ctx, req, reply, { cid, year, error: asFormError(err), values: texts });
    }
    return reply.redirect(`${reportBase(cid, year)}?done=narrative`, 303);
  });

  app.get('/admin/c/:cid/annual-reports/:year/admin-figures', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const { cid, year } = await target(req);
    const f = await findAdminFigures(ctx.db, cid, year);
    const values: Record<string, string> = f
      ? { 'p.regulationsIssued': String(f.regulationsIssued), 'p.regulationsRepealed': String(f.regulationsRepealed), 'p.regulationsInForce': String(f.regulationsInForce), 'p.licensing': String(f.licensing), 'p.penalty': String(f.penalty), 'p.coercion': String(f.coercion), 'p.feeYuan': (f.feeFen / 100).toFixed(2) }
      : {};
    return renderFigures(ctx, req, reply, { cid, year, values });
  });

  app.post('/admin/c/:cid/annual-reports/:year/admin-figures', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const { cid, year } = await target(req);
    const body = formBody(req);
    const values = Object.fromEntries([...PROACTIVE_FIELDS.map(([k]) => `p.${k}`), 'p.feeYuan'].map((k) => [k, str(body[k]).slice(0, 20)]));
    try {
      await saveAdminFigures(ctx, { centerId: cid, year, raw: values, actor: actorOf(req), roles: rolesAt(req, cid) });
    } catch (err) {
      return renderFigures(ctx, req, reply, { cid, year, values, error: asFormError(err) });
    }
    const hasReport = (await findReport(ctx.db, cid, year)) !== null;
    return reply.redirect(hasReport ? `${reportBase(cid, year)}?done=figures` : `/admin/c/${cid}/annual-reports?done=saved`, 303);
  });
}

async function renderNarrative(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, o: { cid: number; year: number; error?: AppError; values?: Record<string, string> }): Promise<FastifyReply> {
  const report = await getReport(ctx.db, o.cid, o.year);
  const shell = await shellFor(ctx, req, reply, o.cid, `/admin/c/${o.cid}/annual-reports`);
  return sendHtml(
    reply,
    <AdminLayout title={`修改 ${o.year} 年度报告正文`} shell={shell} error={o.error && !o.error.fields ? o.error.userMessage : undefined}>
      <p>
        <a href={reportBase(o.cid, o.year)}>返回报告</a>
      </p>
      <p class="hint">每段一行。修改过的部分在“重新生成”时保留；“【请补充：……】”处请填写实际情况或删除。</p>
      <ErrorSummary errors={o.error?.fields} />
      <form method="post" action={`${reportBase(o.cid, o.year)}/narrative`} class="article-form">
        <Csrf token={shell.csrfToken ?? ''} />
        <input type="hidden" name="lockVersion" value={String(report.lockVersion)} />
        {NARRATIVE_KEYS.map((k) => {
          const part = report.narrative[k];
          const hint = [KEY_HINTS[k], part?.isEdited ? '已修改（重新生成时保留）。' : '系统草稿。'].filter(Boolean).join('');
          return <TextArea key={k} name={k} label={KEY_LABELS[k]} value={o.values?.[k] ?? part?.text ?? ''} hint={hint} errors={o.error?.fields} rows={k === 'overview' || k === 'problems' ? 12 : 5} />;
        })}
        <button type="submit" class="primary">
          保存正文
        </button>
      </form>
    </AdminLayout>,
    o.error ? o.error.status : 200,
  );
}

async function renderFigures(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, o: { cid: number; year: number; values: Record<string, string>; error?: AppError }): Promise<FastifyReply> {
  const shell = await shellFor(ctx, req, reply, o.cid, `/admin/c/${o.cid}/annual-reports`);
  const fields = PROACTIVE_FIELDS.filter(([k]) => !k.startsWith('normative'));
  return sendHtml(
    reply,
    <AdminLayout title={`${o.year} 年度 行政许可、处罚、强制和收费数据`} shell={shell} error={o.error && !o.error.fields ? o.error.userMessage : undefined}>
      <p>
        <a href={`/admin/c/${o.cid}/annual-reports`}>返回年度报告列表</a>
      </p>
      <p>这些数据用于年度报告表二（第二十条第（一）、（五）、（六）、（八）项），平台不另行记录。交易中心通常不制定规章、不作出行政许可、处罚、强制决定，没有的请填 0。行政规范性文件由“政策文件”栏目中标记为规范性文件的稿件自动统计。</p>
      <ErrorSummary errors={o.error?.fields} />
      <form method="post" action={`${reportBase(o.cid, o.year)}/admin-figures`} class="narrow">
        <Csrf token={shell.csrfToken ?? ''} />
        {fields.map(([k, label]) => (
          <TextField key={k} name={`p.${k}`} label={label} value={o.values[`p.${k}`] ?? '0'} errors={o.error?.fields} maxLength={9} />
        ))}
        <TextField name="p.feeYuan" label="行政事业性收费（元，报告中按万元列示）" value={o.values['p.feeYuan'] ?? '0'} errors={o.error?.fields} maxLength={16} hint={`例如 4000.00 元在报告中为 ${formatWanExact(400_000)} 万元。`} />
        <button type="submit" class="primary">
          保存
        </button>
      </form>
    </AdminLayout>,
    o.error ? o.error.status : 200,
  );
}
