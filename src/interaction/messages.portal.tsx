import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { formBody, sendHtml, str } from '../admin/admin.http.tsx';
import { formatDate } from '../platform/dates.ts';
import { AppError, notFound, type FieldError } from '../platform/errors.ts';
import { Pagination, PortalLayout } from '../platform/views/portal-layout.tsx';
import { pageParam, type PortalDeps } from '../portal/portal.deps.ts';
import { isElderMode } from '../portal/portal.http.ts';
import { getPortalSite, type PortalSite } from '../portal/portal.service.ts';
import { MessageForm, Paragraphs, QaList, StatsTable, SubmittedNotice, TrackForm, TrackingResult } from './interaction.views.tsx';
import { findTracking, publicQaPage, type PortalScope } from './interaction.query.ts';
import { messageStats } from './message-stats.ts';
import { policiesOf } from './message-policy.service.ts';
import { clockLabel, isMessageKind, KIND_HINTS, KIND_LABELS, MESSAGE_KINDS, type MessageKind } from './messages.model.ts';
import { presentPublicQa, presentTracking } from './messages.presenter.ts';
import { findPublicQa } from './messages.repo.ts';
import { parseMessageInput } from './messages.schema.ts';
import { submitMessage } from './operations/submit-message.ts';
import { listVisibleSurveys } from './surveys.repo.ts';

export const SUBMIT_RATE = { max: 30, timeWindow: '10 minutes' } as const;
export const TRACK_RATE = { max: 60, timeWindow: '10 minutes' } as const;
const QA_PAGE = 20;

