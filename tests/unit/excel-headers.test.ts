import { describe, expect, it } from 'vitest';
import { mapHeaders, moneyFactor, normaliseHeader } from '@/lib/excel/headers';
import { PROJECT_COLUMNS } from '@/lib/excel/project-columns';
import { cellBoolean, cellDate, cellNumber } from '@/lib/excel/cells';

const cells = (...texts: string[]) => texts.map((text, index) => ({ column: index + 1, text }));
const keysOf = (...texts: string[]) => mapHeaders(cells(...texts), PROJECT_COLUMNS).matches.map((match) => match.key);

describe('header mapping', () => {
  it('maps full-width, half-width and bare money headers to the same column', () => {
    for (const header of [
      '总投资（万元）',
      '总投资(万元)',
      '总投资',
      ' 总投资 （ 万元 ）',
      '总投资万元',
      '总投资【万元】',
      '*总投资(万元)',
    ]) {
      expect(keysOf(header), header).toEqual(['totalInvestment']);
    }
  });

  it('accepts the usual aliases', () => {
    expect(keysOf('代码', '名称', '单位', '产业', '类别', '工程包', '阶段', '责任人', '包保领导')).toEqual([
      'code',
      'name',
      'unitId',
      'industryId',
      'category',
      'packageId',
      'stage',
      'ownerId',
      'leaderId',
    ]);
    expect(keysOf('项目代码', '项目名称', '责任单位', '所属产业')).toEqual(['code', 'name', 'unitId', 'industryId']);
  });

  it('maps columns in any order and keeps their positions', () => {
    const mapping = mapHeaders(cells('责任单位', '序号', '项目名称', '备注'), PROJECT_COLUMNS);
    expect(mapping.matches).toEqual([
      { key: 'unitId', column: 1, header: '责任单位', unit: null },
      { key: 'name', column: 3, header: '项目名称', unit: null },
    ]);
    expect(mapping.unknown).toEqual(['备注']);
  });

  it('reads past 本年完成投资 and 开工以来累计完成投资 (the monthly reports sum them) without listing them as unknown', () => {
    const mapping = mapHeaders(
      cells('项目名称', '本年完成投资', '开工以来累计完成投资（万元）', '备注'),
      PROJECT_COLUMNS,
    );
    expect(mapping.matches.map((match) => match.key)).toEqual(['name']);
    expect(mapping.unknown).toEqual(['备注']);
  });

  it('reports a column given twice', () => {
    const mapping = mapHeaders(cells('项目名称', '名称'), PROJECT_COLUMNS);
    expect(mapping.duplicates).toEqual([{ key: 'name', headers: ['项目名称', '名称'] }]);
  });

  it('reads the money unit so 亿元 and 元 convert to 万元', () => {
    expect(normaliseHeader('总投资（亿元）')).toEqual({ base: '总投资', unit: '亿元' });
    expect(moneyFactor('亿元')).toEqual({ multiply: 10_000, divide: 1 });
    expect(moneyFactor('元')).toEqual({ multiply: 1, divide: 10_000 });
    expect(moneyFactor(null)).toEqual({ multiply: 1, divide: 1 });
    expect(moneyFactor('美元')).toBeNull();
  });
});

describe('cells', () => {
  it('reads dates from date cells, serial numbers and typed text', () => {
    expect(cellDate(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01');
    expect(cellDate(46082)).toBe('2026-03-01');
    expect(cellDate('2026/3/1')).toBe('2026-03-01');
    expect(cellDate('2026年3月1日')).toBe('2026-03-01');
    expect(cellDate('2026-02-30')).toBeNull();
    expect(cellDate('明年')).toBeNull();
  });
  it('reads numbers written with separators or a unit', () => {
    expect(cellNumber('1,200')).toBe(1200);
    expect(cellNumber('１２００万元')).toBe(1200);
    expect(cellNumber('一千')).toBeNull();
  });
  it('reads 是/否', () => {
    expect(cellBoolean('是')).toBe(true);
    expect(cellBoolean('否')).toBe(false);
    expect(cellBoolean('也许')).toBeNull();
  });
});
