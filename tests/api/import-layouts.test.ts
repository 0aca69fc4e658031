import { beforeAll, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import { getDb } from '@/db';
import { industries, leads, packages, projects } from '@/db/schema';
import { previewLeadImport } from '@/domain/lead-imports';
import { commitProjectImport, previewProjectImport } from '@/domain/imports';
import { loginAs, seedOnce } from '../support/api';
import { commitProjects, previewProjects } from '../support/imports';
import { actorOf, workbookBuffer } from '../support/xlsx';

// Ledgers in the layouts offices keep (title and unit rows, a two-row header with a merged group,
// section rows, 合计/小计), imported through the API and the domain. Every workbook is built here.

beforeAll(async () => {
  await seedOnce();
});

const preview = (cookie: string, bytes: Uint8Array) => previewProjects(cookie, bytes, 'county.xlsx');
const commit = commitProjects;
const project = (name: string) => getDb().select().from(projects).where(eq(projects.name, name)).get();

/** A county ledger: title, unit row, two-row header (投资情况（亿元） over three columns), sections, 小计, 合计. */
function countyLedger(prefix: string, options: { total?: number; sectionName?: string } = {}) {
  return workbookBuffer(
    [
      ['2026年昌邑区重点建设项目计划表'],
      ['', '', '', '', '', '单位：万元'],
      ['序号', '项目名称', '责任单位', '投资情况（亿元）', '', '计划开工时间'],
      ['', '', '', '总投资', '2026年计划投资', ''],
      ['合计', '', '', options.total ?? 7.3, 2.2, ''],
      [`一、${options.sectionName ?? '政府投资项目'}（2项）`],
      [1, `${prefix}甲`, '昌邑区', 3.5, 1, '2026-05-01'],
      [2, `${prefix}乙`, '昌邑区', 1.8, 0.6, '2026-06-01'],
      ['小计', '', '', 5.3, 1.6, ''],
      ['二、招商引资项目（1项）'],
      [1, `${prefix}丙`, '昌邑区', 2, 0.6, '2026-07-01'],
      ['注：本表由昌邑区发改局填报'],
    ],
    (sheet) => {
      sheet.mergeCells('A1:F1');
      sheet.mergeCells('A3:A4');
      sheet.mergeCells('B3:B4');
      sheet.mergeCells('C3:C4');
      sheet.mergeCells('D3:E3');
      sheet.mergeCells('F3:F4');
      sheet.mergeCells('A6:F6');
      sheet.mergeCells('A10:F10');
      sheet.mergeCells('A12:F12');
    },
  );
}

describe('a county ledger through POST /api/v1/imports/projects', () => {
  it('reads title, unit row, two-row header, sections and totals; rows take their section category', async () => {
    const cookie = await loginAs('officer');
    const previewed = await preview(cookie, await countyLedger('版式'));
    expect(previewed.status).toBe(200);
    expect(previewed.body.headerRow).toBe(4);
    expect(previewed.body.columns).toEqual([
      '项目名称',
      '责任单位',
      '投资情况（亿元）/总投资',
      '投资情况（亿元）/2026年计划投资',
      '计划开工时间',
    ]);
    expect(previewed.body.unknownHeaders).toEqual([]);
    expect(previewed.body.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });
    expect(previewed.body.warnings).toEqual([]);
    expect(previewed.body.rows).toEqual([
      { row: 7, action: 'create', name: '版式甲', section: '一、政府投资项目（2项）' },
      { row: 8, action: 'create', name: '版式乙', section: '一、政府投资项目（2项）' },
      { row: 11, action: 'create', name: '版式丙', section: '二、招商引资项目（1项）' },
    ]);
    const committed = await commit(cookie, previewed.body.previewId);
    expect(committed.status).toBe(201);
    expect(committed.body).toMatchObject({ created: 3, updated: 0 });
    expect(project('版式甲')).toMatchObject({
      category: 'government',
      totalInvestment: 35_000,
      plannedInvestmentThisYear: 10_000,
      plannedStartDate: '2026-05-01',
    });
    expect(project('版式乙')).toMatchObject({ category: 'government', totalInvestment: 18_000 });
    expect(project('版式丙')).toMatchObject({ category: 'attraction', totalInvestment: 20_000 });
    // The 合计 and 小计 rows and the note are never projects.
    expect(getDb().select().from(projects).where(like(projects.name, '%计%')).all()).toEqual([]);
    expect(getDb().select().from(projects).where(like(projects.name, '注%')).all()).toEqual([]);
  });

  it('a 合计 that does not add up is a warning naming the column; the rows still import', async () => {
    const cookie = await loginAs('officer');
    const previewed = await preview(cookie, await countyLedger('合计不符', { total: 7.5 }));
    expect(previewed.body.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });
    expect(previewed.body.errors).toEqual([]);
    expect(previewed.body.warnings).toEqual([
      { row: 5, column: '总投资', message: '合计行 总投资 75,000 与明细合计 73,000 不符' },
    ]);
    const committed = await commit(cookie, previewed.body.previewId);
    expect(committed.status).toBe(201);
    expect(committed.body.created).toBe(3);
  });

  it('a section that names no known category is a row error: nothing written unless validOnly', async () => {
    const cookie = await loginAs('officer');
    const previewed = await preview(cookie, await countyLedger('未知分区', { sectionName: '其他项目' }));
    expect(previewed.body.errors).toContainEqual({
      row: 6,
      column: '分区',
      message: '分区"一、其他项目（2项）"不是已知的项目类别（政府投资、招商引资、上争），也不是2026年度的双十工程包',
    });
    // The rows under it state no category of their own, so they cannot be created either.
    expect(previewed.body.errors).toContainEqual({ row: 7, column: '项目类别', message: '新建项目须填写项目类别' });
    expect(previewed.body.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 3 });
    const refused = await commit(cookie, previewed.body.previewId);
    expect(refused.status).toBe(400);
    expect(project('未知分区丙')).toBeUndefined();
    const partial = await commit(cookie, previewed.body.previewId, true);
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({ created: 1, skipped: 3 });
    expect(project('未知分区丙')).toMatchObject({ category: 'attraction' });
    expect(project('未知分区甲')).toBeUndefined();
  });

  it('a row stating its own category keeps it under any section', async () => {
    const cookie = await loginAs('officer');
    const bytes = await workbookBuffer([
      ['项目名称', '责任单位', '项目类别', '总投资（万元）'],
      ['一、政府投资项目'],
      ['自带类别', '昌邑区', '招商引资', 10],
      ['随分区', '昌邑区', '', 20],
    ]);
    const previewed = await preview(cookie, bytes);
    expect(previewed.body.counts.create).toBe(2);
    expect((await commit(cookie, previewed.body.previewId)).status).toBe(201);
    expect(project('自带类别')?.category).toBe('attraction');
    expect(project('随分区')?.category).toBe('government');
  });

  it('no recognisable header: 400 with a clear message', async () => {
    const cookie = await loginAs('officer');
    const refused = await preview(
      cookie,
      await workbookBuffer([['2026年计划表'], ['编号', '内容', '备注'], [1, '甲', '']]),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      '未找到可识别的表头：前 15 行中应有一行列名，至少包含"项目名称"、"责任单位"。请使用导入模板',
    );
  });
});

