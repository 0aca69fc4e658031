// One small module of typed error codes. Each maps to an HTTP status and a Chinese message.

export const ERROR_STATUS = {
  validation_failed: 400,
  malformed_json: 400,
  reason_required: 400,
  approvals_incomplete: 400,
  invalid_transition: 400,
  not_convertible: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  stale_version: 409,
  conflict: 409,
  duplicate: 409,
  duplicate_lead: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  busy: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  validation_failed: '输入有误，请检查标出的字段',
  malformed_json: '请求体不是有效的 JSON',
  reason_required: '此操作需要填写原因',
  approvals_incomplete: '前期手续尚未办结',
  invalid_transition: '不允许此阶段变更',
  not_convertible: '只有已签约且未转化的线索才能转为项目',
  bad_request: '请求无效',
  unauthenticated: '请先登录',
  invalid_credentials: '用户名或密码错误',
  forbidden: '无权执行此操作',
  not_found: '记录不存在或无权查看',
  stale_version: '该记录已被他人修改，请刷新后再试',
  conflict: '记录冲突',
  duplicate: '已存在相同的记录',
  duplicate_lead: '该企业已有在谈线索（首报首谈），可申请协同',
  payload_too_large: '文件过大',
  unsupported_media_type: '不支持的文件类型',
  too_many_attempts: '登录失败次数过多，请稍后再试',
  busy: '系统繁忙（正在写入大批数据），请稍后重试',
  internal: '系统繁忙，请稍后再试',
};

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  /** More of the error body, beside code, message and fields (e.g. duplicate_lead's `existing`). */
  readonly extra?: Record<string, unknown>;
  constructor(code: ErrorCode, message?: string, fields?: FieldErrors, extra?: Record<string, unknown>) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.code = code;
    this.fields = fields;
    this.extra = extra;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  toBody() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.fields ? { fields: this.fields } : {}),
        ...this.extra,
      },
    };
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
