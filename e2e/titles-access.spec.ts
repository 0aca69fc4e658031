import { expect, test, type Page } from '@playwright/test';
import { openBoard, signIn } from './support';

// Issue 18: every page its own tab title with the site name once (items 11), a favicon, a 403 page
// instead of a silent redirect (item 10), officers read the leads board, and board sums in 亿元 (item 8).

const SITE = '吉林市重点项目管理平台';

async function navHrefs(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: '主导航', exact: true });
  return nav
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

function siteNameCount(title: string): number {
  return title.split(SITE).length - 1;
}

test('every nav page has its own title with the site name once, and a project tab names the project', async ({
  page,
}) => {
  await signIn(page, 'admin');
  const hrefs = await navHrefs(page);
  expect(hrefs.length).toBeGreaterThanOrEqual(15);
  const titles = new Map<string, string>();
  for (const href of hrefs) {
    await page.goto(href);
    await expect(page.locator('h1').first()).toBeVisible();
    const title = await page.title();
    expect(siteNameCount(title), `${href}: ${title}`).toBe(1);
    expect(title, href).toMatch(new RegExp(`^\\S.* · ${SITE}$`));
    titles.set(href, title);
  }
  const seen = new Map<string, string>();
  for (const [href, title] of titles) {
    expect(seen.get(title), `${href} and ${seen.get(title)} share "${title}"`).toBeUndefined();
    seen.set(title, href);
  }
  expect(titles.get('/problems')).toBe(`问题清单 · ${SITE}`);
  expect(titles.get('/alerts')).toBe(`预警 · ${SITE}`);

  // A project: "项目名 · 项目详情", and its tabs "项目名 · 进度清单".
  await page.goto('/projects');
  const links = await page
    .locator('a[href^="/projects/"]')
    .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
  const href = links.map((link) => link.match(/^\/projects\/\d+/)?.[0]).find(Boolean)!;
  await page.goto(href);
  const name = (await page.locator('h1').first().textContent())!.trim();
  await expect(page).toHaveTitle(`${name} · 项目详情 · ${SITE}`);
  await page.goto(`${href}/reports`);
  await expect(page).toHaveTitle(`${name} · 进度清单 · ${SITE}`);

  // The favicon is linked and served.
  const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(icon).toContain('/icon.svg');
  const response = await page.request.get(icon!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('image/svg+xml');
});

test('an officer gets a 403 page for an admin page: what it is for, who may open it, and a way back', async ({
  page,
}) => {
  await signIn(page, 'officer');
  await page.goto('/desk');
  const response = await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole('heading', { level: 1, name: '无权访问“用户管理”' })).toBeVisible();
  await expect(page.getByText('页面用途：')).toBeVisible();
  await expect(page.getByTestId('forbidden-roles')).toHaveText('系统管理员');
  // The admin section checks the role in its layout, above the loading skeleton: a real 403.
  expect(response?.status()).toBe(403);
  await page.getByRole('button', { name: '返回上一页' }).click();
  await expect(page).toHaveURL(/\/desk$/);
  const report = await page.goto('/reports/monthly');
  expect(report?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1, name: /无权访问/ })).toBeVisible();
  await page.goto('/projects/new');
  await expect(page.getByRole('heading', { level: 1, name: /无权访问/ })).toHaveCount(0);
});

test('an officer reads the leads board the nav leads to, with no card to drag', async ({ page }) => {
  await signIn(page, 'officer');
  await page.getByRole('navigation', { name: '主导航', exact: true }).getByRole('link', { name: '招商线索' }).click();
  await expect(page).toHaveURL(/\/leads$/);
  await openBoard(page, '/leads/board');
  await expect(page.getByRole('heading', { level: 1, name: '招商线索看板' })).toBeVisible();
  await expect(page.getByText('点击卡片查看线索详情。', { exact: false })).toBeVisible();
  const cards = page.locator('[data-card-id]');
  await expect(cards.first()).toBeVisible();
  await expect(page.getByRole('button', { name: /移动到/ })).toHaveCount(0);
});

test('board column headers and totals read in 亿元 with two decimals, never 万元', async ({ page }) => {
  await signIn(page, 'leader');
  await openBoard(page);
  const headers = page.getByTestId('column-header');
  expect(await headers.count()).toBeGreaterThanOrEqual(6);
  for (const header of await headers.all()) {
    await expect(header).toContainText(/总投资 [\d,]+\.\d{2} 亿元/);
    await expect(header).not.toContainText('万元');
  }
  await expect(page.getByText(/总投资 [\d,]+\.\d{2} 亿元。/)).toBeVisible();
});
