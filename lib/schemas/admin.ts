import { z } from 'zod';
import { LEAD_STAGES, ROLES, STAGES, UNIT_KINDS } from '@/lib/rules/enums';
import { id, longText, name, version } from '@/lib/validation';
import { RANK_METRICS, type RankMetric } from '@/lib/rules/stats';
import { fromFormBoolean, fromFormNumber, fromFormOptional } from './form';

// Admin inputs (users, units, industries, tokens, settings, targets). Each schema accepts both
// JSON (API) and form strings (server actions): numbers and booleans are coerced from text.

const formId = fromFormNumber(id);
const formVersion = fromFormNumber(version);
const optionalId = fromFormOptional(id);

export const username = z
  .string({ error: '请输入用户名' })
  .trim()
  .min(2, { error: '用户名至少 2 个字符' })
  .max(32, { error: '用户名不能超过 32 个字符' })
  .regex(/^[A-Za-z0-9_.-]+$/, { error: '用户名只能包含字母、数字、下划线、点和连字符' });

const personName = z
  .string({ error: '请输入姓名' })
  .trim()
  .min(1, { error: '请输入姓名' })
  .max(50, { error: '姓名不能超过 50 个字' });
const role = z.enum(ROLES, { error: '请选择角色' });
const team = fromFormOptional(z.string().trim().max(50, { error: '小组名称不能超过 50 个字' }));
/** The minimum length is a setting, checked by the domain function; this only bounds the input. */
export const password = z
  .string({ error: '请输入密码' })
  .min(1, { error: '请输入密码' })
  .max(128, { error: '密码不能超过 128 个字符' });
const flag = fromFormBoolean.optional().default(false);

export const userCreateSchema = z.object({
  username,
  name: personName,
  role,
  unitId: optionalId,
  team,
  password,
  mustChangePassword: flag,
});
export type UserCreateInput = z.output<typeof userCreateSchema>;

export const userUpdateSchema = z.object({
  id: formId,
  version: formVersion,
  name: personName,
  role,
  unitId: optionalId,
  team,
});
export type UserUpdateInput = z.output<typeof userUpdateSchema>;

export const userActiveSchema = z.object({ id: formId, version: formVersion, active: fromFormBoolean });
export const passwordResetSchema = z.object({ id: formId, password, mustChangePassword: flag });

export const ownPasswordSchema = z
  .object({
    currentPassword: z.string({ error: '请输入当前密码' }).min(1, { error: '请输入当前密码' }).max(256),
    newPassword: password,
    confirmPassword: z.string({ error: '请再次输入新密码' }).min(1, { error: '请再次输入新密码' }).max(256),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ['confirmPassword'],
    error: '两次输入的新密码不一致',
  });
export type OwnPasswordInput = z.output<typeof ownPasswordSchema>;

// ------------------------------------------------------------ units and industries

const unitCode = z
  .string({ error: '请输入代码' })
  .trim()
  .min(2, { error: '代码至少 2 个字符' })
  .max(20, { error: '代码不能超过 20 个字符' })
  .regex(/^[A-Za-z0-9-]+$/, { error: '代码只能包含字母、数字和连字符，如 220202 或 BM-FGW' });
const unitKind = z.enum(UNIT_KINDS, { error: '请选择类型' });

export const unitCreateSchema = z.object({ name, code: unitCode, kind: unitKind });
export const unitUpdateSchema = z.object({ id: formId, version: formVersion, name, code: unitCode, kind: unitKind });
export const industryCreateSchema = z.object({ name });
export const industryUpdateSchema = z.object({ id: formId, version: formVersion, name });
export const referenceActiveSchema = z.object({ id: formId, version: formVersion, active: fromFormBoolean });

// ------------------------------------------------------------ API tokens

export const tokenCreateSchema = z.object({
  name: z
    .string({ error: '请输入名称' })
    .trim()
    .min(1, { error: '请输入名称' })
    .max(100, { error: '名称不能超过 100 个字' }),
  userId: fromFormNumber(
    z
      .number({ error: '请选择令牌代表的用户' })
      .int({ error: '请选择令牌代表的用户' })
      .positive({ error: '请选择令牌代表的用户' }),
  ),
});
export const tokenRevokeSchema = z.object({ id: formId });

// ------------------------------------------------------------ settings

const days = fromFormOptional(
  z
    .number({ error: '请输入天数' })
    .int({ error: '天数必须是整数' })
    .min(1, { error: '至少 1 天' })
    .max(3650, { error: '不能超过 3650 天' }),
);
const daysField = fromFormNumber(days);

