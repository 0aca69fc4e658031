import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support';

// No quiet greening: suspending a project from the 概况 form needs a written reason, and the
// reason is kept in the 调整记录 on the project's 历史 tab.

async function activeProjectOfOfficer(page: Page, nature?: 'continuing'): Promise<{ id: number; version: number }> {
  const units = (await (await page.request.get('/api/v1/units')).json()) as Array<{ id: number; name: string }>;
  const changyi = units.find((unit) => unit.name === '昌邑区')!;
  const list = await (
    await page.request.get(`/api/v1/projects?unitId=${changyi.id}&stage=construction&pageSize=100`)
  ).json();
  const project = list.items.find(
    (item: { status: string; nature: string }) => item.status === 'active' && (!nature || item.nature === nature),
  );
  expect(project).toBeTruthy();
  return project;
}

const wan = (value: number) => `${new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 }).format(value)} 万元`;

async function readProject(page: Page, id: number) {
  return (await page.request.get(`/api/v1/projects/${id}`)).json();
}

test('an officer suspends a project: refused without a reason, saved with one, and shown in 调整记录', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'officer');
  const project = await activeProjectOfOfficer(page);
  await page.goto(`/projects/${project.id}`);
  // 概况 opens as a read view (issue 18); 编辑 shows the form.
  await page.getByRole('button', { name: '编辑', exact: true }).click();

  const reason = page.getByLabel('调整原因');
  await expect(reason).toBeVisible();
  await page.getByLabel('项目状态').selectOption({ label: '暂缓' });
  // The form says before saving that this change needs a reason.
  await expect(page.getByText('本次修改暂缓项目，须填写原因，记入调整记录')).toBeVisible();

  await page.getByRole('button', { name: '保存修改' }).click();
  const fieldError = page.locator('#f-reason-error');
  await expect(fieldError).toHaveText('请填写调整原因');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(reason).toHaveAttribute('aria-describedby', 'f-reason-error');
  await expect(page.getByText('暂缓项目须填写原因')).toBeVisible();
  // What was chosen stays chosen, and nothing was saved.
  await expect(page.getByLabel('项目状态')).toHaveValue('suspended');
  const unchanged = await readProject(page, project.id);
  expect(unchanged).toMatchObject({ status: 'active', version: project.version });
  await page.screenshot({ path: testInfo.outputPath('suspend-refused-1440.png'), fullPage: true });

  await reason.fill('配套资金未落实，经区政府研究暂缓建设');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
  const saved = await readProject(page, project.id);
  expect(saved).toMatchObject({ status: 'suspended', version: project.version + 1 });

  await page.getByRole('link', { name: '历史' }).click();
  const log = page.getByRole('list', { name: '调整记录' });
  await expect(log).toBeVisible();
  const entry = log.getByRole('listitem').first();
  await expect(entry).toContainText('项目状态');
  await expect(entry).toContainText('正常推进 → 暂缓');
  await expect(entry).toContainText('原因：配套资金未落实，经区政府研究暂缓建设');
  await expect(entry).toContainText('李明');

  const adjustments = await (await page.request.get(`/api/v1/projects/${project.id}/adjustments`)).json();
  expect(adjustments).toEqual([
    expect.objectContaining({
      field: 'status',
      from: 'active',
      to: 'suspended',
      reason: '配套资金未落实，经区政府研究暂缓建设',
    }),
  ]);
});

test('the 概况 form fits a phone: completed investment read-only with how it is made, other years read-only', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'officer');
  const project = await activeProjectOfOfficer(page, 'continuing');
  await page.goto(`/projects/${project.id}`);
  // 概况 opens as a read view (issue 18); 编辑 shows the form.
  await page.getByRole('button', { name: '编辑', exact: true }).click();
  const full = await readProject(page, project.id);
  // A continuing project's earlier plans are listed read-only.
  const plans = (await (await page.request.get(`/api/v1/projects/${project.id}/plans`)).json()) as Array<{
    year: number;
    plannedInvestment: number;
  }>;
  const thisYear = Number(
    (
      process.env.APP_TODAY ||
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())
    ).slice(0, 4),
  );
  const earlier = plans.filter((plan) => plan.year < thisYear);
  expect(earlier.length).toBeGreaterThan(0);
  const table = page.getByRole('table', { name: '其他年度计划投资（只读）' });
  for (const plan of earlier)
    await expect(table.getByRole('row', { name: new RegExp(`${plan.year}年`) })).toContainText(
      wan(plan.plannedInvestment),
    );
  await expect(page.locator('#completed-investment-label')).toBeVisible();
  await expect(
    page.locator('#project-overview-form').getByText(wan(full.completedInvestment), { exact: true }),
  ).toBeVisible();
  await expect(
    page
      .locator('#project-overview-form')
      .getByText(
        `期初 ${wan(full.openingInvestment)} + 月报合计 ${wan(full.completedInvestment - full.openingInvestment)}`,
        { exact: false },
      ),
  ).toBeVisible();
  // It is not an input any more.
  await expect(page.getByLabel('累计完成投资（万元）')).toHaveCount(0);
  await page.getByLabel('项目状态').selectOption({ label: '终止' });
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.locator('#f-reason-error')).toHaveText('请填写调整原因');
  // Nothing sticks out sideways on a phone.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByLabel('调整原因').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('terminate-refused-390.png'), fullPage: true });
  expect((await readProject(page, project.id)).status).toBe('active');
});
