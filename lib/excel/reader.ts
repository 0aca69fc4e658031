import ExcelJS from 'exceljs';
import { AppError } from '@/lib/errors';
import { yieldToEventLoop } from '@/lib/event-loop';
import { cellText } from './cells';
import { isExampleRow } from './example-row';
import { assertDeclaredUnzippedSize, assertInflatedUnzippedSize } from './zip-guard';
import { mapHeaders, moneyFactor, normaliseHeader, type HeaderMapping, type HeaderSpec } from './headers';
import { classifyRow, type SheetSection, type SheetTotal } from './sections';

// Reads an uploaded .xlsx defensively, in the layouts offices keep: title and unit rows above the
// table, one header row or two (a merged group such as "投资情况（万元）" over 总投资), merged
// cells, section rows and 合计/小计 rows among the data (lib/excel/sections.ts). What cannot be read
// (no header, a formula in a data row, a file that is not .xlsx) is refused with the cell and why.

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
const HEADER_SCAN_ROWS = 15;
const YIELD_EVERY = 500;

export interface SheetRows {
  sheetName: string;
  /** The header row the columns are read from (the lower row of a two-row header). */
  headerRow: number;
  /** The first row of the header: headerRow, or the row above it for a two-row header. */
  headerTop: number;
  /** The money unit a row above the table names ("单位：万元"), given to columns whose header names none. */
  sheetUnit: string | null;
  mapping: HeaderMapping;
  /** One entry per non-empty data row; `cells` follows mapping.matches; `section` indexes `sections`. */
  rows: Array<{ row: number; cells: unknown[]; section: number | null }>;
  /** Section rows ("一、政府投资项目（3项）"), in sheet order. */
  sections: SheetSection[];
  /** 合计/小计 rows, never imported; their cells follow mapping.matches. */
  totals: SheetTotal[];
  /** Rows left out as the template's sample row (a cell starting with 【示例】). */
  exampleRows: number[];
}

export interface ReadOptions {
  /** Keys that must be among the headers. */
  required: readonly string[];
  onProgress?: (done: number, total: number) => void;
  /** Keys of the columns a 合计 label may stand in besides 序号 (the name column). */
  labelKeys?: readonly string[];
  /** Whether a section name without numbering ("政府投资项目") names something the importer knows. */
  knownSection?: (name: string) => boolean;
}

const notXlsx = () =>
  new AppError('unsupported_media_type', '文件不是有效的 Excel（.xlsx）文件，请用 Excel 或 WPS 另存为 .xlsx 后再上传');

function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function isFormula(value: unknown): boolean {
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
}

/** Checks the bytes before exceljs sees them: size, then the ZIP signature every .xlsx starts with. */
export function assertXlsxBytes(buffer: Uint8Array): void {
  if (buffer.byteLength > MAX_IMPORT_BYTES) throw new AppError('payload_too_large', '文件超过 20 MB，请拆分后分批导入');
  if (buffer.byteLength === 0) throw new AppError('bad_request', '文件是空的');
  const oleSignature = [0xd0, 0xcf, 0x11, 0xe0];
  if (oleSignature.every((byte, i) => buffer[i] === byte)) {
    throw new AppError('unsupported_media_type', '这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入');
  }
  const zipSignature = [0x50, 0x4b, 0x03, 0x04];
  if (!zipSignature.every((byte, i) => buffer[i] === byte)) throw notXlsx();
  assertDeclaredUnzippedSize(buffer);
}

function rowTexts(sheet: ExcelJS.Worksheet, rowNumber: number): Array<{ column: number; text: string }> {
  const row = sheet.getRow(rowNumber);
  const cells: Array<{ column: number; text: string }> = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    // exceljs repeats a merged range's value in every cell of it; count the range once.
    if (cell.isMerged && cell.master.address !== cell.address) return;
    cells.push({ column, text: cellText(cell.value) });
  });
  return cells;
}

interface Merge {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters.toUpperCase()) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}

function mergesOf(sheet: ExcelJS.Worksheet, belowRow: number): Merge[] {
  const ranges: string[] = (sheet.model as unknown as { merges?: string[] }).merges ?? [];
  const merges: Merge[] = [];
  for (const range of ranges) {
    const [from, to = from] = range.split(':');
    const parse = (ref: string) => {
      const match = ref.match(/^\$?([A-Z]+)\$?(\d+)$/i);
      return match ? { column: columnNumber(match[1]), row: Number(match[2]) } : null;
    };
    const a = parse(from);
    const b = parse(to);
    if (!a || !b || Math.min(a.row, b.row) > belowRow) continue;
    merges.push({
      top: Math.min(a.row, b.row),
      bottom: Math.max(a.row, b.row),
      left: Math.min(a.column, b.column),
      right: Math.max(a.column, b.column),
    });
  }
  return merges;
}

