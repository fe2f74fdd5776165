import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../accounts/staff-session.ts';
import { asFormError, formBody, intParam, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import type { AppContext } from '../platform/context.ts';
import { formatDate } from '../platform/dates.ts';
import { notFound, type FieldError } from '../platform/errors.ts';
import { AdminLayout, Csrf, ErrorSummary, SelectField, TextArea, TextField } from '../platform/views/admin-layout.tsx';
import { SurveyResults } from './survey.view.tsx';
import { createSurvey } from './operations/create-survey.ts';
import { saveSurveyResults } from './operations/save-survey-results.ts';
import { tallySurvey } from './survey-results.ts';
import { findSurvey, listSurveyResponses, listSurveysOfCenter } from './surveys.repo.ts';
import { MAX_QUESTIONS, SURVEY_KIND_LABELS } from './surveys.schema.ts';

const access = { access: { kind: 'perm', permission: 'site.manage' } } as const;

/** 调查征集 in the back office: the list, a new survey (ten question slots, no script needed), results. */
export function registerSurveysAdmin(app: FastifyInstance, ctx: AppContext): void {
  const cidOf = (req: FastifyRequest) => intParam((req.params as { cid: string }).cid);

  app.get('/admin/c/:cid/surveys', { config: access, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const rows = await listSurveysOfCenter(ctx.db, cid);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/surveys`);
    return sendHtml(
      reply,
      <AdminLayout title="调查征集" shell={shell} flash={(req.query as { done?: string }).done ? '已创建。' : undefined}>
        <p>
          <a class="button" href={`/admin/c/${cid}/surveys/new`}>
            新建调查
          </a>
        </p>
        {rows.length === 0 ? <p>暂无调查。</p> : null}
        <ul class="list">
          {rows.map((s) => (
            <li key={s.id}>
              <a href={`/admin/c/${cid}/surveys/${s.id}`}>{s.title}</a>　{s.opensOn} 至 {s.closesOn}　{s.responses} 份答卷{s.isResultPublic ? '　结果已公开' : ''}
            </li>
          ))}
        </ul>
      </AdminLayout>,
    );
  });

  const renderNew = async (req: FastifyRequest, reply: FastifyReply, cid: number, state: { values: Record<string, string>; errors?: FieldError[] }, status = 200) => {
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/surveys`);
    const v = state.values;
    const today = formatDate(ctx.clock());
    const slots = Array.from({ length: MAX_QUESTIONS }, (_, i) => i + 1);
    return sendHtml(
      reply,
      <AdminLayout title="新建调查" shell={shell}>
        <form method="post" action={`/admin/c/${cid}/surveys`} class="narrow">
          <ErrorSummary errors={state.errors} />
          <Csrf token={shell.csrfToken ?? ''} />
          <TextField name="title" label="标题" value={v.title} errors={state.errors} isRequired maxLength={100} />
          <TextArea name="description" label="说明" value={v.description} errors={state.errors} rows={3} />
          <TextField name="opensOn" label="开始日期" type="date" value={v.opensOn ?? today} errors={state.errors} isRequired />
          <TextField name="closesOn" label="截止日期" type="date" value={v.closesOn} errors={state.errors} isRequired />
          <p class="hint">最多 {MAX_QUESTIONS} 道题，未填写题目的空位不会保存。选择题每行写一个选项。文字填写题的回答不公开，可在结果说明中概括。</p>
          {slots.map((i) => (
            <fieldset key={i}>
              <legend>第 {i} 题</legend>
              <TextField name={`q${i}.text`} label="题目" value={v[`q${i}.text`]} errors={state.errors} maxLength={200} />
              <SelectField name={`q${i}.kind`} label="题型" value={v[`q${i}.kind`] ?? 'single'} errors={state.errors} options={Object.entries(SURVEY_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
              <TextArea name={`q${i}.options`} label="选项（每行一个）" value={v[`q${i}.options`]} errors={state.errors} rows={3} />
              <div class="field">
                <input type="checkbox" id={`f-q${i}.required`} name={`q${i}.required`} value="on" checked={v[`q${i}.required`] === 'on'} />
                <label for={`f-q${i}.required`}>必答</label>
              </div>
            </fieldset>
          ))}
          <button type="submit">创建调查</button>
        </form>
      </AdminLayout>,
      status,
    );
  };

  app.get('/admin/c/:cid/surveys/new', { config: access, schema: { hide: true } }, async (req, reply) => renderNew(req, reply, cidOf(req), { values: {} }));
  app.post('/admin/c/:cid/surveys', { config: access, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const values = Object.fromEntries(Object.entries(formBody(req)).map(([k, v]) => [k, str(v)]));
    try {
      const s = await createSurvey(ctx, { centerId: cid, form: values, actor: actorOf(req) });
      return reply.redirect(`/admin/c/${cid}/surveys/${s.id}?done=created`, 303);
    } catch (err) {
      const e = asFormError(err);
      return renderNew(req, reply, cid, { values, errors: e.fields ?? [{ field: 'title', message: e.userMessage }] }, e.status);
    }
  });

  const renderSurvey = async (req: FastifyRequest, reply: FastifyReply, cid: number, id: number, state: { values?: Record<string, string>; errors?: FieldError[] } = {}, status = 200) => {
    const survey = await findSurvey(ctx.db, id);
    if (!survey || survey.centerId !== cid) throw notFound('调查');
    const tally = tallySurvey(survey.questions, (await listSurveyResponses(ctx.db, survey.id)).map((r) => r.answers));
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/surveys`);
    const done = (req.query as { done?: string }).done;
    return sendHtml(
      reply,
      <AdminLayout title={survey.title} shell={shell} flash={done === 'created' ? '已创建。' : done === 'results' ? '已保存。' : undefined}>
        <p>
          {survey.opensOn} 至 {survey.closesOn}　共 {tally.responses} 份答卷　<a href={`/interaction/surveys/${survey.id}`}>公开页面</a>（各中心门户路径下同样可见）
        </p>
        <SurveyResults tally={tally} isStaff />
        <form method="post" action={`/admin/c/${cid}/surveys/${survey.id}/results`} class="narrow">
          <h2>结果公开</h2>
          <ErrorSummary errors={state.errors} />
          <Csrf token={shell.csrfToken ?? ''} />
          <div class="field">
            <input type="checkbox" id="f-isResultPublic" name="isResultPublic" value="on" checked={state.values ? state.values.isResultPublic === 'on' : survey.isResultPublic} />
            <label for="f-isResultPublic">在网站公开统计结果（各选项的人数和比例）</label>
          </div>
          <TextArea name="resultSummary" label="结果说明（公开，可概括文字回答；不得含个人信息）" value={state.values?.resultSummary ?? survey.resultSummary} errors={state.errors} rows={5} />
          <button type="submit">保存</button>
        </form>
      </AdminLayout>,
      status,
    );
  };

  app.get('/admin/c/:cid/surveys/:id', { config: access, schema: { hide: true } }, async (req, reply) => renderSurvey(req, reply, cidOf(req), intParam((req.params as { id: string }).id)));
  app.post('/admin/c/:cid/surveys/:id/results', { config: access, schema: { hide: true } }, async (req, reply) => {
    const cid = cidOf(req);
    const id = intParam((req.params as { id: string }).id);
    const body = formBody(req);
    const values = { isResultPublic: str(body.isResultPublic), resultSummary: str(body.resultSummary) };
    try {
      await saveSurveyResults(ctx, { centerId: cid, surveyId: id, isResultPublic: values.isResultPublic === 'on', resultSummary: values.resultSummary, actor: actorOf(req) });
    } catch (err) {
      const e = asFormError(err);
      return renderSurvey(req, reply, cid, id, { values, errors: e.fields ?? [{ field: 'resultSummary', message: e.userMessage }] }, e.status);
    }
    return reply.redirect(`/admin/c/${cid}/surveys/${id}?done=results`, 303);
  });
}
