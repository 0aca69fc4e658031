import ExcelJS from 'exceljs';

// Calls an export route in-process and opens the .xlsx it returns.

type Handler = (request: Request) => Promise<Response>;

export async function download(handler: Handler, path: string, cookie?: string) {
  const response = await handler(new Request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} }));
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes };
}

export async function openWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The data rows below the title and header rows, as arrays of cell values (column 1 first). */
export function dataRows(sheet: ExcelJS.Worksheet, headerRow = 2): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const values = sheet.getRow(r).values as unknown[];
    rows.push(values.slice(1));
  }
  return rows;
}

export function headers(sheet: ExcelJS.Worksheet, headerRow = 2): string[] {
  return (sheet.getRow(headerRow).values as unknown[]).slice(1).map(String);
}
