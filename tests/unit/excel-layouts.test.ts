import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { PROJECT_COLUMNS, REQUIRED_PROJECT_COLUMNS } from '@/lib/excel/project-columns';
import { readSheet } from '@/lib/excel/reader';
import {
  checkTotals,
  classifyRow,
  parseSectionLabel,
  resolveSections,
  rowSectionLabels,
  totalKind,
  type SheetSection,
} from '@/lib/excel/sections';

// The layouts offices keep their ledgers in, read by lib/excel/reader.ts and lib/excel/sections.ts.
// Every workbook is built here with exceljs.

async function book(rows: unknown[][], configure?: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('计划表');
  for (const row of rows) sheet.addRow(row);
  configure?.(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const read = (bytes: Uint8Array) =>
  readSheet(bytes, PROJECT_COLUMNS, {
    required: REQUIRED_PROJECT_COLUMNS,
    labelKeys: ['name'],
    knownSection: (name) => ['政府投资项目', '招商引资项目'].includes(name),
  });

const keyed = (sheet: Awaited<ReturnType<typeof read>>) =>
  Object.fromEntries(sheet.mapping.matches.map((match) => [match.key, match]));

describe('finding the table', () => {
  it('one header row in row 1: every column read, no sections, no totals', async () => {
    const sheet = await read(
      await book([
        ['项目名称', '责任单位', '总投资（万元）'],
        ['甲', '昌邑区', 100],
      ]),
    );
    expect(sheet.headerRow).toBe(1);
    expect(sheet.headerTop).toBe(1);
    expect(sheet.sheetUnit).toBeNull();
    expect(keyed(sheet).totalInvestment).toMatchObject({ column: 3, unit: '万元', header: '总投资（万元）' });
    expect(sheet.rows).toEqual([{ row: 2, cells: ['甲', '昌邑区', 100], section: null }]);
    expect(sheet.sections).toEqual([]);
    expect(sheet.totals).toEqual([]);
  });

  it('a merged title row and a unit row above the header: skipped, and the unit row sets the money unit', async () => {
    const sheet = await read(
      await book(
        [
          ['2026年吉林市重点建设项目计划表'],
          ['', '', '单位：亿元'],
          ['项目名称', '责任单位', '总投资', '资金到位（万元）'],
          ['甲', '昌邑区', 3.5, 100],
        ],
        (ws) => ws.mergeCells('A1:D1'),
      ),
    );
    expect(sheet.headerRow).toBe(3);
    expect(sheet.sheetUnit).toBe('亿元');
    // The unit row's unit for the column that names none; the header's own unit wins.
    expect(keyed(sheet).totalInvestment.unit).toBe('亿元');
    expect(keyed(sheet).fundsInPlace.unit).toBe('万元');
    expect(sheet.rows.map((row) => row.row)).toEqual([4]);
  });

  it('two header rows with a merged group: the group joins the column below and gives its unit', async () => {
    const sheet = await read(
      await book(
        [
          ['2026年吉林市重点建设项目计划表'],
          ['单位：万元'],
          ['序号', '项目名称', '责任单位', '投资情况（亿元）', '', '', '计划开工时间'],
          ['', '', '', '总投资', '2026年计划投资', '资金到位（万元）', ''],
          [1, '甲', '昌邑区', 3.5, 1.2, 500, '2026-05-01'],
        ],
        (ws) => {
          ws.mergeCells('A1:G1');
          ws.mergeCells('A3:A4');
          ws.mergeCells('B3:B4');
          ws.mergeCells('C3:C4');
          ws.mergeCells('D3:F3');
          ws.mergeCells('G3:G4');
        },
      ),
    );
    expect(sheet.headerTop).toBe(3);
    expect(sheet.headerRow).toBe(4);
    const columns = keyed(sheet);
    expect(columns.name).toMatchObject({ column: 2, header: '项目名称' });
    expect(columns.unitId).toMatchObject({ column: 3, header: '责任单位' });
    expect(columns.totalInvestment).toMatchObject({ column: 4, header: '投资情况（亿元）/总投资', unit: '亿元' });
    expect(columns.plannedInvestmentThisYear).toMatchObject({ column: 5, unit: '亿元', year: 2026 });
    expect(columns.fundsInPlace).toMatchObject({ column: 6, unit: '万元' });
    expect(columns.plannedStartDate).toMatchObject({ column: 7, header: '计划开工时间' });
    expect(sheet.mapping.unknown).toEqual([]);
    expect(sheet.rows).toEqual([{ row: 5, cells: ['甲', '昌邑区', 3.5, 1.2, 500, '2026-05-01'], section: null }]);
  });

  it('a group without a unit leaves the sheet unit in force', async () => {
    const sheet = await read(
      await book(
        [
          ['单位：万元'],
          ['项目名称', '责任单位', '投资情况', ''],
          ['', '', '总投资', '资金到位'],
          ['甲', '昌邑区', 100, 50],
        ],
        (ws) => {
          ws.mergeCells('A2:A3');
          ws.mergeCells('B2:B3');
          ws.mergeCells('C2:D2');
        },
      ),
    );
    expect(sheet.headerRow).toBe(3);
    expect(keyed(sheet).totalInvestment).toMatchObject({ header: '投资情况/总投资', unit: '万元' });
  });

  it('no recognisable header in the first 15 rows: refused, naming what was looked for', async () => {
    await expect(
      read(
        await book([
          ['编号', '内容', '备注'],
          [1, '甲', ''],
        ]),
      ),
    ).rejects.toThrow(/未找到可识别的表头：前 15 行中应有一行列名，至少包含"项目名称"、"责任单位"/);
  });

  it('a formula in a data row is refused with its cell; a formula in a 合计 row is read', async () => {
    const sums = await read(
      await book([
        ['序号', '项目名称', '责任单位', '总投资（万元）'],
        ['合计', '', '', { formula: 'D3', result: 100 }],
        [1, '甲', '昌邑区', 100],
      ]),
    );
    expect(sums.totals).toMatchObject([{ row: 2, total: '合计' }]);
    await expect(
      read(
        await book([
          ['项目名称', '责任单位', '总投资（万元）'],
          ['甲', '昌邑区', { formula: '1+1', result: 2 }],
        ]),
      ),
    ).rejects.toThrow('第 2 行 C 列（C2）含公式');
  });
});

describe('sections and totals in the sheet', () => {
  it('section rows (merged, with counts, nested), 合计 and 小计 rows and notes', async () => {
    const sheet = await read(
      await book(
        [
          ['序号', '项目名称', '责任单位', '总投资（万元）'],
          ['合计', '', '', 300],
          ['一、政府投资项目（2项）'],
          ['（一）续建项目'],
          [1, '甲', '昌邑区', 100],
          [2, '乙', '昌邑区', 120],
          ['小计', '', '', 220],
          ['二', '招商引资项目', '', 80],
          [1, '丙', '昌邑区', 80],
          ['注：金额单位万元'],
        ],
        (ws) => {
          ws.mergeCells('A3:D3');
          ws.mergeCells('A4:D4');
          ws.mergeCells('A10:D10');
        },
      ),
    );
    expect(sheet.sections).toEqual([
      { row: 3, label: '一、政府投资项目（2项）', name: '政府投资项目', level: 1, count: 2, parent: null, cells: null },
      { row: 4, label: '（一）续建项目', name: '续建项目', level: 2, count: null, parent: 0, cells: null },
      {
        row: 8,
        label: '二、招商引资项目',
        name: '招商引资项目',
        level: 1,
        count: null,
        parent: null,
        cells: ['招商引资项目', '', 80],
      },
    ]);
    expect(sheet.rows.map((row) => [row.row, row.section])).toEqual([
      [5, 1],
      [6, 1],
      [9, 2],
    ]);
    expect(sheet.totals.map((total) => [total.row, total.total, total.section])).toEqual([
      [2, '合计', null],
      [7, '小计', 1],
    ]);
    expect(rowSectionLabels(sheet.sections, sheet.rows)).toEqual({
      5: '一、政府投资项目（2项） / （一）续建项目',
      6: '一、政府投资项目（2项） / （一）续建项目',
      9: '二、招商引资项目',
    });
  });
});

describe('reading labels', () => {
  it('section labels: numbering, level, name and count', () => {
    expect(parseSectionLabel('一、政府投资项目（3项）')).toEqual({
      name: '政府投资项目',
      level: 1,
      numbered: true,
      count: 3,
    });
    expect(parseSectionLabel('（二）招商引资项目(共12个)')).toEqual({
      name: '招商引资项目',
      level: 2,
      numbered: true,
      count: 12,
    });
    expect(parseSectionLabel('第三部分：上争类项目')).toMatchObject({ name: '上争类项目', level: 1, count: null });
    expect(parseSectionLabel('政府投资项目')).toEqual({ name: '政府投资项目', level: 1, numbered: false, count: null });
  });

  it('合计 / 小计 / 总计 in any spacing; other text is not a total', () => {
    expect(totalKind('合 计')).toBe('合计');
    expect(totalKind('全市合计')).toBe('合计');
    expect(totalKind('总计')).toBe('合计');
    expect(totalKind('小计：')).toBe('小计');
    expect(totalKind('小计（2项）')).toBe('小计');
    expect(totalKind('合计不符项目')).toBeNull();
    expect(totalKind('综合体项目')).toBeNull();
  });

  it('classifies rows: a data row with a project is never a section', () => {
    const known = (name: string) => name === '政府投资项目';
    const at = (...texts: string[]) => texts.map((text, i) => ({ column: i + 1, text })).filter((c) => c.text);
    expect(classifyRow(at('1', '甲', '昌邑区', '100'), 1, [2], known)).toEqual({ kind: 'data' });
    expect(classifyRow(at('', '甲'), 1, [2], known)).toEqual({ kind: 'data' });
    expect(classifyRow(at('政府投资项目'), 1, [2], known)).toMatchObject({ kind: 'section', name: '政府投资项目' });
    expect(classifyRow(at('其他项目'), 1, [2], known)).toEqual({ kind: 'data' });
    expect(classifyRow(at('三、其他项目'), 1, [2], known)).toMatchObject({ kind: 'section', name: '其他项目' });
    expect(classifyRow(at('', '小计', '', '5'), 1, [2], known)).toMatchObject({ kind: 'total', total: '小计' });
    expect(classifyRow(at('填报人：张三'), 1, [2], known)).toEqual({ kind: 'note' });
  });
});

describe('checking sums', () => {
  const sections: SheetSection[] = [
    { row: 2, label: '一、政府投资项目（2项）', name: '政府投资项目', level: 1, count: 2, parent: null, cells: null },
    { row: 6, label: '二、招商引资项目（2项）', name: '招商引资项目', level: 1, count: 2, parent: null, cells: null },
  ];
  const rows = [
    { row: 3, section: 0, parsed: { plan: 100 } },
    { row: 4, section: 0, parsed: { plan: 65_000 } },
    { row: 7, section: 1, parsed: { plan: 100_000 } },
  ];
  const run = (totals: Array<[number, '合计' | '小计', number, number | null]>) =>
    checkTotals({
      sections,
      totals: totals.map(([row, total, stated, section]) => ({ row, total, label: total, cells: [stated], section })),
      rows,
      columns: [{ key: 'plan', header: '年度计划投资' }],
      parseTotal: (_row, cells) => ({ plan: cells[0] as number }),
      value: (parsed, key) => parsed[key as 'plan'],
    });

  it('matching 合计 and 小计: no warning about sums; a section count that differs is one', () => {
    expect(
      run([
        [5, '小计', 65_100, 0],
        [8, '小计', 100_000, 1],
        [9, '合计', 165_100, null],
      ]),
    ).toEqual([{ row: 6, column: '分区', message: '分区"二、招商引资项目（2项）"写有 2 项，其下有 1 行项目' }]);
  });

  it('a 合计 or 小计 that differs is a warning naming the row and the column', () => {
    const warnings = run([
      [5, '小计', 65_000, 0],
      [9, '合计', 170_000, null],
    ]);
    expect(warnings).toContainEqual({
      row: 5,
      column: '年度计划投资',
      message: '小计（政府投资项目）行 年度计划投资 65,000 与明细合计 65,100 不符',
    });
    expect(warnings).toContainEqual({
      row: 9,
      column: '年度计划投资',
      message: '合计行 年度计划投资 170,000 与明细合计 165,100 不符',
    });
  });

  it('a top-level section naming nothing known is an error; a grouping inside a known one is not', () => {
    const nested: SheetSection[] = [
      { row: 2, label: '一、政府投资项目', name: '政府投资项目', level: 1, count: null, parent: null, cells: null },
      { row: 3, label: '（一）续建项目', name: '续建项目', level: 2, count: null, parent: 0, cells: null },
      { row: 9, label: '二、其他项目', name: '其他项目', level: 1, count: null, parent: null, cells: null },
    ];
    const resolved = resolveSections(
      nested,
      (name) => (name === '政府投资项目' ? 'government' : null),
      (section) => `分区"${section.label}"不是已知的项目类别`,
    );
    expect(resolved).toEqual([
      { value: 'government', error: null },
      { value: null, error: null },
      { value: null, error: { row: 9, column: '分区', message: '分区"二、其他项目"不是已知的项目类别' } },
    ]);
  });
});
