import 'server-only';
import ExcelJS from 'exceljs';
import { PROJECT_COLUMN_BY_KEY, projectCellValue, type ProjectRowNames } from '@/lib/excel/project-columns';
import { excelDate } from '@/lib/excel/writer';
import { CATEGORIES, type Category } from '@/lib/rules/enums';

// 按市里格式: the ledger laid out as the 发改委 keeps its 重点建设项目计划表 — a merged title row, a
// unit row, a two-row header with the money under "投资情况（万元）", 序号, one section per
// category each closed by a 小计 row, a 合计 row, dates shown as "2026年3月", printable on A4
// landscape with the header repeated on every page. The importer reads this layout back, so
// every cell holds the stored value: dates are real date cells (only their format shows the
// month), money is plain 万元 integers.

/** Row numbers of the layout (1-based). */
export const CITY_TITLE_ROW = 1;
export const CITY_FILTERS_ROW = 2;
export const CITY_UNIT_ROW = 3;
export const CITY_GROUP_ROW = 4;
export const CITY_HEADER_ROW = 5;
export const CITY_FIRST_DATA_ROW = 6;

export const CITY_MONEY_GROUP = '投资情况（万元）';
export const CITY_DATE_FORMAT = 'yyyy"年"m"月"';
export const CITY_MONEY_FORMAT = '#,##0';

/** The section each category is listed under; each name is one the importer's category labels accept. */
export const CITY_SECTION_NAMES: Record<Category, string> = {
  government: '政府投资项目',
  attraction: '招商引资项目',
  higher_level: '“上争”类项目',
};

const SECTION_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export type CityMoneyKey =
  'totalInvestment' | 'plannedInvestmentThisYear' | 'openingInvestment' | 'completedThisYear' | 'completedInvestment';

type CityCellKind = 'seq' | 'text' | 'money' | 'date';

export interface CityColumn {
  key: string;
  header: string;
  /** The merged header above this column, when it has one. */
  group?: string;
  kind: CityCellKind;
  width: number;
}

/** The columns, for the plan year `year`; the headers are ones the importer's column definition knows. */
export function cityColumns(year: number): CityColumn[] {
  return [
    { key: 'seq', header: '序号', kind: 'seq', width: 6 },
    { key: 'name', header: '项目名称', kind: 'text', width: 30 },
    { key: 'builder', header: '建设单位', kind: 'text', width: 22 },
    { key: 'unitId', header: '责任单位', kind: 'text', width: 12 },
    { key: 'nature', header: '建设性质', kind: 'text', width: 8 },
    { key: 'location', header: '建设地点', kind: 'text', width: 16 },
    { key: 'description', header: '建设规模及主要内容', kind: 'text', width: 40 },
    { key: 'totalInvestment', header: '总投资', group: CITY_MONEY_GROUP, kind: 'money', width: 11 },
    {
      key: 'plannedInvestmentThisYear',
      header: `${year}年计划投资`,
      group: CITY_MONEY_GROUP,
      kind: 'money',
      width: 11,
    },
    {
      key: 'openingInvestment',
      header: `截至${year - 1}年底累计完成投资`,
      group: CITY_MONEY_GROUP,
      kind: 'money',
      width: 13,
    },
    { key: 'completedThisYear', header: '本年完成投资', group: CITY_MONEY_GROUP, kind: 'money', width: 11 },
    { key: 'completedInvestment', header: '开工以来累计完成投资', group: CITY_MONEY_GROUP, kind: 'money', width: 11 },
    { key: 'plannedStartDate', header: '计划开工时间', kind: 'date', width: 11 },
    { key: 'plannedCompletionDate', header: '计划竣工时间', kind: 'date', width: 11 },
    { key: 'stage', header: '项目阶段', kind: 'text', width: 10 },
    { key: 'leaderId', header: '包保市领导', kind: 'text', width: 10 },
    { key: 'ownerId', header: '责任人', kind: 'text', width: 10 },
  ];
}

