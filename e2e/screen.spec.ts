import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support';

// The 大屏 (/screen): a leader projects it at 1920×1080 or on a 1280×720 projector. Every panel is on
// screen, nothing scrolls, the keyboard drives the rotation, and an officer cannot open it.

const PANELS = ['targets', 'map', 'funnel', 'ranking', 'red', 'trend'] as const;

async function expectEveryPanelWithoutScrollbars(page: Page) {
  const viewport = page.viewportSize()!;
  for (const id of PANELS) {
    const panel = page.getByTestId(`screen-panel-${id}`);
    await expect(panel).toBeVisible();
    const box = (await panel.boundingBox())!;
    // Wholly inside the display: not cut off, not below the fold.
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width + 0.5);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 0.5);
  }
  // The red list shows whole entries only: the last one ends inside its panel.
  const red = (await page.getByTestId('screen-panel-red').boundingBox())!;
  const last = (await page.getByTestId('screen-panel-red').getByRole('listitem').last().boundingBox())!;
  expect(last.y + last.height).toBeLessThanOrEqual(red.y + red.height);
  const sizes = await page.evaluate(() => ({
    scrollHeight: document.scrollingElement!.scrollHeight,
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerHeight: window.innerHeight,
    innerWidth: window.innerWidth,
  }));
  expect(sizes.scrollHeight).toBeLessThanOrEqual(sizes.innerHeight);
  expect(sizes.scrollWidth).toBeLessThanOrEqual(sizes.innerWidth);
}

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]) {
  test(`a leader sees every panel of the 大屏 at ${viewport.width}×${viewport.height} without scrollbars`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await signIn(page, 'leader');
    await page.goto('/screen');
    await expect(page.getByRole('heading', { name: '吉林市重点项目调度大屏' })).toBeVisible();

    // The panels hold the real figures: the red count is the ledger's, the funnel is drawn.
    const ledger = await (await page.request.get('/api/v1/projects?light=red&pageSize=1')).json();
    await expect(page.getByTestId('screen-panel-red')).toContainText(`共 ${ledger.total} 个`);
    await expect(page.getByTestId('screen-funnel-chart').locator('svg')).toBeVisible();
    await expect(page.getByTestId('screen-trend-chart').locator('svg')).toBeVisible();
    await expect(page.getByTestId('city-map')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByTestId('screen-panel-map').locator('canvas').first()).toBeVisible();
    await expectEveryPanelWithoutScrollbars(page);

    // Never a contact detail on the meeting-room display.
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toMatch(/@[\w-]+\.\w/);

    if (viewport.width === 1920) await page.screenshot({ path: 'docs/screenshots/screen.png' });
    else await page.screenshot({ path: 'docs/screenshots/screen-1280.png' });
  });
}

test('the 大屏 rotates its panels from the keyboard: R starts, arrows move, space pauses, Esc leaves', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await signIn(page, 'leader');
  // The 调度会 page opens it.
  await page.goto('/meetings');
  await page.getByRole('link', { name: '打开调度大屏' }).click();
  await expect(page).toHaveURL(/\/screen$/);
  const status = page.getByTestId('screen-status');
  await expect(status).toHaveText('全部面板');

  await page.keyboard.press('r');
  await expect(status).toContainText('轮播中：年度目标（1/6）');
  await expect(page.getByTestId('screen-panel-targets')).toHaveAttribute('data-spotlight', 'true');

  await page.keyboard.press('ArrowRight');
  await expect(status).toContainText('项目一张图（2/6）');
  await expect(page.getByTestId('screen-panel-map')).toHaveAttribute('data-spotlight', 'true');

  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(status).toContainText('红黄灯趋势（6/6）');

  await page.keyboard.press(' ');
  await expect(status).toContainText('轮播已暂停：红黄灯趋势');
  await page.keyboard.press(' ');
  await expect(status).toContainText('轮播中：红黄灯趋势');

  await page.keyboard.press('Escape');
  await expect(status).toHaveText('全部面板');
  await expect(page.locator('[data-spotlight]')).toHaveCount(0);
});

test('an officer is refused the 大屏 with a 403 page that names who may open it and links to the 工作台', async ({
  page,
}) => {
  await signIn(page, 'officer');
  const response = await page.goto('/screen');
  expect(response?.status()).toBe(403);
  await expect(page).toHaveURL(/\/screen$/);
  await expect(page.getByRole('heading', { level: 1, name: '无权访问“大屏”' })).toBeVisible();
  await expect(page.getByTestId('forbidden-roles')).toHaveText('市领导/督查、系统管理员');
  await expect(page.getByTestId('screen-panel-map')).toHaveCount(0);
  await page.getByRole('link', { name: '返回工作台' }).click();
  await expect(page).toHaveURL(/\/desk$/);
  await page.goto('/meetings');
  await expect(page.getByRole('link', { name: '打开调度大屏' })).toHaveCount(0);
});
