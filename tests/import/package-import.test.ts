import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { packageProjects, projectAdjustments } from '@/db/schema';
import { commitProjectImport, previewProjectImport } from '@/domain/imports';
import { createPackage } from '@/domain/packages';
import { createProject } from '@/domain/projects';
import { projectLedgerWorkbook } from '@/domain/project-sheets';
import { listLedgerProjects } from '@/db/queries/projects';
import { seedOnce, unitIdByName } from '../support/api';
import { actorOf, workbookBuffer } from '../support/xlsx';

// The 双十工程包 column: export writes this year's package name; import joins (a name), leaves (a
// blank cell) with the reason "Excel 导入（批次 N）", refuses unknown names and officers' changes.
const YEAR = 2026;
const file = (bytes: Uint8Array) => ({ name: '双十台账.xlsx', bytes });
const HEADER = ['项目名称', '项目类别', '责任单位', '总投资（万元）', '双十工程包'];
let changyi: number;

beforeAll(async () => {
  await seedOnce();
  changyi = unitIdByName('昌邑区');
});

const membership = (projectId: number) =>
  getDb()
    .select({ packageId: packageProjects.packageId })
    .from(packageProjects)
    .where(eq(packageProjects.projectId, projectId))
    .all()
    .map((row) => row.packageId);

describe('the 双十工程包 column', () => {
  it('joins, creates into and leaves packages on import, each logged with the batch as the reason', async () => {
    const leader = actorOf('leader');
    const pkg = createPackage(leader, { year: YEAR, name: '导入测试碳纤维工程包', unitId: changyi });
    const existing = createProject(leader, {
      name: '导入测试既有项目',
      category: 'government',
      unitId: changyi,
    } as never);
    const leaving = createProject(leader, {
      name: '导入测试调出项目',
      category: 'government',
      unitId: changyi,
    } as never);
    const bytes = await workbookBuffer([
      HEADER,
      ['导入测试既有项目', '政府投资', '昌邑区', 0, '导入测试碳纤维工程包'],
      ['导入测试新建项目', '政府投资', '昌邑区', 500, '导入测试碳纤维工程包'],
    ]);
    const preview = await previewProjectImport(leader, file(bytes));
    expect(preview.counts).toEqual({ create: 1, update: 1, unchanged: 0, error: 0 });
    const result = commitProjectImport(leader, preview.id, { validOnly: false });
    expect(membership(existing.id)).toEqual([pkg.id]);
    const created = listLedgerProjects({ filters: { q: '导入测试新建项目' }, limit: 5 })[0];
    expect(created.packageId).toBe(pkg.id);
    const reasons = getDb()
      .select()
      .from(projectAdjustments)
      .where(eq(projectAdjustments.projectId, existing.id))
      .all()
      .map((row) => [row.field, row.reason]);
    expect(reasons).toEqual([['packageId', `Excel 导入（批次 ${result.batchId}）`]]);

    // Leaving: a blank cell for a project that is in the package.
    const join = await workbookBuffer([HEADER, ['导入测试调出项目', '政府投资', '昌邑区', 0, '导入测试碳纤维工程包']]);
    commitProjectImport(leader, (await previewProjectImport(leader, file(join))).id, { validOnly: false });
    expect(membership(leaving.id)).toEqual([pkg.id]);
    const leave = await workbookBuffer([HEADER, ['导入测试调出项目', '政府投资', '昌邑区', 0, '']]);
    const leavePreview = await previewProjectImport(leader, file(leave));
    expect(leavePreview.counts.update).toBe(1);
    commitProjectImport(leader, leavePreview.id, { validOnly: false });
    expect(membership(leaving.id)).toEqual([]);
  });

  it('exports the package name and imports the export back unchanged', async () => {
    const leader = actorOf('leader');
    const pkg = createPackage(leader, { year: YEAR, name: '导入测试往返工程包', unitId: changyi });
    const project = createProject(leader, {
      name: '导入测试往返项目',
      category: 'government',
      unitId: changyi,
    } as never);
    const join = await workbookBuffer([HEADER, ['导入测试往返项目', '政府投资', '昌邑区', 0, pkg.name]]);
    commitProjectImport(leader, (await previewProjectImport(leader, file(join))).id, { validOnly: false });
    expect(membership(project.id)).toEqual([pkg.id]);
    const rows = listLedgerProjects({ filters: { q: '导入测试往返项目' }, limit: 5 });
    expect(rows[0].packageName).toBe(pkg.name);
    const exported = await projectLedgerWorkbook(rows);
    // Had the export left the cell blank, the import would plan a 调出 (an update).
    const back = await previewProjectImport(leader, file(new Uint8Array(exported)));
    expect(back.counts).toMatchObject({ create: 0, update: 0, unchanged: 1, error: 0 });
  });

  it('refuses an officer who would move a project, and a second package of the year; nothing written', async () => {
    const leader = actorOf('leader');
    const officer = actorOf('officer');
    const first = createPackage(leader, { year: YEAR, name: '导入测试甲工程包', unitId: changyi });
    createPackage(leader, { year: YEAR, name: '导入测试乙工程包', unitId: changyi });
    const project = createProject(leader, {
      name: '导入测试专员项目',
      category: 'government',
      unitId: changyi,
    } as never);
    const bytes = await workbookBuffer([HEADER, ['导入测试专员项目', '政府投资', '昌邑区', 0, first.name]]);
    const refused = await previewProjectImport(officer, file(bytes));
    expect(refused.errors).toEqual([
      { row: 2, column: '双十工程包', message: '只有管理员和市领导可以调入或调出双十工程包' },
    ]);
    commitProjectImport(leader, (await previewProjectImport(leader, file(bytes))).id, { validOnly: false });
    const other = await workbookBuffer([HEADER, ['导入测试专员项目', '政府投资', '昌邑区', 0, '导入测试乙工程包']]);
    const second = await previewProjectImport(leader, file(other));
    expect(second.errors[0]).toMatchObject({ column: '双十工程包' });
    expect(second.errors[0].message).toContain('请先调出');
    expect(membership(project.id)).toEqual([first.id]);
  });
});
