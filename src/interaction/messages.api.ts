import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../platform/context.ts';
import { AppError, validationError, type FieldError } from '../platform/errors.ts';
import { basePathOf } from '../portal/portal.service.ts';
import { findTracking, publicQaPage } from './interaction.query.ts';
import { LIMITS, MESSAGE_KINDS, isMessageKind } from './messages.model.ts';
import { SUBMIT_RATE, TRACK_RATE } from './messages.portal.tsx';
import { parseMessageInput } from './messages.schema.ts';
import { submitMessage } from './operations/submit-message.ts';

/**
 * The public JSON API of 互动交流. The schemas document the contract and drop undeclared fields from
 * answers; the handlers validate with the portal form's parser, so a problem is named in Chinese with its
 * field. No answer ever carries the sender's name, phone or e-mail.
 */
export function registerMessagesApi(app: FastifyInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/messages',
    {
      attachValidation: true,
      config: { rateLimit: SUBMIT_RATE },
      schema: {
        summary: '提交留言',
        description: '咨询、质疑、投诉、举报、主任信箱、意见建议或网站找错。返回留言编号和查询码（查询码只返回这一次）。姓名和联系方式不会公开。',
        tags: ['互动交流'],
        body: Type.Object({
          center: Type.Optional(Type.String({ maxLength: 20, description: '中心代码，缺省为本平台的上级中心' })),
          kind: Type.Enum([...MESSAGE_KINDS], { description: '留言类型' }),
          subject: Type.String({ maxLength: LIMITS.subject, description: '标题' }),
          body: Type.String({ maxLength: LIMITS.body, description: '内容（纯文字）' }),
          reference: Type.Optional(Type.String({ maxLength: LIMITS.reference, description: '质疑：项目编号或公告名称（必填）；网站找错：页面地址（必填）' })),
          name: Type.Optional(Type.String({ maxLength: LIMITS.name, description: '姓名或单位名称（质疑、投诉必填）' })),
          phone: Type.Optional(Type.String({ maxLength: LIMITS.phone, description: '联系电话' })),
          email: Type.Optional(Type.String({ maxLength: LIMITS.email, description: '电子邮箱（除举报、网站找错外，电话和邮箱至少填一项）' })),
        }),
        response: { 201: SubmittedBody, 400: ErrorBody, 403: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      const raw = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
      const parsed = parseMessageInput(raw);
      const tree = await ctx.centers.get();
      const code = raw.center;
      const center = code === undefined || code === null || code === '' ? tree.root : typeof code === 'string' ? tree.byCode.get(code) : undefined;
      const errors = [...parsed.errors];
      if (!center || !center.isActive) errors.push({ field: 'center', message: '中心代码：不存在' });
      if (!parsed.input || !center || errors.length > 0) throw validationError(errors);
      const done = await submitMessage(ctx, { centerId: center.id, input: parsed.input, now: ctx.clock() });
      const m = done.message;
      return reply.status(201).send({ trackingNo: m.trackingNo, accessCode: done.accessCode, kind: m.kind, center: center.code, receivedOn: m.receivedOn, dueOn: m.dueOn, isDueProvisional: m.isDueProvisional, clock: done.clockLabel });
    },
  );

  app.get(
    '/api/v1/messages/public',
    {
      attachValidation: true,
      schema: {
        summary: '公开问答',
        description: '经工作人员整理、不含个人信息的公开问答，按公开时间倒序。',
        tags: ['互动交流'],
        querystring: Type.Object({
          center: Type.Optional(Type.String({ maxLength: 20, description: '中心代码，缺省为上级中心' })),
          kind: Type.Optional(Type.Enum([...MESSAGE_KINDS])),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
        }),
        response: { 200: QaListBody, 400: ErrorBody },
      },
    },
    async (req) => {
      const q = req.query as Record<string, unknown>;
      const tree = await ctx.centers.get();
      const errors: FieldError[] = [];
      const center = q.center === undefined || q.center === '' ? tree.root : typeof q.center === 'string' ? tree.byCode.get(q.center) : undefined;
      if (!center || !center.isActive) errors.push({ field: 'center', message: '中心代码：不存在' });
      if (q.kind !== undefined && q.kind !== '' && !isMessageKind(q.kind)) errors.push({ field: 'kind', message: '留言类型：取值不在允许范围内' });
      const page = intOf(q.page, 1, 10000, 1);
      const limit = intOf(q.limit, 1, 100, 20);
      if (page === null) errors.push({ field: 'page', message: '页码：应为 1 到 10000 之间的整数' });
      if (limit === null) errors.push({ field: 'limit', message: '每页条数：应为 1 到 100 之间的整数' });
      if (errors.length > 0 || !center || page === null || limit === null) throw validationError(errors);
      const list = await publicQaPage(ctx, { centerId: center.id, basePath: basePathOf(center, tree.root.id) }, { page, limit, kind: isMessageKind(q.kind) ? q.kind : undefined });
      return { items: list.items, total: list.total };
    },
  );

  app.get(
    '/api/v1/messages/:trackingNo',
    {
      attachValidation: true,
      config: { rateLimit: TRACK_RATE },
      schema: {
        summary: '查询留言办理情况',
        description: '凭留言编号和查询码查询状态和答复。编号或查询码不对时一律返回 404。',
        tags: ['互动交流'],
        params: Type.Object({ trackingNo: Type.String({ maxLength: 40 }) }),
        querystring: Type.Object({ accessCode: Type.String({ maxLength: 40, description: '提交时返回的查询码' }) }),
        response: { 200: TrackingBody, 400: ErrorBody, 404: ErrorBody, 429: ErrorBody },
      },
    },
    async (req) => {
      const trackingNo = String((req.params as { trackingNo?: unknown }).trackingNo ?? '');
      const accessCode = (req.query as { accessCode?: unknown }).accessCode;
      if (typeof accessCode !== 'string' || accessCode.trim() === '') throw validationError([{ field: 'accessCode', message: '查询码：不能为空' }]);
      if (accessCode.length > 40 || trackingNo.length > 40) throw validationError([{ field: accessCode.length > 40 ? 'accessCode' : 'trackingNo', message: accessCode.length > 40 ? '查询码：格式不正确' : '留言编号：格式不正确' }]);
      const t = await findTracking(ctx, { centerId: null, trackingNo, accessCode });
      if (!t) throw new AppError('NOT_FOUND', { userMessage: '未找到该留言，请核对留言编号和查询码' });
      return t;
    },
  );
}

function intOf(v: unknown, min: number, max: number, fallback: number): number | null {
  if (v === undefined || v === '') return fallback;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))), requestId: Type.String() }),
});
const SubmittedBody = Type.Object({
  trackingNo: Type.String({ description: '留言编号' }),
  accessCode: Type.String({ description: '查询码，只返回这一次' }),
  kind: Type.String(),
  center: Type.String(),
  receivedOn: Type.String({ format: 'date' }),
  dueOn: Type.String({ format: 'date', description: '答复期限' }),
  isDueProvisional: Type.Boolean({ description: '该年度节假日安排尚未公布，期限暂按周一至周五计算' }),
  clock: Type.String({ description: '承诺的答复时限' }),
});
const TrackingBody = Type.Object({
  trackingNo: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  subject: Type.String(),
  status: Type.String({ description: 'open 办理中 / replied 已答复 / closed 已办结' }),
  statusLabel: Type.String(),
  receivedOn: Type.String(),
  dueOn: Type.String(),
  isDueProvisional: Type.Boolean(),
  repliedOn: Type.Union([Type.String(), Type.Null()]),
  reply: Type.Union([Type.String(), Type.Null()]),
});
const QaListBody = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.String(),
      kindLabel: Type.String(),
      title: Type.String(),
      question: Type.String(),
      answer: Type.String(),
      receivedOn: Type.String(),
      repliedOn: Type.Union([Type.String(), Type.Null()]),
      publishedAt: Type.Union([Type.String(), Type.Null()]),
      url: Type.String(),
    }),
  ),
  total: Type.Integer(),
});
