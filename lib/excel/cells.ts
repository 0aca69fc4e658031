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