/** The project fields the sheet reads (a ledger row has them all). */
export interface CityLedgerProject {
  id: number;
  name: string;
  category: Category;
  unitId: number;
  nature: string | null;
  location: string | null;
  description: string | null;
  builderEnterpriseId: number | null;
  totalInvestment: number;
  plannedInvestmentThisYear: number;
  openingInvestment: number;
  completedInvestment: number;
  plannedStartDate: string | null;
  plannedCompletionDate: string | null;
  stage: string;
  leaderId: number | null;
  ownerId: number | null;
}

export interface CityLedgerContext {
  /** The plan year: 计划投资 is this year's, 截至 the end of the year before. */
  year: number;
  filtersText: string;
  date: string;
  names: ProjectRowNames;
  enterpriseName: (id: number) => string | undefined;
  /** 本年完成投资 by project id: the year's monthly reports. */
  completedThisYear: (projectId: number) => number;
}

export const CITY_MONEY_KEYS: readonly CityMoneyKey[] = [
  'totalInvestment',
  'plannedInvestmentThisYear',
  'openingInvestment',
  'completedThisYear',
  'completedInvestment',
];

export type CityMoneySums = Record<CityMoneyKey, number>;

function moneyOf(project: CityLedgerProject, context: CityLedgerContext): CityMoneySums {
  return {
    totalInvestment: project.totalInvestment,
    plannedInvestmentThisYear: project.plannedInvestmentThisYear,
    openingInvestment: project.openingInvestment,
    completedThisYear: context.completedThisYear(project.id),
    completedInvestment: project.completedInvestment,
  };
}

function sumMoney(rows: CityMoneySums[]): CityMoneySums {
  const out = Object.fromEntries(CITY_MONEY_KEYS.map((key) => [key, 0])) as CityMoneySums;
  for (const row of rows) for (const key of CITY_MONEY_KEYS) out[key] += row[key];
  return out;
}

/** The section heading of a category: "一、政府投资项目（3项）". */
export function citySectionTitle(index: number, category: Category, count: number): string {
  return `${SECTION_NUMERALS[index] ?? String(index + 1)}、${CITY_SECTION_NAMES[category]}（${count}项）`;
}

/** One project's cells, keyed as cityColumns. */
function projectCells(
  project: CityLedgerProject,
  seq: number,
  context: CityLedgerContext,
): Record<string, ExcelJS.CellValue> {
  const label = (key: 'nature' | 'stage' | 'unitId' | 'leaderId' | 'ownerId') =>
    (projectCellValue(PROJECT_COLUMN_BY_KEY.get(key)!, project[key], context.names) as string | null) ?? null;
  const money = moneyOf(project, context);
  return {
    seq,
    name: project.name,
    builder: project.builderEnterpriseId ? (context.enterpriseName(project.builderEnterpriseId) ?? null) : null,
    unitId: label('unitId'),
    nature: label('nature'),
    location: project.location,
    description: project.description,
    ...money,
    plannedStartDate: project.plannedStartDate ? excelDate(project.plannedStartDate) : null,
    plannedCompletionDate: project.plannedCompletionDate ? excelDate(project.plannedCompletionDate) : null,
    stage: label('stage'),
    leaderId: label('leaderId'),
    ownerId: label('ownerId'),
  };
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2E8F0' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F5F9' } };

