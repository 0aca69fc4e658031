import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { monthlyReports, projectAdjustments, projects, projectYearPlans, units } from '@/db/schema';
import { commitProjectImport, previewProjectImport } from '@/domain/imports';
import { seedOnce } from '../support/api';
import { actorOf, workbookBuffer } from '../support/xlsx';

// Year plans and completed investment by import (APP_TODAY 2026-11-20: this year is 2026).
const TITLE = '2026 年重点项目台账（昌邑区）';
const file = (bytes: Uint8Array) => ({ name: '年度计划.xlsx', bytes });
const planOf = (projectId: number, year: number) =>
  getDb()
    .select()
    .from(projectYearPlans)
    .where(and(eq(projectYearPlans.projectId, projectId), eq(projectYearPlans.year, year)))
    .get()?.plannedInvestment ?? null;
const projectNamed = (name: string) => getDb().select().from(projects).where(eq(projects.name, name)).get()!;

async function importRows(rows: unknown[][]) {
  const preview = await previewProjectImport(actorOf('admin'), file(await workbookBuffer([[TITLE], ...rows])));
  expect(preview.errors).toEqual([]);
  const result = commitProjectImport(actorOf('admin'), preview.id, { validOnly: false });
  return { preview, result };
}

let changyiName: string;
beforeAll(async () => {
  await seedOnce();
  changyiName = getDb()
    .select()
    .from(units)
    .all()
    .find((u) => u.name === '昌邑区')!.name;
});

describe('年度计划投资 by import', () => {
  it('a 计划年度 column sends the plan to that year and leaves this year alone', async () => {
    await importRows([
      ['项目名称', '项目类别', '责任单位', '总投资（万元）', '年度计划投资（万元）'],
      ['年度导入甲', '政府投资', changyiName, 50000, 12000],
    ]);
    const project = projectNamed('年度导入甲');
    expect(project.plannedInvestmentThisYear).toBe(12000);
    expect(planOf(project.id, 2026)).toBe(12000);
    const { preview } = await importRows([
      ['项目名称', '责任单位', '计划年度', '年度计划投资（万元）'],
      ['年度导入甲', changyiName, '2025年', 9000],
    ]);
    expect(preview.rows[0]).toMatchObject({
      action: 'update',
      changes: [{ field: 'plannedInvestmentThisYear', header: '2025年计划投资', before: null, after: 9000 }],
    });
    expect(planOf(project.id, 2025)).toBe(9000);
    expect(planOf(project.id, 2026)).toBe(12000);
    expect(projectNamed('年度导入甲').plannedInvestmentThisYear).toBe(12000);
  });

  it('a year in the header ("2027年计划投资") names the plan year of a new project', async () => {
    await importRows([
      ['项目名称', '项目类别', '责任单位', '总投资（万元）', '2027年计划投资（万元）'],
      ['年度导入乙', '招商引资', changyiName, 80000, 30000],
    ]);
    const project = projectNamed('年度导入乙');
    expect(planOf(project.id, 2027)).toBe(30000);
    expect(project.plannedInvestmentThisYear).toBe(0);
    expect(planOf(project.id, 2026)).toBe(0);
  });

  it("lowering this year's plan by import is logged as an adjustment under the batch", async () => {
    await importRows([
      ['项目名称', '项目类别', '责任单位', '总投资（万元）', '年度计划投资（万元）'],
      ['年度导入丙', '政府投资', changyiName, 50000, 20000],
    ]);
    const { result } = await importRows([
      ['项目名称', '责任单位', '2026年度计划投资'],
      ['年度导入丙', changyiName, 15000],
    ]);
    const project = projectNamed('年度导入丙');
    expect(project.plannedInvestmentThisYear).toBe(15000);
    expect(planOf(project.id, 2026)).toBe(15000);
    const log = getDb().select().from(projectAdjustments).where(eq(projectAdjustments.projectId, project.id)).all();
    expect(log.map((row) => [row.field, row.fromValue, row.toValue, row.reason])).toEqual([
      ['plannedInvestment', 20000, 15000, `Excel 导入（批次 ${result.batchId}）`],
    ]);
  });

  it('a plan above the total investment is a row error', async () => {
    const preview = await previewProjectImport(
      actorOf('admin'),
      file(
        await workbookBuffer([
          [TITLE],
          ['项目名称', '项目类别', '责任单位', '总投资（万元）', '年度计划投资（万元）'],
          ['年度导入丁', '政府投资', changyiName, 100, 200],
        ]),
      ),
    );
    expect(preview.errors).toEqual([
      { row: 3, column: '年度计划投资（万元）', message: '年度计划投资不能超过总投资（100 万元）' },
    ]);
  });
});

describe('累计完成投资 by import', () => {
  it('sets the opening investment of a new project, and of one without reports; a project with reports keeps the computed figure', async () => {
    await importRows([
      ['项目名称', '项目类别', '责任单位', '总投资（万元）', '累计完成投资（万元）'],
      ['完成导入甲', '政府投资', changyiName, 50000, 7000],
    ]);
    expect(projectNamed('完成导入甲')).toMatchObject({ openingInvestment: 7000, completedInvestment: 7000 });
    await importRows([
      ['项目名称', '责任单位', '累计完成投资（万元）'],
      ['完成导入甲', changyiName, 7500],
    ]);
    expect(projectNamed('完成导入甲')).toMatchObject({ openingInvestment: 7500, completedInvestment: 7500 });

    // A seeded project with reports: the sheet's figure does not change it.
    const reported = getDb()
      .select({
        id: projects.id,
        name: projects.name,
        unitId: projects.unitId,
        completed: projects.completedInvestment,
        opening: projects.openingInvestment,
      })
      .from(projects)
      .where(
        sql`exists (select 1 from monthly_reports r where r.project_id = projects.id) and ${projects.unitId} = (select id from units where name = '昌邑区')`,
      )
      .limit(1)
      .get()!;
    expect(
      getDb().select().from(monthlyReports).where(eq(monthlyReports.projectId, reported.id)).all().length,
    ).toBeGreaterThan(0);
    const preview = await previewProjectImport(
      actorOf('admin'),
      file(
        await workbookBuffer([
          [TITLE],
          ['项目名称', '责任单位', '累计完成投资（万元）'],
          [reported.name, changyiName, reported.completed + 999],
        ]),
      ),
    );
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toMatchObject({ unchanged: 1, update: 0 });
    expect(projectNamed(reported.name)).toMatchObject({
      completedInvestment: reported.completed,
      openingInvestment: reported.opening,
    });
  });
});
