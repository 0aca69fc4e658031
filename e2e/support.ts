import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo2018';

/** Signs in through the login page and waits for the signed-in shell. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user').first()).toBeAttached();
}

/**
 * Opens a board and waits until its drag-and-drop layer has loaded: that layer remounts the cards
 * once, so a card located before it would be detached under the test's hands.
 */
export async function openBoard(page: Page, path = '/board') {
  await page.goto(path);
  await boardReady(page);
}

/**
 * Drag and drop loads on the first interaction with the board (or after a while idle): a pointer
 * over the board stands in for the user's, repeated until the hydrated board has listened to it.
 */
export async function boardReady(page: Page) {
  await expect(async () => {
    await page.getByTestId('board').dispatchEvent('pointerover');
    await expect(page.locator('[data-board-ready="true"]')).toBeAttached({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}
