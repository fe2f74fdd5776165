import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { asFormError, formBody, intParam, sendHtml, shellFor, str } from '../admin/admin.http.tsx';
import { actorOf } from '../accounts/staff-session.ts';
import type { AppContext } from '../platform/context.ts';
import { beijingYear } from '../platform/dates.ts';
import { AppError, type FieldError } from '../platform/errors.ts';
import { formatArrangementText, parseArrangementForm, type ArrangementForm } from './arrangement.schema.ts';
import { findCalendarChange, findCalendarYear, listCalendarChanges, listCalendarDays, listCalendarYears } from './calendar.repo.ts';
import { parseYearParam } from './calendar.schema.ts';
import type { CalendarDayEntry } from './calendar.tables.ts';
import { CalendarPage } from './calendar.view.tsx';
import { changeCalendarYear } from './operations/change-year.ts';

const manage = { access: { kind: 'perm', permission: 'site.manage' } } as const;

type FormState = { values?: ArrangementForm; errors?: FieldError[]; preview?: CalendarDayEntry[]; expectedVersion?: number; yearQuery?: { input: string; error: string } };

/**
 * 工作日历 in the back office. The calendar is national, so only the root center (the province) keeps it;
 * every other center is told so (404) rather than offered a form whose effect would reach all centers.
 */
export function registerCalendarAdmin(app: FastifyInstance, ctx: AppContext): void {
  const rootCid = async (req: FastifyRequest): Promise<number> => {
    const cid = intParam((req.params as { cid: string }).cid);
    const tree = await ctx.centers.get();
    if (tree.byId.get(cid)?.parentId !== null) {
      throw new AppError('NOT_FOUND', { userMessage: `工作日历全国统一，由${tree.root.name}维护；本中心无需设置。` });
    }
    return cid;
  };

  const flashOf = async (req: FastifyRequest): Promise<string | undefined> => {
    const id = Number((req.query as { changed?: string }).changed);
    const change = Number.isSafeInteger(id) && id > 0 ? await findCalendarChange(ctx.db, id) : null;
    if (!change) return undefined;
    return `已更新 ${change.year} 年的节假日安排（第 ${change.version} 版）；${change.casesMoved} 件办理中的申请答复期限随之调整（含依申请公开申请和互动留言）。`;
  };

  const render = async (req: FastifyRequest, reply: FastifyReply, cid: number, year: number, state: FormState, status = 200) => {
    const [years, current, days, history, flash] = await Promise.all([listCalendarYears(ctx.db), findCalendarYear(ctx.db, year), listCalendarDays(ctx.db, year), listCalendarChanges(ctx.db, 50), flashOf(req)]);
    const shell = await shellFor(ctx, req, reply, cid, `/admin/c/${cid}/calendar`);
    const values = state.values ?? { year: String(year), source: current?.source ?? '', days: formatArrangementText(days) };
    return sendHtml(
      reply,
      <CalendarPage
        cid={cid}
        shell={shell}
        flash={flash}
        thisYear={beijingYear(ctx.clock())}
        years={years}
        year={year}
        current={current}
        days={days}
        expectedVersion={state.expectedVersion ?? current?.version ?? 0}
        values={values}
        errors={state.errors}
        yearQuery={state.yearQuery}
        preview={state.preview}
        history={history}
      />,
      status,
    );
  };

  app.get('/admin/c/:cid/calendar', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const cid = await rootCid(req);
    const raw = (req.query as { year?: unknown }).year;
    const fallback = beijingYear(ctx.clock()) + 1; // the year an administrator most often comes to enter
    if (raw === undefined || raw === '') return render(req, reply, cid, fallback, {});
    const parsed = parseYearParam(raw);
    if ('error' in parsed) return render(req, reply, cid, fallback, { yearQuery: { input: str(raw).slice(0, 10), error: parsed.error.message } }, 400);
    return render(req, reply, cid, parsed.year, {});
  });

  app.post('/admin/c/:cid/calendar', { config: manage, schema: { hide: true } }, async (req, reply) => {
    const cid = await rootCid(req);
    const body = formBody(req);
    // Bounded before parsing and echoing: anything longer is refused by the parser anyway.
    const values: ArrangementForm = { year: str(body.year).slice(0, 10), source: str(body.source).slice(0, 1000), days: str(body.days).slice(0, 40_000) };
    const version = /^\d{1,9}$/.test(str(body.expectedVersion)) ? Number(str(body.expectedVersion)) : undefined;
    const parsed = parseArrangementForm(values);
    const posted = parseYearParam(values.year.trim());
    const shownYear = 'year' in posted ? posted.year : beijingYear(ctx.clock()) + 1;
    if (!parsed.value) return render(req, reply, cid, shownYear, { values, errors: parsed.errors, expectedVersion: version }, 400);
    if (str(body.intent) === 'preview') return render(req, reply, cid, shownYear, { values, preview: parsed.value.days, expectedVersion: version });
    try {
      const result = await changeCalendarYear(ctx, actorOf(req), { ...parsed.value, expectedVersion: version });
      return reply.redirect(`/admin/c/${cid}/calendar?year=${result.year}&changed=${result.changeId}`, 303);
    } catch (err) {
      const e = asFormError(err);
      const errors = e.fields ?? [{ field: 'days', message: e.userMessage }];
      // After a conflict the page shows the newer version above the form; saving again replaces it knowingly.
      return render(req, reply, cid, shownYear, { values, errors, expectedVersion: e.code === 'CONFLICT_STALE' ? undefined : version }, e.status);
    }
  });
}
