import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD, signIn } from './support';

// An officer moves two rows of a ledger into the platform; an admin then finds the batch in the audit log.

const stamp = Date.now().toString(36);
const NAMES = [`导入测试园区道路工程 ${stamp}`, `导入测试农产品加工项目 ${stamp}`];

/** Signs in and goes straight to `target` (the admin's landing page may be built by another branch). */
async function signInTo(page: Page, username: string, target: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(target);
  await expect(page.getByTestId('current-user').first()).toBeAttached();
}

async function fillTemplate(templatePath: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templatePath);
  const sheet = workbook.worksheets[0];
  const headers = new Map<string, number>();
  sheet.getRow(2).eachCell((cell, column) => headers.set(String(cell.value), column));
  const set = (rowNumber: number, header: string, value: ExcelJS.CellValue) => {
    const column = headers.get(header);
    if (!column) throw new Error(`template has no column ${header}`);
    sheet.getRow(rowNumber).getCell(column).value = value;
  };
  // Replace the example row and add a second one.
  const rows = [
    {
      name: NAMES[0],
      category: '政府投资',
      total: 52000,
      year: 12000,
      start: new Date(Date.UTC(2026, 3, 1)),
      industry: '现代服务业',
    },
    { name: NAMES[1], category: '招商引资', total: 18000, year: 6000, start: '2026-06-15', industry: '农产品加工' },
  ];
  rows.forEach((row, index) => {
    const rowNumber = 3 + index;
    for (const column of headers.values()) sheet.getRow(rowNumber).getCell(column).value = null;
    set(rowNumber, '项目名称', row.name);
    set(rowNumber, '项目类别', row.category);
    set(rowNumber, '双十工程包', null);
    set(rowNumber, '建设性质', '新建');
    set(rowNumber, '项目阶段', '谋划储备');
    set(rowNumber, '责任单位', '昌邑区');
    set(rowNumber, '所属产业', row.industry);
    set(rowNumber, '总投资（万元）', row.total);
    set(rowNumber, '年度计划投资（万元）', row.year);
    set(rowNumber, '计划开工时间', row.start);
  });
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jkp-import-')), '昌邑区台账.xlsx');
  await workbook.xlsx.writeFile(out);
  return out;
}

