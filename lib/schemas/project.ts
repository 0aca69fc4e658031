import { z } from 'zod';
import { CATEGORIES, NATURES, PROJECT_STATUSES, STAGES } from '@/lib/rules/enums';
import { id, isoDate, longText, money, name, projectCode, version } from '@/lib/validation';
import { coordinatePairErrors, latitude, longitude } from './coordinates';
import { fromFormNumber, fromFormOptional } from './form';

// Project inputs, shared by the API, the UI forms, the importer and the lead conversion.

const optionalText = (max: number) => longText(max).nullable().optional();

export const FUNDING_IS_DERIVED = '申报状态、申请资金和获批资金由项目的上争申请汇总，请在项目的上争资金栏目填报';
const fundingIsDerived = z.never({ error: FUNDING_IS_DERIVED }).optional();

/** Editable fields of a project. Every field is optional here; create() adds the required ones. */
export const projectEditableFields = {
  code: projectCode.nullable().optional(),
  name: name,
  category: z.enum(CATEGORIES, { error: '请选择项目类别' }),
  nature: z.enum(NATURES, { error: '请选择建设性质' }),
  status: z.enum(PROJECT_STATUSES, { error: '状态无效' }),
  unitId: id,
  industryId: id.nullable().optional(),
  /** 产业链环节: a link of a chain of the project's industry. */
  chainLinkId: id.nullable().optional(),
  leaderId: id.nullable().optional(),
  ownerId: id.nullable().optional(),
  location: optionalText(200),
  /** 项目一张图: WGS-84 degrees inside Jilin City, both or neither (null clears both). */
  longitude: longitude.nullable().optional(),
  latitude: latitude.nullable().optional(),
  description: optionalText(5000),
  totalInvestment: money,
  /** This year's plan: written to the year plan of the current year. */
  plannedInvestmentThisYear: money,
  /** 期初完成投资: what was done before the platform's first monthly report. */
  openingInvestment: money,
  fundsInPlace: money.nullable().optional(),
  plannedStartDate: isoDate.nullable().optional(),
  plannedCompletionDate: isoDate.nullable().optional(),
  /** 上争 sums: derived from the funding applications, so a write of them is refused. */
  applicationStatus: fundingIsDerived,
  appliedFunds: fundingIsDerived,
  grantedFunds: fundingIsDerived,
  taskForce: optionalText(2000),
  plan: optionalText(10000),
  /** Planned finish date of the current stage. */
  stageDueDate: isoDate.nullable().optional(),
  /** 时间表: planned finish date per stage. */
  stagePlans: z.partialRecord(z.enum(STAGES), isoDate.nullable()).optional(),
  /** 履约 (issue 16): the signed contract of a converted lead — 万元, dates, 万元 promised. */
  contractAmount: money.nullable().optional(),
  contractDate: isoDate.nullable().optional(),
  promisedStartDate: isoDate.nullable().optional(),
  promisedFunds: money.nullable().optional(),
  /**
   * The reason for a change that could turn a light green without progress (suspending, moving a
   * date later, lowering this year's plan, 调入/调出 a 双十 package). Kept in the adjustments log.
   */
  reason: longText(1000).optional(),
};

/**
 * 投资方 and 项目业主/建设单位 (企业库, issue 16): a registry row by id, else a name (and its credit code)
 * matched in the registry or added to it (domain/enterprises.ts resolveEnterprise). null clears.
 */
export const projectEnterpriseFields = {
  investorEnterpriseId: id.nullable().optional(),
  investorName: optionalText(100),
  investorCreditCode: optionalText(30),
  builderEnterpriseId: id.nullable().optional(),
  builderName: optionalText(100),
  builderCreditCode: optionalText(30),
};

/** 双十 is no longer a flag: a project is 双十 while it sits in one of the year's packages. */
export const SHUANGSHI_IS_DERIVED = '双十项目由工程包决定，请用 packageId 调入或调出';
const derivedShuangshi = { shuangshi: z.unknown().optional() };
function refuseShuangshi(input: { shuangshi?: unknown }, ctx: z.RefinementCtx) {
  if (input.shuangshi !== undefined)
    ctx.addIssue({ code: 'custom', path: ['shuangshi'], message: SHUANGSHI_IS_DERIVED });
}

/**
 * Coordinates come as a pair: both numbers, both null, or both left out. Half a pair (one given, the
 * other missing or null) is a `fields` error on the missing one. Shared by the API, the form and the importer.
 */
