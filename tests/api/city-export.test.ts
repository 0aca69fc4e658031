import { beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { GET as exportLedgerRoute } from '@/app/(app)/projects/export/route';
import { sumProjects } from '@/db/queries/project-filters';
import { listLedgerRows } from '@/db/queries/projects';
import { yearReportedInvestmentByProject } from '@/db/queries/city-ledger';
import {
  CITY_DATE_FORMAT,
  CITY_FIRST_DATA_ROW,
  CITY_GROUP_ROW,
  CITY_HEADER_ROW,
  CITY_MONEY_GROUP,
  CITY_SECTION_NAMES,
} from '@/domain/city-ledger-sheet';
import { XLSX_CONTENT_TYPE } from '@/lib/excel/writer';
import { currentYear, today } from '@/lib/rules/dates';
import { CATEGORIES, STAGE_LABELS, type Category } from '@/lib/rules/enums';
import { download, openWorkbook } from '../support/download';
import { loginAs, seedOnce } from '../support/api';

beforeAll(() => seedOnce());

async function citySheet(path: string) {
  const result = await download(exportLedgerRoute, path, await loginAs('leader'));
  expect(result.status).toBe(200);
  expect(result.headers.get('content-type')).toBe(XLSX_CONTENT_TYPE);
  expect(decodeURIComponent(result.headers.get('content-disposition') ?? '')).toContain(
    `${currentYear()}年吉林市重点建设项目计划表`,
  );
  return (await openWorkbook(result.bytes)).worksheets[0];
}

const text = (sheet: ExcelJS.Worksheet, row: number, column: number) => {
  const value = sheet.getCell(row, column).value;
  return value === null || value === undefined ? '' : String(value);
};

/** Column number of a header in the second header row. */
const columnOf = (sheet: ExcelJS.Worksheet, header: string) => {
  for (let c = 1; c <= sheet.columnCount; c++) if (text(sheet, CITY_HEADER_ROW, c) === header) return c;
  throw new Error(`no column ${header}`);
};

type Body = { kind: 'section' | 'project' | 'subtotal' | 'total'; row: number; label: string };

/** The rows below the header, classified as the layout writes them. */
function bodyRows(sheet: ExcelJS.Worksheet): Body[] {
  const name = columnOf(sheet, '项目名称');
  const out: Body[] = [];
  for (let r = CITY_FIRST_DATA_ROW; r <= sheet.rowCount; r++) {
    const first = text(sheet, r, 1);
    const label = text(sheet, r, name);
    if (/^[一二三四五六七八九十]+、/.test(first)) out.push({ kind: 'section', row: r, label: first });
    else if (label === '小计') out.push({ kind: 'subtotal', row: r, label });
    else if (label === '合计') out.push({ kind: 'total', row: r, label });
    else if (label) out.push({ kind: 'project', row: r, label });
  }
  return out;
}

const number = (sheet: ExcelJS.Worksheet, row: number, column: number) => Number(sheet.getCell(row, column).value ?? 0);

describe('/projects/export?layout=city (按市里格式)', () => {
  it('lays the whole ledger out as the city keeps it: title, unit row, two-row header, sections, 小计, 合计', async () => {
    const year = currentYear();
    const sheet = await citySheet('/projects/export?layout=city');
    const merges: string[] = sheet.model.merges;

    expect(text(sheet, 1, 1)).toBe(`${year}年吉林市重点建设项目计划表`);
    expect(text(sheet, 2, 1)).toContain('筛选条件：全部项目');
    expect(text(sheet, 2, 1)).toContain(`导出日期：${today()}`);
    expect(text(sheet, 3, 1)).toBe('单位：万元');
    const last = sheet.columnCount;
    expect(merges).toEqual(expect.arrayContaining([`A1:${sheet.getColumn(last).letter}1`]));

    // The two-row header: 序号 spans both rows, the money sits under one merged group.
    expect(text(sheet, CITY_GROUP_ROW, 1)).toBe('序号');
    expect(merges).toContain('A4:A5');
    const total = columnOf(sheet, '总投资');
    const planned = columnOf(sheet, `${year}年计划投资`);
    const opening = columnOf(sheet, `截至${year - 1}年底累计完成投资`);
    const thisYear = columnOf(sheet, '本年完成投资');
    const completed = columnOf(sheet, '开工以来累计完成投资');
    expect(text(sheet, CITY_GROUP_ROW, total)).toBe(CITY_MONEY_GROUP);
    expect(merges).toContain(`${sheet.getColumn(total).letter}4:${sheet.getColumn(completed).letter}4`);
    for (const header of ['项目名称', '建设单位', '责任单位', '建设规模及主要内容', '计划开工时间', '包保市领导'])
      expect(columnOf(sheet, header)).toBeGreaterThan(0);

    // Sections in category order, each with its count, followed by its 小计; one 合计 at the end.
    const body = bodyRows(sheet);
    const all = listLedgerRows({ filters: {}, page: 1, pageSize: 100_000 });
    const present = CATEGORIES.filter((category) => all.some((row) => row.category === category));
    const sections = body.filter((row) => row.kind === 'section');
    expect(sections.map((row) => row.label)).toEqual(
      present.map(
        (category, index) =>
          `${'一二三'[index]}、${CITY_SECTION_NAMES[category]}（${all.filter((row) => row.category === category).length}项）`,
      ),
    );
    expect(body.at(-1)?.kind).toBe('total');
    expect(body.filter((row) => row.kind === 'total')).toHaveLength(1);
    expect(body.filter((row) => row.kind === 'project')).toHaveLength(all.length);

    // 序号 runs 1..n over the projects.
    expect(body.filter((row) => row.kind === 'project').map((row) => number(sheet, row.row, 1))).toEqual(
      all.map((_, index) => index + 1),
    );

    // Each 小计 is the sum of its section's rows, in every money column.
    const moneyColumns = [total, planned, opening, thisYear, completed];
    let current: number[] = [];
    const subtotals: number[][] = [];
    for (const row of body) {
      if (row.kind === 'section') current = moneyColumns.map(() => 0);
      if (row.kind === 'project') moneyColumns.forEach((c, i) => (current[i] += number(sheet, row.row, c)));
      if (row.kind === 'subtotal') {
        expect(moneyColumns.map((c) => number(sheet, row.row, c))).toEqual(current);
        subtotals.push(current);
      }
    }
    expect(subtotals).toHaveLength(present.length);

    // 合计 equals the ledger's total row for the same (no) filters.
    const sums = sumProjects({});
    const totalRow = body.at(-1)!.row;
    expect(number(sheet, totalRow, total)).toBe(sums.totalInvestment);
    expect(number(sheet, totalRow, planned)).toBe(sums.plannedInvestmentThisYear);
    expect(number(sheet, totalRow, completed)).toBe(sums.completedInvestment);
    const reported = [...yearReportedInvestmentByProject(year).entries()]
      .filter(([id]) => all.some((row) => row.id === id))
      .reduce((sum, [, amount]) => sum + amount, 0);
    expect(reported).toBeGreaterThan(0);
    expect(number(sheet, totalRow, thisYear)).toBe(reported);
  });

  it('writes dates as real dates shown "YYYY年M月", money as plain 万元 numbers', async () => {
    const sheet = await citySheet('/projects/export?layout=city');
    const start = columnOf(sheet, '计划开工时间');
    const total = columnOf(sheet, '总投资');
    const project = bodyRows(sheet).find(
      (row) => row.kind === 'project' && sheet.getCell(row.row, start).value instanceof Date,
    )!;
    expect(project).toBeDefined();
    const cell = sheet.getCell(project.row, start);
    expect(cell.numFmt).toBe(CITY_DATE_FORMAT);
    const stored = listLedgerRows({ filters: {}, page: 1, pageSize: 100_000 });
    expect(stored.some((row) => row.name === project.label)).toBe(true);
    expect(typeof sheet.getCell(project.row, total).value).toBe('number');
    expect(sheet.getCell(project.row, total).numFmt).toBe('#,##0');
  });

  it('is set up to print on A4 landscape, one page wide, header rows on every page, header frozen', async () => {
    const sheet = await citySheet('/projects/export?layout=city');
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${CITY_GROUP_ROW}:${CITY_HEADER_ROW}`,
    });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: CITY_HEADER_ROW });
    expect(sheet.getColumn(columnOf(sheet, '项目名称')).width).toBeGreaterThan(20);
    expect(sheet.getColumn(columnOf(sheet, '建设规模及主要内容')).width).toBeGreaterThan(30);
  });

  it('takes the ledger filters and sort: only those rows, in that order, the filters named in the title', async () => {
    const filters = { stage: 'construction' as const };
    const onScreen = listLedgerRows({ filters, sort: 'total', dir: 'desc', page: 1, pageSize: 100_000 });
    const sheet = await citySheet('/projects/export?layout=city&stage=construction&sort=total&dir=desc&page=3');
    expect(text(sheet, 2, 1)).toContain(`阶段：${STAGE_LABELS.construction}`);
    expect(text(sheet, 2, 1)).toContain('排序：总投资降序');
    const names = bodyRows(sheet)
      .filter((row) => row.kind === 'project')
      .map((row) => row.label);
    // Within its section each category keeps the ledger's order.
    const byCategory = (category: Category) =>
      onScreen.filter((row) => row.category === category).map((row) => row.name);
    expect(names).toEqual(CATEGORIES.flatMap(byCategory));
    const sums = sumProjects(filters);
    const totalRow = bodyRows(sheet).at(-1)!;
    expect(totalRow.kind).toBe('total');
    expect(number(sheet, totalRow.row, columnOf(sheet, '总投资'))).toBe(sums.totalInvestment);
    const stage = columnOf(sheet, '项目阶段');
    const stages = new Set(
      bodyRows(sheet)
        .filter((row) => row.kind === 'project')
        .map((row) => text(sheet, row.row, stage)),
    );
    expect([...stages]).toEqual([STAGE_LABELS.construction]);
  });

  it('refuses an unknown layout (400) and a request without a session (401)', async () => {
    const bad = await download(exportLedgerRoute, '/projects/export?layout=county', await loginAs('leader'));
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.bytes.toString('utf8')).error.message).toContain('按市里格式');
    expect((await download(exportLedgerRoute, '/projects/export?layout=city')).status).toBe(401);
  });
});
