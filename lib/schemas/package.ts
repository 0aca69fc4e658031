import { z } from 'zod';
import { id, longText, name, version } from '@/lib/validation';
import { fromFormNumber, fromFormOptional } from './form';

// 双十工程包: GET/POST /api/v1/packages, PATCH /api/v1/packages/:id and the /shuangshi forms.
// Which years may be written (this year and the next) is checked in domain/packages.ts, where
// "this year" is known.

export const packageYear = z.coerce
  .number({ error: '年度无效' })
  .int({ error: '年度无效' })
  .min(2000, { error: '年度无效' })
  .max(2100, { error: '年度无效' });

export const packageListQuery = z.object({ year: packageYear.optional() }).strict();

const packageFields = {
  name: name.refine((value) => value.length <= 60, { error: '不能超过 60 个字' }),
  unitId: id,
  leaderId: id.nullable().optional(),
  note: longText(1000).nullable().optional(),
};

export const packageCreateSchema = z.object({ year: packageYear, ...packageFields }).strict();
export type PackageCreateInput = z.output<typeof packageCreateSchema>;

export const packagePatchSchema = z
  .object({ version, ...packageFields })
  .partial()
  .required({ version: true })
  .strict();
export type PackagePatchInput = z.output<typeof packagePatchSchema>;

/** The same fields as the /shuangshi forms send them. */
const packageFormFields = {
  name: packageFields.name,
  unitId: fromFormNumber(
    z.number({ error: '请选择牵头单位' }).int({ error: '请选择牵头单位' }).positive({ error: '请选择牵头单位' }),
  ),
  leaderId: fromFormOptional(fromFormNumber(id)),
  note: fromFormOptional(longText(1000)),
};

export const packageCreateForm = z.object({ year: packageYear, ...packageFormFields });

export const packageEditForm = z.object({
  id: fromFormNumber(id),
  version: fromFormNumber(version),
  ...packageFormFields,
});

/** 调入 (packageId) or 调出 (blank packageId) one project, with the reason, from /shuangshi. */
export const packageMoveForm = z.object({
  projectId: fromFormNumber(id),
  version: fromFormNumber(version),
  packageId: fromFormOptional(fromFormNumber(id)).transform((value) => value ?? null),
  reason: fromFormOptional(longText(1000)).transform((value) => value ?? undefined),
});
