import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../platform/context.ts';
import { AppError, validationError } from '../platform/errors.ts';
import { listCalendarDays, listCalendarYears } from './calendar.repo.ts';
import { presentDay, presentWorkingDays, presentYear } from './calendar.presenter.ts';
import { parseWorkingDaysQuery, parseYearParam, WorkingDaysBody, WorkingDaysQuerySchema, YearBody, YearListBody, YearParams } from './calendar.schema.ts';
import { addWorkingDays } from './working-days.ts';

const TAG = '工作日历';
// Answers change only when an administrator enters a year; a minute of staleness is harmless.
const CACHE = 'public, max-age=60';

/** The public working-day calendar: the n-th working day after a date, and the years it knows. */
export function registerCalendarApi(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/calendar/working-days',
    {
      // The schema documents the parameters; the handler checks them (Chinese messages naming the field).
      attachValidation: true,
      schema: {
        summary: '推算工作日',
        description:
          '开始日期之后第 N 个工作日（开始日期本身不计入，与《政府信息公开条例》答复期限的算法相同）。工作日为周一至周五，除去国务院办公厅公布的法定节假日，加上调休上班日。尚未录入节假日安排的年份按周一至周五推算，并以 provisional 标明。',
        tags: [TAG],
        querystring: WorkingDaysQuerySchema,
        response: { 200: WorkingDaysBody, 400: ErrorBody },
      },
    },
    async (req, reply) => {
      const parsed = parseWorkingDaysQuery(req.query);
      if (!parsed.query) throw validationError(parsed.errors);
      const cal = await ctx.calendar.get();
      reply.header('cache-control', CACHE);
      return presentWorkingDays(addWorkingDays(cal, parsed.query.from, parsed.query.add));
    },
  );

  app.get(
    '/api/v1/calendar/years',
    { schema: { summary: '已录入的年份', description: '已录入国务院节假日安排的年份，及其依据和版本。未列出的年份按周一至周五推算。', tags: [TAG], response: { 200: YearListBody } } },
    async (_req, reply) => {
      reply.header('cache-control', CACHE);
      return { items: (await listCalendarYears(ctx.db)).map(presentYear) };
    },
  );

  app.get(
    '/api/v1/calendar/years/:year',
    { attachValidation: true, schema: { summary: '一年的节假日安排', tags: [TAG], params: YearParams, response: { 200: YearBody, 400: ErrorBody, 404: ErrorBody } } },
    async (req, reply) => {
      const parsed = parseYearParam(typeof req.params === 'object' && req.params !== null ? Reflect.get(req.params, 'year') : undefined);
      if ('error' in parsed) throw validationError([parsed.error]);
      const year = (await listCalendarYears(ctx.db)).find((y) => y.year === parsed.year);
      if (!year) throw new AppError('NOT_FOUND', { userMessage: `${parsed.year} 年的节假日安排尚未录入，该年按周一至周五推算` });
      const days = await listCalendarDays(ctx.db, parsed.year);
      reply.header('cache-control', CACHE);
      return { ...presentYear(year), days: days.map(presentDay) };
    },
  );
}

const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))), requestId: Type.String() }),
});
