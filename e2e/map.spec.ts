import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support';

// 项目一张图 (issue 17): the map draws the 9 county-level units on a canvas, a unit opens the ledger
// filtered to it (with the map's filters), and a filter that matches nothing gives an empty map with a message.

async function openMap(page: Page, path = '/map') {
  await page.goto(path);
  const map = page.getByTestId('city-map');
  await expect(map).toHaveAttribute('data-ready', 'true');
  await expect(map.locator('canvas').first()).toBeVisible();
  await expect(map).toHaveAttribute('data-regions', '9');
  return map;
}

/**
 * Clicks a region at its label point. A project point may sit on that spot, so the click goes where
 * the tooltip names the region (hovering a point names the project instead).
 */
async function clickRegion(page: Page, name: string, metricLabel: string) {
  const map = page.getByTestId('city-map');
  const points = JSON.parse((await map.getAttribute('data-region-points')) ?? '{}') as Record<string, [number, number]>;
  const [x, y] = points[name]!;
  // Offsets around the label point, nearest first: the city districts hold many project points.
  const offsets: Array<[number, number]> = [];
  for (let dx = -40; dx <= 40; dx += 8) for (let dy = -40; dy <= 40; dy += 8) offsets.push([dx, dy]);
  offsets.sort((a, b) => Math.hypot(...a) - Math.hypot(...b));
  for (const [dx, dy] of offsets) {
    await map.hover({ position: { x: x + dx, y: y + dy } });
    // A region's tooltip reads "名称\n指标：值"; a project point's reads "名称\n灯 · 总投资 …".
    const tooltip = map
      .locator('div')
      .filter({ hasText: /：|总投资/ })
      .last();
    await expect(tooltip).toBeVisible();
    if ((await tooltip.innerText()).startsWith(`${name}\n${metricLabel}：`)) {
      await map.click({ position: { x: x + dx, y: y + dy } });
      return;
    }
  }
  throw new Error(`no spot of ${name} without a project point`);
}

test('the map draws 9 regions; clicking 昌邑区 opens the ledger filtered to it, its total the map’s figure', async ({
  page,
}) => {
  await signIn(page, 'leader');
  await page.setViewportSize({ width: 1440, height: 900 });
  await openMap(page);
  await expect(page.getByRole('heading', { name: '项目一张图' })).toBeVisible();
  // Zones and departments are listed beside the map.
  const side = page.getByTestId('map-side-units');
  await expect(side.getByRole('link', { name: '吉林高新区' })).toBeVisible();
  await expect(side.getByRole('link', { name: '市发改委' })).toBeVisible();
  const row = page.getByTestId('map-region-units').getByRole('row', { name: /^昌邑区/ });
  const count = Number(await row.getByRole('cell').first().innerText());
  expect(count).toBeGreaterThan(0);
  await page.screenshot({ path: 'docs/screenshots/map.png', fullPage: true });

  const unitHref = await row.getByRole('link', { name: '昌邑区' }).getAttribute('href');
  expect(unitHref).toMatch(/^\/projects\?unitId=\d+$/);
  await clickRegion(page, '昌邑区', '项目数');
  await expect(page).toHaveURL(new RegExp(`${unitHref!.replace('?', '\\?')}$`));
  await expect(page.getByLabel('单位')).toHaveValue(unitHref!.split('=')[1]!);
  await expect(page.getByText(/^共 \d+ 个项目/)).toHaveText(new RegExp(`^共 ${count} 个项目`));
});

test('the metric and the ledger filters stay in the URL and carry into the unit’s ledger', async ({ page }) => {
  await signIn(page, 'leader');
  await openMap(page);
  await page.getByRole('navigation', { name: '着色指标' }).getByRole('link', { name: '红灯数' }).click();
  await expect(page).toHaveURL(/\/map\?metric=red$/);
  await expect(page.getByRole('navigation', { name: '着色指标' }).getByText('红灯数')).toHaveAttribute(
    'aria-current',
    'page',
  );
  await page.getByLabel('类别').selectOption({ label: '政府投资' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/\/map\?.*metric=red/);
  await expect(page).toHaveURL(/category=government/);
  await expect(page.getByTestId('city-map')).toHaveAttribute('data-ready', 'true');
  await clickRegion(page, '昌邑区', '红灯数');
  await expect(page).toHaveURL(/\/projects\?category=government&unitId=\d+$/);
});

test('a filter that matches nothing shows the empty map with a message, not an error', async ({ page }) => {
  await signIn(page, 'officer');
  await openMap(page, '/map?q=没有这样的项目');
  await expect(page.getByText('没有符合条件的项目，地图为空。')).toBeVisible();
  await expect(page.getByTestId('map-located')).toContainText('有坐标的项目 0 个，共 0 个');
});

test('/map fits a phone: the map and the side list are reachable', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'leader');
  await openMap(page);
  await expect(page.getByTestId('map-side-units')).toBeAttached();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
