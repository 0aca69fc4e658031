import { cellNumber, looseLabel } from './cells';
import type { RowError } from './row-parse';

// The structure of a ledger as offices keep it: section rows ("一、政府投资项目（3项）", "（一）…")
// that head the rows below them, 合计/小计 rows that sum them, and notes under the table
// ("注：…", "填报人：…"). The reader classifies every row below the header with classifyRow; the
// importers then give each data row its section's category (or package) and check the sums.

export type TotalKind = '合计' | '小计';

export type RowKind =
  | { kind: 'data' }
  | { kind: 'note' }
  | { kind: 'total'; total: TotalKind; label: string }
  | { kind: 'section'; label: string; name: string; level: number; count: number | null; sums: boolean };

const CHINESE_NUMERAL = '[一二三四五六七八九十百零〇]+';
const LEVEL_ONE = new RegExp(
  `^(?:${CHINESE_NUMERAL}\\s*[、.．,，]|第${CHINESE_NUMERAL}(?:部分|类|项)\\s*[、:：.]?)\\s*`,
);
const LEVEL_TWO = new RegExp(`^[(（]\\s*${CHINESE_NUMERAL}\\s*[)）]\\s*[、.．]?\\s*`);
const BARE_NUMERAL = new RegExp(`^${CHINESE_NUMERAL}$|^[(（]\\s*${CHINESE_NUMERAL}\\s*[)）]$`);
const COUNT =
  /\s*[(（]\s*(?:共|计)?\s*(\d+)\s*(?:个|项)(?:项目)?\s*[)）]\s*$|\s*(?:共|计)\s*(\d+)\s*(?:个|项)(?:项目)?\s*$/;
// The whole cell is the label (a project named "合计不符…" is a project): "合计", "全市合计", "小计（3项）".
const TOTAL = /^(?:全市|全县|全区|总|本页|以上)?(合计|小计|总计|共计)(?:[(（][^)）]*[)）])?[:：]?$/;
const NOTE = /^(?:注|备注|说明|附注|填报|制表|审核|填表|联系人|联系电话|单位负责人)/;

/** "一、政府投资项目（3项）" → its level, its name without numbering or count, and the count it states. */
export function parseSectionLabel(label: string): {
  name: string;
  level: number;
  numbered: boolean;
  count: number | null;
} {
  let text = label.normalize('NFKC').trim();
  let level = 1;
  let numbered = false;
  const two = text.match(LEVEL_TWO);
  const one = two ? null : text.match(LEVEL_ONE);
  if (two) {
    text = text.slice(two[0].length);
    level = 2;
    numbered = true;
  } else if (one) {
    text = text.slice(one[0].length);
    numbered = true;
  }
  const counted = text.match(COUNT);
  const count = counted ? Number(counted[1] ?? counted[2]) : null;
  if (counted) text = text.slice(0, counted.index);
  return { name: text.replace(/[:：]$/, '').trim(), level, numbered, count };
}

/** The 合计/小计 a label names ("合 计", "全市合计", "小计："); null for any other text. */
export function totalKind(text: string): TotalKind | null {
  const match = looseLabel(text).match(TOTAL);
  if (!match) return null;
  return match[1] === '小计' ? '小计' : '合计';
}

function isNumeric(value: string): boolean {
  return cellNumber(value) !== null || /^[—–\-/]+$/.test(value);
}

/**
 * What one row below the header is. `cells` are the row's non-empty cells (a merged range counted
 * once, at its first column); `firstColumn` is the table's first column; `totalColumns` are the
 * columns a 合计 label may stand in (序号, 项目名称); `known` says whether a name is a category
 * (or package, industry) the importer knows, for section rows that carry no numbering.
 */
export function classifyRow(
  cells: ReadonlyArray<{ column: number; text: string }>,
  firstColumn: number,
  totalColumns: readonly number[],
  known: (name: string) => boolean,
): RowKind {
  const filled = cells.filter((cell) => cell.text !== '');
  if (!filled.length) return { kind: 'data' };
  for (const cell of filled) {
    if (cell.column > firstColumn + 1 && !totalColumns.includes(cell.column)) continue;
    const total = totalKind(cell.text);
    if (total) return { kind: 'total', total, label: cell.text };
  }
  const lead = filled.filter((cell) => cell.column <= firstColumn + 1);
  const rest = filled.filter((cell) => cell.column > firstColumn + 1);
  if (!lead.length) return { kind: 'data' };
  // 序号 "一" in one cell and the name in the next read as "一、name".
  const label =
    lead.length === 2 && BARE_NUMERAL.test(lead[0].text.normalize('NFKC'))
      ? `${lead[0].text}、${lead[1].text}`
      : lead.map((cell) => cell.text).join(' ');
  if (!rest.length && NOTE.test(looseLabel(label))) return { kind: 'note' };
  if (!rest.every((cell) => isNumeric(cell.text))) return { kind: 'data' };
  const parsed = parseSectionLabel(label);
  if (!parsed.name) return { kind: 'data' };
  if (!parsed.numbered && !known(parsed.name)) return { kind: 'data' };
  return {
    kind: 'section',
    label,
    name: parsed.name,
    level: parsed.level,
    count: parsed.count,
    sums: rest.length > 0,
  };
}

/** Names a section may be written with for a known name: "政府投资项目", "政府投资类", "政府投资". */
export function sectionNameVariants(name: string): string[] {
  const base = looseLabel(name);
  const variants = new Set([base]);
  for (const suffix of ['重点项目', '类项目', '项目', '类']) {
    for (const variant of [...variants]) if (variant.endsWith(suffix)) variants.add(variant.slice(0, -suffix.length));
  }
  return [...variants].filter(Boolean);
}

