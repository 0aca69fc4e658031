import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signIn } from './support';

// A county office's 重点建设项目计划表 as it keeps it in Excel — merged title, 单位 row, a two-row
// header with a merged 投资情况 group, 序号, section rows naming the category, month-precision
// dates, amounts in 亿元, "—" for nothing and a 合计 row — goes into the platform unedited.

const stamp = Date.now().toString(36);
const ROAD = `城区道路提升改造工程 ${stamp}`;
const PLANT = `新材料产业园项目 ${stamp}`;

async function countyWorkbook(year: number): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('计划表');
  const header = [
    '序号',
    '项目名称',
    '建设单位',
    '责任单位',
    '建设规模及主要内容',
    '投资情况（万元）',
    '',
    '',
    '计划开工时间',
    '计划竣工时间',
  ];
  sheet.addRow([`${year}年昌邑区重点建设项目计划表`]);
  sheet.addRow(['单位：万元']);
  sheet.addRow(header);
  sheet.addRow(['', '', '', '', '', '总投资', `${year}年计划投资`, `截至${year - 1}年底累计完成投资`, '', '']);
  sheet.addRow(['一、政府投资项目（1项）']);
  sheet.addRow([
    1,
    ROAD,
    '—',
    '昌邑区',
    '改造道路 3.2 公里',
    '35.5亿元',
    8000,
    '—',
    `${year}年二季度`,
    `${year + 1}年底`,
  ]);
  sheet.addRow(['二、招商引资项目（1项）']);
  sheet.addRow([2, PLANT, '—', '昌邑区', '新建厂房 5 万平方米', '8亿', 20000, 1200, `${year}年3月`, `${year + 1}.6`]);
  sheet.addRow(['', '合计', '', '', '', 435000, 28000, 1200, '', '']);
  sheet.mergeCells('A1:J1');
  sheet.mergeCells('A2:J2');
  for (const column of ['A', 'B', 'C', 'D', 'E', 'I', 'J']) sheet.mergeCells(`${column}3:${column}4`);
  sheet.mergeCells('F3:H3');
  sheet.mergeCells('A5:J5');
  sheet.mergeCells('A7:J7');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jkp-import-')), '昌邑区重点项目计划表.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

test('an officer uploads a county-style workbook, sees the converted values, confirms, and finds the projects in the ledger', async ({
  page,
}) => {
  const year = new Date().getFullYear();
  await signIn(page, 'officer');
  await page.goto('/import');
  await page.getByLabel(/选择 Excel 文件/).setInputFiles(await countyWorkbook(year));
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByRole('heading', { name: '导入预览' })).toBeVisible({ timeout: 30_000 });

  const summary = page.getByLabel('预览汇总');
  await expect(summary.getByText('将新建').locator('..')).toContainText('2 行');
  await expect(summary.getByText('有错误').locator('..')).toContainText('0 行');
  for (const name of [ROAD, PLANT]) await expect(page.getByRole('cell', { name }).first()).toBeVisible();
  // What was written beside what it becomes, before anything is stored.
  // The arrow is drawn; a screen reader reads "读作".
  const converted = (written: string, read: string) =>
    expect(
      page
        .getByRole('listitem')
        .filter({ hasText: new RegExp(`${written}\\s*→?\\s*(读作)?\\s*${read}`) })
        .first(),
    ).toBeVisible();
  await converted(`${year}年二季度`, `${year}-04-01`);
  await converted(`${year + 1}年底`, `${year + 1}-12-31`);
  await converted(`${year}年3月`, `${year}-03-01`);
  await converted(`${year + 1}\\.6`, `${year + 1}-06-30`);
  await converted('35\\.5亿元', '355,000');
  await converted('8亿', '80,000');
  // The section each row sits in, and the 合计 row checked, not imported.
  await expect(page.getByRole('cell', { name: '一、政府投资项目（1项）' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '合计' })).toHaveCount(0);
  await page.screenshot({ path: 'docs/screenshots/import-city-preview.png', fullPage: true });

  await page.getByRole('button', { name: '确认导入 2 行' }).click();
  await expect(page.getByRole('heading', { name: /导入批次 #\d+/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('新建 2 个，更新 0 个')).toBeVisible();

  await page.goto(`/projects?q=${encodeURIComponent(stamp)}`);
  const road = page.getByRole('row').filter({ hasText: ROAD });
  await expect(road).toContainText(/355,?000/);
  await expect(road).toContainText('政府投资');
  const plant = page.getByRole('row').filter({ hasText: PLANT });
  await expect(plant).toContainText(/80,?000/);
  await expect(plant).toContainText('招商引资');
});
