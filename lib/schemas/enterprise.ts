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
 * dropped; the others are checked under their own index, so an error shows beside its input.
 */
export const enterpriseFormSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== 'object') return raw;
    const rows: Record<string, Record<string, string | null>> = {};
    const rest: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      const match = /^contacts\.(\d{1,2})\.(name|title|phone|email)$/.exec(key);
      const text = typeof value === 'string' ? value : '';
      if (match) (rows[match[1]!] ??= {})[match[2]!] = text.trim() === '' && match[2] !== 'name' ? null : text;
      else rest[key] = typeof value === 'string' && value.trim() === '' ? null : value;
    }
    const contacts = Object.fromEntries(
      Object.entries(rows).filter(([, row]) => CONTACT_KEYS.some((key) => row[key]?.trim())),
    );
    return { ...rest, contacts };
  },
  z
    .object({
      enterpriseId: id.optional(),
      version: z.coerce.number().pipe(version).optional(),
      name: z.string({ error: '请填写企业名称' }).pipe(enterpriseEditableFields.name),
      creditCode: enterpriseEditableFields.creditCode,
      region: enterpriseEditableFields.region,
      industryId: enterpriseEditableFields.industryId,
      contacts: z.record(z.string().regex(/^\d+$/), enterpriseContactSchema),
    })
    .transform(({ contacts, ...input }) => ({
      ...input,
      // Integer keys iterate in ascending order: the rows as the form shows them.
      contacts: Object.values(contacts),
    })),
);
export type EnterpriseFormInput = z.output<typeof enterpriseFormSchema>;
