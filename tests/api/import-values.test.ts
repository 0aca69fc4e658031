import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { enterprises, leads, projects, users } from '@/db/schema';
import { commitProjectImport, previewProjectImport } from '@/domain/imports';
import { commitLeadImport, previewLeadImport } from '@/domain/lead-imports';
import { enterpriseNameKey } from '@/lib/rules/enterprise';
import { nowIso } from '@/lib/rules/dates';
import { seedOnce } from '../support/api';
import { actorOf, workbookBuffer } from '../support/xlsx';

// A county ledger's columns and values, imported as written (issue 20; APP_TODAY 2026-11-20, so the
// opening investment is the total up to the end of 2025).

const TITLE = '2026年昌邑区重点建设项目计划表';
const HEADER = [
  '序号',
  '项目名称',
  '项目类别',
  '责任单位',
  '建设单位',
  '建设规模及主要内容',
  '总投资（亿元）',
  '2026年计划投资',
  '截至2025年底累计完成投资',
  '包保市领导',
  '计划开工时间',
  '计划竣工时间',
];
const ROWS = [
  [
    1,
    '县区值导入甲',
    '政府投资',
    '昌邑区',
    '吉林值导入建设集团',
    '新建厂房 2 万平方米',
    '35.5亿元',
    '8亿',
    '1,200',
    '王建国',
    '2026年二季度',
    '2027年底',
  ],
  [
    2,
    '县区值导入乙',
    '招商引资',
    '昌邑区',
    '值导入全新业主有限公司',
    '—',
    3.5,
    '1200万元',
    '—',
    '/',
    2026.05,
    '2026年下半年',
  ],
];
const file = (bytes: Uint8Array, name = '县区台账.xlsx') => ({ name, bytes });
const projectNamed = (name: string) => getDb().select().from(projects).where(eq(projects.name, name)).get();

let existingBuilderId: number;
beforeAll(async () => {
  await seedOnce();
  const at = nowIso();
  existingBuilderId = getDb()
    .insert(enterprises)
    .values({
      name: '吉林值导入建设集团有限公司',
      nameKey: enterpriseNameKey('吉林值导入建设集团有限公司'),
      contacts: [],
      createdAt: at,
      updatedAt: at,
    })
    .returning()
    .get().id;
});

