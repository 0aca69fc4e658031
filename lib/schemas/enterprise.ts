import { z } from 'zod';
import { checkCreditCode } from '@/lib/rules/enterprise';
import { id, longText, name, page, pageSize, version } from '@/lib/validation';
import { email, phone } from './lead';

// 企业库 inputs (issue 16): the API's JSON. The registry pages send the same shape from their forms.

/** A 统一社会信用代码 (GB 32100-2015), stored upper-case without spaces; a wrong check character is a 400. */
export const creditCode = z.string({ error: '请输入统一社会信用代码' }).transform((value, ctx) => {
  const check = checkCreditCode(value);
  if (check.ok) return check.code;
  ctx.addIssue({ code: 'custom', message: check.message });
  return z.NEVER;
});

const optionalText = (max: number) => longText(max).nullable().optional();

export const enterpriseContactSchema = z
  .object({
    name: name.max(50, { error: '不能超过 50 个字' }),
    title: optionalText(50).transform((value) => value || null),
    phone: phone
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    email: email
      .nullable()
      .optional()
      .transform((value) => value ?? null),
  })
  .strict();

const blankToNull = (value: unknown) => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, typeof v === 'string' && v.trim() === '' && k !== 'name' ? null : v]),
  );
};

export const enterpriseEditableFields = {
  name: name.max(100, { error: '不能超过 100 个字' }),
  creditCode: creditCode.nullable().optional(),
  /** Province, city or country. */
  region: optionalText(50),
  industryId: id.nullable().optional(),
  contacts: z
    .array(z.preprocess(blankToNull, enterpriseContactSchema))
    .max(20, { error: '联系人最多 20 位' })
    .optional(),
};

export const enterpriseCreateSchema = z.preprocess(
  blankToNull,
  z
    .object({
      ...enterpriseEditableFields,
      name: z.string({ error: '请填写企业名称' }).pipe(enterpriseEditableFields.name),
    })
    .strict(),
);
export type EnterpriseCreateInput = z.output<typeof enterpriseCreateSchema>;

export const enterprisePatchSchema = z.preprocess(
  blankToNull,
  z
    .object({ version, ...enterpriseEditableFields })
    .partial()
    .required({ version: true })
    .strict(),
);
export type EnterprisePatchInput = z.output<typeof enterprisePatchSchema>;

/** GET /api/v1/enterprises and the /enterprises page: a name or credit-code search, an industry, paging. */
export const enterpriseListQuery = z.object({
  q: longText(100).optional(),
  industryId: id.optional(),
  page,
  pageSize: pageSize.default(20),
});
export type EnterpriseListQuery = z.output<typeof enterpriseListQuery>;

/** The contact rows a registry form shows: `contacts.<n>.name|title|phone|email`. */
export const CONTACT_KEYS = ['name', 'title', 'phone', 'email'] as const;

/**
 * The 企业库 form: flat strings, with contacts as `contacts.<n>.<key>`. Rows left wholly blank are
 * dropped; an error keeps the row's own index, so it shows beside the input that caused it.
 */
export const enterpriseFormSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== 'object') return raw;
    const source = raw as Record<string, unknown>;
    const rows = new Map<number, Record<string, string>>();
    const rest: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(source)) {
      const match = /^contacts\.(\d{1,2})\.(name|title|phone|email)$/.exec(key);
      if (match) {
        const row = rows.get(Number(match[1])) ?? {};
        row[match[2]!] = typeof value === 'string' ? value : '';
        rows.set(Number(match[1]), row);
      } else rest[key] = typeof value === 'string' && value.trim() === '' ? null : value;
    }
    const contactRows = [...rows.entries()]
      .sort(([a], [b]) => a - b)
      .filter(([, row]) => CONTACT_KEYS.some((key) => row[key]?.trim()))
      .map(([index, row]) => ({ ...row, index }));
    return { ...rest, contactRows };
  },
  z
    .object({
      enterpriseId: id.optional(),
      version: z.coerce.number().pipe(version).optional(),
      name: z.string({ error: '请填写企业名称' }).pipe(enterpriseEditableFields.name),
      creditCode: enterpriseEditableFields.creditCode,
      region: enterpriseEditableFields.region,
      industryId: enterpriseEditableFields.industryId,
      contactRows: z.array(z.record(z.string(), z.unknown())),
    })
    .superRefine((input, ctx) => {
      for (const row of input.contactRows) {
        const { index, ...fields } = row;
        const blanked = Object.fromEntries(
          Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' && v.trim() === '' && k !== 'name' ? null : v]),
        );
        const parsed = enterpriseContactSchema.safeParse(blanked);
        if (!parsed.success)
          for (const issue of parsed.error.issues)
            ctx.addIssue({ code: 'custom', path: ['contacts', index as number, ...issue.path], message: issue.message });
      }
    })
    .transform(({ contactRows, ...input }) => ({
      ...input,
      contacts: contactRows.map(({ index: _index, ...fields }) =>
        enterpriseContactSchema.parse(
          Object.fromEntries(
            Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' && v.trim() === '' && k !== 'name' ? null : v]),
          ),
        ),
      ),
    })),
);
export type EnterpriseFormInput = z.output<typeof enterpriseFormSchema>;
