import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support';

// The officer's week on one project, then the leader's view of the ledger.

const projectName = `松花江畔物流园区测试项目${Date.now().toString(36)}`;
let projectUrl = '';

function beijingToday(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function currentStage(page: Page) {
  return page.getByRole('list', { name: '项目阶段' }).locator('[aria-current="step"]');
}

test.describe.configure({ mode: 'serial' });

test('an officer creates a project, works its lists and moves it, overriding the construction gate', async ({
  page,
}) => {
  await signIn(page, 'officer');
  await page.goto('/projects');
  await page.getByRole('link', { name: '新建项目' }).click();
  await expect(page.getByRole('heading', { name: '新建项目' })).toBeVisible();

  // A refused save explains itself in Chinese and keeps what was typed.
  await page.getByLabel('项目名称').fill(projectName);
  await page.getByLabel('项目代码').fill('2018-bad');
  await page.getByLabel('总投资（万元）').fill('-3');
  await page.getByRole('button', { name: '创建项目' }).click();
  await expect(page.getByText('项目代码格式应为 YYMM-RRRRRR-DD-TT-NNNNNN', { exact: false })).toBeVisible();
  await expect(page.getByText('请选择项目类别')).toBeVisible();
  await expect(page.getByText('金额不能为负数')).toBeVisible();
  await expect(page.getByLabel('项目名称')).toHaveValue(projectName);

  await page.getByLabel('项目代码').fill('');
  await page.getByLabel('项目类别').selectOption({ label: '政府投资重点项目' });
  await page.getByLabel('总投资（万元）').fill('50000');
  await page.getByLabel('年度计划投资（万元）').fill('12000');
  await page.getByRole('button', { name: '创建项目' }).click();
  await expect(page.getByRole('heading', { level: 1, name: projectName })).toBeVisible();
  await expect(await currentStage(page)).toContainText('谋划储备');
  projectUrl = page.url();

  // 前期手续: two items done.
  await page.getByRole('link', { name: '前期手续' }).click();
  for (const name of ['立项（审批/核准/备案，政府投资项目可研批复）', '用地预审与选址意见书']) {
    const item = page.getByRole('form', { name });
    await item.getByLabel('办理状态').selectOption({ label: '已办结' });
    await item.getByRole('button', { name: '保存' }).click();
    await expect(item.getByText(`已保存“${name}”。`)).toBeVisible();
    await expect(item.getByLabel('办结日期')).toHaveValue(beijingToday());
  }
  await expect(page.getByText('尚有 6 项未办结')).toBeVisible();

  // 任务清单
  await page.getByRole('link', { name: '任务清单' }).click();
  await page.getByLabel('任务内容').fill('完成项目可研报告编制');
  await page.getByLabel('完成期限').fill(addDays(beijingToday(), 30));
  await page.getByRole('button', { name: '添加任务' }).click();
  await expect(page.getByText('任务已添加。')).toBeVisible();
  await expect(page.getByText('完成项目可研报告编制', { exact: true })).toBeVisible();

  // 进度清单: this month is pre-selected for a project registered this month.
  await page.getByRole('link', { name: '进度清单' }).click();
  await expect(page.getByLabel('报告月份')).toHaveValue(beijingToday().slice(0, 7));
  await page.getByLabel('本月完成投资（万元）').fill('800');
  await page.getByLabel('形象进度（%）').fill('5');
  await page.getByLabel('形象进度说明').fill('完成场地勘察和方案设计');
  await page.getByRole('button', { name: '提交进度报告' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^已报送 \d{4}年\d{1,2}月进度$/ })).toBeVisible();
  await expect(
    page.getByRole('listitem').filter({ hasText: '完成场地勘察和方案设计' }).getByText('800 万元').first(),
  ).toBeVisible();

  // 谋划储备 → 前期手续 (skipping 已签约)
  await page.getByRole('button', { name: '推进到前期手续' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
  await expect(await currentStage(page)).toContainText('前期手续');

  // 开工建设 with open items: the dialog lists them; the override needs a reason.
  await page.getByRole('button', { name: '推进到开工建设' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('前期手续尚有 6 项未办结')).toBeVisible();
  await expect(dialog.getByText('施工许可证')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '确认强制开工' })).toBeDisabled();
  await dialog.getByLabel('强制开工（记录为越权操作，须填写原因）').check();
  await dialog.getByRole('textbox', { name: '原因' }).fill('市政府专题会议纪要同意先行开工');
  await dialog.getByRole('button', { name: '确认强制开工' }).click();
  await expect(await currentStage(page)).toContainText('开工建设');

  await page.goto(`${projectUrl}/history`);
  const override = page.getByRole('listitem').filter({ hasText: '前期手续 → 开工建设' }).first();
  await expect(override.getByText('强制变更（越过前期手续）')).toBeVisible();
  await expect(override.getByText('原因：市政府专题会议纪要同意先行开工')).toBeVisible();
  await expect(override.getByText('施工许可证', { exact: false })).toBeVisible();
});

test('a leader finds the project on the ledger filtered by unit', async ({ page }) => {
  await signIn(page, 'leader');
  await page.goto('/projects');
  await page.getByLabel('单位').selectOption({ label: '昌邑区' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/unitId=\d+/);
  const row = page.getByRole('row').filter({ hasText: projectName });
  await expect(row).toBeVisible();
  await expect(row).toContainText('开工建设');
  await expect(row).toContainText('昌邑区');
  await expect(page.getByText(/合计：\d+ 个项目/).first()).toBeVisible();
  // Every other row is 昌邑区 too.
  const units = await page.locator('tbody tr td:nth-child(4)').allTextContents();
  expect(units.length).toBeGreaterThan(0);
  expect(new Set(units)).toEqual(new Set(['昌邑区']));
});

test('a stale 概况 save says someone else changed the project and keeps what was typed', async ({ page, context }) => {
  await signIn(page, 'officer');
  await page.goto(projectUrl);
  await page.getByRole('button', { name: '编辑', exact: true }).click();
  const other = await context.newPage();
  await other.goto(projectUrl);
  await other.getByRole('button', { name: '编辑', exact: true }).click();
  await other.getByLabel('建设地点').fill('昌邑区九站街');
  await other.getByRole('button', { name: '保存修改' }).click();
  await expect(other.getByText('已保存。')).toBeVisible();

  await page.getByLabel('建设地点').fill('昌邑区哈达湾');
  await page.getByLabel('年度计划投资（万元）').fill('15000');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByText('该项目已被他人修改', { exact: false })).toBeVisible();
  await expect(page.getByLabel('建设地点')).toHaveValue('昌邑区哈达湾');
  await expect(page.getByLabel('年度计划投资（万元）')).toHaveValue('15000');
  await expect(page.getByLabel('项目类别')).toHaveValue('government');
});

test('a leader picks 亿元以上 on the ledger and the total matches the dashboard band figure', async ({ page }) => {
  await signIn(page, 'leader');
  await page.goto('/dashboard?scope=all');
  const band = page.getByTestId('band-10000');
  const figure = Number((await band.locator('td').first().innerText()).trim());
  expect(figure).toBeGreaterThan(0);

  await page.goto('/projects');
  await page.getByLabel('规模').selectOption({ label: '亿元以上' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/minInvestment=10000/);
  await expect(page.getByText(`合计：${figure} 个项目`).first()).toBeVisible();
  // The select shows the filter; no drill chip repeats it.
  await expect(page.getByLabel('规模')).toHaveValue('10000');
  await expect(page.getByTestId('drill-chip')).toHaveCount(0);

  // The dashboard's own link lands on the same filter, shown by the same select.
  await page.goto('/dashboard?scope=all');
  await band.locator('td').first().getByRole('link').click();
  await expect(page).toHaveURL(/minInvestment=10000/);
  await expect(page.getByLabel('规模')).toHaveValue('10000');
  await expect(page.getByText(`合计：${figure} 个项目`).first()).toBeVisible();
});
