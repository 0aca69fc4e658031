import { z } from 'zod';

// HTML forms send strings. These wrap a JSON schema so the same rules accept form input:
// blanks become null/undefined, numbers are parsed, checkboxes become booleans.

const blank = (value: unknown) => typeof value === 'string' && value.trim() === '';

export const fromFormNumber = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => {
    if (blank(value)) return undefined;
    if (typeof value === 'string') {
      const cleaned = value.replace(/[,，\s]/g, '');
      return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : value;
    }
    return value;
  }, schema);

export const fromFormOptional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (blank(value) ? null : value), schema.nullable().optional());

export const fromFormBoolean = z.preprocess(
  (value) => value === true || value === 'on' || value === 'true' || value === '1',
  z.boolean(),
);

/** Applies to a whole object: drops blank strings so `.optional()` fields read as absent. */
export const withoutBlanks = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    return Object.fromEntries(Object.entries(value).filter(([, v]) => !blank(v)));
  }, schema);