// ------------------------------------------------------------------ sections and sums

export interface SheetSection {
  row: number;
  /** As written: "一、政府投资项目（3项）". */
  label: string;
  name: string;
  level: number;
  /** The count the label states, "（3项）". */
  count: number | null;
  /** The enclosing section (index into the sheet's sections); null at the top level. */
  parent: number | null;
  /** The row's cells by matched column when it carries sums (its own 小计); null otherwise. */
  cells: unknown[] | null;
}

export interface SheetTotal {
  row: number;
  total: TotalKind;
  label: string;
  cells: unknown[];
  /** The innermost section the row stands in; null outside any. */
  section: number | null;
}

/** The section and every section enclosing it, innermost first. */
export function sectionChain(sections: readonly SheetSection[], index: number | null): number[] {
  const chain: number[] = [];
  for (let at = index; at !== null && at !== undefined; at = sections[at].parent) chain.push(at);
  return chain;
}

export interface SumColumn {
  key: string;
  header: string;
}

const shownWan = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 6 });

/**
 * Checks each 合计/小计 (and each section row that carries its sums) against the rows it covers:
 * a 小计 its section's rows (with the rows of sections inside it), a 合计 every data row. `values`
 * reads a money field of a parsed row (undefined when the cell is blank or in error). A difference is
 * a warning naming the row and the column; a blank total cell is not checked.
 */
export function checkTotals<P>(input: {
  sections: readonly SheetSection[];
  totals: readonly SheetTotal[];
  rows: ReadonlyArray<{ row: number; section: number | null; parsed: P }>;
  columns: readonly SumColumn[];
  /** Parses the cells of a 合计/小计 row into the same values as a data row. */
  parseTotal: (row: number, cells: unknown[]) => P;
  value: (parsed: P, key: string) => number | undefined;
}): RowError[] {
  const warnings: RowError[] = [];
  const covers = (section: number | null) =>
    input.rows.filter((row) => section === null || sectionChain(input.sections, row.section).includes(section));
  const check = (row: number, label: string, cells: unknown[], covered: typeof input.rows) => {
    const totalValues = input.parseTotal(row, cells);
    for (const column of input.columns) {
      const stated = input.value(totalValues, column.key);
      if (stated === undefined || stated === null) continue;
      const sum = covered.reduce((acc, item) => acc + (input.value(item.parsed, column.key) ?? 0), 0);
      if (Math.abs(sum - stated) > 1e-6)
        warnings.push({
          row,
          column: column.header,
          message: `${label}行 ${column.header} ${shownWan(stated)} 与明细合计 ${shownWan(sum)} 不符`,
        });
    }
  };
  for (const total of input.totals) {
    const section = total.total === '小计' ? total.section : null;
    const label = total.total === '小计' && section !== null ? `小计（${input.sections[section].name}）` : total.total;
    check(total.row, label, total.cells, covers(section));
  }
  input.sections.forEach((section, index) => {
    if (section.cells) check(section.row, `分区"${section.label}"`, section.cells, covers(index));
    if (section.count !== null) {
      const rows = covers(index).length;
      if (rows !== section.count)
        warnings.push({
          row: section.row,
          column: '分区',
          message: `分区"${section.label}"写有 ${section.count} 项，其下有 ${rows} 行项目`,
        });
    }
  });
  return warnings.sort((a, b) => a.row - b.row);
}

// ------------------------------------------------------------------ what each section sets

export interface ResolvedSection<R> {
  /** What the section's name sets for the rows below it (a category, a package…); null when nothing. */
  value: R | null;
  /** A section that names nothing known at the top level is a row error. */
  error: RowError | null;
}

/**
 * Resolves each section's name. A top-level section must name something the importer knows; a
 * section inside one that does ("（一）续建项目" under "一、政府投资项目") may be a plain grouping.
 */
export function resolveSections<R>(
  sections: readonly SheetSection[],
  resolve: (name: string) => R | null,
  unknownMessage: (section: SheetSection) => string,
): Array<ResolvedSection<R>> {
  const resolved: Array<ResolvedSection<R>> = [];
  sections.forEach((section) => {
    const value = resolve(section.name);
    const parentKnown = sectionChain(sections, section.parent).some((at) => resolved[at].value !== null);
    resolved.push({
      value,
      error:
        value === null && !parentKnown ? { row: section.row, column: '分区', message: unknownMessage(section) } : null,
    });
  });
  return resolved;
}

/** The values of a row's sections, innermost first (each section's value, skipping those that set none). */
export function sectionValues<R>(
  sections: readonly SheetSection[],
  resolved: ReadonlyArray<ResolvedSection<R>>,
  section: number | null,
): R[] {
  return sectionChain(sections, section)
    .map((at) => resolved[at].value)
    .filter((value): value is R => value !== null);
}

/** Each data row's innermost section label, by row number, for the preview. */
export function rowSectionLabels(
  sections: readonly SheetSection[],
  rows: ReadonlyArray<{ row: number; section: number | null }>,
): Record<number, string> {
  const labels: Record<number, string> = {};
  for (const row of rows)
    if (row.section !== null)
      labels[row.row] = sectionChain(sections, row.section)
        .reverse()
        .map((at) => sections[at].label)
        .join(' / ');
  return labels;
}
