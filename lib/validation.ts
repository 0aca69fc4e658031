import { z } from 'zod';
import { isIsoDate, isMonth } from '@/lib/rules/dates';
import { isValidProjectCode, PROJECT_CODE_MESSAGE } from '@/lib/rules/project-code';
import { AppError, type FieldErrors } from '@/lib/errors';

// Chinese default messages for every schema; the specific ones below override them.
z.config(z.locales.zhCN());

/** Money: a non-negative whole number of 万元, below 10^12 so sums stay exact. */
export const money = z
  .number({ error: '请输入金额（万元）' })
  .int({ error: '金额必须是整数（万元）' })
  .min(0, { error: '金额不能为负数' })
  .max(1_000_000_000_000, { error: '金额过大' });

export const isoDate = z.string({ error: '请输入日期' }).refine(isIsoDate, { error: '日期无效，格式应为 YYYY-MM-DD' });

export const month = z.string({ error: '请输入月份' }).refine(isMonth, { error: '月份格式应为 YYYY-MM' });

export const projectCode = z.string().trim().refine(isValidProjectCode, { error: PROJECT_CODE_MESSAGE });

export const name = z
  .string({ error: '请输入名称' })
  .trim()
  .min(1, { error: '不能为空' })
  .max(200, { error: '不能超过 200 个字' });

export const longText = (max = 5000) =>
  z
    .string()
    .trim()
    .max(max, { error: `不能超过 ${max} 个字` });

export const id = z.coerce
  .number({ error: '编号无效' })
  .int({ error: '编号无效' })
  .positive({ error: '编号无效' })
  .max(Number.MAX_SAFE_INTEGER);

export const version = z.number({ error: '缺少版本号 version' }).int().min(1);

export const page = z.coerce.number().int().min(1).max(1_000_000).default(1);
export const pageSize = z.coerce.number().int().min(1).max(500).default(50);

/** One page of a list held in memory, in the body every paged API answers with. */
export function pageOfList<T>(all: T[], query: { page: number; pageSize: number }) {
  const start = (query.page - 1) * query.pageSize;
  return {
    items: all.slice(start, start + query.pageSize),
    total: all.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Query-string booleans: "1"/"true" and "0"/"false". */
export const queryBoolean = z
  .enum(['1', '0', 'true', 'false'], { error: '应为 true 或 false' })
  .transform((value) => value === '1' || value === 'true');

/** Turns a ZodError into `{ field: [messages] }`, with nested paths joined by dots. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function validationError(error: z.ZodError): AppError {
  return new AppError('validation_failed', undefined, fieldErrorsOf(error));
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}