describe('sections naming a 双十工程包 (domain)', () => {
  it('a sub-section naming this year’s package puts its rows in it, under the parent’s category', async () => {
    const pack = getDb().select().from(packages).where(eq(packages.name, '碳纤维及复合材料工程包')).get()!;
    const bytes = await workbookBuffer([
      ['项目名称', '责任单位', '总投资（万元）'],
      ['一、招商引资项目'],
      ['（一）碳纤维及复合材料工程包'],
      ['工程包分区项目', '昌邑区', 500],
    ]);
    const admin = actorOf('admin');
    const previewed = await previewProjectImport(admin, { name: 'pack.xlsx', bytes });
    expect(previewed.errors).toEqual([]);
    expect(previewed.sections).toEqual({ 4: '一、招商引资项目 / （一）碳纤维及复合材料工程包' });
    expect(previewed.rows[0]).toMatchObject({ action: 'create', packageId: pack.id });
    commitProjectImport(admin, previewed.id, { validOnly: false });
    expect(project('工程包分区项目')).toMatchObject({ category: 'attraction' });
  });
});

describe('leads read the same structure', () => {
  it('title, two-row header, a section naming an industry, 合计 checked and never imported', async () => {
    const industry = getDb().select().from(industries).where(eq(industries.name, '化工')).get()!;
    const bytes = await workbookBuffer(
      [
        ['2026年招商线索台账'],
        ['序号', '企业名称', '投资情况', ''],
        ['', '', '意向投资（亿元）', '备注'],
        ['合计', '', 3, ''],
        ['一、化工产业（2个）'],
        [1, '版式线索甲公司', 1, ''],
        [2, '版式线索乙公司', 1.5, ''],
      ],
      (sheet) => {
        sheet.mergeCells('A1:D1');
        sheet.mergeCells('A2:A3');
        sheet.mergeCells('B2:B3');
        sheet.mergeCells('C2:D2');
        sheet.mergeCells('A5:D5');
      },
    );
    const previewed = await previewLeadImport(actorOf('investment'), { name: 'leads.xlsx', bytes });
    expect(previewed.headerRow).toBe(3);
    expect(previewed.counts).toEqual({ create: 2, update: 0, unchanged: 0, error: 0 });
    expect(previewed.sections).toEqual({ 6: '一、化工产业（2个）', 7: '一、化工产业（2个）' });
    expect(previewed.warnings).toEqual([
      { row: 4, column: '意向投资（亿元）', message: '合计行 意向投资（亿元） 30,000 与明细合计 25,000 不符' },
    ]);
    expect(previewed.rows[0]).toMatchObject({
      action: 'create',
      input: { company: '版式线索甲公司', intendedInvestment: 10_000, industryId: industry.id },
    });
    expect(getDb().select().from(leads).where(eq(leads.company, '合计')).all()).toEqual([]);
  });
});
