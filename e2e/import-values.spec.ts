import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signIn } from './support';

// An officer uploads a ledger written the county way (亿元, a quarter, a year end, "—") and sees what
// each cell will be stored as before confirming.

const stamp = Date.now().toString(36);
const NAME = `县区写法项目 ${stamp}`;

test('the preview shows each converted value beside what was written, and the import stores it', async ({ page }) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('项目');
  sheet.addRow(['序号', '项目名称', '项目类别', '责任单位', '总投资', '计划开工时间', '计划竣工时间', '建设单位']);
  sheet.addRow([1, NAME, '政府投资', '昌邑区', '35.5亿元', '2026年二季度', '2027年底', '—']);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jkp-values-')), '县区写法.xlsx');
  await workbook.xlsx.writeFile(file);

  await signIn(page, 'officer');
  await page.goto('/import');
  await page.getByLabel(/选择 Excel 文件/).setInputFiles(file);
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByRole('heading', { name: '导入预览' })).toBeVisible({ timeout: 30_000 });
  // The screen reader hears "读作" where the eye sees the arrow.
  const row = page.getByRole('row').filter({ hasText: NAME });
  await expect(row).toContainText(/总投资：35\.5亿元 → (读作)?355,000 万元/);
  await expect(row).toContainText(/计划开工时间：2026年二季度 → (读作)?2026-04-01/);
  await expect(row).toContainText(/计划竣工时间：2027年底 → (读作)?2027-12-31/);

  await page.getByRole('button', { name: '确认导入 1 行' }).click();
  await expect(page.getByText('新建 1 个，更新 0 个')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: NAME }).click();
  // 概况 opens as a read view; 编辑 shows the form with the stored values.
  await page.getByRole('button', { name: '编辑', exact: true }).click();
  await expect(page.getByRole('textbox', { name: '计划开工日期' })).toHaveValue('2026-04-01');
  await expect(page.getByRole('textbox', { name: '计划竣工日期' })).toHaveValue('2027-12-31');
  await expect(page.getByRole('textbox', { name: '总投资（万元）' })).toHaveValue('355000');
});
