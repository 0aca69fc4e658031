import { expect, test } from '@playwright/test';
import { signIn } from './support';

test('a leader opens last month’s 月度调度通报, sees the headline figures and prints it to an A4 PDF', async ({
  page,
}) => {
  await signIn(page, 'leader');
  await page.getByRole('link', { name: '月报' }).first().click();
  await expect(page).toHaveURL(/\/reports\/monthly$/);
  // The page opens on last month; read it from the picker and open it by URL as a leader would share it.
  const month = await page.getByLabel('通报月份').inputValue();
  expect(month).toMatch(/^\d{4}-\d{2}$/);
  await page.goto(`/reports/monthly?month=${month}`);
  const label = `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
  await expect(page.getByRole('heading', { level: 1, name: '吉林市重点项目月度调度通报' })).toBeVisible();
  await expect(page.getByText(label, { exact: true })).toBeVisible();

  const api = await page.request.get(`/api/v1/reports/monthly?month=${month}`);
  expect(api.status()).toBe(200);
  const report = await api.json();
  // City totals read in 亿元 with two decimals (issue 18: one unit per block).
  const yi = (n: number) =>
    `${(n / 10_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 亿元`;
  await expect(page.getByTestId('headline-investment')).toContainText(yi(report.investmentThisMonth));
  await expect(page.getByTestId('headline-investment')).toContainText(`年度累计 ${yi(report.investmentYearToDate)}`);
  await expect(page.getByTestId('headline-started')).toContainText(`${report.started.length} 个`);
  await expect(page.getByTestId('headline-investment-rate')).toContainText(/\d+(\.\d)?%|无数据/);
  // Last month's red list is its month-end light snapshot (the demo seed backfills eight weeks).
  expect(report.redSource.kind).toBe('snapshot');
  await expect(page.getByTestId('red-source')).toContainText(`${report.redSource.date} 的快照`);
  await expect(page.getByTestId('headline-red')).toContainText(`${report.red.length} 个`);
  for (const section of [
    '一、主要指标',
    '三、分单位完成投资',
    '四、红灯项目及原因',
    '七、单位考核排名',
    '八、',
    '九、本月调整记录',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(section) })).toBeVisible();
  }
  await expect(page.getByRole('button', { name: '打印 / 导出PDF' })).toBeVisible();

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 Excel' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`月度调度通报-${month}.xlsx`);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '打印 / 导出PDF' })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(1);
  // Each section starts a new page, so eight sections make at least eight pages.
  expect(pages.length).toBeGreaterThanOrEqual(8);
});

test('an officer has no 月报 in the menu and is turned away from the page', async ({ page }) => {
  await signIn(page, 'officer');
  // The menu entry (exact: the officer's 工作台 has 填报 links that name a month's 月报).
  await expect(page.getByRole('link', { name: '月报', exact: true })).toHaveCount(0);
  await page.goto('/reports/monthly');
  // A 403 page says so (issue 18), not a silent redirect.
  await expect(page.getByRole('heading', { level: 1, name: '无权访问“月度调度通报”' })).toBeVisible();
  await expect(page.getByTestId('forbidden-roles')).toHaveText('系统管理员、市领导/督查');
  await expect(page.getByRole('heading', { name: '吉林市重点项目月度调度通报' })).toHaveCount(0);
});
