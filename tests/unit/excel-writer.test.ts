import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DATE_FORMAT, HEADER_ROW, MONEY_FORMAT, PERCENT_FORMAT, writeSheet } from '@/lib/excel/writer';

async function load(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0];
}

describe('writeSheet', () => {
  it('writes a title row with the filters and date, a frozen Chinese header, typed cells and widths', async () => {
    const buffer = await writeSheet({
      title: '重点项目台账',
      filtersText: '单位：昌邑区；阶段：开工建设',
      date: '2026-11-20',
      columns: [
        { header: '项目名称', key: 'name', width: 30 },
        { header: '总投资（万元）', key: 'total', type: 'money' },
        { header: '计划开工时间', key: 'start', type: 'date' },
        { header: '项目数', key: 'count', type: 'int' },
        { header: '开工率', key: 'rate', type: 'percent' },
      ],
      rows: [
        { name: '吉林化纤碳纤维项目', total: 120000, start: '2026-03-01', count: 3, rate: 0.625 },
        { name: '空值行', total: null, start: null, count: 0, rate: null },
      ],
    });
    const sheet = await load(buffer);
    const title = String(sheet.getCell('A1').value);
    expect(title).toContain('重点项目台账');
    expect(title).toContain('筛选条件：单位：昌邑区；阶段：开工建设');
    expect(title).toContain('导出日期：2026-11-20');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(sheet.getRow(HEADER_ROW).values).toEqual([
      undefined,
      '项目名称',
      '总投资（万元）',
      '计划开工时间',
      '项目数',
      '开工率',
    ]);
    expect(sheet.getColumn(1).width).toBe(30);
    expect(sheet.getColumn(2).width).toBeGreaterThan(8);

    const money = sheet.getCell('B3');
    expect(money.value).toBe(120000);
    expect(money.numFmt).toBe(MONEY_FORMAT);
    const date = sheet.getCell('C3');
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString().slice(0, 10)).toBe('2026-03-01');
    expect(date.numFmt).toBe(DATE_FORMAT);
    expect(sheet.getCell('E3').numFmt).toBe(PERCENT_FORMAT);
    expect(sheet.getCell('B4').value).toBeNull();
  });

  it('writes an empty sheet with headers when there are no rows', async () => {
    const sheet = await load(await writeSheet({ title: '空表', columns: [{ header: '名称', key: 'name' }], rows: [] }));
    expect(sheet.getCell('A2').value).toBe('名称');
    expect(String(sheet.getCell('A1').value)).toContain('筛选条件：全部');
  });
});
