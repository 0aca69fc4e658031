import type { z } from 'zod';
import type { Role } from '@/lib/rules/enums';
import { cellPeriodDate, cellText, looseLabel, readMoney, type DateEdge } from './cells';
import { BROKEN_TEXT_MESSAGE, isCleanText } from '@/lib/text-safety';
import { moneyFactor, type HeaderMatch } from './headers';

// One sheet row to checked values: each matched cell is converted by its column, then the row is
// validated with the importer's zod schema. Shared by the project and the lead importers; errors
// name the column as written in the file.

/** A problem with one cell (or one row, when `column` names no cell), as the import preview lists it. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

/** A cell the importer read differently from how it was written: "2026年二季度" → "2026-04-01". */
export interface CellConversion {
  column: string;
  written: string;
  converted: string;
}

/** One data row read: its values, the problems found, and the cells read differently from how they were written. */
export interface ParsedRow<V> {
  row: number;
  values: V;
  errors: RowError[];
  conversions?: CellConversion[];
}

/** A field an update row changes, with the column it came from, as the preview lists it. */
export interface FieldChangeOf<F extends string> {
  field: F;
  header: string;
  before: unknown;
  after: unknown;
}

/** The names every importer resolves: 责任单位/所在地 and 行业. */
export interface NameLookups {
  units: Map<string, number>;
  industries: Map<string, number>;
}

/** Who imports: what the row checks need to know about them. */
export interface RowActor {
  id: number;
  role: Role;
  unitId: number | null;
  team?: string | null;
}

export interface ParsedCells<V> {
  /** Validated values (or, when validation failed, the converted ones for display). */
  values: V;
  /** The 阶段 cell, kept apart: stages are validated by the importer's planning step. */
  stage: unknown;
  errors: RowError[];
  conversions: CellConversion[];
}

export function parseCells<C extends { key: string }, V>(
  row: number,
  matches: readonly HeaderMatch[],
  cells: readonly unknown[],
  options: {
    columnOf: (key: string) => C | undefined;
    convert: (column: C, raw: unknown, unit: string | null) => ConvertedCell;
    schema: z.ZodType;
    /** The column name to report for a schema issue on a field whose column is not in the file. */
    headerFor: (key: string) => string;
  },
): ParsedCells<V> {
  const errors: RowError[] = [];
  const conversions: CellConversion[] = [];
  const values: Record<string, unknown> = {};
  const headerOf = new Map<string, string>();
  matches.forEach((match, index) => {
    const column = options.columnOf(match.key);
    if (!column) return;
    headerOf.set(column.key, match.header);
    if (!isCleanText(cellText(cells[index]))) {
      errors.push({ row, column: match.header, message: BROKEN_TEXT_MESSAGE });
      return;
    }
    const converted = options.convert(column, cells[index], match.unit);
    if (converted.message) errors.push({ row, column: match.header, message: converted.message });
    else if (converted.value !== undefined) values[column.key] = converted.value;
    if (!converted.message && converted.shown)
      conversions.push({ column: match.header, written: cellText(cells[index]), converted: converted.shown });
  });
  const { stage, ...rest } = values;
  const parsed = options.schema.safeParse(rest);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const column = headerOf.get(key) ?? options.headerFor(key);
      // One message per column: a cell that failed conversion is not reported twice.
      if (errors.some((error) => error.column === column)) continue;
      errors.push({ row, column, message: issue.message });
    }
  }
  return { values: (parsed.success ? parsed.data : rest) as V, stage, errors, conversions };
}

// Cell conversions both importers make the same way. Each returns the value or a message.

/** `shown`: the converted value as the preview prints it, when it differs from what was written. */
export type ConvertedCell = { value?: unknown; message?: string; shown?: string };

/** A money cell, in whole 万元 whatever unit its header (or the cell itself: "35.5亿元") named. */
export function convertMoney(raw: unknown, text: string, unit: string | null): ConvertedCell {
  const factor = moneyFactor(unit);
  if (!factor) return { message: `无法识别金额单位"${unit}"，请使用万元或亿元` };
  const reading = readMoney(raw, factor.multiply / factor.divide);
  if ('message' in reading)
    return { message: `"${text}"${reading.message}；金额请填写数字（万元），或带单位如 35.5亿元` };
  const plain =
    typeof raw === 'number' ? factor.multiply === factor.divide && Number.isInteger(raw) : text === String(reading.wan);
  return { value: reading.wan, ...(plain ? {} : { shown: `${reading.wan.toLocaleString('en-US')} 万元` }) };
}

/** A date cell; a month, quarter, half or 年初/年底 becomes the first (edge 'start') or last day of it. */
export function convertDate(raw: unknown, text: string, edge: DateEdge = 'start'): ConvertedCell {
  const reading = cellPeriodDate(raw, edge);
  if (reading && 'date' in reading)
    return { value: reading.date, ...(text === reading.date ? {} : { shown: reading.date }) };
  const reason = reading?.message ? `：${reading.message}` : '';
  return {
    message: `"${text}"不是有效日期${reason}。可填 2026-05-01、2026年5月、2026.5、2026年二季度、2026年上半年、2026年底或 Excel 日期`,
  };
}

/** The key whose name or one of whose labels the cell reads as (spacing and width ignored). */
export function keyForLabel(text: string, labels: Record<string, readonly string[]>): string | undefined {
  const wanted = looseLabel(text);
  for (const [key, names] of Object.entries(labels)) {
    if (looseLabel(key) === wanted || names.some((label) => looseLabel(label) === wanted)) return key;
  }
  return undefined;
}

/** A 单位 or 产业 cell: the id of the active unit or industry it names. */
export function convertReference(
  ids: ReadonlyMap<string, number>,
  text: string,
  kind: 'unit' | 'industry',
): ConvertedCell {
  const id = ids.get(looseLabel(text));
  return id ? { value: id } : { message: `${kind === 'unit' ? '单位' : '产业'}"${text}"不存在` };
}
