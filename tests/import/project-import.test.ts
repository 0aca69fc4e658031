import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { auditLog, importBatches, projects } from '@/db/schema';
import { commitProjectImport, previewProjectImport } from '@/domain/imports';
import { seedOnce } from '../support/api';
import { actorOf, BASIC_HEADER, workbookBuffer } from '../support/xlsx';

const TITLE = '2026 年重点项目台账（昌邑区）';
const file = (bytes: Uint8Array, name = '台账.xlsx') => ({ name, bytes });
const countProjects = () =>
  getDb()
    .select({ n: sql<number>`count(*)` })
    .from(projects)
    .get()!.n;
const countBatches = () =>
  getDb()
    .select({ n: sql<number>`count(*)` })
    .from(importBatches)
    .get()!.n;

beforeAll(async () => {
  await seedOnce();
});

describe('row-level validation', () => {
  it('reports each bad cell with its row, column and a Chinese message', async () => {
    const bytes = await workbookBuffer([
      [TITLE],
      [
        '项目名称',
        '项目类别',
        '责任单位',
        '总投资（万元）',
        '计划开工时间',
        '双十工程包',
        '所属产业',
        '包保领导',
        '项目代码',
        '建设性质',
      ],
      ['', '招商引资', '昌邑区', 100, '2026-05-01', '', '化工', '', '', '新建'], // 3: no name
      ['甲', '招商引资', '不存在区', 100, '2026-05-01', '', '化工', '', '', '新建'], // 4: unknown unit
      ['乙', '招商引资', '昌邑区', 'abc', '2026-05-01', '', '化工', '', '', '新建'], // 5: money not a number
      ['丙', '招商引资', '昌邑区', 12.5, '2026-05-01', '', '化工', '', '', '新建'], // 6: money rounded half-up to whole 万元
      ['丁', '招商引资', '昌邑区', -3, '2026-05-01', '', '化工', '', '', '新建'], // 7: negative
      ['戊', '招商引资', '昌邑区', 100, '2026-13-01', '', '化工', '', '', '新建'], // 8: bad date
      ['己', '其他类', '昌邑区', 100, '2026-05-01', '', '化工', '', '', '新建'], // 9: unknown category
      ['庚', '招商引资', '昌邑区', 100, '2026-05-01', '不存在的工程包', '化工', '', '', '新建'], // 10: not a package of this year
      ['辛', '招商引资', '昌邑区', 100, '2026-05-01', '', '造船', '', '', '新建'], // 11: unknown industry
      ['壬', '招商引资', '昌邑区', 100, '2026-05-01', '', '化工', '李明', '', '新建'], // 12: leader who is an officer
      ['癸', '招商引资', '昌邑区', 100, '2026-05-01', '', '化工', '', '12-34', '新建'], // 13: bad code
      ['子', '', '昌邑区', 100, '2026-05-01', '', '化工', '', '', '新建'], // 14: new project without category
      ['丑', '招商引资', '昌邑区', 100, '2026-05-01', '', '化工', '', '', '改建'], // 15: unknown nature
      ['寅', '招商引资', '昌邑区', 100, new Date(Date.UTC(2026, 4, 1)), '', '化工', '王建国', '', '续建'], // 16: valid
    ]);
    const preview = await previewProjectImport(actorOf('admin'), file(bytes));
    const byRow = new Map(preview.errors.map((error) => [error.row, error]));
    expect(byRow.get(3)).toMatchObject({ column: '项目名称', message: '项目名称不能为空' });
    expect(byRow.get(4)).toMatchObject({ column: '责任单位', message: '单位"不存在区"不存在' });
    expect(byRow.get(5)).toMatchObject({ column: '总投资（万元）' });
    expect(byRow.get(5)!.message).toContain('不是数字');
    expect(byRow.get(6)).toBeUndefined();
    expect(preview.rows.find((row) => row.row === 6)).toMatchObject({
      action: 'create',
      input: { totalInvestment: 13 },
      conversions: [{ column: '总投资（万元）', written: '12.5', converted: '13 万元' }],
    });
    expect(byRow.get(7)).toMatchObject({ column: '总投资（万元）', message: '金额不能为负数' });
    expect(byRow.get(8)).toMatchObject({ column: '计划开工时间' });
    expect(byRow.get(8)!.message).toContain('不是有效日期');
    expect(byRow.get(9)).toMatchObject({ column: '项目类别' });
    expect(byRow.get(9)!.message).toContain('可填：政府投资、招商引资、上争');
    expect(byRow.get(10)).toMatchObject({
      column: '双十工程包',
      message: '双十工程包"不存在的工程包"不是 2026 年的工程包',
    });
    expect(byRow.get(11)).toMatchObject({ column: '所属产业', message: '产业"造船"不存在' });
    expect(byRow.get(12)).toMatchObject({ column: '包保领导' });
    expect(byRow.get(13)).toMatchObject({ column: '项目代码' });
    expect(byRow.get(14)).toMatchObject({ column: '项目类别', message: '新建项目须填写项目类别' });
    expect(byRow.get(15)).toMatchObject({ column: '建设性质' });
    expect(byRow.has(16)).toBe(false);
    expect(preview.counts).toMatchObject({ create: 2, error: 12 });
  });

  it('refuses rows for another unit when an officer imports, and duplicate rows within a file', async () => {
    const bytes = await workbookBuffer([
      [TITLE],
      BASIC_HEADER,
      ['本单位新项目一', '招商引资', '昌邑区', 100, '2026-05-01'],
      ['外单位项目', '招商引资', '船营区', 100, '2026-05-01'],
      ['本单位新项目一', '招商引资', '昌邑区', 200, '2026-05-01'],
    ]);
    const preview = await previewProjectImport(actorOf('officer'), file(bytes));
    expect(preview.errors).toEqual([
      { row: 4, column: '责任单位', message: '项目专员只能导入本单位（昌邑区）的项目' },
      { row: 5, column: '项目名称', message: '与第 3 行是同一个项目（名称和单位相同）' },
    ]);
  });
});