/** Form fields arrive flat as `stageUsualDays.reserve`; nest them as the JSON shape. */
function nestDotted(value: unknown) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const dot = key.indexOf('.');
    if (dot < 0) out[key] = item;
    else ((out[key.slice(0, dot)] ??= {}) as Record<string, unknown>)[key.slice(dot + 1)] = item;
  }
  return out;
}

const lagPoints = fromFormNumber(
  z
    .number({ error: '请输入百分点' })
    .int({ error: '必须是整数' })
    .min(1, { error: '至少 1 个百分点' })
    .max(100, { error: '不能超过 100 个百分点' }),
);

/** 序时进度 thresholds in percentage points; yellow must sit below red. */
export const scheduleLagThresholdsSchema = z
  .object({ yellow: lagPoints, red: lagPoints })
  .refine((value) => value.yellow < value.red, { error: '红灯阈值须大于黄灯阈值', path: ['red'] });

const staleDays = fromFormNumber(
  z
    .number({ error: '请输入天数' })
    .int({ error: '必须是整数' })
    .min(1, { error: '至少 1 天' })
    .max(3650, { error: '不能超过 3650 天' }),
);

/** 跟进停滞: days without a follow-up for a lead's yellow and red light; yellow must sit below red. */
export const leadFollowupStaleDaysSchema = z
  .object({ yellow: staleDays, red: staleDays })
  .refine((value) => value.yellow < value.red, { error: '红灯天数须大于黄灯天数', path: ['red'] });

const weight = fromFormNumber(
  z
    .number({ error: '请输入权重' })
    .int({ error: '必须是整数' })
    .min(0, { error: '不能小于 0' })
    .max(100, { error: '不能超过 100' }),
);

/** 考核排名 weights, one per metric: integers 0..100 that do not all equal 0 (the error sits on the first field). */
export const rankingWeightsSchema = z
  .object(Object.fromEntries(RANK_METRICS.map((metric) => [metric, weight])) as Record<RankMetric, typeof weight>)
  .refine((value) => RANK_METRICS.some((metric) => value[metric] > 0), {
    error: '五项权重不能全为 0',
    path: [RANK_METRICS[0]],
  });

export const settingsSchema = z.preprocess(
  nestDotted,
  z.object({
    passwordMinLength: fromFormNumber(
      z
        .number({ error: '请输入密码最小长度' })
        .int({ error: '必须是整数' })
        .min(6, { error: '至少 6 位' })
        .max(64, { error: '不能超过 64 位' }),
    ),
    stageUsualDays: z.object(
      Object.fromEntries(STAGES.map((stage) => [stage, daysField])) as Record<
        (typeof STAGES)[number],
        typeof daysField
      >,
    ),
    leadStageUsualDays: z.object(
      Object.fromEntries(LEAD_STAGES.map((stage) => [stage, daysField])) as Record<
        (typeof LEAD_STAGES)[number],
        typeof daysField
      >,
    ),
    scheduleLagThresholds: scheduleLagThresholdsSchema.optional(),
    rankingWeights: rankingWeightsSchema.optional(),
    leadFollowupStaleDays: leadFollowupStaleDaysSchema.optional(),
  }),
);
export type SettingsInput = z.output<typeof settingsSchema>;

// ------------------------------------------------------------ annual targets

const count = fromFormNumber(
  z
    .number({ error: '请输入数量' })
    .int({ error: '必须是整数' })
    .min(0, { error: '不能为负数' })
    .max(1_000_000, { error: '数值过大' }),
);
const wan = fromFormNumber(
  z
    .number({ error: '请输入金额（万元）' })
    .int({ error: '金额必须是整数（万元）' })
    .min(0, { error: '金额不能为负数' })
    .max(1_000_000_000_000, { error: '金额过大' }),
);

const targetFields = {
  startedTarget: count,
  investmentTarget: wan,
  cityWorksTarget: count,
  cityWorksInvestmentTarget: wan,
  reserveTarget: count,
  signedTarget: count,
  landedTarget: count,
  note: fromFormOptional(longText(1000)),
};

export const targetCreateSchema = z.object({
  year: fromFormNumber(
    z
      .number({ error: '请输入年度' })
      .int({ error: '年度必须是整数' })
      .min(2000, { error: '年度应在 2000–2100 之间' })
      .max(2100, { error: '年度应在 2000–2100 之间' }),
  ),
  ...targetFields,
});
export const targetUpdateSchema = z.object({ id: formId, version: formVersion, ...targetFields });
export type TargetCreateInput = z.output<typeof targetCreateSchema>;
export type TargetUpdateInput = z.output<typeof targetUpdateSchema>;
