import type { z } from 'zod';
import type { HeaderMatch } from './headers';

// One sheet row to checked values: each matched cell is converted by its column, then the row is
// validated with the importer's zod schema. Shared by the project and the lead importers; errors
// name the column as written in the file.

/** A problem with one cell (or one row, when `column` names no cell), as the import preview lists it. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface ParsedCells<V> {
  /** Validated values (or, when validation failed, the converted ones for display). */
  values: V;
  /** The 阶段 cell, kept apart: stages are validated by the importer's planning step. */
  stage: unknown;
  errors: RowError[];
}

export function parseCells<C extends { key: string }, V>(
  row: number,
  matches: readonly HeaderMatch[],
  cells: readonly unknown[],
  options: {
    columnOf: (key: string) => C | undefined;
    convert: (column: C, raw: unknown, unit: string | null) => { value?: unknown; message?: string };
    schema: z.ZodType;
    /** The column name to report for a schema issue on a field whose column is not in the file. */
    headerFor: (key: string) => string;
  },
): ParsedCells<V> {
  const errors: RowError[] = [];
  const values: Record<string, unknown> = {};
  const headerOf = new Map<string, string>();
  matches.forEach((match, index) => {
    const column = options.columnOf(match.key);
    if (!column) return;
    headerOf.set(column.key, match.header);
    const converted = options.convert(column, cells[index], match.unit);
    if (converted.message) errors.push({ row, column: match.header, message: converted.message });
    else if (converted.value !== undefined) values[column.key] = converted.value;
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
  return { values: (parsed.success ? parsed.data : rest) as V, stage, errors };
}
