import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../platform/context.ts';
import { AppError, validationError } from '../platform/errors.ts';
import { APPLICANT_TYPES, DELIVERY_FORMS } from './disclosure.model.ts';
import { findPublicCase } from './disclosure.query.ts';
import { fileRequest } from './operations/file-request.ts';

/**
 * The public API of 依申请公开 (DESIGN.md, "Public contract"): intake, and the status of a case for whoever
 * holds its tracking number and access code. Neither answer ever holds the applicant's personal data.
 */
export function registerDisclosureApi(app: FastifyInstance, ctx: AppContext): void {
  app.post(
    '/api/v1/disclosure-requests',
    {
      attachValidation: true,
      bodyLimit: 64 * 1024,
      config: { rateLimit: { max: ctx.config.intakeRateLimit, timeWindow: '10 minutes' } },
      schema: {
        summary: '提交政府信息公开申请',
        description:
          '网上提交依申请公开。自然人须填写身份证号码（校验位核验），法人或其他组织须填写统一社会信用代码（GB 32100 校验位核验）。返回受理编号与查询码（查询码只返回这一次，请妥善保存）；以提交当日为收到申请之日，答复期限为其后第 20 个工作日。',
        tags: ['依申请公开'],
        body: Type.Object({
          center: Type.Optional(Type.String({ description: '受理中心代码，缺省为本平台的省级中心' })),
          applicantType: Type.Enum([...APPLICANT_TYPES], { description: '申请人类型（年度报告表三的六列）' }),
          name: Type.String({ maxLength: 100, description: '姓名或名称' }),
          idNumber: Type.Optional(Type.String({ description: '公民身份号码（自然人）' })),
          creditCode: Type.Optional(Type.String({ description: '统一社会信用代码（法人或其他组织）' })),
          contact: Type.Object({ phone: Type.Optional(Type.String()), email: Type.Optional(Type.String()), address: Type.Optional(Type.String()) }, { description: '联系方式，至少一项' }),
          description: Type.String({ maxLength: 5000, description: '所需政府信息的名称、文号或便于查询的其他特征性描述' }),
          purpose: Type.Optional(Type.String({ maxLength: 1000 })),
          deliveryForm: Type.Enum([...DELIVERY_FORMS], { description: 'electronic 电子文档，paper 纸质文本，inspect 当场查阅' }),
        }),
        response: {
          201: Type.Object({ trackingNo: Type.String(), accessCode: Type.String(), status: Type.String(), receivedOn: Type.String(), dueOn: Type.Union([Type.String(), Type.Null()]) }),
          400: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
      const tree = await ctx.centers.get();
      const code = typeof body.center === 'string' ? body.center : '';
      const center = code ? tree.byCode.get(code) : tree.root;
      if (!center) throw validationError([{ field: 'center', message: '受理中心：代码不存在' }]);
      try {
        const filed = await fileRequest(ctx, { centerId: center.id, raw: body, channel: 'online', actor: null });
        return reply.status(201).send({ trackingNo: filed.request.trackingNo, accessCode: filed.accessCode, status: filed.request.status, receivedOn: filed.request.receivedOn ?? '', dueOn: filed.request.dueOn });
      } catch (err) {
        // The form's values travel with the error for the portal form; the API does not echo them.
        if (err instanceof AppError && err.fields) throw validationError(err.fields);
        throw err;
      }
    },
  );

  app.get(
    '/api/v1/disclosure-requests/:trackingNo',
    {
      attachValidation: true,
      config: { rateLimit: { max: 60, timeWindow: '10 minutes' } },
      schema: {
        summary: '查询申请办理情况',
        description: '凭受理编号和查询码查看办理状态、答复期限、办理过程和答复书正文；不含申请人个人信息。受理编号或查询码不正确时返回 404。',
        tags: ['依申请公开'],
        params: Type.Object({ trackingNo: Type.String({ maxLength: 40 }) }),
        querystring: Type.Object({ accessCode: Type.String({ maxLength: 40, description: '提交申请时获得的查询码' }) }),
        response: { 200: PublicCaseBody, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      const trackingNo = String((req.params as { trackingNo?: unknown }).trackingNo ?? '');
      const accessCode = (req.query as { accessCode?: unknown }).accessCode;
      if (typeof accessCode !== 'string' || !accessCode.trim()) throw validationError([{ field: 'accessCode', message: '查询码：不能为空' }]);
      return findPublicCase(ctx.db, trackingNo, accessCode);
    },
  );
}

const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))), requestId: Type.String() }),
});

const NullableString = Type.Union([Type.String(), Type.Null()]);
const PublicCaseBody = Type.Object({
  trackingNo: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  receivedOn: NullableString,
  dueOn: NullableString,
  isDueProvisional: Type.Boolean(),
  outcome: NullableString,
  outcomeLabel: NullableString,
  history: Type.Array(Type.Object({ date: Type.String(), kind: Type.String(), label: Type.String(), detail: Type.String() })),
  reply: Type.Union([Type.Object({ body: Type.String(), servedOn: NullableString }), Type.Null()]),
});