/** 互动交流 on the portal: the hub, a form per kind, tracking, the published Q&A and the statistics. */
export function registerMessagesPortal(app: FastifyInstance, deps: PortalDeps): void {
  const { ctx } = deps;
  const layout = (req: FastifyRequest, p: PortalSite, title: string, path: string, children: ComponentChildren) => (
    <PortalLayout site={p.site} nav={p.nav} isElder={isElderMode(req)} meta={{ title, url: `${p.site.basePath}${path}`, columnName: '互动交流', columnType: '互动交流' }}>
      <p class="breadcrumb">
        <a href={`${p.site.basePath}/`}>首页</a> › <a href={`${p.site.basePath}/interaction`}>互动交流</a>
      </p>
      {children}
    </PortalLayout>
  );
  const siteOf = (req: FastifyRequest) => getPortalSite(ctx, (req.params as { code?: string }).code ?? null);

  for (const prefix of ['', '/c/:code']) {
    app.get(`${prefix}/interaction`, { schema: { hide: true } }, async (req, reply) => {
      const p = await siteOf(req);
      const today = formatDate(ctx.clock());
      const year = today.slice(0, 4);
      const [policies, qa, surveys, stats] = await Promise.all([policiesOf(ctx.db, p.center.id), publicQaPage(ctx, scopeOf(p), { page: 1, limit: 10 }), listVisibleSurveys(ctx.db, [p.center.id], today, 10), messageStats(ctx.db, [p.center.id], `${year}-01-01`, `${year}-12-31`)]);
      const base = p.site.basePath;
      return sendHtml(
        reply,
        layout(
          req,
          p,
          '互动交流',
          '/interaction',
          <>
            <h1>互动交流</h1>
            <p>欢迎您就公共资源交易相关事项咨询、提出意见建议，或依法提出质疑、投诉、举报。请选择留言类型：</p>
            <div class="table-wrap" tabindex={0} role="region" aria-label="留言类型（可左右滚动）">
              <table>
                <caption>留言类型与答复时限</caption>
                <thead>
                  <tr>
                    <th scope="col">类型</th>
                    <th scope="col">适用事项</th>
                    <th scope="col">答复时限</th>
                    <th scope="col">办理</th>
                  </tr>
                </thead>
                <tbody>
                  {MESSAGE_KINDS.map((k) => (
                    <tr key={k}>
                      <th scope="row">{KIND_LABELS[k]}</th>
                      <td>{KIND_HINTS[k]}</td>
                      <td>{clockLabel(policies[k])}</td>
                      <td>{policies[k].isOpen ? <a href={`${base}/interaction/new?kind=${k}`}>我要{k === 'mailbox' ? '写信' : '留言'}<span class="sr-only">（{KIND_LABELS[k]}）</span></a> : '暂未开通'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p>
              <a href={`${base}/interaction/track`}>查询留言办理情况</a>
            </p>
            <h2>公开问答</h2>
            <QaList items={qa.items} />
            {qa.total > qa.items.length ? (
              <p>
                <a href={`${base}/interaction/qa`}>查看全部 {qa.total} 条公开问答</a>
              </p>
            ) : null}
            <h2>调查征集</h2>
            {surveys.length === 0 ? <p>暂无调查征集。</p> : null}
            <ul class="list">
              {surveys.map((s) => (
                <li key={s.id}>
                  <a href={`${base}/interaction/surveys/${s.id}`}>{s.title}</a> <span class="muted">{s.opensOn} 至 {s.closesOn}{s.closesOn < today ? (s.isResultPublic ? '（已结束，查看结果）' : '（已结束）') : '（进行中）'}</span>
                </li>
              ))}
            </ul>
            <h2>互动交流统计</h2>
            <StatsTable stats={stats} caption={`${year} 年留言办理情况（按收到日期统计）`} />
            <p>
              <a href={`${base}/interaction/stats`}>历年统计</a>
            </p>
          </>,
        ),
      );
    });

    app.get(`${prefix}/interaction/new`, { schema: { hide: true } }, async (req, reply) => formPage(req, reply, { kindRaw: str((req.query as { kind?: unknown }).kind), values: {} }));

    app.post(`${prefix}/interaction/new`, { schema: { hide: true }, config: { rateLimit: SUBMIT_RATE } }, async (req, reply) => {
      const body = formBody(req);
      const parsed = parseMessageInput(Object.fromEntries(Object.entries(body).map(([k, v]) => [k, str(v)])));
      const kindRaw = str(body.kind);
      if (!parsed.input) return formPage(req, reply, { kindRaw, values: parsed.values, errors: parsed.errors }, 400);
      const p = await siteOf(req);
      try {
        const done = await submitMessage(ctx, { centerId: p.center.id, input: parsed.input, now: ctx.clock() });
        const base = p.site.basePath;
        return sendHtml(
          reply,
          layout(req, p, `${KIND_LABELS[parsed.input.kind]}留言已提交`, '/interaction/new', <>
            <h1>{KIND_LABELS[parsed.input.kind]}</h1>
            <SubmittedNotice trackingNo={done.message.trackingNo} accessCode={done.accessCode} clockLabel={done.clockLabel} dueOn={done.message.dueOn} isDueProvisional={done.message.isDueProvisional} trackUrl={`${base}/interaction/track`} />
          </>),
        );
      } catch (err) {
        if (err instanceof AppError && err.status < 500) return formPage(req, reply, { kindRaw, values: parsed.values, errors: err.fields ?? [{ field: 'kind', message: err.userMessage }], errorCode: err.code }, err.status);
        throw err;
      }
    });

    app.get(`${prefix}/interaction/track`, { schema: { hide: true } }, async (req, reply) => trackPage(req, reply, { values: {} }));

    app.post(`${prefix}/interaction/track`, { schema: { hide: true }, config: { rateLimit: TRACK_RATE } }, async (req, reply) => {
      const body = formBody(req);
      const values = { trackingNo: str(body.trackingNo).slice(0, 60), accessCode: str(body.accessCode).slice(0, 60) };
      const errors: FieldError[] = [];
      if (!values.trackingNo.trim()) errors.push({ field: 'trackingNo', message: '留言编号：不能为空' });
      if (!values.accessCode.trim()) errors.push({ field: 'accessCode', message: '查询码：不能为空' });
      if (errors.length > 0) return trackPage(req, reply, { values, errors }, 400);
      // The number and the code are the secret; a message sent on another center's portal is found too.
      const m = await findTracking(ctx, { centerId: null, trackingNo: values.trackingNo, accessCode: values.accessCode });
      if (!m) return trackPage(req, reply, { values, errors: [{ field: 'trackingNo', message: '留言编号：未找到该留言，请核对留言编号和查询码' }] }, 404);
      return trackPage(req, reply, { values: { trackingNo: values.trackingNo }, result: m });
    });

    app.get(`${prefix}/interaction/qa`, { schema: { hide: true } }, async (req, reply) => {
      const p = await siteOf(req);
      const q = req.query as { kind?: string; page?: string };
      const kind = isMessageKind(q.kind) ? q.kind : undefined;
      const page = pageParam(q.page);
      const list = await publicQaPage(ctx, scopeOf(p), { page, limit: QA_PAGE, kind });
      const href = (n: number) => `${p.site.basePath}/interaction/qa?${new URLSearchParams({ ...(kind ? { kind } : {}), page: String(n) }).toString()}`;
      return sendHtml(
        reply,
        layout(req, p, '公开问答', '/interaction/qa', <>
          <h1>公开问答</h1>
          <QaList items={list.items} />
          <Pagination page={page} pageCount={Math.max(1, Math.ceil(list.total / QA_PAGE))} href={href} />
        </>),
      );
    });

    app.get(`${prefix}/interaction/qa/:id`, { schema: { hide: true } }, async (req, reply) => {
      const p = await siteOf(req);
      const id = Number((req.params as { id: string }).id);
      const row = Number.isInteger(id) && id > 0 && id < 2_147_483_647 ? await findPublicQa(ctx.db, id) : null;
      if (!row || row.centerId !== p.center.id) throw notFound('问答');
      const qa = presentPublicQa(row, `${p.site.basePath}/interaction/qa/${row.id}`);
      return sendHtml(
        reply,
        layout(req, p, qa.title, `/interaction/qa/${row.id}`, <>
          <article class="article">
            <h1>{qa.title}</h1>
            <p class="article-meta">
              {qa.kindLabel} · 收到于 {qa.receivedOn} · 答复于 {qa.repliedOn ?? ''}
            </p>
            <h2>问题</h2>
            <Paragraphs text={qa.question} />
            <h2>答复</h2>
            <Paragraphs text={qa.answer} />
          </article>
        </>),
      );
    });

    app.get(`${prefix}/interaction/stats`, { schema: { hide: true } }, async (req, reply) => {
      const p = await siteOf(req);
      const thisYear = Number(formatDate(ctx.clock()).slice(0, 4));
      const asked = Number((req.query as { year?: string }).year);
      const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : thisYear;
      const stats = await messageStats(ctx.db, [p.center.id], `${year}-01-01`, `${year}-12-31`);
      const years = [thisYear, thisYear - 1, thisYear - 2];
      return sendHtml(
        reply,
        layout(req, p, '互动交流统计', '/interaction/stats', <>
          <h1>互动交流统计</h1>
          <nav aria-label="统计年度" class="chips-nav">
            <ul class="chips">
              {years.map((y) => (
                <li key={y}>
                  <a href={`${p.site.basePath}/interaction/stats?year=${y}`} aria-current={y === year ? 'page' : undefined}>
                    {y} 年
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <StatsTable stats={stats} caption={`${year} 年留言办理情况（按收到日期统计）`} />
          <p class="hint">按期答复：在本中心承诺的答复期限内答复；平均用时：自收到次日起至答复日的工作日数的平均值。</p>
        </>),
      );
    });
  }

  async function formPage(req: FastifyRequest, reply: FastifyReply, s: { kindRaw: string; values: Record<string, string>; errors?: FieldError[]; errorCode?: string }, status = 200) {
    const p = await siteOf(req);
    const policies = await policiesOf(ctx.db, p.center.id);
    const base = p.site.basePath;
    const kind: MessageKind | null = isMessageKind(s.kindRaw) && policies[s.kindRaw].isOpen ? s.kindRaw : null;
    if (!kind) {
      const problem = s.kindRaw ? (isMessageKind(s.kindRaw) ? `本中心暂未开通“${KIND_LABELS[s.kindRaw]}”留言` : '留言类型：请从下列类型中选择') : undefined;
      return sendHtml(
        reply,
        layout(req, p, '我要留言', '/interaction/new', <>
          <h1>我要留言</h1>
          {problem ? <div class="error-summary" role="alert">{problem}</div> : null}
          <p>请选择留言类型：</p>
          <ul class="list">
            {MESSAGE_KINDS.filter((k) => policies[k].isOpen).map((k) => (
              <li key={k}>
                <a href={`${base}/interaction/new?kind=${k}`}>{KIND_LABELS[k]}</a>：{KIND_HINTS[k]}（{clockLabel(policies[k])}内答复）
              </li>
            ))}
          </ul>
        </>),
        s.kindRaw && status === 200 ? 400 : status,
      );
    }
    return sendHtml(
      reply,
      layout(req, p, `${KIND_LABELS[kind]}留言`, `/interaction/new?kind=${kind}`, <>
        <h1>{KIND_LABELS[kind]}</h1>
        <MessageForm action={`${base}/interaction/new`} kind={kind} policy={policies[kind]} csrf={reply.generateCsrf()} values={s.values} errors={s.errors} errorCode={s.errorCode} />
      </>),
      status,
    );
  }

  async function trackPage(req: FastifyRequest, reply: FastifyReply, s: { values: Record<string, string>; errors?: FieldError[]; result?: ReturnType<typeof presentTracking> }, status = 200) {
    const p = await siteOf(req);
    return sendHtml(
      reply,
      layout(req, p, '留言办理查询', '/interaction/track', <>
        <h1>留言办理查询</h1>
        {s.result ? <TrackingResult t={s.result} /> : null}
        <TrackForm action={`${p.site.basePath}/interaction/track`} csrf={reply.generateCsrf()} values={s.values} errors={s.errors} />
      </>),
      status,
    );
  }
}

function scopeOf(p: PortalSite): PortalScope {
  return { centerId: p.center.id, basePath: p.site.basePath };
}
