import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { auditLog, importBatches, leads, leadStageHistory } from '@/db/schema';
import { commitLeadImport, previewLeadImport } from '@/domain/lead-imports';
import { mapHeaders } from '@/lib/excel/headers';
import { LEAD_COLUMNS } from '@/lib/excel/lead-columns';
import { seedOnce } from '../support/api';
import { actorOf, workbookBuffer } from '../support/xlsx';

// Leads from Excel: header variants, each row error with its row and column, matching by
// 企业名称 + 拟建项目, the investment user's scope, and the all-or-nothing commit.

const HEADER = [
  '企业名称',
  '拟建项目',
  '来源地',
  '联系人',
  '电话',
  '邮箱',
  '产业',
  '意向投资（万元）',
  '意向落地单位',
  '负责人',
  '阶段',
  '下次跟进日期',
];
const leadCount = () =>
  getDb()
    .select({ n: sql<number>`count(*)` })
    .from(leads)
    .get()!.n;

beforeAll(async () => {
  await seedOnce();
});

describe('lead header mapping', () => {
  it('maps the usual variants in any order', () => {
    const mapping = mapHeaders(
      [
        '意向投资(万元)',
        '企业全称',
        '联系电话',
        '所属产业',
        '电子邮箱',
        '拟建项目名称',
        '下次跟进时间',
        '招商专员',
        '落地单位',
        '备注',
      ].map((text, i) => ({ column: i + 1, text })),
      LEAD_COLUMNS,
    );
    expect(Object.fromEntries(mapping.matches.map((match) => [match.key, match.column]))).toEqual({
      intendedInvestment: 1,
      company: 2,
      contactPhone: 3,
      industryId: 4,
      contactEmail: 5,
      proposedProject: 6,
      nextFollowUpDate: 7,
      ownerId: 8,
      locationUnitId: 9,
    });
    expect(mapping.unknown).toEqual(['备注']);
  });
});

