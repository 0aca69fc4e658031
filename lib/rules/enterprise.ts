// 企业库 rules shared by the domain, the importer, the migration test and the pages (issue 16).

/** The 31 characters of a 统一社会信用代码, in the order that gives each its value (GB 32100-2015 表 2). */
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** The weights of positions 1–17 (3^(i-1) mod 31). */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** 登记管理部门代码 then 机构类别代码 (first two characters), then the 6-digit 行政区划码, then 9-character 主体标识码, then the check. */
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character of the first 17 characters, or null when one of them is not a code character. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CODE_CHARS.indexOf(first17[i]!);
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return CODE_CHARS[(31 - (sum % 31)) % 31]!;
}

/** Upper-cases and strips spaces, as a pasted code often carries them. */
export function normalizeCreditCode(code: string): string {
  return code.replace(/[\s\u3000]+/g, '').toUpperCase();
}

export type CreditCodeCheck = { ok: true; code: string } | { ok: false; message: string };

/** A 统一社会信用代码: 18 characters of the code set whose last is the GB 32100-2015 check character. */
export function checkCreditCode(input: string): CreditCodeCheck {
  const code = normalizeCreditCode(input);
  if (code.length !== 18) return { ok: false, message: '统一社会信用代码应为 18 位' };
  if (!SHAPE.test(code))
    return { ok: false, message: '统一社会信用代码含无效字符（只用数字和大写字母，不含 I、O、Z、S、V）' };
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (expected !== code[17]) return { ok: false, message: '统一社会信用代码校验位不正确，请核对' };
  return { ok: true, code };
}

/**
 * The words ignored when two company names are compared (首报首谈), removed in this order after
 * full-width brackets become half-width. Migration 0005 repeats this sequence in SQL; keep them equal.
 */
export const NAME_KEY_REMOVALS = ['股份有限公司', '有限责任公司', '有限公司', '集团', '(中国)', ' ', '\u3000'] as const;

/** The comparable form of a company name: brackets half-width, the removals gone, ASCII lower-cased. */
export function enterpriseNameKey(name: string): string {
  let key = name.replaceAll('（', '(').replaceAll('）', ')');
  for (const word of NAME_KEY_REMOVALS) key = key.replaceAll(word, '');
  return key.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
