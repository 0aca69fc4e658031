import { expect, type Page } from '@playwright/test';

// The pages each role may open, for the accessibility and phone-overflow sweeps. Detail pages
// (a project and each of its tabs, a lead, an enterprise, a campaign, a meeting) are found by
// following the first link of their list, so the sweep uses whatever the seeded data holds.

export type SweepRole = 'admin' | 'leader' | 'officer' | 'investment';

const COMMON = [
  '/desk',
  '/board',
  '/projects',
  '/leads',
  '/enterprises',
  '/chains',
  '/alerts',
  '/problems',
  '/funding',
  '/dashboard',
  '/dashboard/leads',
  '/map',
  '/shuangshi',
  '/campaigns',
  '/import',
  '/notifications',
  '/account',
];

const EXTRA: Record<SweepRole, string[]> = {
  admin: [
    '/projects/new',
    '/leads/new',
    '/leads/board',
    '/enterprises/new',
    '/campaigns/new',
    '/reports/monthly',
    '/meetings',
    '/admin',
    '/admin/users',
    '/admin/users/new',
    '/admin/units',
    '/admin/industries',
    '/admin/chains',
    '/admin/targets',
    '/admin/targets/new',
    '/admin/settings',
    '/admin/tokens',
    '/admin/webhook',
    '/admin/audit',
    '/screen',
  ],
  leader: ['/projects/new', '/leads/board', '/reports/monthly', '/meetings', '/screen'],
  officer: ['/projects/new', '/leads/board'],
  investment: ['/leads/new', '/leads/board', '/enterprises/new', '/campaigns/new'],
};

const PROJECT_TABS = ['', '/reports', '/problems', '/tasks', '/approvals', '/funding', '/responsibility', '/history'];

/** The first link on `listPath` whose href matches `pattern` (e.g. /projects/12), or null. */
async function firstDetail(page: Page, listPath: string, pattern: RegExp): Promise<string | null> {
  await page.goto(listPath);
  const find = async () => {
    const hrefs = await page
      .locator('main a[href]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    return hrefs.find((h) => pattern.test(h)) ?? null;
  };
  // The list may still be streaming in behind its skeleton: give it a moment before giving up.
  await expect
    .poll(find, { timeout: 10_000 })
    .not.toBeNull()
    .catch(() => undefined);
  return find();
}

/** Every page `role` may open: its nav pages, forms, and one of each detail page with all project tabs. */
export async function pagesFor(page: Page, role: SweepRole): Promise<string[]> {
  const pages = [...COMMON, ...EXTRA[role]];
  const project = await firstDetail(page, '/projects', /^\/projects\/\d+$/);
  expect(project, '项目库应有可打开的项目').not.toBeNull();
  for (const tab of PROJECT_TABS) pages.push(`${project}${tab}`);
  const lead = await firstDetail(page, '/leads', /^\/leads\/\d+$/);
  expect(lead, '招商线索应有可打开的线索').not.toBeNull();
  pages.push(lead!);
  const enterprise = await firstDetail(page, '/enterprises', /^\/enterprises\/\d+$/);
  if (enterprise) pages.push(enterprise);
  const campaign = await firstDetail(page, '/campaigns', /^\/campaigns\/\d+$/);
  if (campaign) pages.push(campaign);
  if (role === 'admin' || role === 'leader') {
    const meeting = await firstDetail(page, '/meetings', /^\/meetings\/\d+$/);
    if (meeting) pages.push(meeting);
  }
  return pages;
}

/** Opens `path` and waits until the page has rendered past its loading state. */
export async function openSettled(page: Page, path: string) {
  const response = await page.goto(path, { waitUntil: 'domcontentloaded' });
  expect(response?.status(), `${path} 应能打开`).toBeLessThan(400);
  expect(new URL(page.url()).pathname, `${path} 不应被重定向`).toBe(path);
  await expect(page.locator('[role="status"][aria-busy="true"], [data-skeleton]')).toHaveCount(0);
}
