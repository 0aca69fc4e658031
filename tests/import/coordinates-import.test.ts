import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { projects } from '@/db/schema';
import { commitProjectImport, previewProjectImport } from '@/domain/imports';
import { projectLedgerWorkbook, projectTemplate } from '@/domain/project-sheets';
import { listLedgerProjects } from '@/db/queries/projects';
import { seedOnce } from '../support/api';
import { actorOf, withoutExampleMark, workbookBuffer } from '../support/xlsx';

// Issue 17: 经度/纬度 travel through the ledger export and the importer, as a pair inside the city.

beforeAll(async () => {
  await seedOnce();
});

const HEADER = ['项目名称', '项目类别', '责任单位', '经度', '纬度'];

async function readSheet(bytes: Uint8Array | Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  return workbook.worksheets[0]!;
}

describe('经度/纬度 columns', () => {
  it('the ledger export writes each project’s coordinates as numbers', async () => {
    const all = listLedgerProjects({ filters: {}, limit: 5 });
    expect(all.every((project) => project.longitude !== null && project.latitude !== null)).toBe(true);
    const sheet = await readSheet(await projectLedgerWorkbook(all));
    const headers = (sheet.getRow(2).values as unknown[]).slice(1);
    const lngCol = headers.indexOf('经度') + 1;
    const latCol = headers.indexOf('纬度') + 1;
    expect(lngCol).toBeGreaterThan(0);
    expect(latCol).toBeGreaterThan(0);
    all.forEach((project, index) => {
      expect(sheet.getRow(3 + index).getCell(lngCol).value).toBe(project.longitude);
      expect(sheet.getRow(3 + index).getCell(latCol).value).toBe(project.latitude);
    });
  });

  it('round trip: an exported ledger imports back unchanged; a moved point is an update of just those fields', async () => {
    const all = listLedgerProjects({ filters: {}, limit: 100_000 });
    const same = await previewProjectImport(actorOf('admin'), {
      name: '台账.xlsx',
      bytes: await projectLedgerWorkbook(all),
    });
    expect(same.errors).toEqual([]);
    expect(same.counts).toMatchObject({ update: 0, unchanged: all.length, error: 0 });

    const [first] = all;
    const moved = { ...first, longitude: 126.61, latitude: 43.85 };
    const preview = await previewProjectImport(actorOf('admin'), {
      name: '改坐标.xlsx',
      bytes: await projectLedgerWorkbook([moved]),
    });
    expect(preview.counts).toMatchObject({ update: 1, error: 0 });
    const row = preview.rows[0];
    expect(row.action === 'update' && row.changes.map((change) => [change.field, change.after])).toEqual([
      ['longitude', 126.61],
      ['latitude', 43.85],
    ]);
    commitProjectImport(actorOf('admin'), preview.id, { validOnly: false });
    expect(getDb().select().from(projects).where(eq(projects.id, first.id)).get()).toMatchObject({
      longitude: 126.61,
      latitude: 43.85,
    });
  });

  it('a new project from the template example carries the example’s coordinates', async () => {
    const preview = await previewProjectImport(actorOf('admin'), {
      name: '模板.xlsx',
      bytes: await withoutExampleMark(await projectTemplate()),
    });
    expect(preview.errors).toEqual([]);
    const row = preview.rows[0];
    expect(row.action === 'create' && row.input).toMatchObject({ longitude: 126.570741, latitude: 43.862117 });
  });

  it('refuses half a pair, text and points outside the city at their row and column; nothing imported', async () => {
    const name = (n: number) => `坐标导入${n}`;
    const bytes = await workbookBuffer([
      HEADER,
      [name(1), '政府投资', '昌邑区', 126.5, null],
      [name(2), '政府投资', '昌邑区', null, 43.8],
      [name(3), '政府投资', '昌邑区', '东经126度', 43.8],
      [name(4), '政府投资', '昌邑区', 121.47, 31.23],
      [name(5), '政府投资', '昌邑区', 126.55, 43.86],
    ]);
    const preview = await previewProjectImport(actorOf('admin'), { name: '坐标.xlsx', bytes });
    expect(preview.counts).toMatchObject({ create: 1, error: 4 });
    const byRow = (row: number) => preview.errors.filter((error) => error.row === row);
    expect(byRow(2)).toEqual([expect.objectContaining({ column: '纬度', message: '请同时填写纬度' })]);
    expect(byRow(3)).toEqual([expect.objectContaining({ column: '经度', message: '请同时填写经度' })]);
    expect(byRow(4)).toEqual([expect.objectContaining({ column: '经度', message: expect.stringMatching(/不是数字/) })]);
    expect(
      byRow(5)
        .map((error) => error.column)
        .sort(),
    ).toEqual(['纬度', '经度']);
    expect(() => commitProjectImport(actorOf('admin'), preview.id, { validOnly: false })).toThrow();
    expect(
      getDb()
        .select()
        .from(projects)
        .where(eq(projects.name, name(5)))
        .all(),
    ).toEqual([]);
  });
});