describe('lead import preview and commit', () => {
  it('reports every row error with its row, column and a Chinese message, and imports nothing', async () => {
    const before = leadCount();
    const bytes = await workbookBuffer([
      HEADER,
      [
        '有效企业甲',
        '新材料项目',
        '江苏',
        '张三',
        '13800000001',
        'a@example.com',
        '化工',
        1000,
        '昌邑区',
        '',
        '接洽',
        '2026-12-01',
      ],
      ['电话错误企业', '', '', '', '12345', '', '', 10, '', '', '', ''],
      ['邮箱错误企业', '', '', '', '', 'not-an-email', '', 10, '', '', '', ''],
      ['产业错误企业', '', '', '', '', '', '不存在的产业', '一百', '', '无此人', '落地', '2026-13-40'],
      ['有效企业甲', '新材料项目', '', '', '', '', '', 5, '', '', '', ''],
      ['', '没有企业名称', '', '', '', '', '', 5, '', '', '', ''],
    ]);
    const preview = await previewLeadImport(actorOf('investment'), { name: '线索.xlsx', bytes });
    expect(preview.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 5 });
    const at = (row: number, column: string) =>
      preview.errors.find((error) => error.row === row && error.column === column)?.message;
    expect(at(3, '电话')).toContain('电话号码无效');
    expect(at(4, '邮箱')).toContain('电子邮箱格式无效');
    expect(at(5, '产业')).toBe('产业"不存在的产业"不存在');
    expect(at(5, '意向投资（万元）')).toContain('不是数字');
    expect(at(5, '负责人')).toContain('不是系统中的招商专员');
    expect(at(5, '下次跟进日期')).toContain('不是有效日期');
    expect(at(6, '企业名称')).toContain('与第 2 行是同一条线索');
    expect(at(7, '企业名称')).toBe('企业名称不能为空');

    expect(() => commitLeadImport(actorOf('investment'), preview.id, { validOnly: false })).toThrow(
      /5 行错误，未导入任何数据/,
    );
    expect(leadCount()).toBe(before);

    const result = commitLeadImport(actorOf('investment'), preview.id, { validOnly: true });
    expect(result).toMatchObject({ created: 1, updated: 0, skipped: 5 });
    const lead = getDb().select().from(leads).where(eq(leads.company, '有效企业甲')).get()!;
    expect(lead).toMatchObject({
      stage: 'contacting',
      contactPhone: '13800000001',
      intendedInvestment: 1000,
      ownerId: actorOf('investment').id,
      team: '招商一组',
    });
    expect(getDb().select().from(leadStageHistory).where(eq(leadStageHistory.leadId, lead.id)).all()).toMatchObject([
      { fromStage: null, toStage: 'contacting' },
    ]);
    expect(getDb().select().from(importBatches).where(eq(importBatches.id, result.batchId)).get()).toMatchObject({
      kind: 'leads',
      createdCount: 1,
    });
    expect(
      getDb()
        .select({ n: sql<number>`count(*)` })
        .from(auditLog)
        .where(eq(auditLog.batchId, result.batchId))
        .get()!.n,
      // The batch row, the lead and its new enterprise (企业库).
    ).toBe(3);
  });

  it('updates a lead matched by 企业名称 + 拟建项目, leaves blanks alone, and refuses a stage change', async () => {
    const bytes = await workbookBuffer([
      HEADER,
      ['有效企业甲', '新材料项目', '浙江', '', '', '', '', 2000, '', '', '', ''],
    ]);
    const preview = await previewLeadImport(actorOf('investment'), { name: '更新.xlsx', bytes });
    expect(preview.counts).toEqual({ create: 0, update: 1, unchanged: 0, error: 0 });
    const row = preview.rows[0];
    expect(row.action === 'update' && row.changes.map((change) => change.header)).toEqual([
      '来源地',
      '意向投资（万元）',
    ]);
    commitLeadImport(actorOf('investment'), preview.id, { validOnly: false });
    const lead = getDb().select().from(leads).where(eq(leads.company, '有效企业甲')).get()!;
    expect(lead).toMatchObject({ origin: '浙江', intendedInvestment: 2000, contactPhone: '13800000001', version: 2 });

    const staged = await previewLeadImport(actorOf('investment'), {
      name: '阶段.xlsx',
      bytes: await workbookBuffer([HEADER, ['有效企业甲', '新材料项目', '', '', '', '', '', 2000, '', '', '签约', '']]),
    });
    expect(staged.errors[0]).toMatchObject({ row: 2, column: '阶段' });
    expect(staged.errors[0].message).toContain('导入不改变阶段');
  });

  it('keeps investment staff to leads they or their team own', async () => {
    // 高远 is in 招商二组; 罗佳 is in the importer's own 招商一组.
    const bytes = await workbookBuffer([
      HEADER,
      ['他组企业', '', '', '', '', '', '', 10, '', '高远', '', ''],
      ['本组企业', '', '', '', '', '', '', 10, '', '罗佳', '', ''],
    ]);
    const preview = await previewLeadImport(actorOf('investment'), { name: '范围.xlsx', bytes });
    expect(preview.counts).toMatchObject({ create: 1, error: 1 });
    expect(preview.errors[0]).toMatchObject({ row: 2, column: '负责人' });
    expect(preview.errors[0].message).toContain('本人或本组（招商一组）');
    // An admin may import for anyone.
    const admin = await previewLeadImport(actorOf('admin'), { name: '范围.xlsx', bytes });
    expect(admin.counts).toMatchObject({ create: 2, error: 0 });
    await expect(previewLeadImport(actorOf('officer'), { name: '范围.xlsx', bytes })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('is all-or-nothing: a lead changed after the preview refuses the whole file', async () => {
    const before = leadCount();
    const bytes = await workbookBuffer([
      HEADER,
      ['全有全无新企业', '', '', '', '', '', '', 10, '', '', '', ''],
      ['有效企业甲', '新材料项目', '山东', '', '', '', '', 2000, '', '', '', ''],
    ]);
    const preview = await previewLeadImport(actorOf('investment'), { name: '并发.xlsx', bytes });
    expect(preview.counts).toMatchObject({ create: 1, update: 1 });
    getDb()
      .update(leads)
      .set({ version: sql`${leads.version} + 1` })
      .where(eq(leads.company, '有效企业甲'))
      .run();
    expect(() => commitLeadImport(actorOf('investment'), preview.id, { validOnly: false })).toThrow(
      /第 3 行.*已被他人修改/,
    );
    expect(leadCount()).toBe(before);
    expect(getDb().select().from(leads).where(eq(leads.company, '全有全无新企业')).get()).toBeUndefined();
  });
});
