/** Stable error codes and their HTTP status. Codes are never renamed. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_ACCOUNT_LOCKED: 423,
  AUTH_TOTP_INVALID: 401,
  AUTH_TOTP_REQUIRED: 403,
  AUTH_PASSWORD_CHANGE_REQUIRED: 403,
  CSRF_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT_STALE: 409,
  REVIEW_INVALID_TRANSITION: 409,
  REVIEW_TASK_TAKEN: 409,
  REVIEW_SELF_APPROVAL: 403,
  REVIEW_NOT_ASSIGNEE: 403,
  ARTICLE_INVALID_TRANSITION: 409,
  NOTICE_CHECKS_FAILED: 422,
  NOTICE_INVALID_TRANSITION: 409,
  SIGNATURE_INVALID: 400,
  SIGNATURE_KEY_MISSING: 400,
  IDEMPOTENCY_CONFLICT: 409,
  API_KEY_INVALID: 401,
  REGISTRATION_SEALED: 403,
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_TYPE_REFUSED: 415,
  DISCLOSURE_INVALID_TRANSITION: 409,
  DISCLOSURE_ACCESS_DENIED: 404,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  MESSAGE_INVALID_TRANSITION: 409,
  MESSAGE_KIND_CLOSED: 403,
  MESSAGE_PERSONAL_DATA: 422,
  SURVEY_NOT_OPEN: 409,
  ANNUAL_REPORT_NOT_FOUND: 404,
  ANNUAL_REPORT_EXISTS: 409,
  ANNUAL_REPORT_INVALID_TRANSITION: 409,
  ANNUAL_REPORT_CHECKS_FAILED: 422,
  ANNUAL_REPORT_COLUMN_MISSING: 409,
  ANNUAL_REPORT_IMPORT_UNREADABLE: 422,
  ANNUAL_REPORT_PDF_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A field-level problem, with a message in Chinese that names the field. */
export type FieldError = { field: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly fields: FieldError[] | undefined;
  readonly status: number;
  /** Extra machine-readable content of the error answer (e.g. a notice's findings and the draft kept). */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, opts: { userMessage: string; message?: string; fields?: FieldError[]; cause?: unknown; details?: Record<string, unknown> }) {
    super(opts.message ?? opts.userMessage, { cause: opts.cause });
    this.code = code;
    this.userMessage = opts.userMessage;
    this.fields = opts.fields;
    this.status = ERROR_STATUS[code];
    this.details = opts.details;
  }
}

export function validationError(fields: FieldError[]): AppError {
  const first = fields[0]?.message ?? '提交的内容有误';
  return new AppError('VALIDATION_FAILED', { userMessage: fields.length > 1 ? `${first}（共 ${fields.length} 处问题）` : first, fields });
}

export function notFound(what = '页面'): AppError {
  return new AppError('NOT_FOUND', { userMessage: `${what}不存在或已被删除` });
}

export function forbidden(userMessage = '您没有执行此操作的权限'): AppError {
  return new AppError('FORBIDDEN', { userMessage });
}
