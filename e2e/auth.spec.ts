import { expect, test } from '@playwright/test';
import { signIn } from './support';

const ROLES = [
  { username: 'admin', name: '系统管理员', role: '系统管理员' },
  { username: 'leader', name: '王建国', role: '市领导/督查' },
  { username: 'officer', name: '李明', role: '项目专员' },
  { username: 'officer2', name: '赵丽', role: '项目专员' },
  { username: 'investment', name: '陈晓峰', role: '招商专员' },
];

for (const account of ROLES) {
  test(`${account.username} signs in and sees name and role`, async ({ page }) => {
    await signIn(page, account.username);
    const who = page.getByTestId('current-user').first();
    await expect(who).toContainText(account.name);
    await expect(who).toContainText(account.role);
  });
}

test('a wrong password says 用户名或密码错误', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('leader');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('用户名或密码错误')).toBeVisible();
  await expect(page.getByLabel('用户名')).toHaveValue('leader');
});

test('a signed-out visit to /board lands on /login', async ({ page }) => {
  await page.goto('/board');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
});

test('sign-out ends the session', async ({ page }) => {
  await signIn(page, 'leader');
  const who = page.getByTestId('current-user').first();
  if (!(await who.isVisible())) await page.getByText('菜单 ☰').click();
  await page.getByRole('button', { name: '退出登录' }).first().click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});
