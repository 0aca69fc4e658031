import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { signIn, boardReady } from './support';

// Quick filters, saved views and the way back from a project (issue 15 point 6), and the alert
// centre grouped by project (point 7).

const one = <T>(sql: string, ...args: unknown[]) => {
  const handle = new Database(process.env.E2E_DATABASE_PATH!, { timeout: 5000, readonly: true });
  try {
    return handle.prepare(sql).get(...args) as T;
  } finally {
    handle.close();
  }
};

async function asUser(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}

test('a leader filters the ledger with a chip, saves it as a shared view, and everyone can reopen it', async ({
  page,
}) => {
  const name = `调度会红灯项目${Date.now() % 100000}`;
  const red = one<{ n: number }>("select count(*) as n from projects where light = 'red'").n;
  expect(red).toBeGreaterThan(0);

  await asUser(page, 'leader');
  await page.goto('/projects');
  await page.getByTestId('quick-red').click();
  await expect(page).toHaveURL(/[?&]light=red/);
  await expect(page.getByTestId('quick-red')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByText(`共 ${red} 个项目`)).toBeVisible();

  await page.getByRole('button', { name: '保存为视图' }).click();
  const dialog = page.getByRole('dialog', { name: '保存当前筛选为视图' });
  await dialog.getByLabel('视图名称').fill(name);
  await dialog.getByLabel(/共享给所有用户/).check();
  await dialog.getByRole('button', { name: '保存视图' }).click();
  await expect(dialog).toBeHidden();
  const saved = page.getByTestId('saved-views').getByRole('link', { name: new RegExp(name) });
  await expect(saved).toBeVisible();
  await expect(saved).toHaveAttribute('aria-current', 'true');

  // Reopening: from the plain ledger, the view brings the filter back.
  await page.goto('/projects');
  await page
    .getByTestId('saved-views')
    .getByRole('link', { name: new RegExp(name) })
    .click();
  await expect(page).toHaveURL(/\/projects\?light=red$/);
  await expect(page.getByText(`共 ${red} 个项目`)).toBeVisible();

  // An officer sees the shared view, opens it, and cannot delete it.
  await asUser(page, 'officer');
  await page.goto('/projects');
  const shared = page.getByTestId('saved-views').getByRole('link', { name: new RegExp(name) });
  await expect(shared).toContainText('共享·王建国');
  await expect(page.getByRole('button', { name: `删除视图：${name}` })).toHaveCount(0);
  await shared.click();
  await expect(page).toHaveURL(/\/projects\?light=red$/);

  // The leader deletes it, after a confirmation.
  await asUser(page, 'leader');
  await page.goto('/projects');
  await page.getByRole('button', { name: `删除视图：${name}` }).click();
  const confirm = page.getByRole('dialog', { name: '删除视图' });
  await expect(confirm).toContainText('所有用户都将看不到它');
  await confirm.getByRole('button', { name: '删除' }).click();
  await expect(page.getByTestId('saved-views').getByRole('link', { name: new RegExp(name) })).toHaveCount(0);
  expect(one<{ n: number }>('select count(*) as n from saved_views where name = ?', name).n).toBe(0);
});

test('an officer saves a private board view; the back link of a project returns to the filtered board', async ({
  page,
}) => {
  const name = `我的黄灯${Date.now() % 100000}`;
  await asUser(page, 'officer');
  await page.goto('/board');
  await page.getByTestId('quick-mine').click();
  await expect(page).toHaveURL(/ownerId=\d+/);
  await page.getByTestId('quick-yellow').click();
  await expect(page).toHaveURL(/light=yellow/);
  await expect(page.getByLabel(/共享给所有用户/)).toHaveCount(0); // officers cannot share
  await page.getByRole('button', { name: '保存为视图' }).click();
  const dialog = page.getByRole('dialog', { name: '保存当前筛选为视图' });
  await dialog.getByLabel('视图名称').fill(name);
  await dialog.getByRole('button', { name: '保存视图' }).click();
  await expect(dialog).toBeHidden();
  const row = one<{ query: string; shared: number }>('select query, shared from saved_views where name = ?', name);
  expect(row.shared).toBe(0);
  expect(row.query).toMatch(/^light=yellow&ownerId=\d+$/);

  // From the filtered board to a project and back to the same board.
  const boardUrl = page.url();
  await boardReady(page);
  await page.locator('main a[href^="/projects/"]').first().click();
  await expect(page).toHaveURL(/\/projects\/\d+/);
  const backToBoard = page.getByTestId('back-to-list');
  await expect(backToBoard).toContainText('项目看板（筛选结果）');
  await backToBoard.click();
  await expect(page).toHaveURL(boardUrl);

  // Not visible to another officer.
  await asUser(page, 'officer2');
  await page.goto('/board');
  await expect(page.getByTestId('saved-views').getByRole('link', { name: new RegExp(name) })).toHaveCount(0);

  // The back link: ledger with 红灯 → a project → ← 项目库 returns to the filtered ledger.
  await asUser(page, 'leader');
  await page.goto('/projects?light=red');
  // A click before the page is live is a plain navigation, which notes nothing: wait for it.
  await expect(page.locator('html[data-list-noted="ready"]')).toHaveCount(1);
  await page.locator('table a[href^="/projects/"]').first().click();
  await expect(page).toHaveURL(/\/projects\/\d+/);
  const back = page.getByTestId('back-to-list');
  await expect(back).toContainText('项目库（筛选结果）');
  await back.click();
  await expect(page).toHaveURL(/\/projects\?light=red$/);
});

test('the alert centre shows one row per project, and the badge counts projects', async ({ page }) => {
  await asUser(page, 'leader');
  const alerts = (await (await page.request.get('/api/v1/alerts')).json()) as Array<{
    projectId?: number;
    leadId?: number;
    severity: string;
  }>;
  const subject = (a: { projectId?: number; leadId?: number }) =>
    a.leadId != null ? `lead:${a.leadId}` : `project:${a.projectId}`;
  const projects = new Set(alerts.map(subject)).size;
  expect(projects).toBeGreaterThan(0);
  expect(projects).toBeLessThan(alerts.length);

  await page.goto('/alerts');
  await expect(page.getByTestId('alert-project-count')).toHaveText(String(projects));
  await expect(page.getByTestId('alert-group')).toHaveCount(Math.min(projects, 50));
  const badge = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: /预警/ });
  await expect(badge).toContainText(projects > 99 ? '99+' : String(projects));

  // Filtered to red: the projects with a red signal, each row holding only red signals.
  const redProjects = new Set(alerts.filter((a) => a.severity === 'red').map(subject)).size;
  await page.getByLabel('级别').selectOption('red');
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/severity=red/);
  await expect(page.getByTestId('alert-project-count')).toHaveText(String(redProjects));
  const firstGroup = page.getByTestId('alert-group').first();
  await expect(firstGroup.getByTestId('alert').first()).toContainText('红');
  await expect(page.getByRole('region', { name: /仅有黄色预警/ })).toHaveCount(0);
});
