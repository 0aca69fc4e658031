import { z } from 'zod';
import { CURRENCIES, FOLLOWUP_KINDS, LEAD_STAGES } from '@/lib/rules/enums';
import { id, isoDate, longText, money, name, version } from '@/lib/validation';
import { fromFormNumber, fromFormOptional } from './form';

// Lead, follow-up, conversion and campaign inputs: the API's JSON and the forms' strings.

/** Mainland mobile, landline with area code (extension allowed), or an international number. */
const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\+\d{1,4}[ -]?\d{4,14})$/;
export const phone = z
  .string()
  .trim()
  .transform((value) => value.replace(/\s+/g, ' '))
  .refine((value) => PHONE_PATTERN.test(value), {
    error: '电话号码无效（手机 11 位，座机如 0432-62345678，境外如 +49 6912345678）',
  });
export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: '电子邮箱格式无效' }));

const optionalText = (max: number) => longText(max).nullable().optional();

/** A pledge in a foreign currency (issue 16): whole units, and the rate in yuan per unit. */
export const currency = z.enum(CURRENCIES, { error: '币种应为 CNY、USD、EUR、JPY、HKD、SGD 或 KRW' });
export const amountOriginal = z
  .number({ error: '请输入原币金额（整数）' })
  .int({ error: '原币金额必须是整数' })
  .min(0, { error: '原币金额不能为负数' })
  .max(1_000_000_000_000_000, { error: '原币金额过大' });
export const exchangeRate = z
  .number({ error: '汇率须为数字' })
  .positive({ error: '汇率须大于 0' })
  .max(100_000, { error: '汇率过大' });
/** A 统一社会信用代码 as typed; its check character is verified where the enterprise is resolved (400 fields.creditCode). */
const creditCodeText = z
  .string()
  .trim()
  .max(30, { error: '统一社会信用代码为 18 位' })
  .transform((value) => value.toUpperCase());

export const leadEditableFields = {
  company: name.max(100, { error: '不能超过 100 个字' }),
  /** The registry row picked in the form; else `company` (and `creditCode`) name it, matched or created. */
  enterpriseId: id.nullable().optional(),
  creditCode: creditCodeText.nullable().optional(),
  origin: optionalText(50),
  contactName: optionalText(50),
  contactTitle: optionalText(50),
  contactPhone: phone.nullable().optional(),
  contactEmail: email.nullable().optional(),
  industryId: id.nullable().optional(),
  /** 产业链环节: a link of a chain of the lead's industry. */
  chainLinkId: id.nullable().optional(),
  intendedInvestment: money,
  currency: currency.optional(),
  amountOriginal: amountOriginal.nullable().optional(),
  exchangeRate: exchangeRate.nullable().optional(),
  rateDate: isoDate.nullable().optional(),
  proposedProject: optionalText(200),
  locationUnitId: id.nullable().optional(),
  campaignId: id.nullable().optional(),
  /** Source channel when the lead did not come from a campaign. */
  source: optionalText(50),
  ownerId: id,
  team: optionalText(50),
  nextFollowUpDate: isoDate.nullable().optional(),
};

const nullIfEmptyStrings = (value: unknown) => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, typeof v === 'string' && v.trim() === '' && k !== 'company' ? null : v]),
  );
};

export const leadCreateSchema = z.preprocess(
  nullIfEmptyStrings,
  z
    .object({
      ...leadEditableFields,
      company: z.string({ error: '请填写企业名称' }).pipe(leadEditableFields.company).optional(),
      intendedInvestment: money.optional(),
      ownerId: id.optional(),
    })
    .strict()
    // The company is required unless a registry enterprise is picked (its name is then the lead's company).
    .refine((value) => value.company != null || value.enterpriseId != null, {
      error: '请填写企业名称',
      path: ['company'],
    }),
);
export type LeadCreateInput = z.output<typeof leadCreateSchema>;

export const leadPatchSchema = z.preprocess(
  nullIfEmptyStrings,
  z
    .object({ version, ...leadEditableFields })
    .partial()
    .required({ version: true })
    .strict(),
);
export type LeadPatchInput = z.output<typeof leadPatchSchema>;

