import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import type { ActorContext } from '@/lib/rules/permissions';

// Builds .xlsx files in tests and loads demo users as domain actors.

export async function workbookBuffer(
  rows: unknown[][],
  configure?: (sheet: ExcelJS.Worksheet) => void,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('项目');
  for (const row of rows) sheet.addRow(row);
  configure?.(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function actorOf(username: string): ActorContext {
  const user = getDb().select().from(users).where(eq(users.username, username)).get();
  if (!user) throw new Error(`no user ${username}`);
  return { id: user.id, role: user.role, unitId: user.unitId, team: user.team, ip: '127.0.0.1' };
}

export const BASIC_HEADER = ['项目名称', '项目类别', '责任单位', '总投资（万元）', '计划开工时间'];

/** The workbook with the 【示例】 mark taken off its sample row, as a user who fills it in would. */
export async function withoutExampleMark(bytes: Uint8Array, mark = '【示例】'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  workbook.worksheets[0]!.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === 'string' && cell.value.startsWith(mark)) cell.value = cell.value.slice(mark.length);
    }),
  );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
