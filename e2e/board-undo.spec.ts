import { expect, test, type Locator, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { openBoard, signIn } from './support';

// Issue 18 (items 3, 15, 17): a move can be taken back from its confirmation, the columns that
// would refuse a dragged card say so during the drag, the card density is remembered, and a red
// card says why it is red in plain text.

const column = (page: Page, label: string) => page.getByRole('group', { name: label, exact: true });
const cardsIn = (group: Locator) => group.locator('li[data-card-id]');

/** One unit's board, so every column is shorter than a page and a moved card stays listed. */
function unitBoard(name: string) {
  const db = new Database(process.env.E2E_DATABASE_PATH!, { readonly: true });
  const unit = db.prepare('select id from units where name = ?').get(name) as { id: number };
  db.close();
  return `/board?unitId=${unit.id}`;
}

test('a leader drags a card on, takes it back with 撤销 (reason asked), and the history has both moves', async ({
  page,
}) => {
  await signIn(page, 'leader');
  await openBoard(page, unitBoard('龙潭区'));
  const reserve = column(page, '谋划储备');
  const signed = column(page, '已签约');
  const card = cardsIn(reserve).and(page.locator('[data-movable="true"]')).first();
  const id = await card.getAttribute('data-card-id');
  await card.scrollIntoViewIfNeeded();

  // A pointer drag as a mouse makes it; while the card is held, the columns it may not go to are dimmed.
  const from = (await card.boundingBox())!;
  const x = from.x + from.width / 2;
  const y = from.y + from.height * 0.55;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 12, y + 8, { steps: 4 });
  // From 谋划储备 a project goes to 已签约 or 前期手续; 开工建设 onwards would be refused.
  for (const refusing of ['开工建设', '竣工', '投产达效']) {
    await expect(column(page, refusing)).toHaveAttribute('data-refuses', 'true');
    await expect(column(page, refusing)).toHaveAttribute('aria-disabled', 'true');
  }
  for (const accepting of ['已签约', '前期手续', '谋划储备']) {
    await expect(column(page, accepting)).not.toHaveAttribute('data-refuses', 'true');
  }
  const to = (await signed.boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 15 });
  await page.mouse.up();
  await expect(page.locator('[data-refuses="true"]')).toHaveCount(0);

  const toast = page.getByTestId('move-toast');
  await expect(toast).toContainText('已移至 已签约');
  await expect(signed.locator(`li[data-card-id="${id}"]`)).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/board-undo-toast.png' });

  // 撤销 goes back through the normal rules: a move back needs a reason, asked in the usual dialog.
  await toast.getByRole('button', { name: '撤销' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox', { name: /原因/ }).fill('误拖，撤销');
  await dialog.getByRole('button', { name: '确认' }).click();
  await expect(dialog).toBeHidden();
  await expect(reserve.locator(`li[data-card-id="${id}"]`)).toBeVisible();
  await expect(signed.locator(`li[data-card-id="${id}"]`)).toHaveCount(0);
  await expect(toast).toContainText('已撤销');
  await expect(toast.getByRole('button', { name: '撤销' })).toHaveCount(0);

  await page.goto(`/projects/${id}/history`);
  // Newest first: the move back with its reason, then the drag.
  const moves = page
    .locator('section')
    .filter({ has: page.getByRole('heading', { name: '阶段变更记录' }) })
    .getByRole('listitem');
  const back = moves.nth(0);
  await expect(back).toContainText('已签约 → 谋划储备');
  await expect(moves.nth(1)).toContainText('谋划储备 → 已签约');
  await expect(moves.nth(1)).toContainText('王建国');
  await expect(back).toContainText('原因：误拖，撤销');
});

test('a move through 移动到… can be undone too, and an undo the server refuses shows its message', async ({ page }) => {
  await signIn(page, 'leader');
  await openBoard(page, unitBoard('蛟河市'));
  const card = cardsIn(column(page, '已签约')).and(page.locator('[data-movable="true"]')).last();
  const id = await card.getAttribute('data-card-id');
  await card.getByRole('button', { name: /移动到…/ }).click();
  await page.getByRole('menuitem', { name: '前期手续' }).click();
  const toast = page.getByTestId('move-toast');
  await expect(toast).toContainText('已移至 前期手续');
  await expect(column(page, '前期手续').locator(`li[data-card-id="${id}"]`)).toBeVisible();

  // Someone else changes the project meanwhile: the undo carries a stale version and is refused.
  const db = new Database(process.env.E2E_DATABASE_PATH!);
  db.prepare('update projects set version = version + 1 where id = ?').run(Number(id));
  db.close();

  await toast.getByRole('button', { name: '撤销' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /原因/ }).fill('误操作');
  await dialog.getByRole('button', { name: '确认' }).click();
  await expect(dialog).toContainText('已被他人修改，请刷新后再试');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(column(page, '前期手续').locator(`li[data-card-id="${id}"]`)).toBeVisible();
});

test('the 紧凑 density is remembered after a reload', async ({ page }) => {
  await signIn(page, 'leader');
  await openBoard(page);
  const density = page.getByRole('group', { name: '卡片密度' });
  const compact = density.getByRole('button', { name: '紧凑' });
  const standard = density.getByRole('button', { name: '标准' });
  await expect(standard).toHaveAttribute('aria-pressed', 'true');
  const firstCard = page.locator('li[data-card-id]').first();
  const standardHeight = (await firstCard.boundingBox())!.height;
  await compact.click();
  await expect(compact).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('li[data-card-id][data-density="standard"]')).toHaveCount(0);
  expect((await firstCard.boundingBox())!.height).toBeLessThan(standardHeight);

  await page.reload();
  // Rendered compact by the server itself: no standard card before hydration.
  await expect(compact).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('li[data-card-id][data-density="compact"]').first()).toBeVisible();
  await expect(page.locator('li[data-card-id][data-density="standard"]')).toHaveCount(0);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('li[data-card-id]').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/phone-board-compact.png' });

  await standard.click();
  await page.reload();
  await expect(standard).toHaveAttribute('aria-pressed', 'true');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a red card shows its first reason as text, and 包保领导 is never cut off', async ({ page }) => {
    await signIn(page, 'leader');
    await openBoard(page, '/board?light=red');
    const red = page.locator('li[data-card-id]').filter({ hasText: '红灯' }).first();
    await red.scrollIntoViewIfNeeded();
    const reason = red.getByTestId('light-reason');
    await expect(reason).toBeVisible();
    await expect(reason).toHaveText(/\S{4,}/);
    // Whole on screen, no hover needed and no text clipped.
    const box = (await reason.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await reason.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const leader = red.getByTestId('card-leader');
    await expect(leader).toContainText(/包保领导：\S+/);
    expect(await leader.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);

    // The ledger's phone cards say the same.
    await page.goto('/projects?light=red');
    const ledgerReason = page
      .getByRole('table', { name: '项目台账，金额单位万元' })
      .getByTestId('light-reason')
      .first();
    await expect(ledgerReason).toBeVisible();
    await expect(ledgerReason).toHaveText(/\S{4,}/);
  });
});
