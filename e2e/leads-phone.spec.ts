import { expect, test } from '@playwright/test';
import { signIn } from './support';

// The investment officer on a phone: open a lead from the card list and log a visit with the next date.

test.use({ viewport: { width: 390, height: 844 } });

const beijingDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

test('an investment officer logs a follow-up on a lead from a phone', async ({ page }) => {
  await signIn(page, 'investment');
  // One of their own open leads: earlier specs leave converted leads (no follow-ups) at the top of the list.
  const me = await (await page.request.get('/api/v1/me')).json();
  await page.goto(`/leads?ownerId=${me.user.id}&stage=contacting`);

  // The phone shows each lead as a card: the column titles are hidden and a row fits the screen.
  const list = page.getByRole('table', { name: '招商线索列表' });
  await expect(list).toBeVisible();
  await expect(list.locator('thead')).toBeHidden();
  const card = list.locator('tbody tr').first();
  expect((await card.boundingBox())!.width).toBeLessThanOrEqual(390);
  await expect(card.locator('td[data-label="负责人"]')).toBeVisible();
  const first = card.getByRole('link').first();
  const company = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(/\/leads\/\d+$/);
  await expect(page.getByRole('heading', { name: company })).toBeVisible();

  const next = beijingDay(5);
  const note = `电话回访${Date.now().toString(36)}：企业确认下周来吉考察选址`;
  const form = page.getByRole('form', { name: '添加跟进记录' });
  await form.getByLabel('跟进方式').selectOption({ label: '电话' });
  await form.getByLabel('下次跟进日期').fill(next);
  await form.getByLabel('跟进内容').fill(note);
  await form.getByRole('button', { name: '添加跟进' }).scrollIntoViewIfNeeded();
  await expect(form.getByRole('button', { name: '添加跟进' })).toBeInViewport();
  await form.getByRole('button', { name: '添加跟进' }).click();

  const entry = page.getByRole('list', { name: '跟进记录列表' }).getByRole('listitem').filter({ hasText: note });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText('电话');
  await expect(entry).toContainText(`下次跟进：${next}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await entry.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/phone-lead.png' });
});
