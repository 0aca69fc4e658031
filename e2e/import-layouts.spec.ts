import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signIn } from './support';

// An officer uploads a ledger as a county keeps it (title, unit row, two-row header with a merged
// group, section rows, 小计 and a 合计 that does not add up): the preview shows each row's section
// and the 合计 warning, and the rows import with their section's category.

const stamp = Date.now().toString(36);
const NAMES = [`版式道路工程 ${stamp}`, `版式加工项目 ${stamp}`];

async function countyLedger(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('计划表');
  const rows: unknown[][] = [
    ['2026年昌邑区重点建设项目计划表'],
    ['', '', '', '', '单位：万元'],
    ['序号', '项目名称', '责任单位', '投资情况（亿元）', ''],
    ['', '', '', '总投资', '2026年计划投资'],
    ['合计', '', '', 6, 2],
    ['一、政府投资项目（1项）'],
    [1, NAMES[0], '昌邑区', 3.5, 1],
    ['小计', '', '', 3.5, 1],
    ['二、招商引资项目（1项）'],
    [1, NAMES[1], '昌邑区', 2, 0.6],
  ];
  for (const row of rows) sheet.addRow(row);
  for (const range of ['A1:E1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'A6:E6', 'A9:E9']) sheet.mergeCells(range);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jkp-import-')), '昌邑区计划表.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

test('an officer uploads a county ledger: sections and the 合计 warning in the preview, then the rows import', async ({
  page,
}) => {
  await signIn(page, 'officer');
  await page.goto('/import');
  await page.getByLabel(/选择 Excel 文件/).setInputFiles(await countyLedger());
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByRole('heading', { name: '导入预览' })).toBeVisible({ timeout: 30_000 });

  const summary = page.getByLabel('预览汇总');
  await expect(summary.getByText('将新建').locator('..')).toContainText('2 行');
  await expect(summary.getByText('有错误').locator('..')).toContainText('0 行');
  await expect(page.getByRole('cell', { name: '合计行 总投资 60,000 与明细合计 55,000 不符' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(NAMES[0]) })).toContainText('一、政府投资项目（1项）');
  await expect(page.getByRole('row', { name: new RegExp(NAMES[1]) })).toContainText('二、招商引资项目（1项）');
  await expect(page.getByRole('row', { name: new RegExp(NAMES[1]) })).toContainText('招商引资');

  await page.getByRole('button', { name: '确认导入 2 行' }).click();
  await expect(page.getByText('新建 2 个，更新 0 个')).toBeVisible({ timeout: 30_000 });
  for (const name of NAMES) await expect(page.getByRole('link', { name })).toBeVisible();
});
