import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as templateGet } from '@/app/(app)/import/template/route';
import { getDb } from '@/db';
import { leads, projects } from '@/db/schema';
import { commitProjectImport, previewProjectImport } from '@/domain/imports';
import { commitLeadImport, previewLeadImport } from '@/domain/lead-imports';
import { EXAMPLE_MARK } from '@/lib/excel/example-row';
import { loginAs, seedOnce } from '../support/api';
import { actorOf, withoutExampleMark } from '../support/xlsx';

// Issue 18, item 12: the template's sample row was imported as a real project. It is now marked
// 【示例】 and the importer skips it: an untouched template imports nothing.

beforeAll(async () => {
  await seedOnce();
});

async function template(kind: 'projects' | 'leads', user: string): Promise<Uint8Array> {
  const response = await templateGet(
    new Request(`http://localhost/import/template?kind=${kind}`, { headers: { cookie: await loginAs(user) } }),
  );
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

async function thirdRow(bytes: Uint8Array): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const values = workbook.worksheets[0]!.getRow(3).values as unknown[];
  return values.filter((value): value is string => typeof value === 'string');
}

const count = (table: typeof projects | typeof leads) =>
  getDb()
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .get()!.n;

describe('the project import template', () => {
  it('marks its sample row 【示例】, and the untouched template imports 0 projects', async () => {
    const bytes = await template('projects', 'officer');
    expect((await thirdRow(bytes)).some((text) => text.startsWith(EXAMPLE_MARK))).toBe(true);

    const before = count(projects);
    const preview = await previewProjectImport(actorOf('admin'), { name: '模板.xlsx', bytes });
    expect(preview.exampleRows).toEqual([3]);
    expect(preview.counts).toEqual({ create: 0, update: 0, unchanged: 0, error: 0 });
    expect(() => commitProjectImport(actorOf('admin'), preview.id, { validOnly: false })).toThrow(/没有需要导入/);
    expect(count(projects)).toBe(before);
  });

  it('a row the user fills in beside the sample row is imported, the sample row still skipped', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await template('projects', 'officer')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const sample = sheet.getRow(3).values as ExcelJS.CellValue[];
    const name = `模板填写${Date.now().toString(36)}`;
    sheet.getRow(4).values = sample.map((value) =>
      typeof value === 'string' && value.startsWith(EXAMPLE_MARK) ? name : value,
    );
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const preview = await previewProjectImport(actorOf('admin'), { name: '模板.xlsx', bytes });
    expect(preview.exampleRows).toEqual([3]);
    expect(preview.errors).toEqual([]);
    expect(preview.counts.create).toBe(1);
    expect(preview.rows).toHaveLength(1);
  });

  it('without the mark the same row is a real row (the mark is what skips it)', async () => {
    const bytes = await withoutExampleMark(await template('projects', 'officer'));
    const preview = await previewProjectImport(actorOf('admin'), { name: '模板.xlsx', bytes });
    expect(preview.exampleRows).toEqual([]);
    expect(preview.counts.create).toBe(1);
  });
});

describe('the lead import template', () => {
  it('marks its sample row 【示例】, and the untouched template imports 0 leads', async () => {
    const bytes = await template('leads', 'investment');
    expect((await thirdRow(bytes)).some((text) => text.startsWith(EXAMPLE_MARK))).toBe(true);
    const before = count(leads);
    const preview = await previewLeadImport(actorOf('investment'), { name: '线索模板.xlsx', bytes });
    expect(preview.exampleRows).toEqual([3]);
    expect(preview.counts).toEqual({ create: 0, update: 0, unchanged: 0, error: 0 });
    expect(() => commitLeadImport(actorOf('investment'), preview.id, { validOnly: false })).toThrow(/没有需要导入/);
    expect(count(leads)).toBe(before);
  });
});
