import { expect, test } from '@playwright/test';
import { signIn } from './support';

// A leader creates a 调度会, fills its agenda automatically, decides one item (a past deadline is
// refused first), closes the meeting after the confirmation, and the new 督办 is on the project.
// APP_TODAY is 2026-11-20 in tests.
test('a leader creates a meeting, auto-fills the agenda, decides one item and closes it', async ({ page }) => {
  const title = `全市重点项目专题协调会${Date.now().toString(36).slice(-5)}`;
  const decision = `市自然资源局牵头十日内完成组卷报批（${title}）`;
  await signIn(page, 'leader');
  await page.goto('/meetings');
  await expect(page.getByRole('heading', { level: 1, name: '调度会' })).toBeVisible();

  await page.getByRole('button', { name: '新建调度会' }).click();
  const create = page.getByRole('dialog', { name: '新建调度会' });
  await create.getByRole('button', { name: '创建' }).click();
  await expect(create.getByText('请输入会议名称')).toBeVisible();
  await create.getByLabel('会议名称').fill(title);
  await create.getByLabel('会议类型').selectOption({ label: '专题协调会' });
  await create.getByLabel('会议日期').fill('2026-11-24');
  await create.getByLabel('会议地点').fill('市政府第一会议室');
  await create.getByLabel('参会人员').fill('市发改委、市自然资源局、昌邑区');
  await create.getByRole('button', { name: '创建' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('议程为空')).toBeVisible();

  await page.getByRole('button', { name: '自动生成议程' }).click();
  await expect(page.getByRole('status').filter({ hasText: /已加入 \d+ 条议题/ })).toBeVisible();
  const agenda = page.locator('section').filter({ has: page.getByRole('heading', { name: /^议程（\d+ 条）$/ }) });
  const first = agenda.getByRole('listitem').first();
  await expect(first).toContainText('项目：');
  const projectLink = first.getByRole('link').first();
  const projectHref = await projectLink.getAttribute('href');
  expect(projectHref).toMatch(/^\/projects\/\d+$/);

  await first.getByRole('button', { name: /^作出决定/ }).click();
  const decide = page.getByRole('dialog', { name: '会议决定' });
  await decide.getByLabel('会议决定').fill(decision);
  await decide.getByLabel('办结时限').fill('2026-11-10');
  await decide.getByRole('button', { name: '保存决定' }).click();
  await expect(decide.getByText('办结时限不能早于今天')).toBeVisible();
  await decide.getByLabel('办结时限').fill('2026-12-10');
  await decide.getByRole('button', { name: '保存决定' }).click();
  await expect(decide).not.toBeVisible();
  await expect(first).toContainText(`决定：${decision}`);
  await expect(first).toContainText('办结时限：2026-12-10');

  await page.getByRole('button', { name: '闭会' }).click();
  const confirm = page.getByRole('dialog', { name: '确认闭会' });
  await expect(confirm).toContainText('闭会后将为 1 条');
  await confirm.getByRole('button', { name: '确认闭会' }).click();
  await expect(confirm).not.toBeVisible();
  await expect(page.getByText('已闭会', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: '闭会' })).toHaveCount(0);

  // The 督办 made from the decision, on the project's 问题与督办 page.
  await first.getByRole('link', { name: '待回复' }).click();
  await expect(page).toHaveURL(new RegExp(`${projectHref}/problems#supervision-\\d+`));
  const card = page.locator('article[id^="supervision-"]').filter({ hasText: decision });
  await expect(card).toBeVisible();
  await expect(card).toContainText('2026-12-10');

  // The minutes print the decision.
  await page.goBack();
  await page.getByRole('link', { name: '会议纪要' }).click();
  const minutes = page.getByRole('article', { name: '会议纪要' });
  await expect(minutes.getByRole('heading', { level: 1 })).toHaveText(`${title}会议纪要`);
  await expect(minutes).toContainText(decision);
  await expect(minutes).toContainText('完成时限：2026年12月10日前');
});
