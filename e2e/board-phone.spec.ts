import { expect, test, type Locator, type Page } from '@playwright/test';
import { openBoard, signIn, boardReady } from './support';

// The board on a phone (390×844) and its sticky headers and swimlanes on a laptop.

/** Cards the user can see: on a phone the other stages are in the DOM but not displayed. */
const visibleCards = (page: Page) => page.locator('li[data-card-id]:visible');

async function bottomOf(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box, 'element has a box').not.toBeNull();
  return box!.y + box!.height;
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a leader filters the board to red with one chip, switches stages and reads a red reason', async ({ page }) => {
    await signIn(page, 'leader');
    await openBoard(page);

    // The nine selects are folded behind 筛选; the button, the chips and the stage tabs fit the first screen.
    const toggle = page.getByRole('button', { name: /^筛选\s*条件/ });
    const redChip = page.getByTestId('quick-red');
    const tabs = page.getByRole('tablist', { name: '看板阶段' });
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByLabel('责任单位')).toBeHidden();
    for (const control of [toggle, redChip, tabs]) expect(await bottomOf(control)).toBeLessThanOrEqual(844);
    // Six stages would be six squeezed columns: one column header is shown, with the board's stage tabs.
    await expect(tabs.getByRole('tab')).toHaveCount(6);
    await expect(page.getByTestId('column-header').filter({ visible: true })).toHaveCount(1);

    // The disclosure works from the keyboard and Escape closes it.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByLabel('责任单位')).toBeVisible();
    await page.getByLabel('责任单位').focus();
    await page.keyboard.press('Escape');
    await expect(page.getByLabel('责任单位')).toBeHidden();
    await expect(toggle).toBeFocused();

    // One tap on 红灯.
    await redChip.click();
    await expect(page).toHaveURL(/[?&]light=red/);
    await boardReady(page);
    await expect(redChip).toHaveAttribute('aria-current', 'true');
    await expect(toggle).toContainText('1');
    const cards = visibleCards(page);
    expect(await cards.count()).toBeGreaterThan(0);
    for (const card of await cards.all()) await expect(card.getByText('红灯', { exact: true })).toBeVisible();

    // Switch stages: a tap, then the arrow keys; each shows that stage's column only.
    const selected = tabs.getByRole('tab', { selected: true });
    const candidate = tabs.getByRole('tab', { selected: false }).filter({ hasNotText: /\D0$/ }).first();
    if ((await candidate.count()) > 0) {
      const other = page.locator(`[id="${await candidate.getAttribute('id')}"]`);
      const label = (await other.textContent())!.replace(/\d+$/, '');
      await other.click();
      await expect(other).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId('column-header').filter({ visible: true })).toContainText(label);
      for (const card of await visibleCards(page).all())
        await expect(card.getByText('红灯', { exact: true })).toBeVisible();
    }
    await selected.focus();
    const before = (await selected.textContent())!;
    await page.keyboard.press('ArrowRight');
    await expect(tabs.getByRole('tab', { selected: true })).not.toHaveText(before);
    await expect(tabs.getByRole('tab', { selected: true })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(tabs.getByRole('tab', { selected: true })).toHaveText(before);

    // Back on a stage with red cards: the first reason is text on the card, no hover needed.
    await tabs.getByRole('tab').filter({ hasNotText: /\D0$/ }).first().click();
    const card = visibleCards(page).first();
    await expect(card).toBeVisible();
    const reason = card.locator('[data-testid="light-reason"], [data-testid="card-reason"]').first();
    await expect(reason).toBeVisible();
    expect((await reason.innerText()).trim().length).toBeGreaterThan(1);

    // Nothing spills sideways out of the document.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'docs/screenshots/phone-board.png' });
  });

  test('swimlane cells name their stage on a phone', async ({ page }) => {
    await signIn(page, 'leader');
    await openBoard(page, '/board?lane=category');
    const stage = (await page.getByRole('tab', { selected: true }).textContent())!.replace(/\d+$/, '');
    const sums = page.getByTestId('lane-cell-sums').filter({ visible: true });
    expect(await sums.count()).toBeGreaterThan(1);
    for (const cell of await sums.all()) await expect(cell).toContainText(`${stage} ·`);
  });
});

test.describe('on a laptop', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the column headers stay on screen below the app header while the board scrolls', async ({ page }) => {
    await signIn(page, 'leader');
    await openBoard(page);
    // Desktop is unchanged: no stage tabs, no 筛选 toggle, every column shown.
    await expect(page.getByRole('tablist', { name: '看板阶段' })).toBeHidden();
    await expect(page.getByTestId('filter-toggle')).toBeHidden();
    await expect(page.getByTestId('column-header').filter({ visible: true })).toHaveCount(6);

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(400);
    const appHeaderBottom = await bottomOf(page.locator('header').first());
    for (const header of await page.getByTestId('column-header').all()) {
      const box = (await header.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(appHeaderBottom - 1);
      expect(box.y + box.height).toBeLessThanOrEqual(900);
    }
  });

  test('a swimlane collapses and stays collapsed after a reload', async ({ page }) => {
    await signIn(page, 'leader');
    await openBoard(page, '/board?lane=category');
    const lane = page.getByTestId('swimlane').first();
    const name = new RegExp(`^${(await lane.getAttribute('aria-label'))!}\\s*（\\d+ 项）$`);
    const button = lane.getByRole('button', { name, expanded: true });
    await expect(lane.locator('li[data-card-id]').first()).toBeVisible();
    await button.click();
    const collapsed = lane.getByRole('button', { name, expanded: false });
    await expect(collapsed).toBeVisible();
    await expect(lane.locator('li[data-card-id]').filter({ visible: true })).toHaveCount(0);
    // Column headers say which stage is which on a laptop; the cells keep the name for screen readers.
    await page.reload();
    await boardReady(page);
    await expect(page.getByTestId('swimlane').first().getByRole('button', { name })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    await page.getByTestId('swimlane').first().getByRole('button', { name }).click();
    await expect(page.getByTestId('swimlane').first().locator('li[data-card-id]').first()).toBeVisible();
  });
});
