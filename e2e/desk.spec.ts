import { expect, test } from '@playwright/test';
import { signIn } from './support';

// 工作台: every role lands on it after sign-in, it lists what GET /api/v1/desk says, and a report
// due is one click from its form.

const SECTIONS: Record<string, Array<[string, string]>> = {
  officer: [
    ['本月应报月报', 'reportsDue'],
    ['待我回复的督办', 'supervisionsToAnswer'],
    ['逾期任务', 'tasksOverdue'],
    ['超期未解决的问题', 'problemsOverdue'],
  ],
  leader: [
    ['待我办结的督办', 'supervisionsToClose'],
    ['上报至市级的问题', 'problemsEscalated'],
  ],
  admin: [
    ['逾期督办（全市）', 'supervisionsOverdue'],
    ['上报至市级的问题', 'problemsEscalated'],
  ],
  investment: [
    ['本周应跟进及逾期的线索', 'followUpsDue'],
    ['阶段停留超期的线索', 'leadsAging'],
    ['已签约未转项目的线索', 'leadsSignedNotConverted'],
  ],
};

const CITY_WIDE = ['supervisionsOverdue', 'problemsEscalated'];

for (const [username, sections] of Object.entries(SECTIONS)) {
  test(`${username} lands on the 工作台 and it shows what the API lists`, async ({ page }) => {
    await signIn(page, username);
    await expect(page).toHaveURL(/\/desk$/);
    await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
    const desk = await (await page.request.get('/api/v1/desk')).json();
    for (const [title, key] of sections) {
      const card = page.locator('section').filter({ has: page.getByRole('heading', { name: new RegExp(title) }) });
      await expect(card.getByRole('heading')).toContainText(`${desk[key].length} 项`);
      // One's own work is shown whole; the city-wide lists show their first dozen. Each line links to where it is done.
      const shown = CITY_WIDE.includes(key) ? Math.min(desk[key].length, 12) : desk[key].length;
      await expect(card.getByRole('listitem')).toHaveCount(shown);
      if (shown > 0) {
        const first = desk[key][0];
        const href = first.link;
        await expect(card.locator(`a[href="${href}"]`).first()).toBeVisible();
      }
    }
  });
}

test('a signed-out visit keeps next= and lands where it was going, not on the desk', async ({ page }) => {
  await page.goto('/board');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('用户名').fill('leader');
  await page.getByLabel('密码').fill('demo2018');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/board/);
});

test('an officer files a due report in one click from the desk, and it leaves the list', async ({ page }) => {
  await signIn(page, 'officer2');
  await expect(page).toHaveURL(/\/desk$/);
  const before = await (await page.request.get('/api/v1/desk')).json();
  expect(before.reportsDue.length).toBeGreaterThan(0);
  const due = before.reportsDue[0];

  await page.getByRole('link', { name: new RegExp(`^填报 ${due.projectName}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${due.projectId}/reports$`));
  const form = page.getByRole('form', { name: '填报月度进度' });
  // The form opens on the month the desk said is due.
  await expect(form.getByLabel('报告月份')).toHaveValue(due.month);
  await form.getByLabel('本月完成投资（万元）').fill('120');
  await form.getByLabel('形象进度（%）').fill('35');
  await form.getByLabel('形象进度说明').fill('主体结构施工');
  await form.getByRole('button', { name: '提交进度报告' }).click();
  const [dueYear, dueMonth] = due.month.split('-');
  await expect(page.getByRole('status').filter({ hasText: '已报送' })).toHaveText(
    `已报送 ${dueYear}年${Number(dueMonth)}月进度`,
  );

  await page.getByRole('link', { name: '工作台' }).first().click();
  await expect(page).toHaveURL(/\/desk$/);
  const after = await (await page.request.get('/api/v1/desk')).json();
  expect(after.reportsDue.map((r: { projectId: number }) => r.projectId)).not.toContain(due.projectId);
  expect(after.reportsDue.length).toBe(before.reportsDue.length - 1);
  await expect(page.getByRole('link', { name: new RegExp(`^填报 ${due.projectName}`) })).toHaveCount(0);
});
