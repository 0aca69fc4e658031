import { describe, expect, it } from 'vitest';
import { blankMark, cellPeriodDate, readMoney } from '@/lib/excel/cells';
import { mapHeaders } from '@/lib/excel/headers';
import { PROJECT_COLUMNS, PROJECT_COLUMN_BY_KEY } from '@/lib/excel/project-columns';
import { convertDate, convertMoney } from '@/lib/excel/row-parse';

// The values county ledgers write, read as the platform stores them (issue 20).

const start = (value: unknown) => cellPeriodDate(value, 'start');
const end = (value: unknown) => cellPeriodDate(value, 'end');

describe('month-precision dates', () => {
  it.each([
    ['2026.5', '2026-05-01', '2026-05-31'],
    ['2026.05', '2026-05-01', '2026-05-31'],
    ['2026-05', '2026-05-01', '2026-05-31'],
    ['2026/5', '2026-05-01', '2026-05-31'],
    ['2026年5月', '2026-05-01', '2026-05-31'],
    ['2026年3月', '2026-03-01', '2026-03-31'],
    ['2026年2月', '2026-02-01', '2026-02-28'],
    ['2028年2月', '2028-02-01', '2028-02-29'],
    ['2026年10月', '2026-10-01', '2026-10-31'],
    ['2026年一季度', '2026-01-01', '2026-03-31'],
    ['2026年二季度', '2026-04-01', '2026-06-30'],
    ['2026年第2季度', '2026-04-01', '2026-06-30'],
    ['2026年第三季度', '2026-07-01', '2026-09-30'],
    ['2026年四季度', '2026-10-01', '2026-12-31'],
    ['2026Q2', '2026-04-01', '2026-06-30'],
    ['2026q4', '2026-10-01', '2026-12-31'],
    ['2026年上半年', '2026-01-01', '2026-06-30'],
    ['2026年下半年', '2026-07-01', '2026-12-31'],
    ['2026年初', '2026-01-01', '2026-01-31'],
    ['2027年底', '2027-12-01', '2027-12-31'],
    ['2027年末', '2027-12-01', '2027-12-31'],
    ['2026年', '2026-01-01', '2026-12-31'],
    ['２０２６年５月', '2026-05-01', '2026-05-31'],
  ])('%s → start %s, end %s', (written, first, last) => {
    expect(start(written)).toEqual({ date: first });
    expect(end(written)).toEqual({ date: last });
  });

  it.each([
    ['2026-05-01', '2026-05-01'],
    ['2026/5/1', '2026-05-01'],
    ['2026.5.1', '2026-05-01'],
    ['2026年5月1日', '2026-05-01'],
    ['2026-5-31', '2026-05-31'],
  ])('a full date %s is that day whatever the edge', (written, iso) => {
    expect(start(written)).toEqual({ date: iso });
    expect(end(written)).toEqual({ date: iso });
  });

  it('reads date cells, Excel serials and the numbers Excel makes of typed months', () => {
    expect(end(new Date(Date.UTC(2026, 2, 1)))).toEqual({ date: '2026-03-01' });
    expect(start(46082)).toEqual({ date: '2026-03-01' });
    expect(start(2026.05)).toEqual({ date: '2026-05-01' });
    expect(end(2026.5)).toEqual({ date: '2026-05-31' });
    expect(end(2026.12)).toEqual({ date: '2026-12-31' });
    expect(start(20260501)).toEqual({ date: '2026-05-01' });
    expect(end(2027)).toEqual({ date: '2027-12-31' });
    // 2026.10 typed into a number cell is 2026.1: January or October cannot be told apart.
    expect(start(2026.1)).toMatchObject({ message: expect.stringContaining('1 月或 10 月') });
  });

  it('refuses dates that do not exist or name no period', () => {
    expect(start('2026年13月')).toEqual({ message: '月份应为 1–12' });
    expect(start('2026-00')).toEqual({ message: '月份应为 1–12' });
    expect(start('2026-02-30')).toEqual({ message: '该月没有这一天' });
    expect(start('明年')).toBeNull();
    expect(start('年底')).toBeNull();
    expect(start('2026年五季度')).toBeNull();
  });

  it('names the cell and the reason in the import message, and shows the reading', () => {
    expect(convertDate('2026年13月', '2026年13月').message).toContain('"2026年13月"不是有效日期：月份应为 1–12');
    expect(convertDate('明年', '明年').message).toContain('"明年"不是有效日期');
    expect(convertDate('2026年二季度', '2026年二季度')).toEqual({ value: '2026-04-01', shown: '2026-04-01' });
    expect(convertDate('2027年底', '2027年底', 'end')).toEqual({ value: '2027-12-31', shown: '2027-12-31' });
    expect(convertDate('2026-05-01', '2026-05-01')).toEqual({ value: '2026-05-01' });
  });
});

