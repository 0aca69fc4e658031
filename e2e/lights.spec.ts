import { expect, test } from '@playwright/test';
import { openBoard, signIn } from './support';

// Issue 11: a leader at a meeting, on a phone, sees why a card is red without hovering anything.

test.use({ viewport: { width: 390, height: 844 } });

test('a leader reads a 落后序时进度 red card on the board on a phone', async ({ page }, testInfo) => {
  await signIn(page, 'leader');
  await openBoard(page);
  // A phone shows one stage at a time: switch to 开工建设 with its tab.
  await page.getByRole('tab', { name: /^开工建设/ }).click();
  const construction = page.getByRole('group', { name: '开工建设', exact: true });
  const card = construction.locator('li[data-card-id]').filter({ hasText: '落后序时进度' }).first();
  // Red cards come first, biggest investment first; a leader scrolls and loads more until one shows.
  const loadMore = construction.getByRole('button', { name: /^加载更多/ });
  for (let page = 0; page < 10 && (await card.count()) === 0 && (await loadMore.count()) > 0; page++) {
    const shown = await construction.locator('li[data-card-id]').count();
    await loadMore.click();
    await expect(construction.locator('li[data-card-id]')).not.toHaveCount(shown);
  }
  await card.scrollIntoViewIfNeeded();
  await expect(card).toBeVisible();
  // Red, said in words as well as colour.
  await expect(card.getByText('红灯', { exact: true })).toBeVisible();

  // The reason is plain text on the card: visible with no hover or focus, whole, on screen.
  const reason = card.getByTestId('light-reason').filter({ hasText: '落后序时进度' });
  await expect(reason).toBeVisible();
  await expect(reason).toHaveText(/^投资完成率 \d+%，落后序时进度 \d+ 个百分点/);
  const box = (await reason.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  const fits = await reason.evaluate(
    (el) => el.scrollWidth <= el.clientWidth && parseFloat(getComputedStyle(el).fontSize) >= 12,
  );
  expect(fits).toBe(true);

  await page.screenshot({ path: testInfo.outputPath('board-phone.png') });
  await page.screenshot({ path: '/tmp/lights-board-phone.png' });
});

test('an admin sets the 序时进度 thresholds, with the error beside the field', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/settings');
  const yellow = page.getByLabel('黄灯：落后达到');
  const red = page.getByLabel('红灯：落后达到');
  await expect(yellow).toHaveValue('10');
  await expect(red).toHaveValue('20');

  await yellow.fill('30');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(red).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(`#${await red.getAttribute('aria-describedby')}`)).toHaveText('红灯阈值须大于黄灯阈值');
  // The typed value survives the refusal.
  await expect(yellow).toHaveValue('30');

  await yellow.fill('10');
  await red.fill('25');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('红灯：落后达到')).toHaveValue('25');
  // Back to the defaults for any later spec.
  await page.getByLabel('红灯：落后达到').fill('20');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
});
