import { test } from '@playwright/test';
import { signIn } from './support';
for (const [w, h] of [[1440, 900], [390, 844]] as const) {
  test(`shots ${w}`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await signIn(page, 'leader');
    await page.goto('/projects/5/problems');
    await page.locator('summary', { hasText: '下达督办' }).click();
    await page.screenshot({ path: `/tmp/notify-issue-${w}.png` });
    const res = await page.request.post('/api/v1/projects/5/supervisions', { data: { content: '三日内解决施工用电接入问题', deadline: '2027-01-20', urgency: 'urgent' } });
    console.log(res.status());
    await page.context().clearCookies();
    await signIn(page, 'officer');
    await page.goto('/projects');
    await page.getByTestId('notification-bell').getByRole('button').first().click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/notify-bell-${w}.png` });
    await page.goto('/notifications');
    await page.screenshot({ path: `/tmp/notify-page-${w}.png`, fullPage: true });
    await page.goto('/account');
    await page.screenshot({ path: `/tmp/notify-account-${w}.png`, fullPage: true });
  });
}