/** The workbook, projects in the order given (the ledger's sort) within each category's section. */
export function buildCityLedgerWorkbook(projects: CityLedgerProject[], context: CityLedgerContext): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '吉林市重点项目管理平台';
  workbook.created = new Date();
  const columns = cityColumns(context.year);
  const last = columns.length;
  const sheet = workbook.addWorksheet('重点建设项目计划表', {
    views: [{ state: 'frozen', ySplit: CITY_HEADER_ROW, xSplit: 2 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${CITY_GROUP_ROW}:${CITY_HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = column.width;
    if (column.kind === 'money') sheetColumn.numFmt = CITY_MONEY_FORMAT;
    if (column.kind === 'date') sheetColumn.numFmt = CITY_DATE_FORMAT;
  });

  const title = sheet.getCell(CITY_TITLE_ROW, 1);
  title.value = `${context.year}年吉林市重点建设项目计划表`;
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(CITY_TITLE_ROW).height = 30;
  sheet.mergeCells(CITY_TITLE_ROW, 1, CITY_TITLE_ROW, last);

  const filters = sheet.getCell(CITY_FILTERS_ROW, 1);
  filters.value = `筛选条件：${context.filtersText}　导出日期：${context.date}`;
  filters.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.mergeCells(CITY_FILTERS_ROW, 1, CITY_FILTERS_ROW, last);

  const unit = sheet.getCell(CITY_UNIT_ROW, 1);
  unit.value = '单位：万元';
  unit.alignment = { horizontal: 'right' };
  sheet.mergeCells(CITY_UNIT_ROW, 1, CITY_UNIT_ROW, last);

  writeHeader(sheet, columns);

  let rowNumber = CITY_FIRST_DATA_ROW;
  let seq = 0;
  const sectionSums: CityMoneySums[] = [];
  const present = CATEGORIES.filter((category) => projects.some((project) => project.category === category));
  present.forEach((category, sectionIndex) => {
    const members = projects.filter((project) => project.category === category);
    const section = sheet.getCell(rowNumber, 1);
    section.value = citySectionTitle(sectionIndex, category, members.length);
    section.font = { bold: true };
    rowNumber++;
    for (const project of members) {
      const cells = projectCells(project, ++seq, context);
      const row = sheet.getRow(rowNumber++);
      columns.forEach((column, index) => {
        const cell = row.getCell(index + 1);
        cell.value = cells[column.key] ?? null;
        cell.border = BOX;
        if (column.kind === 'text') cell.alignment = { vertical: 'middle', wrapText: true };
      });
    }
    const subtotal = sumMoney(members.map((project) => moneyOf(project, context)));
    sectionSums.push(subtotal);
    writeTotalRow(sheet.getRow(rowNumber++), columns, '小计', subtotal);
  });
  writeTotalRow(sheet.getRow(rowNumber), columns, '合计', sumMoney(sectionSums));
  return sheet.workbook;
}

function writeHeader(sheet: ExcelJS.Worksheet, columns: CityColumn[]) {
  const style = (cell: ExcelJS.Cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = HEADER_FILL;
    cell.border = BOX;
  };
  let index = 0;
  while (index < columns.length) {
    const column = columns[index];
    const at = index + 1;
    if (!column.group) {
      sheet.getCell(CITY_GROUP_ROW, at).value = column.header;
      style(sheet.getCell(CITY_GROUP_ROW, at));
      style(sheet.getCell(CITY_HEADER_ROW, at));
      sheet.mergeCells(CITY_GROUP_ROW, at, CITY_HEADER_ROW, at);
      index++;
      continue;
    }
    let end = index;
    while (end + 1 < columns.length && columns[end + 1].group === column.group) end++;
    sheet.getCell(CITY_GROUP_ROW, at).value = column.group;
    for (let i = index; i <= end; i++) {
      style(sheet.getCell(CITY_GROUP_ROW, i + 1));
      sheet.getCell(CITY_HEADER_ROW, i + 1).value = columns[i].header;
      style(sheet.getCell(CITY_HEADER_ROW, i + 1));
    }
    sheet.mergeCells(CITY_GROUP_ROW, at, CITY_GROUP_ROW, end + 1);
    index = end + 1;
  }
  sheet.getRow(CITY_GROUP_ROW).height = 22;
  sheet.getRow(CITY_HEADER_ROW).height = 36;
}

/** A 小计 or 合计 row: the label in 项目名称, the money sums under their columns. */
function writeTotalRow(row: ExcelJS.Row, columns: CityColumn[], label: string, sums: CityMoneySums) {
  columns.forEach((column, index) => {
    const cell = row.getCell(index + 1);
    if (column.key === 'name') cell.value = label;
    else if (column.kind === 'money') cell.value = sums[column.key as CityMoneyKey];
    cell.font = { bold: true };
    cell.fill = TOTAL_FILL;
    cell.border = BOX;
    if (column.key === 'name') cell.alignment = { horizontal: 'center' };
  });
}

export async function cityLedgerWorkbook(projects: CityLedgerProject[], context: CityLedgerContext): Promise<Buffer> {
  const data = await buildCityLedgerWorkbook(projects, context).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