export function refineCoordinatePair(
  input: { longitude?: number | null; latitude?: number | null },
  ctx: z.RefinementCtx,
) {
  const errors =
    coordinatePairErrors(input) ??
    (input.longitude === undefined && input.latitude !== undefined
      ? { longitude: ['请同时填写经度'] }
      : input.latitude === undefined && input.longitude !== undefined
        ? { latitude: ['请同时填写纬度'] }
        : null);
  for (const [path, messages] of Object.entries(errors ?? {}))
    for (const message of messages) ctx.addIssue({ code: 'custom', path: [path], message });
}

export const COMPLETED_IS_COMPUTED = '累计完成投资由期初完成投资与月度报告自动汇总，不能直接修改';

export const projectCreateSchema = z
  .object({
    ...projectEditableFields,
    ...projectEnterpriseFields,
    ...derivedShuangshi,
    nature: projectEditableFields.nature.default('new'),
    status: projectEditableFields.status.default('active'),
    totalInvestment: money.default(0),
    plannedInvestmentThisYear: money.default(0),
    openingInvestment: money.optional(),
    /** At creation there are no reports yet, so the completed figure is the opening one (an alias). */
    completedInvestment: money.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    refuseShuangshi(input, ctx);
    refineCoordinatePair(input, ctx);
    if (
      input.openingInvestment !== undefined &&
      input.completedInvestment !== undefined &&
      input.openingInvestment !== input.completedInvestment
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['completedInvestment'],
        message: '新项目的累计完成投资即期初完成投资，两者须一致',
      });
    }
  })
  .transform(({ completedInvestment, openingInvestment, shuangshi: _shuangshi, ...input }) => ({
    ...input,
    openingInvestment: openingInvestment ?? completedInvestment ?? 0,
  }));
export type ProjectCreateInput = z.output<typeof projectCreateSchema>;

export const projectPatchSchema = z
  .object({
    version,
    ...projectEditableFields,
    ...projectEnterpriseFields,
    ...derivedShuangshi,
    /** 调入 (a package of this year) or 调出 (null) the 双十 list; needs `reason`. */
    packageId: id.nullable().optional(),
    completedInvestment: z.unknown().optional(),
  })
  .partial()
  .required({ version: true })
  .strict()
  .superRefine((input, ctx) => {
    refuseShuangshi(input, ctx);
    refineCoordinatePair(input, ctx);
    if (input.completedInvestment !== undefined)
      ctx.addIssue({ code: 'custom', path: ['completedInvestment'], message: COMPLETED_IS_COMPUTED });
  })
  .transform(({ completedInvestment: _completedInvestment, shuangshi: _shuangshi, ...patch }) => {
    return patch;
  });
export type ProjectPatchInput = z.output<typeof projectPatchSchema>;

/** The same fields as an HTML form sends them. */
export const projectFormFields = {
  code: fromFormOptional(projectCode),
  name,
  category: projectEditableFields.category,
  nature: projectEditableFields.nature,
  unitId: fromFormNumber(id),
  industryId: fromFormOptional(fromFormNumber(id)),
  chainLinkId: fromFormOptional(fromFormNumber(id)),
  leaderId: fromFormOptional(fromFormNumber(id)),
  ownerId: fromFormOptional(fromFormNumber(id)),
  location: fromFormOptional(longText(200)),
  longitude: fromFormOptional(fromFormNumber(longitude)),
  latitude: fromFormOptional(fromFormNumber(latitude)),
  description: fromFormOptional(longText(5000)),
  totalInvestment: fromFormNumber(money).default(0),
  plannedInvestmentThisYear: fromFormNumber(money).default(0),
  fundsInPlace: fromFormOptional(fromFormNumber(money)),
  plannedStartDate: fromFormOptional(isoDate),
  plannedCompletionDate: fromFormOptional(isoDate),
  taskForce: fromFormOptional(longText(2000)),
  plan: fromFormOptional(longText(10000)),
  stageDueDate: fromFormOptional(isoDate),
  investorEnterpriseId: fromFormOptional(fromFormNumber(id)),
  investorName: fromFormOptional(longText(100)),
  investorCreditCode: fromFormOptional(longText(30)),
  builderEnterpriseId: fromFormOptional(fromFormNumber(id)),
  builderName: fromFormOptional(longText(100)),
  builderCreditCode: fromFormOptional(longText(30)),
};

/** POST /api/v1/projects/:id/transitions and the stage-move dialog. */
export const transitionSchema = z
  .object({
    to: z.enum(STAGES, { error: '目标阶段无效' }),
    reason: longText(1000).nullable().optional(),
    override: z.boolean().optional(),
    version,
  })
  .strict();
export type TransitionInput = z.output<typeof transitionSchema>;
