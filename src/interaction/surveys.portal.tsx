import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formBody, sendHtml } from '../admin/admin.http.tsx';
import { formatDate } from '../platform/dates.ts';
import { AppError, notFound, type FieldError } from '../platform/errors.ts';
import { PortalLayout } from '../platform/views/portal-layout.tsx';
import type { PortalDeps } from '../portal/portal.deps.ts';
import { isElderMode } from '../portal/portal.http.ts';
import { getPortalSite } from '../portal/portal.service.ts';
import { Paragraphs } from './interaction.views.tsx';
import { SUBMIT_RATE } from './messages.portal.tsx';
import { answerSurvey } from './operations/answer-survey.ts';
import { SurveyForm, SurveyResults } from './survey.view.tsx';
import { tallySurvey } from './survey-results.ts';
import { findSurvey, listSurveyResponses } from './surveys.repo.ts';

/** 调查征集 on the portal: the questionnaire during the period, the results once the staff publish them. */
export function registerSurveysPortal(app: FastifyInstance, deps: PortalDeps): void {
  const { ctx } = deps;
  const page = async (req: FastifyRequest, reply: FastifyReply, state: { values: Record<string, string | string[]>; errors?: FieldError[]; isDone?: boolean }, status = 200) => {
    const p = await getPortalSite(ctx, (req.params as { code?: string }).code ?? null);
    const id = Number((req.params as { id: string }).id);
    const survey = Number.isInteger(id) && id > 0 && id < 2_147_483_647 ? await findSurvey(ctx.db, id) : null;
    const today = formatDate(ctx.clock());
    if (!survey || survey.centerId !== p.center.id || survey.opensOn > today) throw notFound('调查');
    const isOpen = today <= survey.closesOn;
    const tally = survey.isResultPublic ? tallySurvey(survey.questions, (await listSurveyResponses(ctx.db, survey.id)).map((r) => r.answers)) : null;
    const url = `${p.site.basePath}/interaction/surveys/${survey.id}`;
    return sendHtml(
      reply,
      <PortalLayout site={p.site} nav={p.nav} isElder={isElderMode(req)} meta={{ title: survey.title, url, columnName: '调查征集', columnType: '互动交流' }}>
        <p class="breadcrumb">
          <a href={`${p.site.basePath}/`}>首页</a> › <a href={`${p.site.basePath}/interaction`}>互动交流</a> › 调查征集
        </p>
        <h1>{survey.title}</h1>
        <p class="article-meta">
          征集时间：{survey.opensOn} 至 {survey.closesOn}
          {isOpen ? '（进行中）' : '（已结束）'}
        </p>
        {survey.description ? <Paragraphs text={survey.description} /> : null}
        {state.errors?.some((e) => e.field === 'survey') ? (
          <div class="error-summary" role="alert">
            {state.errors.find((e) => e.field === 'survey')?.message}
          </div>
        ) : null}
        {state.isDone ? (
          <p class="flash" role="status">
            感谢您的参与，您的答卷已提交。
          </p>
        ) : isOpen ? (
          <SurveyForm action={url} csrf={reply.generateCsrf()} questions={survey.questions} values={state.values} errors={state.errors} />
        ) : (
          <p>本调查已结束。</p>
        )}
        {tally ? <SurveyResults tally={tally} isStaff={false} /> : null}
        {survey.isResultPublic && survey.resultSummary ? (
          <section aria-labelledby="summary-title">
            <h2 id="summary-title">结果说明</h2>
            <Paragraphs text={survey.resultSummary} />
          </section>
        ) : null}
      </PortalLayout>,
      status,
    );
  };

  for (const prefix of ['', '/c/:code']) {
    app.get(`${prefix}/interaction/surveys/:id`, { schema: { hide: true } }, async (req, reply) => page(req, reply, { values: {} }));
    app.post(`${prefix}/interaction/surveys/:id`, { schema: { hide: true }, config: { rateLimit: SUBMIT_RATE } }, async (req, reply) => {
      const p = await getPortalSite(ctx, (req.params as { code?: string }).code ?? null);
      const id = Number((req.params as { id: string }).id);
      if (!Number.isInteger(id) || id <= 0 || id >= 2_147_483_647) throw notFound('调查');
      const body = formBody(req);
      const values: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(body)) if (typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))) values[k] = typeof v === 'string' ? v.slice(0, 4000) : v.slice(0, 30);
      try {
        await answerSurvey(ctx, { centerId: p.center.id, surveyId: id, form: values, clientIp: req.ip, now: ctx.clock() });
      } catch (err) {
        if (err instanceof AppError && err.status < 500 && err.code !== 'NOT_FOUND') return page(req, reply, { values, errors: err.fields ?? [{ field: 'survey', message: err.userMessage }] }, err.status);
        throw err;
      }
      return page(req, reply, { values: {}, isDone: true });
    });
  }
}