test('an officer imports two projects from the template, and an admin finds the batch in the audit log', async ({
  page,
}) => {
  await signIn(page, 'officer');
  await page.goto('/import');
  await expect(page.getByRole('heading', { name: '导入项目台账' })).toBeVisible();

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载导入模板' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('重点项目导入模板.xlsx');
  const filled = await fillTemplate(await download.path());

  await page.getByLabel(/选择 Excel 文件/).setInputFiles(filled);
  await page.getByRole('button', { name: '上传并预览' }).click();

  await expect(page.getByRole('heading', { name: '导入预览' })).toBeVisible({ timeout: 30_000 });
  const summary = page.getByLabel('预览汇总');
  await expect(summary.getByText('将新建').locator('..')).toContainText('2 行');
  await expect(summary.getByText('有错误').locator('..')).toContainText('0 行');
  for (const name of NAMES) await expect(page.getByRole('cell', { name })).toBeVisible();

  await page.getByRole('button', { name: '确认导入 2 行' }).click();
  await expect(page.getByRole('heading', { name: /导入批次 #\d+/ })).toBeVisible({ timeout: 30_000 });
  const heading = await page.getByRole('heading', { name: /导入批次 #\d+/ }).textContent();
  const batchId = heading!.match(/#(\d+)/)![1];
  await expect(page.getByText('新建 2 个，更新 0 个')).toBeVisible();
  for (const name of NAMES) await expect(page.getByRole('link', { name })).toBeVisible();

  await page.goto('/import');
  const batchRow = page.getByRole('row', { name: new RegExp(`#${batchId}`) });
  await expect(batchRow).toContainText('昌邑区台账.xlsx');
  await expect(batchRow).toContainText('李明');

  await page.context().clearCookies();
  await signInTo(page, 'admin', '/admin/audit');
  await page.getByLabel('导入批次').fill(batchId);
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(new RegExp(`batchId=${batchId}`));
  await expect(page.getByText('共 3 条')).toBeVisible();
  await expect(page.getByRole('link', { name: `导入批次 #${batchId}` })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '项目 #' })).toHaveCount(2);

  const exportPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 Excel' }).click();
  const exported = await exportPromise;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await exported.path());
  expect(String(workbook.worksheets[0].getCell('A1').value)).toContain(`导入批次：#${batchId}`);
  expect(workbook.worksheets[0].rowCount).toBe(5);
});

test('a file with an error row is not imported unless "只导入有效行" is ticked', async ({ page }) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('项目');
  sheet.addRow(['项目名称', '项目类别', '责任单位', '总投资（万元）']);
  sheet.addRow([`有效行项目 ${stamp}`, '政府投资', '昌邑区', 100]);
  sheet.addRow([`外单位项目 ${stamp}`, '政府投资', '船营区', 100]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jkp-import-')), '有错误.xlsx');
  await workbook.xlsx.writeFile(file);

  await signIn(page, 'officer');
  await page.goto('/import');
  await page.getByLabel(/选择 Excel 文件/).setInputFiles(file);
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByRole('heading', { name: '导入预览' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('cell', { name: '项目专员只能导入本单位（昌邑区）的项目' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '第 3 行' }).first()).toBeVisible();
  const confirm = page.getByRole('button', { name: '确认导入 1 行' });
  await expect(confirm).toBeDisabled();
  await page.getByLabel(/只导入有效行/).check();
  await confirm.click();
  await expect(page.getByText('新建 1 个，更新 0 个，跳过 1 行')).toBeVisible({ timeout: 30_000 });
});

test('investment staff import two leads; an admin chooses between 项目 and 招商线索', async ({ page }) => {
  const companies = [`导入测试企业甲 ${stamp}`, `导入测试企业乙 ${stamp}`];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('线索');
  sheet.addRow(['企业全称', '拟建项目', '联系电话', '意向投资(万元)', '阶段', '下次跟进时间']);
  sheet.addRow([companies[0], '碳纤维制品项目', '13800000000', 30000, '洽谈', '2030-01-15']);
  sheet.addRow([companies[1], '', '', 800, '', '']);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jkp-import-')), '招商线索.xlsx');
  await workbook.xlsx.writeFile(file);

  await signIn(page, 'investment');
  await page.goto('/import');
  await expect(page.getByRole('heading', { name: '导入招商线索' })).toBeVisible();
  await expect(page.getByRole('link', { name: '下载导入模板' })).toHaveAttribute('href', '/import/template?kind=leads');
  await page.getByLabel(/选择 Excel 文件/).setInputFiles(file);
  await page.getByRole('button', { name: '上传并预览' }).click();
  await expect(page.getByRole('heading', { name: '导入预览：招商线索' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('预览汇总').getByText('将新建').locator('..')).toContainText('2 行');
  for (const company of companies) await expect(page.getByRole('cell', { name: company })).toBeVisible();
  await page.getByRole('button', { name: '确认导入 2 行' }).click();
  await expect(page.getByRole('heading', { name: /导入批次 #\d+/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('新建 2 条，更新 0 条')).toBeVisible();
  await page.getByRole('link', { name: companies[0] }).click();
  await expect(page.getByRole('heading', { name: companies[0] })).toBeVisible();

  await page.context().clearCookies();
  await signInTo(page, 'admin', '/import');
  await expect(page.getByRole('heading', { name: '导入项目台账' })).toBeVisible();
  await page.getByRole('radio', { name: '招商线索' }).check();
  await expect(page.getByRole('heading', { name: '导入招商线索' })).toBeVisible();
  await expect(page).toHaveURL(/kind=leads/);
});