const mergeAt = (merges: readonly Merge[], row: number, column: number) =>
  merges.find((merge) => merge.top <= row && row <= merge.bottom && merge.left <= column && column <= merge.right);

interface HeaderCell {
  column: number;
  text: string;
  /** The merged group above the cell in a two-row header ("投资情况（万元）"); null when none. */
  group: string | null;
  /** The cell's text comes from a cell merged down from the row above. */
  fromAbove: boolean;
}

/** Row `rowNumber` read as the (lower) header row: merged cells counted once, a merged group above joined in. */
function headerCells(sheet: ExcelJS.Worksheet, rowNumber: number, merges: readonly Merge[]): HeaderCell[] {
  const textAt = (row: number, column: number) => cellText(sheet.getCell(row, column).value);
  const cells: HeaderCell[] = [];
  const columnCount = sheet.columnCount;
  for (let column = 1; column <= columnCount; column++) {
    const merge = mergeAt(merges, rowNumber, column);
    if (merge && merge.left !== column) continue;
    const fromAbove = !!merge && merge.top < rowNumber;
    const text = fromAbove ? textAt(merge!.top, merge!.left) : textAt(rowNumber, column);
    if (!text) continue;
    cells.push({ column, text, group: null, fromAbove });
  }
  if (rowNumber < 2 || !cells.length) return cells;
  const first = cells[0].column;
  const last = cells[cells.length - 1].column;
  const anyFromAbove = cells.some((cell) => cell.fromAbove);
  for (const cell of cells) {
    if (cell.fromAbove) continue;
    const above = mergeAt(merges, rowNumber - 1, cell.column);
    if (!above || above.bottom !== rowNumber - 1 || above.right === above.left) continue;
    // A title merged across the whole table is not a group; a group is narrower, or sits beside
    // cells merged down over both header rows.
    const narrower = above.left > first || above.right < last;
    if (!narrower && !anyFromAbove) continue;
    const group = textAt(above.top, above.left);
    if (group) cell.group = group;
  }
  return cells;
}

const SHEET_UNIT = /单位\s*[:：]\s*(万元|亿元|元)/;

/** The money unit that a row above the table states ("单位：万元"); null when none does. */
function sheetUnitAbove(sheet: ExcelJS.Worksheet, headerTop: number): string | null {
  for (let rowNumber = 1; rowNumber < headerTop; rowNumber++)
    for (const cell of rowTexts(sheet, rowNumber)) {
      const match = cell.text.normalize('NFKC').match(SHEET_UNIT);
      if (match) return match[1];
    }
  return null;
}

/** The unit of a group header when it names a money unit ("投资情况（亿元）"); null otherwise. */
function groupUnit(group: string | null): string | null {
  if (!group) return null;
  const { unit } = normaliseHeader(group);
  return unit && moneyFactor(unit) ? unit : null;
}

