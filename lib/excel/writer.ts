import ExcelJS from 'exceljs';
import { today } from '@/lib/rules/dates';

// The one spreadsheet writer. Every export (ledger, leads, problems, alerts, rankings, audit, the
// import template) goes through it so they all look alike: a title row naming the filters and the
// date, Chinese headers, a frozen header row, money as numbers in 万元, dates as real dates.

export type ColumnType = 'text' | 'money' | 'date' | 'int' | 'percent' | 'degrees';

export interface SheetColumn {
  header: string;
  key: string;
  width?: number;
  type?: ColumnType;
}

export interface SheetSpec {
  title: string;
  /** Human-readable description of the filters applied, e.g. "单位：昌邑区；阶段：开工建设". */
  filtersText?: string;
  columns: SheetColumn[];
  rows: Array<Record<string, unknown>>;
  sheetName?: string;
  /** Defaults to today (Beijing time). */
  date?: string;
}

export const MONEY_FORMAT = '#,##0" 万元"';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const INT_FORMAT = '#,##0';
export const PERCENT_FORMAT = '0.0%';
/** Longitude/latitude: six decimals (about 0.1 m), as stored. */
export const DEGREES_FORMAT = '0.000000';

/** The row the headers sit on; row 1 is the title. Readers find it again by content, not position. */
export const HEADER_ROW = 2;

const DEFAULT_WIDTH: Record<ColumnType, number> = {
  text: 18,
  money: 16,
  date: 12,
  int: 10,
  percent: 10,
  degrees: 12,
};

/** A YYYY-MM-DD string as a date cell. UTC midnight, so Excel shows the same calendar date everywhere. */
export function excelDate(value: string): Date {
  return new Date(`${value.slice(0, 10)}T00:00:00Z`);
}

function cellValue(type: ColumnType, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (type === 'date') {
    if (value instanceof Date) return value;
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return excelDate(value);
    return String(value);
  }
  if (type === 'money' || type === 'int' || type === 'percent' || type === 'degrees') {
    const number = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(number) ? number : String(value);
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : String(value);
}

const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = {
  money: MONEY_FORMAT,
  date: DATE_FORMAT,
  int: INT_FORMAT,
  percent: PERCENT_FORMAT,
  degrees: DEGREES_FORMAT,
};

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '吉林市重点项目管理平台';
  workbook.created = new Date();
  return workbook;
}

export function buildWorkbook(spec: SheetSpec): ExcelJS.Workbook {
  const workbook = newWorkbook();
  addSheet(workbook, spec);
  return workbook;
}

/** Adds one formatted sheet; a workbook of several sections (the monthly report) adds one per section. */
export function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(spec.sheetName ?? spec.title.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
  });
  const columnCount = Math.max(spec.columns.length, 1);

  const titleParts = [
    spec.title,
    spec.filtersText ? `筛选条件：${spec.filtersText}` : '筛选条件：全部',
    `导出日期：${spec.date ?? today()}`,
  ];
  const titleRow = sheet.getRow(1);
  titleRow.getCell(1).value = titleParts.join('　');
  titleRow.getCell(1).font = { bold: true, size: 13 };
  titleRow.getCell(1).alignment = { vertical: 'middle', wrapText: true };
  titleRow.height = 28;
  if (columnCount > 1) sheet.mergeCells(1, 1, 1, columnCount);

  spec.columns.forEach((column, index) => {
    const type = column.type ?? 'text';
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = column.width ?? Math.max(DEFAULT_WIDTH[type], column.header.length * 2 + 2);
    const format = NUMBER_FORMATS[type];
    if (format) sheetColumn.numFmt = format;
  });

  const headerRow = sheet.getRow(HEADER_ROW);
  spec.columns.forEach((column, index) => {
    const cell = headerRow.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2E8F0' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF94A3B8' } } };
  });
  headerRow.height = 22;

  spec.rows.forEach((row, rowIndex) => {
    const sheetRow = sheet.getRow(HEADER_ROW + 1 + rowIndex);
    spec.columns.forEach((column, index) => {
      const type = column.type ?? 'text';
      const cell = sheetRow.getCell(index + 1);
      cell.value = cellValue(type, row[column.key]);
      const format = NUMBER_FORMATS[type];
      if (format) cell.numFmt = format;
    });
  });
  return sheet;
}

/** Writes one sheet to an .xlsx buffer. */
export async function writeSheet(spec: SheetSpec): Promise<Buffer> {
  const workbook = buildWorkbook(spec);
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/** Writes several sheets, in order, to one .xlsx buffer. */
export async function writeWorkbook(specs: SheetSpec[]): Promise<Buffer> {
  const workbook = newWorkbook();
  for (const spec of specs) addSheet(workbook, spec);
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download response for route handlers; the Chinese file name is sent RFC 5987-encoded. */
export function xlsxResponse(buffer: Buffer, fileName: string): Response {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_');
  return new Response(new Uint8Array(buffer), {
    status: 200,
    headers: {
      'content-type': XLSX_CONTENT_TYPE,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'no-store',
    },
  });
}
