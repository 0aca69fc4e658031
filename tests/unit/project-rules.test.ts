import { describe, expect, it } from 'vitest';
import { isValidProjectCode } from '@/lib/rules/project-code';
import { formatWan, formatYi, rate, sumMoney } from '@/lib/rules/money';
import { daysPerStage } from '@/lib/rules/stage-durations';
import { detectPhotoType } from '@/lib/rules/photos';
import { dueReportMonth, yearSeries } from '@/lib/rules/report-month';
import { projectCode, money } from '@/lib/validation';

describe('project code (GB/T 40058-2021)', () => {
  it.each(['1801-220202-04-01-123456', '2512-220281-99-10-000000'])('accepts %s', (code) =>
    expect(isValidProjectCode(code)).toBe(true),
  );
  it.each([
    ['', 'empty'],
    ['1813-220202-04-01-123456', 'month 13'],
    ['1800-220202-04-01-123456', 'month 00'],
    ['1801-22020-04-01-123456', 'short region'],
    ['1801-220202-4-01-123456', 'short department'],
    ['1801-220202-04-01-12345', 'five-digit serial'],
    ['1801220202040112345600', 'no dashes'],
    ['1801-220202-04-01-12345X', 'letter'],
    [' 1801-220202-04-01-123456x', 'trailing text'],
  ])('refuses %s (%s)', (code) => expect(isValidProjectCode(code)).toBe(false));
  it('the schema trims and explains in Chinese', () => {
    expect(projectCode.parse(' 1801-220202-04-01-123456 ')).toBe('1801-220202-04-01-123456');
    const result = projectCode.safeParse('1801');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain('项目代码格式应为');
  });
});

describe('money', () => {
  it('sums integers exactly and skips blanks', () => expect(sumMoney([120_000, null, 35, undefined, 0])).toBe(120_035));
  it('stays exact beyond float-unsafe decimal sums', () =>
    expect(sumMoney(Array(10).fill(10_000_000_001))).toBe(100_000_000_010));
  it('refuses fractions', () => expect(() => sumMoney([1.5])).toThrow());
  it('schema: non-negative integer 万元', () => {
    expect(money.safeParse(-1).success).toBe(false);
    expect(money.safeParse(1.2).success).toBe(false);
    expect(money.safeParse(0).success).toBe(true);
  });
  it('formats 万元 and 亿元', () => {
    expect(formatWan(123456)).toBe('123,456 万元');
    expect(formatYi(2_200_000)).toBe('220.00 亿元');
    expect(rate(1, 3)).toBe(33.3);
    expect(rate(1, 0)).toBeNull();
  });
});

describe('days per stage', () => {
  it('adds up visits and counts the current stage to today', () => {
    const days = daysPerStage(
      [
        { toStage: 'reserve', at: '2018-01-01T01:00:00Z' },
        { toStage: 'approvals', at: '2018-01-11T01:00:00Z' },
        { toStage: 'reserve', at: '2018-01-21T01:00:00Z' },
        { toStage: 'approvals', at: '2018-01-26T01:00:00Z' },
      ],
      '2018-02-05',
    );
    expect(days).toMatchObject({ reserve: 15, approvals: 20, signed: null, construction: null });
  });
});

describe('photo type by content', () => {
  it('knows JPEG, PNG and WebP', () => {
    expect(detectPhotoType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(detectPhotoType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(detectPhotoType(new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]))).toBe(
      'image/webp',
    );
  });
  it('refuses anything else, whatever its name', () => {
    expect(detectPhotoType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(detectPhotoType(new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x41, 0x56, 0x49, 0x20]))).toBeNull();
    expect(detectPhotoType(new Uint8Array([]))).toBeNull();
  });
});

describe('the report month that is due', () => {
  it('last month while it is missing, else this month', () => {
    expect(dueReportMonth('2018-05-03', ['2018-03'])).toBe('2018-04');
    expect(dueReportMonth('2018-05-20', ['2018-04'])).toBe('2018-05');
    expect(dueReportMonth('2018-01-02', [])).toBe('2017-12');
  });
  it('this month for a project registered this month', () =>
    expect(dueReportMonth('2018-05-20', [], '2018-05-02T03:00:00Z')).toBe('2018-05'));
  it('builds this year’s running total', () => {
    const { points, yearToDate } = yearSeries('2018-04-10', [
      { month: '2017-12', investmentThisMonth: 999 },
      { month: '2018-01', investmentThisMonth: 100 },
      { month: '2018-03', investmentThisMonth: 50 },
    ]);
    expect(points.map((p) => p.yearToDate)).toEqual([100, null, 150, null]);
    expect(yearToDate).toBe(150);
  });
});
