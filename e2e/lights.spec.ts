import { expect, test } from '@playwright/test';
import { signIn } from './support';

// Issue 11: a leader at a meeting, on a phone, sees why a card is red without hovering anything.

test.use({ viewport: { width: 390, height: 844 } });

test('a leader reads a 落后序时进度 red card on the board on a phone', async ({ page }, testInfo) => {
  await signIn(page, 'leader');
  await page.goto('/board');
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
  const reason = card.getByTestId('card-reason').filter({ hasText: '落后序时进度' });
  await expect(reason).toBeVisible();
  await expect(reason).toHaveText(/^投资完成率 \d+%，落后序时进度 \d+ 个百分点/);
  const box = (await reason.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  const fits = await reason.evaluate((el) => el.scrollWidth <= el.clientWidth && parseFloat(getComputedStyle(el).fontSize) >= 12);
  expect(fits).toBe(true);

  await page.screenshot({ path: testInfo.outputPath('board-phone.png') });
  await page.screenshot({ path: '/tmp/lights-board-phone.png' });
});
