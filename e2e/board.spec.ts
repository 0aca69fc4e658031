import { expect, test, type Locator, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { openBoard, signIn } from './support';

const column = (page: Page, label: string) => page.getByRole('group', { name: label, exact: true });
const cardsIn = (group: Locator) => group.locator('li[data-card-id]');

/** A pointer drag the way a mouse does it, so @dnd-kit's pointer sensor sees a real drag. */
async function drag(page: Page, card: Locator, target: Locator) {
  await card.scrollIntoViewIfNeeded();
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  const x = from.x + from.width / 2;
  const y = from.y + from.height * 0.55;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 12, y + 8, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 15 });
  await page.mouse.up();
}

/** The officer's own unit only, so the columns are short and both ends of a drag are on screen. */
async function ownUnitBoard(page: Page) {
  await page.getByLabel('责任单位').selectOption({ label: '昌邑区' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/unitId=\d+/);
  // Load the filtered board afresh and wait for its drag-and-drop layer, which remounts the cards
  // once: a drag started before that would land on cards that are about to be replaced.
  const url = new URL(page.url());
  await openBoard(page, url.pathname + url.search);
}

test('a leader filters the board by unit and sees the sums change', async ({ page }) => {
  await signIn(page, 'leader');
  await openBoard(page);
  const summary = page.getByText(/^共 \d+ 个项目/);
  const before = await summary.textContent();
  const header = page.getByTestId('column-header').first();
  const headerBefore = await header.textContent();
  await page.getByLabel('责任单位').selectOption({ label: '昌邑区' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/unitId=\d+/);
  await expect(summary).not.toHaveText(before!);
  await expect(header).not.toHaveText(headerBefore!);
  // Every card left on the board belongs to the chosen unit.
  const cards = page.locator('li[data-card-id]');
  expect(await cards.count()).toBeGreaterThan(0);
  for (const text of await cards.allTextContents()) expect(text).toContain('昌邑区');
});

test('an officer drags their own project from 前期手续 to 开工建设 and gets the override dialog', async ({ page }) => {
  await signIn(page, 'officer');
  await openBoard(page);
  await ownUnitBoard(page);
  const approvals = column(page, '前期手续');
  const card = cardsIn(approvals).and(page.locator('[data-movable="true"]')).first();
  const id = await card.getAttribute('data-card-id');
  const name = (await card.getByRole('link').first().textContent())!;
  await drag(page, card, column(page, '开工建设'));
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('前期手续尚有');
  await expect(dialog).toContainText('未批先建');
  await dialog.getByLabel(/强制开工/).check();
  await dialog.getByRole('textbox', { name: /原因/ }).fill('市级协调会同意先行开工，手续并联办理');
  await dialog.getByRole('button', { name: '确认强制开工' }).click();
  await expect(dialog).toBeHidden();
  await expect(column(page, '开工建设').locator(`li[data-card-id="${id}"]`)).toBeVisible();
  await expect(page.getByTestId('board-announcer')).toHaveText(`已将 ${name} 移动到 开工建设`);
});

test("an officer's drag of another unit's card is refused and snaps back with the server's message", async ({
  page,
}) => {
  await signIn(page, 'officer');
  await openBoard(page);
  // Cards of other units are not draggable for this officer at all.
  await expect(page.locator('li[data-card-id][data-movable="false"]').first()).toBeVisible();
  await ownUnitBoard(page);
  const reserve = column(page, '谋划储备');
  const card = cardsIn(reserve).and(page.locator('[data-movable="true"]')).first();
  const id = Number(await card.getAttribute('data-card-id'));
  // Meanwhile the project is handed over to 船营区 (as an admin would), so the card on this
  // officer's screen is now another unit's: the server must refuse the move.
  const db = new Database(process.env.E2E_DATABASE_PATH!);
  const other = db
    .prepare(
      "select u.id as unitId, o.id as ownerId from units u join users o on o.unit_id = u.id where u.name = '船营区' and o.username = 'officer2'",
    )
    .get() as { unitId: number; ownerId: number };
  db.prepare('update projects set unit_id = ?, owner_id = ? where id = ?').run(other.unitId, other.ownerId, id);
  db.close();
  await drag(page, card, column(page, '已签约'));
  await expect(page.getByRole('alert').filter({ hasText: '只能推进本单位或本人负责的项目' })).toBeVisible();
  await expect(reserve.locator(`li[data-card-id="${id}"]`)).toBeVisible();
  await expect(column(page, '已签约').locator(`li[data-card-id="${id}"]`)).toHaveCount(0);
});

test('a keyboard user moves a card through 移动到…', async ({ page }) => {
  await signIn(page, 'leader');
  await openBoard(page);
  const reserve = column(page, '谋划储备');
  const card = cardsIn(reserve).filter({ hasNotText: '昌邑区' }).first();
  const id = await card.getAttribute('data-card-id');
  const name = (await card.getByRole('link').first().textContent())!;
  const button = card.getByRole('button', { name: /移动到…/ });
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: '前期手续' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: '已签约' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(column(page, '已签约').locator(`li[data-card-id="${id}"]`)).toBeVisible();
  await expect(page.getByTestId('board-announcer')).toHaveText(`已将 ${name} 移动到 已签约`);
  // Escape closes the menu without moving.
  const moved = column(page, '已签约').locator(`li[data-card-id="${id}"]`);
  await moved.getByRole('button', { name: /移动到…/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(moved.getByRole('button', { name: /移动到…/ })).toBeFocused();
});

test('swimlanes past the first three arrive closed with their sums and load their cards when opened', async ({
  page,
}) => {
  await signIn(page, 'leader');
  await openBoard(page, '/board?lane=unit');
  const lanes = page.getByTestId('swimlane');
  expect(await lanes.count()).toBeGreaterThan(3);
  await expect(cardsIn(lanes.nth(2)).first()).toBeVisible();
  const fourth = lanes.nth(3);
  const unit = (await fourth.getAttribute('aria-label'))!;
  const name = new RegExp(`^${unit}\\s*（(\\d+) 项）$`);
  const toggle = fourth.getByRole('button', { name });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  const total = Number(/（(\d+) 项）/.exec((await toggle.textContent())!)![1]);
  expect(total).toBeGreaterThan(0);
  await expect(cardsIn(fourth)).toHaveCount(0);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  // Each cell shows its first page (8 cards), and every card is this unit's.
  const counts = await fourth
    .getByTestId('lane-cell-sums')
    .evaluateAll((cells) => cells.map((cell) => Number(/(\d+) 项/.exec(cell.textContent ?? '')![1])));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(total);
  await expect(cardsIn(fourth)).toHaveCount(counts.reduce((a, b) => a + Math.min(b, 8), 0));
  for (const card of await cardsIn(fourth).all()) await expect(card).toContainText(unit);

  // The choice is remembered: after a reload the lane opens again and loads its cards.
  await page.reload();
  await expect(page.getByTestId('swimlane').nth(3).getByRole('button', { name })).toHaveAttribute(
    'aria-expanded',
    'true',
  );
  await expect(cardsIn(page.getByTestId('swimlane').nth(3)).first()).toBeVisible();
});
