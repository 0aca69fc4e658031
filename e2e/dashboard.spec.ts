import { expect, test } from '@playwright/test';
import { signIn } from './support';

test("the dashboard's 开工率 drills down to the ledger filtered to the projects behind it", async ({ page }) => {
  await signIn(page, 'leader');
  await page.goto('/dashboard');
  const tile = page.getByTestId('tile-started');
  await expect(tile).toContainText('开工率');
  await expect(tile).toContainText(/\d+(\.\d)?%|无数据/);
  await expect(page.getByRole('link', { name: '招商统计' })).toHaveAttribute('href', '/dashboard/leads');
  await tile.click();
  // The ledger (issue 3) reads these filters from the URL.
  await expect(page).toHaveURL(/\/projects\?stage=construction$/);
});

test('the ranking period is selectable and every unit row links to its ledger', async ({ page }) => {
  await signIn(page, 'leader');
  await page.goto('/dashboard');
  await expect(page.getByText('红榜（前三名）')).toBeVisible();
  await expect(page.getByText('黑榜（后三名）')).toBeVisible();
  const firstQuarter = (await page.getByLabel('考核期间').locator('option[value$="-Q1"]').getAttribute('value'))!;
  await page.getByLabel('考核期间').selectOption(firstQuarter);
  await page.getByRole('button', { name: '查看' }).click();
  await expect(page).toHaveURL(new RegExp(`period=${firstQuarter}`));
  await expect(page.getByRole('heading', { name: /考核排名 · \d{4}年第一季度/ })).toBeVisible();
  const firstRow = page.getByTestId('ranking-row').first();
  await expect(firstRow.getByRole('link').first()).toHaveAttribute('href', /^\/projects\?unitId=\d+$/);
});