describe('a county ledger imported as written', () => {
  it('reads every alias and value form, shows each reading, and stores the converted values', async () => {
    const bytes = await workbookBuffer([[TITLE], HEADER, ...ROWS]);
    const preview = await previewProjectImport(actorOf('admin'), file(bytes));
    expect(preview.errors).toEqual([]);
    expect(preview.unknownHeaders).toEqual([]);
    expect(preview.counts).toMatchObject({ create: 2, error: 0 });
    const [first, second] = preview.rows;
    expect(first).toMatchObject({ action: 'create', builder: { name: '吉林值导入建设集团', isNew: false } });
    expect(second).toMatchObject({ action: 'create', builder: { name: '值导入全新业主有限公司', isNew: true } });
    expect(first.action === 'create' && first.conversions).toEqual([
      { column: '总投资（亿元）', written: '35.5亿元', converted: '355,000 万元' },
      { column: '2026年计划投资', written: '8亿', converted: '80,000 万元' },
      { column: '截至2025年底累计完成投资', written: '1,200', converted: '1,200 万元' },
      { column: '计划开工时间', written: '2026年二季度', converted: '2026-04-01' },
      { column: '计划竣工时间', written: '2027年底', converted: '2027-12-31' },
    ]);
    expect(second.action === 'create' && second.conversions).toEqual([
      { column: '总投资（亿元）', written: '3.5', converted: '35,000 万元' },
      { column: '2026年计划投资', written: '1200万元', converted: '1,200 万元' },
      { column: '计划开工时间', written: '2026.05', converted: '2026-05-01' },
      { column: '计划竣工时间', written: '2026年下半年', converted: '2026-12-31' },
    ]);

    const result = commitProjectImport(actorOf('admin'), preview.id, { validOnly: false });
    expect(result).toMatchObject({ created: 2, updated: 0 });
    const leaderId = getDb().select().from(users).where(eq(users.name, '王建国')).get()!.id;
    expect(projectNamed('县区值导入甲')).toMatchObject({
      category: 'government',
      description: '新建厂房 2 万平方米',
      builderEnterpriseId: existingBuilderId,
      totalInvestment: 355_000,
      plannedInvestmentThisYear: 80_000,
      openingInvestment: 1200,
      completedInvestment: 1200,
      leaderId,
      plannedStartDate: '2026-04-01',
      plannedCompletionDate: '2027-12-31',
    });
    const created = getDb().select().from(enterprises).where(eq(enterprises.name, '值导入全新业主有限公司')).get()!;
    expect(projectNamed('县区值导入乙')).toMatchObject({
      category: 'attraction',
      description: null,
      builderEnterpriseId: created.id,
      totalInvestment: 35_000,
      plannedInvestmentThisYear: 1200,
      openingInvestment: 0,
      leaderId: null,
      plannedStartDate: '2026-05-01',
      plannedCompletionDate: '2026-12-31',
    });

    // The same ledger again changes nothing: every reading lands on what is stored.
    const again = await previewProjectImport(actorOf('admin'), file(bytes));
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 2, error: 0 });
  });

  it('a changed 建设单位 is an update naming the old and new enterprise', async () => {
    const bytes = await workbookBuffer([
      [TITLE],
      ['项目名称', '责任单位', '项目业主'],
      ['县区值导入甲', '昌邑区', '值导入全新业主有限公司'],
    ]);
    const preview = await previewProjectImport(actorOf('admin'), file(bytes));
    expect(preview.rows[0]).toMatchObject({
      action: 'update',
      builder: { name: '值导入全新业主有限公司', isNew: false },
      changes: [
        {
          field: 'builderName',
          header: '项目业主',
          before: '吉林值导入建设集团有限公司',
          after: '值导入全新业主有限公司',
        },
      ],
    });
    commitProjectImport(actorOf('admin'), preview.id, { validOnly: false });
    const builder = getDb().select().from(enterprises).where(eq(enterprises.name, '值导入全新业主有限公司')).get()!;
    expect(projectNamed('县区值导入甲')!.builderEnterpriseId).toBe(builder.id);
  });

  it('refuses dates and amounts it cannot read, naming row, column and reason, and writes nothing', async () => {
    const bytes = await workbookBuffer([
      [TITLE],
      ['项目名称', '项目类别', '责任单位', '总投资', '计划开工时间', '截至2024年底累计完成投资'],
      ['值导入错甲', '政府投资', '昌邑区', 100, '2026年13月', ''],
      ['值导入错乙', '政府投资', '昌邑区', 100, '明年', ''],
      ['值导入错丙', '政府投资', '昌邑区', '约3亿', '2026-05-01', ''],
      ['值导入错丁', '政府投资', '昌邑区', '3-5亿', '2026-05-01', ''],
      ['值导入错戊', '政府投资', '昌邑区', 100, '2026-05-01', 50],
    ]);
    const preview = await previewProjectImport(actorOf('admin'), file(bytes, '有错.xlsx'));
    expect(preview.counts).toMatchObject({ create: 0, error: 5 });
    expect(preview.errors).toEqual([
      {
        row: 3,
        column: '计划开工时间',
        message: expect.stringContaining('"2026年13月"不是有效日期：月份应为 1–12'),
      },
      { row: 4, column: '计划开工时间', message: expect.stringContaining('"明年"不是有效日期') },
      { row: 5, column: '总投资', message: expect.stringContaining('"约3亿"是估计数') },
      { row: 6, column: '总投资', message: expect.stringContaining('"3-5亿"是一个范围') },
      {
        row: 7,
        column: '截至2024年底累计完成投资',
        message: expect.stringContaining('请填写"截至2025年底累计完成投资"'),
      },
    ]);
    expect(() => commitProjectImport(actorOf('admin'), preview.id, { validOnly: false })).toThrow(/5 行错误/);
    expect(projectNamed('值导入错甲')).toBeUndefined();
  });
});

describe('a lead ledger reads the same values', () => {
  it('reads 亿 and a month, and shows the readings', async () => {
    const bytes = await workbookBuffer([
      ['企业名称', '拟建项目', '意向投资', '下次跟进日期'],
      ['值导入线索企业', '值导入线索项目', '8亿', '2026年12月'],
    ]);
    const preview = await previewLeadImport(actorOf('investment'), file(bytes, '线索.xlsx'));
    expect(preview.errors).toEqual([]);
    expect(preview.rows[0]).toMatchObject({
      action: 'create',
      conversions: [
        { column: '意向投资', written: '8亿', converted: '80,000 万元' },
        { column: '下次跟进日期', written: '2026年12月', converted: '2026-12-01' },
      ],
    });
    commitLeadImport(actorOf('investment'), preview.id, { validOnly: false });
    expect(getDb().select().from(leads).where(eq(leads.company, '值导入线索企业')).get()).toMatchObject({
      intendedInvestment: 80_000,
      nextFollowUpDate: '2026-12-01',
    });
  });
});