describe('money as ledgers write it', () => {
  it.each([
    ['35.5亿元', 355_000],
    ['8亿', 80_000],
    ['1,200', 1200],
    ['1，200', 1200],
    ['1200万元', 1200],
    ['1200万', 1200],
    ['1.2万', 1],
    ['1.5万元', 2],
    ['3000000元', 300],
    ['１２００', 1200],
    ['0', 0],
    ['1.15亿元', 11_500],
  ])('%s → %d 万元', (written, wan) => {
    expect(readMoney(written, 1)).toEqual({ wan });
  });

  it('reads a bare number in the header unit, rounding half-up to whole 万元', () => {
    expect(readMoney(35.5, 10_000)).toEqual({ wan: 355_000 });
    expect(readMoney('3.5', 10_000)).toEqual({ wan: 35_000 });
    expect(readMoney(12.5, 1)).toEqual({ wan: 13 });
    expect(readMoney(12.49, 1)).toEqual({ wan: 12 });
    // A unit written in the cell wins over the header's.
    expect(readMoney('1200万元', 10_000)).toEqual({ wan: 1200 });
  });

  it('refuses estimates and ranges', () => {
    expect(readMoney('约3亿', 1)).toEqual({ message: '是估计数，请填写一个确定的金额' });
    expect(readMoney('3亿左右', 1)).toEqual({ message: '是估计数，请填写一个确定的金额' });
    expect(readMoney('3-5亿', 1)).toEqual({ message: '是一个范围，请填写一个确定的金额' });
    expect(readMoney('3~5亿元', 1)).toEqual({ message: '是一个范围，请填写一个确定的金额' });
    expect(readMoney('一千', 1)).toEqual({ message: '不是数字' });
  });

  it('reads "—", "-", "/" and "无" as an empty cell', () => {
    for (const mark of ['—', '-', '/', '无', '－', '——', ' ']) expect(blankMark(mark), mark).toBe('');
    expect(blankMark('0')).toBe('0');
    expect(blankMark('无锡')).toBe('无锡');
  });

  it('converts with the header unit and shows the reading when it differs from what was written', () => {
    expect(convertMoney('35.5亿元', '35.5亿元', null)).toEqual({ value: 355_000, shown: '355,000 万元' });
    expect(convertMoney(8, '8', '亿元')).toEqual({ value: 80_000, shown: '80,000 万元' });
    expect(convertMoney(1200, '1200', '万元')).toEqual({ value: 1200 });
    expect(convertMoney('1200', '1200', null)).toEqual({ value: 1200 });
    expect(convertMoney('约3亿', '约3亿', null).message).toBe(
      '"约3亿"是估计数，请填写一个确定的金额；金额请填写数字（万元），或带单位如 35.5亿元',
    );
    expect(convertMoney('1', '1', '美元').message).toContain('无法识别金额单位"美元"');
  });
});

describe('the columns county ledgers use', () => {
  const cells = (...texts: string[]) => texts.map((text, index) => ({ column: index + 1, text }));
  const map = (...texts: string[]) => mapHeaders(cells(...texts), PROJECT_COLUMNS);

  it('maps each alias to its field', () => {
    const mapping = map(
      '序号',
      '项目名称',
      '建设单位',
      '建设规模及主要内容',
      '2026年计划投资（亿元）',
      '截至2025年底累计完成投资',
      '包保市领导',
      '计划开工时间',
      '计划完工时间',
    );
    expect(mapping.unknown).toEqual([]);
    expect(mapping.matches).toEqual([
      { key: 'name', column: 2, header: '项目名称', unit: null },
      { key: 'builderName', column: 3, header: '建设单位', unit: null },
      { key: 'description', column: 4, header: '建设规模及主要内容', unit: null },
      { key: 'plannedInvestmentThisYear', column: 5, header: '2026年计划投资（亿元）', unit: '亿元', year: 2026 },
      { key: 'completedInvestment', column: 6, header: '截至2025年底累计完成投资', unit: null, year: 2025 },
      { key: 'leaderId', column: 7, header: '包保市领导', unit: null },
      { key: 'plannedStartDate', column: 8, header: '计划开工时间', unit: null },
      { key: 'plannedCompletionDate', column: 9, header: '计划完工时间', unit: null },
    ]);
  });

  it('knows 项目业主 and the other spellings of the running total', () => {
    expect(map('项目业主').matches[0].key).toBe('builderName');
    expect(map('截止2024年末累计完成投资（万元）').matches[0]).toMatchObject({
      key: 'completedInvestment',
      year: 2024,
      unit: '万元',
    });
    expect(map('2025年底累计完成投资').matches[0]).toMatchObject({ key: 'completedInvestment', year: 2025 });
  });

  it('reads a planned completion at the end of its period and a planned start at the beginning', () => {
    expect(PROJECT_COLUMN_BY_KEY.get('plannedCompletionDate')!.dateEdge).toBe('end');
    expect(PROJECT_COLUMN_BY_KEY.get('plannedStartDate')!.dateEdge ?? 'start').toBe('start');
  });
});
