// Text a person could have typed: no lone UTF-16 surrogates (half of a character, shown as ���
// once stored) and no control characters other than tab, line feed and carriage return (a
// textarea sends CR LF). Checked once for every JSON body, form and imported cell.

// C0 controls except \t \n \r, DEL, and the C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export const BROKEN_TEXT_MESSAGE = '含有无法保存的字符（控制字符或残缺的文字编码），请删除后重试';

/** Whether the string is safe to store. */
export function isCleanText(text: string): boolean {
  return text.isWellFormed() && !CONTROL.test(text);
}

/**
 * The path of the first string in a parsed body that is not clean ('' for the body itself, else
 * 'field' or 'field.0.name'), or null when every string is clean. Keys are checked as well as values.
 */
export function findBrokenText(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return isCleanText(value) ? null : path;
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  for (const [key, item] of entries) {
    const here = path ? `${path}.${key}` : key;
    if (!isCleanText(key)) return here;
    const found = findBrokenText(item, here, depth + 1);
    if (found !== null) return found;
  }
  return null;
}