describe('all or nothing', () => {
  it('a file with 3 bad rows imports nothing and reports all 3; "valid rows only" imports the rest', async () => {
    const bytes = await workbookBuffer([
      [TITLE],
      BASIC_HEADER,
      ['全有全无一', '政府投资', '昌邑区', 100, '2026-05-01'],
      ['全有全无二', '政府投资', '火星区', 100, '2026-05-01'],
      ['全有全无三', '政府投资', '昌邑区', 100, '2026-05-01'],
      ['全有全无四', '政府投资', '昌邑区', '很多', '2026-05-01'],
      ['全有全无五', '政府投资', '昌邑区', 100, '昨天'],
      ['全有全无六', '政府投资', '昌邑区', 100, '2026-05-01'],
    ]);
    const actor = actorOf('officer');
    const preview = await previewProjectImport(actor, file(bytes));
    expect(preview.errors.map((error) => error.row)).toEqual([4, 6, 7]);
    const before = countProjects();
    const batches = countBatches();
    expect(() => commitProjectImport(actor, preview.id, { validOnly: false })).toThrow(/3 行错误，未导入任何数据/);
    expect(countProjects()).toBe(before);
    expect(countBatches()).toBe(batches);

    const result = commitProjectImport(actor, preview.id, { validOnly: true });
    expect(result).toMatchObject({ created: 3, updated: 0, skipped: 3 });
    expect(countProjects()).toBe(before + 3);
    const names = getDb()
      .select({ name: projects.name })
      .from(projects)
      .where(sql`${projects.name} like '全有全无%'`)
      .all()
      .map((row) => row.name);
    expect(names.sort()).toEqual(['全有全无一', '全有全无三', '全有全无六']);
    const audited = getDb().select().from(auditLog).where(eq(auditLog.batchId, result.batchId)).all();
    expect(audited.filter((row) => row.entityType === 'project' && row.action === 'import')).toHaveLength(3);
    expect(audited.filter((row) => row.entityType === 'import_batch')).toHaveLength(1);
  });

  it('rolls back every row when one fails at commit time (a stale project)', async () => {
    const admin = actorOf('admin');
    const [first] = getDb()
      .select()
      .from(projects)
      .where(eq(projects.unitId, actorOf('officer').unitId!))
      .limit(1)
      .all();
    const bytes = await workbookBuffer([
      ['项目名称', '责任单位', '项目类别', '总投资（万元）'],
      ['回滚测试新项目', '昌邑区', '政府投资', 10],
      [first.name, '昌邑区', '政府投资', first.totalInvestment + 1],
    ]);
    const preview = await previewProjectImport(admin, file(bytes));
    expect(preview.counts).toMatchObject({ create: 1, update: 1 });
    getDb()
      .update(projects)
      .set({ version: first.version + 1 })
      .where(eq(projects.id, first.id))
      .run();
    const before = countProjects();
    expect(() => commitProjectImport(admin, preview.id, { validOnly: false })).toThrow(/第 3 行.*被他人修改/);
    expect(countProjects()).toBe(before);
    expect(
      getDb()
        .select()
        .from(projects)
        .where(and(eq(projects.id, first.id)))
        .get()!.totalInvestment,
    ).toBe(first.totalInvestment);
  });

  it('does not let another user commit a preview', async () => {
    const bytes = await workbookBuffer([BASIC_HEADER, ['别人的预览', '政府投资', '昌邑区', 1, '2026-05-01']]);
    const preview = await previewProjectImport(actorOf('officer'), file(bytes));
    expect(() => commitProjectImport(actorOf('officer2'), preview.id, { validOnly: false })).toThrow(/不存在或已过期/);
    expect(() => commitProjectImport(actorOf('investment'), preview.id, { validOnly: false })).toThrow(/无权导入/);
  });
});
