import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { findArticle } from '../content/articles.repo.ts';
import { uploadAttachment } from '../content/operations/upload-attachment.ts';
import type { AppContext } from '../platform/context.ts';
import { sha256Hex } from '../platform/crypto.ts';
import { AppError, notFound } from '../platform/errors.ts';
import type { Finding } from './checks/check.types.ts';
import { authenticateApiKey } from './operations/manage-agents.ts';
import { reviseNotice, statusOf, submitNotice, type Submitter, type SubmitResult } from './operations/submit-notice.ts';
import { findNotice, listProjectsOfAgent } from './trading.repo.ts';

const FindingSchema = Type.Object({ ruleId: Type.String(), severity: Type.String(), citation: Type.String(), message: Type.String(), field: Type.Optional(Type.String()) });
const ResultSchema = Type.Object({
  noticeId: Type.Integer(),
  projectId: Type.Integer(),
  status: Type.String({ description: 'published（已发布，待巡查）| in_review（待中心审核）| draft（未通过强制性检查，已存为草稿）' }),
  findings: Type.Array(FindingSchema),
  url: Type.String(),
});
const ErrorBody = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String(), requestId: Type.String() }, { additionalProperties: true }) });
const SubmissionBody = Type.Object(
  {},
  {
    additionalProperties: true,
    description:
      '公告提交：{ idempotencyKey?, projectId? | project?, type, title, bodyHtml, attachmentIds?, facts, correctionNote?, signature? }。金额以“分”为单位的整数；日期 YYYY-MM-DD；时间为带时区的 ISO 8601 或北京时间 "YYYY-MM-DD HH:MM"。signature 为对去掉 signature 字段后按键名排序、无空白的 JSON 正文的 SM2 签名（SM3 杂凑，DER 编码，十六进制）。',
  },
);

declare module 'fastify' {
  interface FastifyRequest {
    agent: { firmId: number; submitter: Submitter } | null;
  }
}

