import { expect, test } from '@playwright/test';
import { signIn } from './support';

// Beijing-time calendar date, as the server computes today().
const beijingDay = (offsetDays = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

test('an investment officer logs a 珠三角 lead, follows up, signs it and converts it into a project', async ({
  page,
}) => {
  const company = '深圳华鹏智能装备有限公司';
  await signIn(page, 'investment');
  await page.goto('/leads');
  await page.getByRole('link', { name: '新建线索' }).click();
  await expect(page.getByRole('heading', { name: '新建线索' })).toBeVisible();

  // Bad input first: the errors appear beside the fields and what was typed stays.
  await page.getByLabel('企业名称').fill(company);
  await page.getByLabel('联系电话').fill('12345');
  await page.getByLabel('意向投资（万元）').fill('-5');
  await page.getByRole('button', { name: '保存线索' }).click();
  await expect(page.getByText('电话号码无效', { exact: false })).toBeVisible();
  await expect(page.getByText('金额不能为负数')).toBeVisible();
  await expect(page.getByLabel('企业名称')).toHaveValue(company);

  await page.getByLabel('联系电话').fill('13912345678');
  await page.getByLabel('意向投资（万元）').fill('30000');
  await page.getByLabel('企业来源地（省市或国家）').fill('广东深圳');
  await page.getByLabel('招商活动').selectOption({ label: '2026招商季·珠三角' });
  await page.getByLabel('意向落地单位').selectOption({ label: '昌邑区' });
  await page.getByLabel('拟建项目').fill('智能装备产业园');
  await page.getByRole('button', { name: '保存线索' }).click();
  await expect(page).toHaveURL(/\/leads\/\d+/);
  const leadId = Number(page.url().match(/\/leads\/(\d+)/)![1]);
  await expect(page.getByRole('heading', { name: company })).toBeVisible();

  // A 拜访 follow-up with a next date.
  const next = beijingDay(7);
  const followup = page.getByRole('form', { name: '添加跟进记录' });
  await followup.getByLabel('跟进方式').selectOption({ label: '拜访' });
  await followup.getByLabel('下次跟进日期').fill(next);
  await followup.getByLabel('跟进内容').fill('赴深圳总部拜访，企业有意在昌邑区建设智能装备产业园');
  await followup.getByRole('button', { name: '添加跟进' }).click();
  const log = page.getByRole('list', { name: '跟进记录列表' });
  await expect(log).toContainText('拜访');
  await expect(log).toContainText(`下次跟进：${next}`);

  // 洽谈, then 签约.
  await page.getByRole('button', { name: '推进到洽谈' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: '（当前）' })).toContainText('洽谈');
  await page.getByRole('button', { name: '推进到签约' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: '（当前）' })).toContainText('签约');

  // Convert, choosing the project's 责任人 among 昌邑区's officers.
  await page.getByRole('button', { name: '转为项目', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '转为项目' });
  await expect(dialog.getByLabel('项目所在单位')).toHaveValue(/\d+/);
  await dialog.getByLabel('项目责任人（该单位项目专员）').selectOption({ label: '李明' });
  await dialog.getByRole('button', { name: '确认转为项目' }).click();
  await expect(page).toHaveURL(/\/projects\/\d+/);
  const projectId = Number(page.url().match(/\/projects\/(\d+)/)![1]);

  // The lead is landed and points at the project.
  const lead = await (await page.request.get(`/api/v1/leads/${leadId}`)).json();
  expect(lead).toMatchObject({ stage: 'landed', projectId, source: '2026招商季·珠三角' });
  await page.goto(`/leads/${leadId}`);
  await expect(page.getByTestId('linked-project')).toContainText(`项目编号 ${projectId}`);
  await expect(page.getByTestId('linked-project')).toContainText('深圳华鹏智能装备有限公司智能装备产业园');
  await expect(page.getByRole('button', { name: '转为项目', exact: true })).toHaveCount(0);

  // The campaign page counts the landed project.
  await page.goto('/campaigns');
  await page.getByRole('link', { name: '2026招商季·珠三角' }).click();
  await expect(page.getByRole('link', { name: '深圳华鹏智能装备有限公司智能装备产业园' })).toBeVisible();
});

test('dropping a lead asks for a reason; officers see leads read-only', async ({ page }) => {
  await signIn(page, 'investment');
  await page.goto('/leads?stage=prospect&sort=company&dir=asc');
  await expect(page.getByTestId('lead-totals')).toContainText('条线索');
  const first = page.locator('table tbody').getByRole('link').first();
  await first.click();
  await expect(page).toHaveURL(/\/leads\/\d+/);
  const url = page.url();
  await page.getByRole('button', { name: '放弃线索' }).click();
  const dialog = page.getByRole('dialog', { name: '放弃线索' });
  await dialog.getByLabel('原因').fill('企业投资方向调整');
  await dialog.getByRole('button', { name: '确认' }).click();
  await expect(page.getByText('放弃原因：企业投资方向调整')).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, 'officer');
  await page.goto(url);
  await expect(page.getByText('您可以查看此线索')).toBeVisible();
  await expect(page.getByRole('button', { name: '保存修改' })).toHaveCount(0);
  await page.goto('/leads');
  await expect(page.getByRole('link', { name: '新建线索' })).toHaveCount(0);
});