/** The same fields as an HTML form sends them. */
export const leadFormFields = {
  company: name.max(100, { error: '不能超过 100 个字' }),
  enterpriseId: fromFormOptional(fromFormNumber(id)),
  creditCode: fromFormOptional(creditCodeText),
  origin: fromFormOptional(longText(50)),
  contactName: fromFormOptional(longText(50)),
  contactTitle: fromFormOptional(longText(50)),
  contactPhone: fromFormOptional(phone),
  contactEmail: fromFormOptional(email),
  industryId: fromFormOptional(fromFormNumber(id)),
  chainLinkId: fromFormOptional(fromFormNumber(id)),
  /** Blank (or absent, as the disabled input of a foreign pledge) is 0 for CNY; computed otherwise. */
  intendedInvestment: fromFormNumber(money).optional(),
  currency: fromFormOptional(currency).transform((value) => value ?? 'CNY'),
  amountOriginal: fromFormOptional(fromFormNumber(amountOriginal)),
  exchangeRate: fromFormOptional(fromFormNumber(exchangeRate)),
  rateDate: fromFormOptional(isoDate),
  proposedProject: fromFormOptional(longText(200)),
  locationUnitId: fromFormOptional(fromFormNumber(id)),
  campaignId: fromFormOptional(fromFormNumber(id)),
  source: fromFormOptional(longText(50)),
  ownerId: fromFormNumber(z.number({ error: '请选择负责人' }).int().positive()),
  team: fromFormOptional(longText(50)),
  nextFollowUpDate: fromFormOptional(isoDate),
};

export const leadTransitionSchema = z
  .object({
    to: z.enum(LEAD_STAGES, { error: '目标阶段无效' }),
    reason: longText(1000).nullable().optional(),
    version,
  })
  .strict();
export type LeadTransitionInput = z.output<typeof leadTransitionSchema>;

export const followupSchema = z
  .object({
    date: isoDate,
    kind: z.enum(FOLLOWUP_KINDS, { error: '跟进方式无效' }).default('other'),
    note: z
      .string({ error: '请填写跟进内容' })
      .trim()
      .min(1, { error: '请填写跟进内容' })
      .max(2000, { error: '不能超过 2000 个字' }),
    nextFollowUpDate: isoDate.nullable().optional(),
  })
  .strict();
export type FollowupInput = z.output<typeof followupSchema>;

export const followupFormFields = {
  date: isoDate,
  kind: z.enum(FOLLOWUP_KINDS, { error: '请选择跟进方式' }),
  note: followupSchema.shape.note,
  nextFollowUpDate: fromFormOptional(isoDate),
};

/** The conversion dialog: the project's unit and owner (an officer of that unit), and its name. */
export const convertSchema = z
  .object({
    /** An existing 谋划储备 or 已签约 project to link instead of creating one (谋划项目找到合作伙伴). */
    projectId: id.nullable().optional(),
    ownerId: id.nullable().optional(),
    unitId: id.nullable().optional(),
    name: name.optional(),
    version: version.optional(),
  })
  .strict();
export type ConvertInput = z.output<typeof convertSchema>;

const pick = (message: string) =>
  fromFormNumber(z.number({ error: message }).int({ error: message }).positive({ error: message }));

export const convertFormFields = {
  ownerId: pick('请选择项目责任人'),
  unitId: pick('请选择项目所在单位'),
  name: name,
  version: fromFormNumber(version),
};

/** The dialog's second choice: link an existing 谋划储备/已签约 project. */
export const convertExistingFormFields = {
  projectId: pick('请选择要关联的项目'),
  version: fromFormNumber(version),
};

export const campaignFields = {
  name: name.max(100, { error: '不能超过 100 个字' }),
  destinations: z
    .string({ error: '请填写目的地' })
    .trim()
    .min(1, { error: '请填写目的地' })
    .max(200, { error: '不能超过 200 个字' }),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  description: optionalText(2000),
  leaderIds: z.array(id).max(50).default([]),
};

const datesInOrder = (value: { startDate?: string | null; endDate?: string | null }) =>
  !value.startDate || !value.endDate || value.startDate <= value.endDate;
const datesMessage = { error: '结束日期不能早于开始日期', path: ['endDate'] };

export const campaignSchema = z.object(campaignFields).strict().refine(datesInOrder, datesMessage);
export type CampaignInput = z.output<typeof campaignSchema>;

export const campaignFormSchema = z
  .object({
    name: campaignFields.name,
    destinations: campaignFields.destinations,
    startDate: fromFormOptional(isoDate),
    endDate: fromFormOptional(isoDate),
    description: fromFormOptional(longText(2000)),
    leaderIds: z.preprocess(
      (value) => (value == null ? [] : Array.isArray(value) ? value : [value]),
      z.array(fromFormNumber(id)).max(50),
    ),
  })
  .refine(datesInOrder, datesMessage);
