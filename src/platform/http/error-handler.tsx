import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, type FieldError } from '../errors.ts';
import { renderDocument } from '../views/render.ts';

const FASTIFY_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_CSRF_INVALID_TOKEN: { code: 'CSRF_INVALID', message: '页面已过期或表单来源无效，请刷新页面后重新提交' },
  FST_CSRF_MISSING_SECRET: { code: 'CSRF_INVALID', message: '页面已过期或表单来源无效，请刷新页面后重新提交' },
  FST_REQ_FILE_TOO_LARGE: { code: 'ATTACHMENT_TOO_LARGE', message: '附件过大' },
  FST_FILES_LIMIT: { code: 'ATTACHMENT_TOO_LARGE', message: '一次上传的文件过多' },
  FST_PARTS_LIMIT: { code: 'BAD_REQUEST', message: '表单字段过多' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'ATTACHMENT_TOO_LARGE', message: '提交的内容过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'BAD_REQUEST', message: '不支持的内容类型' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'BAD_REQUEST', message: '请求体不能为空' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'BAD_REQUEST', message: '请求体不是有效的 JSON' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { code: 'BAD_REQUEST', message: '请以 multipart/form-data 上传文件' },
};

/** One error handler: JSON `{ error }` for /api, a friendly Chinese page elsewhere, never an internal message. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const e = toAppError(err);
    if (e.status >= 500) req.log.error({ err, requestId: req.id }, 'unhandled error');
    return sendError(req, reply, e);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, new AppError('NOT_FOUND', { userMessage: '您访问的页面不存在' })));
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError;
  if (fe.validation) {
    const fields: FieldError[] = fe.validation.map((v) => {
      const field = (v.instancePath || `/${String((v.params as Record<string, unknown>).missingProperty ?? '')}`).replace(/^\//, '').replace(/\//g, '.') || 'body';
      return { field, message: `${field}：${describeAjv(v.keyword, v.params as Record<string, unknown>)}` };
    });
    return new AppError('VALIDATION_FAILED', { userMessage: fields[0]?.message ?? '参数有误', fields });
  }
  if (fe.code && FASTIFY_CODES[fe.code]) {
    const m = FASTIFY_CODES[fe.code];
    if (m) return new AppError(m.code, { userMessage: m.message });
  }
  if (fe.statusCode === 429) return new AppError('RATE_LIMITED', { userMessage: '请求过于频繁，请稍后再试' });
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) return new AppError('BAD_REQUEST', { userMessage: '请求无效' });
  return new AppError('INTERNAL', { userMessage: '服务器内部错误，请稍后再试', cause: err });
}

function describeAjv(keyword: string, params: Record<string, unknown>): string {
  switch (keyword) {
    case 'required':
      return '缺少必填项';
    case 'maxLength':
      return `不能超过 ${String(params.limit)} 个字符`;
    case 'minLength':
      return `至少 ${String(params.limit)} 个字符`;
    case 'pattern':
    case 'format':
      return '格式不正确';
    case 'type':
      return `类型应为 ${String(params.type)}`;
    case 'enum':
      return '取值不在允许范围内';
    case 'additionalProperties':
      return `不允许的字段 ${String(params.additionalProperty)}`;
    case 'minimum':
    case 'maximum':
      return '数值超出范围';
    default:
      return '不符合要求';
  }
}

export function sendError(req: FastifyRequest, reply: FastifyReply, e: AppError): FastifyReply {
  reply.status(e.status);
  if (req.url.startsWith('/api/') || req.headers.accept === 'application/json') {
    return reply.send({ error: { code: e.code, message: e.userMessage, ...(e.fields ? { fields: e.fields } : {}), ...(e.details ?? {}), requestId: req.id } });
  }
  const html = renderDocument(
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${e.status === 404 ? '页面不存在' : '出错了'}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/static/site.css" />
      </head>
      <body>
        <main id="main" class="wrap error-page">
          <h1>{e.status === 404 ? '页面不存在' : '无法完成操作'}</h1>
          <p>{e.userMessage}</p>
          {e.fields ? (
            <ul>
              {e.fields.map((f) => (
                <li key={f.field}>{f.message}</li>
              ))}
            </ul>
          ) : null}
          <p class="muted">
            错误代码：{e.code}　请求编号：{req.id}
          </p>
          <p>
            <a href="/">返回首页</a>
          </p>
        </main>
      </body>
    </html>,
  );
  return reply.type('text/html; charset=utf-8').send(html);
}
