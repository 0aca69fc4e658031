import { expect, test } from '@playwright/test';
import { signIn } from './support';

// The dashboard's red/yellow trend reads the daily light snapshots: the demo seed backfills eight
// weeks and the first request of the day records today, so the chart has data on a fresh server.

test('an officer sees red and yellow over the last 90 days on the dashboard, as a chart, a summary and a table', async ({
  page,
}) => {
  await signIn(page, 'officer');
  await page.goto('/dashboard');
  const history = await (await page.request.get('/api/v1/lights/history')).json();
  expect(history.length).toBeGreaterThanOrEqual(2);
  const last = history.at(-1);

  const trend = page.getByTestId('light-trend');
  await expect(page.getByRole('heading', { name: /红灯、黄灯项目数趋势/ })).toBeVisible();
  await expect(trend.getByRole('img', { name: /红灯、黄灯项目数逐日趋势/ })).toBeVisible();
  await expect(trend.locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('light-trend-summary')).toContainText(
    `${last.date} 红灯 ${last.red} 个、黄灯 ${last.yellow} 个`,
  );

  // The table is one keyboard press away, newest day first.
  const toggle = trend.getByText('查看逐日数据表');
  await toggle.focus();
  await page.keyboard.press('Enter');
  const table = trend.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(history.length + 1);
  await expect(table.getByRole('row').nth(1)).toContainText(last.date);

  await trend.getByRole('link', { name: '查看当前红灯项目' }).click();
  await expect(page).toHaveURL(/\/projects\?light=red$/);
});
