import { z } from 'zod';
import { FUNDING_CHANNELS, FUNDING_STATUSES } from '@/lib/rules/enums';
import { id, isoDate, longText, money, page, pageSize, version } from '@/lib/validation';
import { fromFormNumber, fromFormOptional } from './form';
import { STATS_SCOPES } from './stats';

// 上争 funding applications (API.md "上争 funding applications"). The cross-field rules (granted ≤
// applied, received ≤ granted, amounts only once granted, dates in order) need the stored row for
// a PATCH, so domain/funding.ts checks them on the merged application.

const channel = z.enum(FUNDING_CHANNELS, {
  error:
    '申报渠道应为 central_budget（中央预算内投资）、special_bond（地方政府专项债券）、provincial（省级专项资金）或 other（其他）',
});
const status = z.enum(FUNDING_STATUSES, {
  error: '申报状态应为 preparing（谋划中）、submitted（已申报）、granted（已获批）或 rejected（未获批）',
});
const batch = longText(50).transform((value) => value || null);
const note = longText(1000).transform((value) => value || null);

export const fundingCreateSchema = z
  .object({
    channel,
    batch: batch.nullable().optional(),
    appliedAmount: money,
    grantedAmount: money.nullable().optional(),
    receivedAmount: money.nullable().optional(),
    appliedDate: isoDate,
    grantedDate: isoDate.nullable().optional(),
    status: status.default('preparing'),
    note: note.nullable().optional(),
  })
  .strict();
export type FundingCreateInput = z.output<typeof fundingCreateSchema>;

export const fundingPatchSchema = z
  .object({
    version,
    channel: channel.optional(),
    batch: batch.nullable().optional(),
    appliedAmount: money.optional(),
    grantedAmount: money.nullable().optional(),
    receivedAmount: money.nullable().optional(),
    appliedDate: isoDate.optional(),
    grantedDate: isoDate.nullable().optional(),
    status: status.optional(),
    note: note.nullable().optional(),
  })
  .strict();
export type FundingPatchInput = z.output<typeof fundingPatchSchema>;

const year = z
  .string()
  .regex(/^\d{4}$/, { error: '年份应为四位数字，如 2026' })
  .transform(Number)
  .refine((value) => value >= 2000 && value <= 2100, { error: '年份应在 2000–2100 之间' });

/** The city-wide list's filters: the year of the application date, channel, the project's unit, status, scope. */
export const fundingFilterSchema = z.object({
  year: year.optional(),
  channel: channel.optional(),
  unitId: id.optional(),
  status: status.optional(),
  /** shuangshi: only projects in the year's 双十 list (the dashboard's scope); needs `year`. */
  scope: z.enum(STATS_SCOPES, { error: '范围应为 shuangshi（双十项目）或 all（全部项目）' }).optional(),
  projectId: id.optional(),
});
export type FundingFilters = z.output<typeof fundingFilterSchema>;

export const fundingListQuerySchema = fundingFilterSchema.extend({ page, pageSize });
export type FundingListQuery = z.output<typeof fundingListQuerySchema>;

// The project 上争 tab's forms send strings.
const formMoney = fromFormNumber(money);
const formFields = {
  channel,
  batch: fromFormOptional(batch),
  appliedAmount: formMoney,
  grantedAmount: fromFormOptional(formMoney),
  receivedAmount: fromFormOptional(formMoney),
  appliedDate: isoDate,
  grantedDate: fromFormOptional(isoDate),
  status,
  note: fromFormOptional(note),
};

export const fundingCreateForm = z.object({ projectId: fromFormNumber(id), ...formFields });
export const fundingPatchForm = z.object({
  fundingId: fromFormNumber(id),
  version: fromFormNumber(version),
  ...formFields,
});