/** The agent API: notices submitted by agents' systems with an API key (and, optionally, an SM2 signature). */
export function registerAgentApi(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('agent', null);
  const authenticate = async (req: FastifyRequest): Promise<void> => {
    const found = await authenticateApiKey(ctx, req.headers.authorization);
    if (!found) throw new AppError('API_KEY_INVALID', { userMessage: '接口密钥无效或已吊销：请在 Authorization 头中以 “Bearer gkak_…” 提供有效密钥' });
    const actor = { userId: found.userId, name: `${found.firm.name}（接口）`, ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') };
    req.agent = { firmId: found.firm.id, submitter: { kind: 'agent', firm: found.firm, userId: found.userId, actor, source: 'agent_api' } };
  };
  const rateLimit = { max: 600, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => sha256Hex(String(req.headers.authorization ?? req.ip)) };
  const common = { preHandler: authenticate, bodyLimit: 2 * 1024 * 1024, config: { rateLimit } };

  app.post(
    '/api/v1/agent/notices',
    {
      ...common,
      schema: {
        summary: '代理机构提交交易公告',
        description: '同一 idempotencyKey 重复提交只产生一条公告（返回 200 和首次的结果）。未通过强制性检查时公告存为草稿并返回 422 与检查结果。',
        tags: ['代理机构接口'],
        security: [{ bearerAuth: [] }],
        body: SubmissionBody,
        response: { 200: ResultSchema, 201: ResultSchema, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => answer(reply, await submitNotice(ctx, submitterOf(req), req.body)),
  );

  app.post(
    '/api/v1/agent/notices/:id/versions',
    {
      ...common,
      schema: {
        summary: '提交公告的新版本（修改草稿，或按巡查意见更正已发布的公告）',
        tags: ['代理机构接口'],
        security: [{ bearerAuth: [] }],
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }),
        body: SubmissionBody,
        response: { 200: ResultSchema, 201: ResultSchema, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => answer(reply, await reviseNotice(ctx, submitterOf(req), (req.params as { id: number }).id, req.body)),
  );

  app.get(
    '/api/v1/agent/notices/:id',
    {
      preHandler: authenticate,
      config: { rateLimit },
      schema: {
        summary: '本机构一条公告的状态、检查结果和巡查意见',
        tags: ['代理机构接口'],
        security: [{ bearerAuth: [] }],
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) }),
        response: { 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      const notice = await findNotice(ctx.db, (req.params as { id: number }).id);
      // Another firm's notice is answered as absent: agents see only their own projects.
      if (!notice || notice.agentFirmId !== req.agent?.firmId) throw notFound('公告');
      const article = await findArticle(ctx.db, notice.articleId);
      return {
        noticeId: notice.id,
        projectId: notice.projectId,
        type: notice.type,
        status: statusOf(article),
        reviewState: article?.reviewState ?? 'none',
        inspection: { state: notice.inspectionState, note: notice.inspectionNote },
        findings: notice.findings,
        url: `/trading/notices/${notice.id}`,
      };
    },
  );

  app.post(
    '/api/v1/agent/attachments',
    {
      preHandler: authenticate,
      config: { rateLimit },
      schema: {
        summary: '上传招标文件等附件（multipart/form-data，字段 file），返回附件编号供公告的 attachmentIds 使用',
        description: '按文件内容识别类型：PDF、Word、Excel、OFD、ZIP、PNG、JPG、GIF；不超过 20 MB。',
        tags: ['代理机构接口'],
        security: [{ bearerAuth: [] }],
        consumes: ['multipart/form-data'],
        response: { 201: Type.Object({ id: Type.Integer(), name: Type.String(), sizeBytes: Type.Integer(), sha256: Type.String() }), 400: ErrorBody, 401: ErrorBody, 413: ErrorBody, 415: ErrorBody },
      },
    },
    async (req, reply) => {
      const by = submitterOf(req);
      if (by.kind !== 'agent' || !req.isMultipart()) throw new AppError('BAD_REQUEST', { userMessage: '附件：请以 multipart/form-data 上传，文件字段名为 file', fields: [{ field: 'file', message: '附件：请选择要上传的文件' }] });
      const file = await req.file();
      if (!file) throw new AppError('ATTACHMENT_TYPE_REFUSED', { userMessage: '附件：请选择要上传的文件', fields: [{ field: 'file', message: '附件：请选择要上传的文件' }] });
      const att = await uploadAttachment(ctx, { centerId: by.firm.centerId, userId: by.userId, actor: by.actor, fileName: file.filename, data: await file.toBuffer() });
      return reply.code(201).send({ id: att.id, name: att.originalName, sizeBytes: att.sizeBytes, sha256: att.sha256 });
    },
  );

  app.get(
    '/api/v1/agent/projects',
    { preHandler: authenticate, config: { rateLimit }, schema: { summary: '本机构代理的项目', tags: ['代理机构接口'], security: [{ bearerAuth: [] }], response: { 401: ErrorBody } } },
    async (req) => {
      const rows = await listProjectsOfAgent(ctx.db, req.agent?.firmId ?? 0, 500);
      return { items: rows.map((p) => ({ id: p.id, code: p.code, projectNo: p.projectNo, name: p.name, category: p.category, method: p.method, status: p.status, bidDeadline: p.bidDeadline?.toISOString() ?? null, openingAt: p.openingAt?.toISOString() ?? null })) };
    },
  );
}

function submitterOf(req: FastifyRequest): Submitter {
  if (!req.agent) throw new AppError('API_KEY_INVALID', { userMessage: '接口密钥无效或已吊销' });
  return { ...req.agent.submitter, actor: { ...req.agent.submitter.actor, ip: req.ip } };
}

function answer(reply: FastifyReply, r: SubmitResult): FastifyReply {
  const body = { noticeId: r.notice.id, projectId: r.projectId, status: r.status, findings: r.findings, url: `/trading/notices/${r.notice.id}` };
  if (r.status === 'draft') throw checksFailed(r.findings, body);
  if (r.isReplay) reply.header('idempotent-replayed', 'true');
  return reply.code(r.isReplay ? 200 : 201).send(body);
}

/** 422 with every finding: the notice was kept as a draft, so the agent fixes it and submits a new version. */
export function checksFailed(findings: Finding[], body: Record<string, unknown>): AppError {
  const blocking = findings.filter((f) => f.severity === 'block');
  return new AppError('NOTICE_CHECKS_FAILED', {
    userMessage: `公告未通过 ${blocking.length} 项强制性检查，已保存为草稿（编号 ${String(body.noticeId)}），请修改后提交新版本：${blocking[0]?.message ?? ''}`,
    fields: blocking.map((f) => ({ field: f.field ?? '', message: f.message })),
    details: body,
  });
}
