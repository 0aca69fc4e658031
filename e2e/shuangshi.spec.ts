import { expect, test } from '@playwright/test';
import { signIn } from './support';

// A leader creates a 双十 package, 调入 a project with a reason and sees the 调整 in the year's log.
// The data is made through the UI: the demo's own packages may or may not be there.
test('a leader creates a package, joins a project with a reason and sees the adjustment', async ({ page }) => {
  const suffix = Date.now().toString(36).slice(-5);
  const packageName = `测试新材料工程包${suffix}`;
  const projectName = `双十测试子项目${suffix}`;
  await signIn(page, 'leader');

  // A project to join, made on the 新建项目 form.
  await page.goto('/projects/new');
  await page.getByLabel('项目名称').fill(projectName);
  await page.getByLabel('项目类别').selectOption({ label: '政府投资重点项目' });
  await page.getByLabel('责任单位').selectOption({ label: '昌邑区' });
  await page.getByLabel('总投资（万元）').fill('80000');
  await page.getByLabel('年度计划投资（万元）').fill('20000');
  await page.getByRole('button', { name: '创建项目' }).click();
  await expect(page.getByRole('heading', { level: 1, name: projectName })).toBeVisible();
  const projectUrl = page.url();

  await page.goto('/shuangshi');
  await expect(page.getByRole('heading', { level: 1, name: /年“双十”工程包/ })).toBeVisible();
  await page.getByRole('button', { name: '新建工程包' }).click();
  const create = page.getByRole('dialog', { name: /新建 \d{4} 年双十工程包/ });
  // Bad input: Chinese errors beside the fields, nothing saved.
  await create.getByRole('button', { name: '创建工程包' }).click();
  await expect(create.getByText('不能为空')).toBeVisible();
  await expect(create.getByText('请选择牵头单位')).toBeVisible();
  await create.getByLabel('工程包名称').fill(packageName);
  await create.getByLabel('牵头单位').selectOption({ label: '昌邑区' });
  await create.getByLabel('包保领导').selectOption({ label: '王建国' });
  await create.getByLabel('备注').fill('e2e 测试');
  await create.getByRole('button', { name: '创建工程包' }).click();
  await expect(create).not.toBeVisible();
  const card = page.locator('section').filter({ has: page.getByRole('heading', { name: packageName }) });
  await expect(card).toContainText('牵头单位：昌邑区');
  await expect(card).toContainText('包保领导：王建国');
  await expect(card).toContainText('还没有子项目');

  // 调入: find the project by name, confirm with a reason.
  await card.getByRole('link', { name: `向 ${packageName} 调入项目` }).click();
  await page
    .getByRole('searchbox')
    .or(page.getByLabel(/按项目名称或代码查找/))
    .first()
    .fill(projectName);
  await page.getByRole('button', { name: '查找' }).click();
  const results = page.getByRole('list', { name: '查找结果' });
  await expect(results).toContainText(projectName);
  await results.getByRole('button', { name: `调入 ${projectName}` }).click();
  const confirm = page.getByRole('dialog', { name: '调入“双十”工程包' });
  await expect(confirm).toContainText(packageName);
  await confirm.getByRole('button', { name: '确认调入' }).click();
  await expect(confirm.getByText('请填写调整原因')).toBeVisible();
  await confirm.getByLabel('调入原因').fill('市政府专题会议决定纳入双十工程包');
  await confirm.getByRole('button', { name: '确认调入' }).click();
  await expect(confirm).not.toBeVisible();

  const joined = page.getByRole('table', { name: `${packageName} 子项目` });
  await expect(joined.getByRole('link', { name: projectName })).toBeVisible();
  await expect(joined).toContainText('合计（1 个');
  await expect(results).toContainText(`已在「${packageName}」`);
  const log = page.getByRole('table', { name: /年调入、调出记录/ });
  const row = log.getByRole('row').filter({ hasText: projectName });
  await expect(row).toContainText(`调入「${packageName}」`);
  await expect(row).toContainText('王建国');
  await expect(row).toContainText('市政府专题会议决定纳入双十工程包');

  // The project header shows its package.
  await page.goto(projectUrl);
  await expect(page.getByRole('link', { name: new RegExp(packageName) })).toBeVisible();
});
