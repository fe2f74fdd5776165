import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { basePathOf } from '../../portal/portal.service.ts';
import { sendReportDocument, type DocumentFormat } from './annual.export.ts';
import { findPublishedSnapshot, listPublishedReports } from './annual.repo.ts';
import { parseYear } from './annual.service.ts';

/**
 * The public contract of 年度报告 (DESIGN.md): the published reports, and one report as JSON or as a
 * document. Only published reports are answered, with the figures and texts of the published revision.
 * PDF is an admin download only: printing in Chromium is too costly to offer to anonymous callers.
 */
export function registerAnnualReportApi(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/api/v1/annual-reports',
    {
      schema: {
        summary: '已发布的政府信息公开工作年度报告',
        description: '各中心已发布的年度报告，年度新者在前。center 为中心代码时只列该中心的报告。',
        tags: ['年度报告'],
        querystring: Type.Object({ center: Type.Optional(Type.String({ maxLength: 40 })) }),
        response: { 200: Type.Array(ListItem), 404: ErrorBody },
      },
    },
    async (req) => {
      const tree = await ctx.centers.get();
      const code = (req.query as { center?: string }).center;
      const only = code ? tree.byCode.get(code) : null;
      if (code && !only) throw notFound('中心');
      const rows = await listPublishedReports(ctx.db, only ? [only.id] : null);
      return rows.flatMap((r) => {
        const c = tree.byId.get(r.centerId);
        return c ? [{ year: r.year, center: { code: c.code, name: c.name }, url: `/api/v1/annual-reports/${r.year}?center=${encodeURIComponent(c.code)}`, pageUrl: `${basePathOf(c, tree.root.id)}/art/${r.articleId}` }] : [];
      });
    },
  );

  app.get(
    '/api/v1/annual-reports/:year',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        summary: '一份年度报告（JSON，或 Word / Excel / 网页）',
        description:
          '按《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）：sections 为一至六部分的正文，tables 为表二、表三、表四（行列标签与格式原文一致，id 稳定不变），checks 为发布前核对结果。format=docx|xlsx|html 时返回相应文件。只返回已发布的报告；center 缺省为省级中心。',
        tags: ['年度报告'],
        params: Type.Object({ year: Type.String({ maxLength: 10, description: '年度，如 2025' }) }),
        querystring: Type.Object({ center: Type.Optional(Type.String({ maxLength: 40 })), format: Type.Optional(Type.String({ maxLength: 10, description: 'docx、xlsx 或 html；缺省为 JSON' })) }),
        response: { 200: ReportBody, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req, reply) => {
      const q = req.query as { center?: string; format?: string };
      const year = parseYear((req.params as { year?: string }).year, { now: ctx.clock() });
      const format = publicFormat(q.format);
      const tree = await ctx.centers.get();
      const center = q.center ? tree.byCode.get(q.center) : tree.root;
      if (!center) throw notFound('中心');
      const found = await findPublishedSnapshot(ctx.db, center.id, year);
      if (!found) throw new AppError('ANNUAL_REPORT_NOT_FOUND', { userMessage: `${center.name}${year}年度报告尚未发布` });
      const doc = { ...found.snapshot, status: 'published' as const };
      if (format) return sendReportDocument(reply, { doc, format, isPublic: true });
      return doc;
    },
  );
}

function publicFormat(v: string | undefined): Exclude<DocumentFormat, 'pdf'> | null {
  if (v === undefined || v === '' || v === 'json') return null;
  if (v === 'docx' || v === 'xlsx' || v === 'html') return v;
  throw new AppError('VALIDATION_FAILED', { userMessage: 'format：只能是 docx、xlsx 或 html（缺省为 JSON）', fields: [{ field: 'format', message: 'format：只能是 docx、xlsx 或 html' }] });
}

const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))), requestId: Type.String() }),
});
const CenterRef = Type.Object({ code: Type.String(), name: Type.String() });
const ListItem = Type.Object({ year: Type.Integer(), center: CenterRef, url: Type.String({ description: '本接口中该报告的地址' }), pageUrl: Type.String({ description: '门户网站上该报告的页面' }) });
const Column = Type.Object({ id: Type.String(), label: Type.String(), group: Type.Optional(Type.String()) });
const Values = Type.Record(Type.String(), Type.Number());
const ReportBody = Type.Object({
  year: Type.Integer(),
  center: CenterRef,
  title: Type.String(),
  format: Type.String(),
  status: Type.String(),
  preamble: Type.String(),
  sections: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), text: Type.String() })),
  tables: Type.Object({
    proactive: Type.Object({
      blocks: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), columns: Type.Array(Column) })),
      rows: Type.Array(Type.Object({ id: Type.String(), block: Type.String(), label: Type.String(), values: Values })),
    }),
    requests: Type.Object({ columns: Type.Array(Column), rows: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), groups: Type.Array(Type.String()), values: Values })) }),
    reviewLitigation: Type.Object({ columns: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), group: Type.String(), groupLabel: Type.String() })), values: Values }),
  }),
  checks: Type.Array(Type.Object({ id: Type.String(), ok: Type.Boolean(), level: Type.String(), message: Type.String() })),
});
