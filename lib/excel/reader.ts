import ExcelJS from 'exceljs';
import { AppError } from '@/lib/errors';
import { yieldToEventLoop } from '@/lib/event-loop';
import { cellText } from './cells';
import { isExampleRow } from './example-row';
import { assertDeclaredUnzippedSize, assertInflatedUnzippedSize } from './zip-guard';
import { mapHeaders, type HeaderMapping, type HeaderSpec } from './headers';

// Reads an uploaded .xlsx defensively. Anything that is not a clean one-header table is refused
// before a single row is looked at, with a message the uploader can act on.

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;
const HEADER_SCAN_ROWS = 10;
const YIELD_EVERY = 500;

export interface SheetRows {
  sheetName: string;
  headerRow: number;
  mapping: HeaderMapping;
  /** One entry per non-empty data row; `cells` follows mapping.matches. */
  rows: Array<{ row: number; cells: unknown[] }>;
  /** Rows left out as the template's sample row (a cell starting with 【示例】). */
  exampleRows: number[];
}

export interface ReadOptions {
  /** Keys that must be among the headers. */
  required: readonly string[];
  onProgress?: (done: number, total: number) => void;
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

function decodeRange(range: string): { top: number; bottom: number; left: string } {
  const [from, to = from] = range.split(':');
  const rowOf = (ref: string) => Number(ref.replace(/^[A-Z]+/i, ''));
  return { top: rowOf(from), bottom: rowOf(to), left: from.replace(/\d+$/, '') };
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

  let headerRow = 0;
  let mapping: HeaderMapping | null = null;
  const scanTo = Math.min(sheet.rowCount, HEADER_SCAN_ROWS);
  for (let rowNumber = 1; rowNumber <= scanTo; rowNumber++) {
    const candidate = mapHeaders(rowTexts(sheet, rowNumber), specs);
    if (
      candidate.matches.length >= 2 &&
      options.required.every((key) => candidate.matches.some((match) => match.key === key))
    ) {
      headerRow = rowNumber;
      mapping = candidate;
      break;
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

  // A merged title above the header is fine; merges in or below the header are multi-row header chaos.
  const merges: string[] = (sheet.model as unknown as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const { top, bottom } = decodeRange(range);
    const titleOnly = bottom < headerRow && rowTexts(sheet, top).length <= 1;
    if (!titleOnly)
      throw new AppError('bad_request', `表头区域有合并单元格（${range}），请取消合并、只保留一行列名后再导入`);
  }

  const total = Math.max(sheet.rowCount - headerRow, 0);
  if (total > MAX_IMPORT_ROWS) throw new AppError('bad_request', `文件超过 ${MAX_IMPORT_ROWS} 行，请拆分后分批导入`);
  const headerCells = sheet.getRow(headerRow);
  headerCells.eachCell((cell, column) => {
    if (isFormula(cell.value))
      throw new AppError('bad_request', `表头 ${columnLetter(column)}${headerRow} 是公式，请改为文字`);
  });

  const rows: SheetRows['rows'] = [];
  const exampleRows: number[] = [];
  for (let rowNumber = headerRow + 1; rowNumber <= sheet.rowCount; rowNumber++) {
    const row = sheet.getRow(rowNumber);
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
    const cells = mapping.matches.map((match) => row.getCell(match.column).value);
    if (isExampleRow(cells)) exampleRows.push(rowNumber);
    else if (cells.some((value) => cellText(value) !== '')) rows.push({ row: rowNumber, cells });
    if ((rowNumber - headerRow) % YIELD_EVERY === 0) {
      options.onProgress?.(rowNumber - headerRow, total);
      await yieldToEventLoop();
    }
  }
  options.onProgress?.(total, total);
  return { sheetName: sheet.name, headerRow, mapping, rows, exampleRows };
}
