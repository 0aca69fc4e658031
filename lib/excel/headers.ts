// Header matching for imported sheets. Ledgers arrive from many offices: the same column may be
// 总投资（万元）, 总投资(万元), 总投资 万元 or just 总投资, in any order, with stray spaces or a
// required-field star. We normalise the text and compare it against each column's names.

export interface HeaderSpec {
  key: string;
  header: string;
  aliases?: readonly string[];
  /**
   * The header may name a year: "2026年计划投资", "2025年度计划投资（万元）", or the year a running
   * total runs to: "截至2025年底累计完成投资".
   */
  yearInHeader?: boolean;
}

export interface NormalisedHeader {
  base: string;
  /** What stood in brackets (or a trailing 万元/亿元/元), e.g. "万元"; null when nothing did. */
  unit: string | null;
}

const BRACKETED = /^(.*?)[(\[【〔<《]([^()\[\]【】〔〕<>《》]*)[)\]】〕>》]$/;
const MONEY_SUFFIX = /^(.+?)(万元|亿元|元)$/;

export function normaliseHeader(raw: string): NormalisedHeader {
  // NFKC folds full-width brackets, letters and spaces to their half-width forms.
  let text = raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[*＊:：]/g, '');
  let unit: string | null = null;
  const bracketed = text.match(BRACKETED);
  if (bracketed) {
    text = bracketed[1];
    unit = bracketed[2] || null;
  } else {
    const suffixed = text.match(MONEY_SUFFIX);
    if (suffixed && suffixed[1].length >= 2) {
      text = suffixed[1];
      unit = suffixed[2];
    }
  }
  return { base: text.toLowerCase(), unit };
}

export interface HeaderMatch {
  key: string;
  /** 1-based column number in the sheet. */
  column: number;
  /** The header as written in the file, for error messages. */
  header: string;
  unit: string | null;
  /** The year the header names (see HeaderSpec.yearInHeader). */
  year?: number;
}

export interface HeaderMapping {
  matches: HeaderMatch[];
  /** Headers the importer does not know; they are ignored and listed in the preview. */
  unknown: string[];
  /** Keys that appear more than once, with the headers involved. */
  duplicates: Array<{ key: string; headers: string[] }>;
}

/**
 * Headers that are known but hold nothing to import: the row number, and 本年完成投资 and
 * 开工以来累计完成投资, which the 按市里格式 export writes beside 截至YYYY年底累计完成投资 (the figure
 * imported) and the monthly reports sum.
 */
const READ_PAST = new Set(['序号', '编号', '本年完成投资', '开工以来累计完成投资']);

function namesOf(spec: HeaderSpec): string[] {
  return [spec.header, ...(spec.aliases ?? [])].map((name) => normaliseHeader(name).base);
}

/** Maps a row of header cells (1-based positions) to column keys. */
export function mapHeaders(
  cells: Array<{ column: number; text: string }>,
  specs: readonly HeaderSpec[],
): HeaderMapping {
  const lookup = new Map<string, string>();
  for (const spec of specs) for (const name of namesOf(spec)) if (!lookup.has(name)) lookup.set(name, spec.key);
  const matches: HeaderMatch[] = [];
  const unknown: string[] = [];
  const seen = new Map<string, string[]>();
  for (const cell of cells) {
    const text = cell.text.trim();
    if (!text) continue;
    const { base, unit } = normaliseHeader(text);
    const dated = lookup.has(base) ? null : yearPrefixed(base, lookup, specs);
    const key = lookup.get(base) ?? dated?.key;
    if (!key) {
      if (!READ_PAST.has(base)) unknown.push(text);
      continue;
    }
    const headers = seen.get(key) ?? [];
    headers.push(text);
    seen.set(key, headers);
    if (headers.length === 1)
      matches.push({ key, column: cell.column, header: text, unit, ...(dated ? { year: dated.year } : {}) });
  }
  const duplicates = [...seen.entries()]
    .filter(([, headers]) => headers.length > 1)
    .map(([key, headers]) => ({ key, headers }));
  return { matches, unknown, duplicates };
}

/** "2026年计划投资" → the 年度计划投资 column for 2026, when that column allows a year in front. */
function yearPrefixed(
  base: string,
  lookup: Map<string, string>,
  specs: readonly HeaderSpec[],
): { key: string; year: number } | null {
  // "截至2025年底累计完成投资", "截止2025年末累计完成投资", "2025年底累计完成投资": the year the total runs to.
  const asOf = base.match(/^(?:截至|截止到?|至)?((?:19|20)\d{2})年(?:底|末|年底|年末)(?:止)?(.+)$/);
  const match = asOf ?? base.match(/^((?:19|20)\d{2})(.+)$/);
  if (!match) return null;
  const rest = match[2];
  const candidates = [rest, `年度${rest.replace(/^年度?/, '')}`, rest.replace(/^年度?/, '')];
  for (const candidate of candidates) {
    const key = lookup.get(candidate);
    if (key && specs.some((spec) => spec.key === key && spec.yearInHeader)) return { key, year: Number(match[1]) };
  }
  return null;
}

/** How many 万元 one unit of the header's money unit is worth; null for a unit we cannot convert. */
export function moneyFactor(unit: string | null): { multiply: number; divide: number } | null {
  if (unit === null || unit === '万元' || unit === '万') return { multiply: 1, divide: 1 };
  if (unit === '亿元' || unit === '亿') return { multiply: 10_000, divide: 1 };
  if (unit === '元') return { multiply: 1, divide: 10_000 };
  return null;
}
