import { isIsoDate } from '@/lib/rules/dates';

// Turning spreadsheet cell values into plain text, numbers and dates. Excel stores dates as
// serial numbers, exceljs gives Date objects for date-formatted cells, and people type
// 2026/3/1 or 2026年3月1日 as text: all of them end up as YYYY-MM-DD.

/** A rich-text, hyperlink or plain cell as trimmed text; '' for empty. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return dateFromDate(value);
  if (typeof value === 'object') {
    const object = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(object.richText))
      return object.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if (object.text !== undefined) return cellText(object.text);
    if (object.error) return object.error;
    if (object.result !== undefined) return cellText(object.result);
  }
  return String(value).trim();
}

function dateFromDate(value: Date): string {
  // exceljs reads date cells as UTC midnight of the calendar date Excel shows.
  return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** YYYY-MM-DD for a date cell, an Excel serial number or common typed forms; null when not a date. */
export function cellDate(value: unknown): string | null {
  if (value instanceof Date) return dateFromDate(value) || null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1 || value > 2_958_465) return null;
    return new Date(EXCEL_EPOCH_MS + Math.floor(value) * 86_400_000).toISOString().slice(0, 10);
  }
  const text = cellText(value).normalize('NFKC');
  const match = text.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/);
  if (!match) return null;
  const iso = `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** A number from a numeric cell or from text such as "1,200" or "1200万元"; null when not a number. */
export function cellNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = cellText(value)
    .normalize('NFKC')
    .replace(/[,\s]/g, '')
    .replace(/(万元|万)$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/** Labels compared loosely: width, spaces and quotes do not matter. */
export function looseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s"'“”‘’「」]/g, '')
    .toLowerCase();
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '双十']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '-']);

export function cellBoolean(value: unknown): boolean | null {
  const text = looseLabel(cellText(value));
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return null;
}

// ------------------------------------------------------------------ month-precision dates

/** Which end of a period a column means: a planned start takes its first day, a completion its last. */
export type DateEdge = 'start' | 'end';

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

function isoOf(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first and last month of the period a text names after its year ("5月", "二季度", "下半年", "年底"). */
function periodMonths(rest: string): [number, number] | 'bad-month' | null {
  if (rest === '' || rest === '年' || rest === '年度' || rest === '全年') return [1, 12];
  const month = rest.match(/^(?:年|[-/.])(\d{1,2})(?:月份?)?$/);
  if (month) {
    const number = Number(month[1]);
    return number >= 1 && number <= 12 ? [number, number] : 'bad-month';
  }
  const quarter = rest.match(/^(?:年(?:第)?([一二三四1-4])季度?|(?:年)?[qQ]([1-4])|年第?([1-4])季)$/);
  if (quarter) {
    const digit = quarter[1] ?? quarter[2] ?? quarter[3];
    const number = CHINESE_DIGITS[digit] ?? Number(digit);
    return [number * 3 - 2, number * 3];
  }
  if (/^年?上半年$/.test(rest)) return [1, 6];
  if (/^年?下半年$/.test(rest)) return [7, 12];
  if (/^年?(?:初|年初)$/.test(rest)) return [1, 1];
  if (/^年?(?:底|末|年底|年末)$/.test(rest)) return [12, 12];
  return null;
}

export type PeriodDate = { date: string } | { message: string };

/**
 * A date cell read at the precision it was written: full dates as they are; a month, quarter, half
 * or 年初/年底 as its first day (edge 'start') or its last day (edge 'end').
 */
export function cellPeriodDate(value: unknown, edge: DateEdge): PeriodDate | null {
  if (typeof value === 'number') {
    const typed = typedNumberDate(value, edge);
    if (typed) return typed;
  }
  const exact = cellDate(value);
  if (exact) return { date: exact };
  if (value instanceof Date || typeof value === 'number') return null;
  return textPeriodDate(cellText(value), edge);
}

/**
 * Numbers Excel made of what people typed: 2026 (a year), 2026.05 (a month), 20260501 (a day). Excel
 * serials of those sizes would be dates around 1905, which no project has. 2026.1 may have been
 * typed as 2026.10, so it is refused rather than guessed.
 */
function typedNumberDate(value: number, edge: DateEdge): PeriodDate | null {
  if (value >= 19_000_101 && value <= 21_001_231 && Number.isInteger(value)) {
    const text = String(value);
    return textPeriodDate(`${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`, edge);
  }
  if (value < 1990 || value >= 2101) return null;
  if (Number.isInteger(value)) return textPeriodDate(String(value), edge);
  const [year, fraction] = value.toFixed(6).replace(/0+$/, '').split('.');
  if (fraction === '1')
    return { message: `数字 ${value} 可能是 ${year} 年 1 月或 10 月，请写成"${year}年1月"或"${year}年10月"` };
  return fraction.length <= 2 ? textPeriodDate(`${year}.${fraction}`, edge) : null;
}

function textPeriodDate(raw: string, edge: DateEdge): PeriodDate | null {
  const text = raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[—–－]/g, '-');
  const full = text.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/);
  if (full) {
    const [year, month, day] = [Number(full[1]), Number(full[2]), Number(full[3])];
    if (month < 1 || month > 12) return { message: `月份应为 1–12` };
    return day >= 1 && day <= lastDayOf(year, month)
      ? { date: isoOf(year, month, day) }
      : { message: '该月没有这一天' };
  }
  const dated = text.match(/^((?:19|20)\d{2})(.*)$/);
  if (!dated) return null;
  const year = Number(dated[1]);
  const months = periodMonths(dated[2]);
  if (months === 'bad-month') return { message: '月份应为 1–12' };
  if (!months) return null;
  return edge === 'start'
    ? { date: isoOf(year, months[0], 1) }
    : { date: isoOf(year, months[1], lastDayOf(year, months[1])) };
}

// ------------------------------------------------------------------ money as people write it

/** Cells that mean "nothing here" in a ledger. */
const BLANK_MARKS = new Set(['-', '--', '—', '——', '–', '/', '\\', '无', '暂无', '空']);

/** '' for a cell that only says "nothing" ("—", "-", "/", "无"), else the text itself. */
export function blankMark(text: string): string {
  const folded = text.normalize('NFKC').replace(/\s+/g, '');
  return folded === '' || BLANK_MARKS.has(folded) ? '' : text;
}

const MONEY_UNITS: Record<string, number> = { 亿元: 10_000, 亿: 10_000, 万元: 1, 万: 1, 元: 0.0001 };

/** Why an amount is not one figure ("约3亿" is an estimate, "3-5亿" a range), or null. */
function vagueAmount(text: string): string | null {
  if (/^(约|大约|近|超|逾|不少于|不低于)|(左右|以上|以下|多)/.test(text)) return '是估计数，请填写一个确定的金额';
  if (/^\d+(\.\d+)?[^\d.]*[-~～至到]\d/.test(text)) return '是一个范围，请填写一个确定的金额';
  return null;
}

export type MoneyReading = { wan: number } | { message: string };

/**
 * An amount in 万元, whole and rounded half-up: a number in the header's unit (`headerFactor` 万元
 * per unit), or text with its own unit ("35.5亿元", "8亿", "1,200", "1200万元", "1.2万").
 * Estimates and ranges ("约3亿", "3-5亿") are refused: the ledger needs one figure.
 */
export function readMoney(value: unknown, headerFactor: number): MoneyReading {
  const round = (wan: number) => ({ wan: Math.round(Number(wan.toFixed(6))) });
  if (typeof value === 'number') return Number.isFinite(value) ? round(value * headerFactor) : { message: '不是数字' };
  const text = cellText(value)
    .normalize('NFKC')
    .replace(/[,，\s]/g, '');
  const vague = vagueAmount(text);
  if (vague) return { message: vague };
  const match = text.match(/^(-?\d+(?:\.\d+)?)(亿元|亿|万元|万|元)?$/);
  if (!match) return { message: '不是数字' };
  const factor = match[2] ? MONEY_UNITS[match[2]] : headerFactor;
  return round(Number(match[1]) * factor);
}

// ------------------------------------------------------------------ foreign-currency pledges

const SCALE_WORDS: Record<string, number> = { 亿: 100_000_000, 万: 10_000, 千: 1_000 };

export type AmountReading = { units: number; label: string | null } | { message: string };

/**
 * An amount in whole units of a foreign currency (a lead's 原币金额): a number ("1000000",
 * "1,000,000"), or text with a scale and the currency's name ("100万美元", "2.5亿日元", "100万").
 * `headerScale` is the header's unit ("原币金额（万美元）" → "万美元"). `label` is the currency the
 * cell or header names, for the caller to check against 币种. Fractions of a unit are refused.
 */
export function readOriginalAmount(value: unknown, headerUnit: string | null): AmountReading {
  const header = splitScale(headerUnit?.normalize('NFKC').replace(/\s+/g, '') ?? '');
  if (!header) return { message: `无法识别原币金额单位"${headerUnit}"，可写如"原币金额（万美元）"` };
  let amount: number;
  let scale = header.scale;
  let label = header.label;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { message: '不是数字' };
    amount = value;
  } else {
    const text = cellText(value)
      .normalize('NFKC')
      .replace(/[,，\s]/g, '');
    const vague = vagueAmount(text);
    if (vague) return { message: vague };
    const match = text.match(/^(-?\d+(?:\.\d+)?)(.*)$/);
    const written = match ? splitScale(match[2]) : null;
    if (!match || !written) return { message: '不是数字' };
    amount = Number(match[1]);
    if (match[2]) {
      scale = written.scale;
      label = written.label ?? label;
    }
  }
  const units = Number((amount * scale).toFixed(6));
  if (units < 0) return { message: '不能为负数' };
  if (!Number.isSafeInteger(units)) return { message: '须为整数（以该币种的元为单位）' };
  return { units, label };
}

/** "万美元" → ×10 000 and 美元; "" → ×1; null when the text is not a scale and/or a currency name. */
function splitScale(text: string): { scale: number; label: string | null } | null {
  const match = text.match(/^([亿万千]?)(.*)$/)!;
  const scale = match[1] ? SCALE_WORDS[match[1]] : 1;
  const label = match[2] || null;
  if (label !== null && !/^[\p{Script=Han}A-Za-z$€]+$/u.test(label)) return null;
  return { scale, label };
}

export type RateReading = { rate: number } | { message: string };

/** 汇率: yuan per unit, a positive number of at most `decimals` decimals ("7.1", "7.1元", 0.0485). */
export function readRate(value: unknown, decimals: number): RateReading {
  let rate: number;
  if (typeof value === 'number') rate = value;
  else {
    const text = cellText(value)
      .normalize('NFKC')
      .replace(/\s+/g, '')
      .replace(/(元|人民币元?)(\/.*)?$/, '');
    if (vagueAmount(text)) return { message: '须为一个确定的汇率' };
    if (!/^-?\d+(\.\d+)?$/.test(text)) return { message: '不是数字' };
    rate = Number(text);
  }
  if (!Number.isFinite(rate) || rate <= 0) return { message: '须大于 0' };
  const scaled = rate * 10 ** decimals;
  if (Math.abs(Math.round(scaled) - scaled) > 1e-3) return { message: `最多保留 ${decimals} 位小数` };
  return { rate };
}
