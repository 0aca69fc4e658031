import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support';

// The ledgers' column titles stay on screen while the rows scroll under them.

test.use({ viewport: { width: 1440, height: 900 } });

async function scrollLedgerAndCheckHeader(page: Page, caption: string) {
  const table = page.locator('table').filter({ has: page.locator('caption', { hasText: caption }) });
  await expect(table).toBeVisible();
  // The cells stick, not the row: the row's own box scrolls away with the table.
  const header = table.locator('thead th').first();
  const lastRow = table.locator('tbody tr').last();
  await expect(lastRow).not.toBeInViewport();
  // The ledger is its own scroll box sized to the screen: bring the box up under the app header,
  // then scroll with the wheel over the rows, as a reader would, until the last row is in view.
  await page.evaluate((cap) => {
    const box = Array.from(document.querySelectorAll('caption'))
      .find((c) => c.textContent?.includes(cap))!
      .closest('table')!.parentElement!;
    const appHeader = document.querySelector('header')!.getBoundingClientRect().bottom;
    window.scrollBy(0, box.getBoundingClientRect().top - appHeader - 8);
  }, caption);
  await table.locator('tbody tr').nth(2).hover();
  // Wheel until the last row shows, and no further: a wheel turn that starts with the box already at
  // its end scrolls the page instead (scroll chaining), which is the browser's doing, not the ledger's.
  const boxAtEnd = () =>
    table.evaluate((t) => {
      const box = t.parentElement!;
      return box.scrollTop + box.clientHeight >= box.scrollHeight - 1;
    });
  for (let i = 0; i < 30 && !(await lastRow.evaluate(inView)) && !(await boxAtEnd()); i++)
    await page.mouse.wheel(0, 400);
  expect(
    await table.evaluate((t) => t.parentElement!.scrollTop),
    'the rows scrolled inside the ledger',
  ).toBeGreaterThan(0);
  await expect(lastRow).toBeInViewport();
  await expect(table.locator('tbody tr').first()).not.toBeInViewport({ ratio: 1 });
  await expect(header).toBeInViewport({ ratio: 1 });
  // …and not hidden under the sticky app header either.
  const appHeaderBottom = await page
    .locator('body > div header, header')
    .first()
    .evaluate((h) => h.getBoundingClientRect().bottom);
  const headerTop = await header.evaluate((th) => th.getBoundingClientRect().top);
  expect(headerTop).toBeGreaterThanOrEqual(appHeaderBottom - 1);
}

function inView(el: Element) {
  const r = el.getBoundingClientRect();
  return r.bottom <= window.innerHeight && r.top >= 0;
}

test('the project ledger keeps its header row on screen after scrolling', async ({ page }) => {
  await signIn(page, 'leader');
  await page.goto('/projects');
  await scrollLedgerAndCheckHeader(page, '项目台账');
});

test('the lead ledger keeps its header row on screen after scrolling', async ({ page }) => {
  await signIn(page, 'investment');
  await page.goto('/leads');
  await scrollLedgerAndCheckHeader(page, '招商线索列表');
});
