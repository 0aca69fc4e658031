import { expect, test } from '@playwright/test';
import { signIn } from './support';

async function signOut(page: import('@playwright/test').Page) {
  const who = page.getByTestId('current-user').first();
  if (!(await who.isVisible())) await page.getByText('菜单 ☰').click();
  await page.getByRole('button', { name: '退出登录' }).first().click();
  await expect(page).toHaveURL(/\/login/);
}

test('an admin creates a user, who must set a password at first sign-in and then sees name and role', async ({
  page,
}) => {
  const username = `e2e_${Date.now().toString(36)}`;
  await signIn(page, 'admin');
  await page.goto('/admin/users/new');

  // A password below the minimum length is refused beside the field, and the typed values stay.
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('姓名').fill('周测试');
  await page.getByLabel('角色').selectOption({ label: '项目专员' });
  await page.getByLabel('所属单位').selectOption({ label: '船营区' });
  await page.getByLabel('初始密码').fill('short');
  await page.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByText('密码至少 8 位')).toBeVisible();
  await expect(page.getByLabel('用户名')).toHaveValue(username);
  await expect(page.getByLabel('姓名')).toHaveValue('周测试');

  await page.getByLabel('初始密码').fill('Initial-2026');
  await expect(page.getByLabel('首次登录须修改密码')).toBeChecked();
  await page.getByRole('button', { name: '创建用户' }).click();
  await expect(page).toHaveURL(/\/admin\/users\?created=/);
  await expect(page.getByText(`已创建用户 ${username}`)).toBeVisible();
  await signOut(page);

  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('Initial-2026');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/account\/password/);
  await expect(page.getByRole('heading', { name: '修改密码' })).toBeVisible();
  // Other pages send the user back here until the password is changed.
  await page.goto('/account');
  await expect(page).toHaveURL(/\/account\/password/);

  await page.getByLabel('当前密码').fill('Initial-2026');
  await page.getByLabel(/^新密码/).fill('Changed-2026');
  await page.getByLabel('确认新密码').fill('Changed-2026x');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText('两次输入的新密码不一致')).toBeVisible();
  await page.getByLabel('当前密码').fill('Initial-2026');
  await page.getByLabel(/^新密码/).fill('Changed-2026');
  await page.getByLabel('确认新密码').fill('Changed-2026');
  await page.getByRole('button', { name: '修改密码' }).click();

  const who = page.getByTestId('current-user').first();
  await expect(who).toBeAttached();
  await expect(who).toContainText('周测试');
  await expect(who).toContainText('项目专员');
  await expect(who).toContainText('船营区');

  // The new password works from now on.
  await signOut(page);
  await signIn(page, username, 'Changed-2026');
  await expect(page.getByTestId('current-user').first()).toContainText('周测试');
});

test('an admin creates an API token, sees it once, and revokes it', async ({ page, request }) => {
  const name = `统计局对接 ${Date.now().toString(36)}`;
  await signIn(page, 'admin');
  await page.goto('/admin');
  await page.getByRole('link', { name: /API 令牌/ }).click();
  await expect(page).toHaveURL(/\/admin\/tokens/);

  await page.getByLabel('令牌名称').fill(name);
  await page.getByLabel('代表的用户').selectOption({ label: '王建国（市领导/督查）' });
  await page.getByRole('button', { name: '创建令牌' }).click();
  await expect(page.getByText('它只显示这一次')).toBeVisible();
  const token = await page.getByLabel('新令牌').inputValue();
  expect(token).toMatch(/^jkp_/);

  const before = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(before.status()).toBe(200);
  expect((await before.json()).user.username).toBe('leader');

  // Shown once: after a reload the token is gone, only its prefix is listed.
  await page.reload();
  await expect(page.getByLabel('新令牌')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(token);
  const row = page.getByTestId('token-row').filter({ hasText: name });
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row).toContainText('有效');

  await row.getByRole('button', { name: '吊销' }).click();
  await expect(page.getByRole('dialog')).toContainText('确定吊销吗');
  await page.getByRole('dialog').getByRole('button', { name: '确认吊销' }).click();
  await expect(row).toContainText('已吊销');

  const after = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
});

test('non-admins do not see or reach the admin pages: they get the 403 page instead', async ({ page }) => {
  await signIn(page, 'leader');
  await expect(page.getByRole('link', { name: '管理', exact: true })).toHaveCount(0);
  const response = await page.goto('/admin/users');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: '无权访问“用户管理”' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '用户管理', exact: true })).toHaveCount(0);
  await expect(page.getByTestId('current-user').first()).toContainText('王建国');
});

test('an admin sees the reserve target tracked against its actual, which opens a ledger of that many projects', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await page.goto('/admin/targets');
  const reserve = page.getByTestId('tracking-reserveTarget');
  await expect(reserve).toContainText('对比：全部项目');
  await expect(page.getByTestId('tracking-cityWorksTarget')).toContainText('暂不对比');
  const actual = Number((await reserve.getByTestId('actual').innerText()).replace(/[^\d]/g, ''));
  expect(actual).toBeGreaterThan(0);
  await expect(reserve.getByTestId('rate')).toContainText('%');
  await reserve.getByTestId('actual').getByRole('link').click();
  await expect(page).toHaveURL(/\/projects\?.*stage=reserve/);
  await expect(page.getByText(`合计：${actual} 个项目`).first()).toBeVisible();
});