export async function readSheet(
  buffer: Uint8Array,
  specs: readonly HeaderSpec[],
  options: ReadOptions,
): Promise<SheetRows> {
  assertXlsxBytes(buffer);
  // Inflates with an output cap before exceljs holds the whole file in memory (zip-guard.ts).
  assertInflatedUnzippedSize(buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw notXlsx();
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.state !== 'hidden' && candidate.actualRowCount > 0);
  if (!sheet) {
    if (workbook.worksheets.length === 0) throw notXlsx();
    throw new AppError('bad_request', '文件中没有数据');
  }

  // The header is the row (among the first 15) that names the most known columns, read with the
  // cells merged down into it and the merged group above it.
  const scanTo = Math.min(sheet.rowCount, HEADER_SCAN_ROWS);
  const headerMerges = mergesOf(sheet, scanTo + 1);
  let headerRow = 0;
  let header: HeaderCell[] = [];
  let mapping: HeaderMapping | null = null;
  for (let rowNumber = 1; rowNumber <= scanTo; rowNumber++) {
    const cells = headerCells(sheet, rowNumber, headerMerges);
    const candidate = mapHeaders(cells, specs);
    if (
      candidate.matches.length >= 2 &&
      options.required.every((key) => candidate.matches.some((match) => match.key === key)) &&
      (!mapping || candidate.matches.length > mapping.matches.length)
    ) {
      headerRow = rowNumber;
      header = cells;
      mapping = candidate;
    }
  }
  if (!mapping) {
    const names = options.required.map((key) => specs.find((spec) => spec.key === key)?.header ?? key).join('"、"');
    throw new AppError(
      'bad_request',
      `未找到可识别的表头：前 ${HEADER_SCAN_ROWS} 行中应有一行列名，至少包含"${names}"。请使用导入模板`,
    );
  }
  if (mapping.duplicates.length) {
    const first = mapping.duplicates[0];
    throw new AppError('bad_request', `表头中有重复的列：${first.headers.join('、')}，请只保留一列`);
  }
  const twoRows = header.some((cell) => cell.fromAbove || cell.group !== null);
  const headerTop = twoRows ? headerRow - 1 : headerRow;
  const sheetUnit = sheetUnitAbove(sheet, headerTop);
  const byColumn = new Map(header.map((cell) => [cell.column, cell]));
  mapping = {
    ...mapping,
    matches: mapping.matches.map((match) => {
      const cell = byColumn.get(match.column);
      const unit = match.unit ?? groupUnit(cell?.group ?? null) ?? sheetUnit;
      return { ...match, unit, header: cell?.group ? `${cell.group}/${match.header}` : match.header };
    }),
  };

  const total = Math.max(sheet.rowCount - headerRow, 0);
  if (total > MAX_IMPORT_ROWS) throw new AppError('bad_request', `文件超过 ${MAX_IMPORT_ROWS} 行，请拆分后分批导入`);
  for (let rowNumber = headerTop; rowNumber <= headerRow; rowNumber++)
    sheet.getRow(rowNumber).eachCell((cell, column) => {
      if (isFormula(cell.value))
        throw new AppError('bad_request', `表头 ${columnLetter(column)}${rowNumber} 是公式，请改为文字`);
    });

  const firstColumn = header[0]?.column ?? 1;
  const labelColumns = [
    ...header.filter((cell) => ['序号', '编号'].includes(normaliseHeader(cell.text).base)).map((cell) => cell.column),
    ...mapping.matches.filter((match) => options.labelKeys?.includes(match.key)).map((match) => match.column),
  ];
  const known = options.knownSection ?? (() => false);

  const rows: SheetRows['rows'] = [];
  const exampleRows: number[] = [];
  const sections: SheetSection[] = [];
  const totals: SheetTotal[] = [];
  const open: number[] = []; // the sections enclosing the current row, outermost first
  const current = () => (open.length ? open[open.length - 1] : null);
  for (let rowNumber = headerRow + 1; rowNumber <= sheet.rowCount; rowNumber++) {
    const row = sheet.getRow(rowNumber);
    const cells = mapping.matches.map((match) => row.getCell(match.column).value);
    if (isExampleRow(cells)) {
      exampleRows.push(rowNumber);
      continue;
    }
    const kind = classifyRow(rowTexts(sheet, rowNumber), firstColumn, labelColumns, known);
    if (kind.kind === 'note') continue;
    if (kind.kind === 'total') {
      // A 合计 row may sum with formulas: their cached results are read.
      totals.push({ row: rowNumber, total: kind.total, label: kind.label, cells, section: current() });
    } else if (kind.kind === 'section') {
      while (open.length && sections[open[open.length - 1]].level >= kind.level) open.pop();
      sections.push({
        row: rowNumber,
        label: kind.label,
        name: kind.name,
        level: kind.level,
        count: kind.count,
        parent: current(),
        cells: kind.sums ? cells : null,
      });
      open.push(sections.length - 1);
    } else {
      let formulaAt = 0;
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        if (!formulaAt && isFormula(cell.value)) formulaAt = column;
      });
      if (formulaAt) {
        throw new AppError(
          'bad_request',
          `第 ${rowNumber} 行 ${columnLetter(formulaAt)} 列（${columnLetter(formulaAt)}${rowNumber}）含公式。请先"复制 → 选择性粘贴为数值"后再导入`,
        );
      }
      if (cells.some((value) => cellText(value) !== '')) rows.push({ row: rowNumber, cells, section: current() });
    }
    if ((rowNumber - headerRow) % YIELD_EVERY === 0) {
      options.onProgress?.(rowNumber - headerRow, total);
      await yieldToEventLoop();
    }
  }
  options.onProgress?.(total, total);
  return { sheetName: sheet.name, headerRow, headerTop, sheetUnit, mapping, rows, sections, totals, exampleRows };
}
