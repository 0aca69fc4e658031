import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support';

// Issue 15, the loop end to end: a leader holds a 调度会, fills its agenda, decides an item on an
// officer's project and closes the meeting; the officer finds the new 督办 on the desk with a
// notification and replies; the leader finds the reply on the desk and closes the 督办.

const inDays = (days: number) => {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const one = <T>(sql: string, ...args: unknown[]) => {
  const handle = new Database(process.env.E2E_DATABASE_PATH!, { timeout: 5000 });
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

test('a 调度会 decision becomes the officer’s 督办 on the desk, answered and closed', async ({ page }) => {
  const officer = one<{ id: number; name: string }>("select id, name from users where username = 'officer'");
  const project = one<{ id: number; name: string }>(
    "select id, name from projects where owner_id = ? and status = 'active' order by id limit 1",
    officer.id,
  );
  const stamp = Date.now().toString(36).slice(-5);
  const title = `周调度会${stamp}`;
  const decision = `倒排工期本月内完成主体封顶${stamp}`;
  const deadline = inDays(14);

  // The leader holds the meeting.
  await asUser(page, 'leader');
  await page.goto('/meetings');
  await page.getByRole('button', { name: '新建调度会' }).click();
  const create = page.getByRole('dialog', { name: '新建调度会' });
  await create.getByLabel('会议名称').fill(title);
  await create.getByLabel('会议类型').selectOption({ label: '周调度会' });
  await create.getByLabel('会议日期').fill(inDays(0));
  await create.getByRole('button', { name: '创建' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: '自动生成议程' }).click();
  await expect(page.getByRole('status').filter({ hasText: /已加入 \d+ 条议题/ })).toBeVisible();

  await page.getByRole('button', { name: '添加议题' }).click();
  const add = page.getByRole('dialog', { name: '添加议题' });
  await add.getByLabel('议题').fill(`${project.name}推进情况`);
  await add.getByLabel('关联项目').selectOption({ label: project.name });
  await add.getByRole('button', { name: '添加' }).click();
  await expect(add).not.toBeVisible();
  const agenda = page.locator('section').filter({ has: page.getByRole('heading', { name: /^议程（\d+ 条）$/ }) });
  const item = agenda.getByRole('listitem').filter({ hasText: `${project.name}推进情况` });
  await item.getByRole('button', { name: /^作出决定/ }).click();
  const decide = page.getByRole('dialog', { name: '会议决定' });
  await decide.getByLabel('会议决定').fill(decision);
  await decide.getByLabel('责任人').selectOption({ label: officer.name });
  await decide.getByLabel('办结时限').fill(deadline);
  await decide.getByRole('button', { name: '保存决定' }).click();
  await expect(decide).not.toBeVisible();
  await expect(item).toContainText(`决定：${decision}`);
  await page.getByRole('button', { name: '闭会' }).click();
  const confirm = page.getByRole('dialog', { name: '确认闭会' });
  await confirm.getByRole('button', { name: '确认闭会' }).click();
  await expect(confirm).not.toBeVisible();
  await expect(page.getByText('已闭会', { exact: true }).first()).toBeVisible();

  // The officer lands on the desk: the 督办 waits for an answer, and the bell says so.
  await asUser(page, 'officer');
  await expect(page).toHaveURL(/\/desk$/);
  const line = page.getByRole('list', { name: /待我回复的督办/ }).getByRole('link', { name: new RegExp(decision) });
  await expect(line).toBeVisible();
  // 督办 to answer are the officer's first card.
  await expect(page.locator('[id^="desk-"]').first()).toHaveAttribute('id', 'desk-answer');
  const bell = page.getByTestId('notification-bell');
  await expect(bell.getByTestId('notification-unread')).toHaveText(/\d+/);
  await bell.getByRole('button', { name: /通知/ }).click();
  await expect(page.getByRole('region', { name: '通知' })).toContainText('调度会议定事项');
  await page.keyboard.press('Escape');

  await line.click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project.id}/problems#supervision-\\d+`));
  const card = page.locator('article[id^="supervision-"]').filter({ hasText: decision });
  const reply = card.locator('details', { has: page.locator('summary', { hasText: '回复督办' }) }).first();
  if (!(await reply.evaluate((el) => (el as HTMLDetailsElement).open))) await reply.locator('summary').click();
  await reply.getByLabel('办理情况').fill('已组织三班倒施工，12 月中旬封顶');
  await reply.getByRole('button', { name: '提交回复' }).click();
  await expect(card.getByText('已回复', { exact: true })).toBeVisible();

  // The leader finds it to close on the desk and closes it.
  await asUser(page, 'leader');
  await page.goto('/desk');
  const toClose = page.getByRole('list', { name: /待我办结的督办/ }).getByRole('link', { name: new RegExp(decision) });
  await expect(toClose).toBeVisible();
  await toClose.click();
  const leaderCard = page.locator('article[id^="supervision-"]').filter({ hasText: decision });
  await leaderCard.locator('summary', { hasText: /^办结$/ }).click();
  page.once('dialog', (dialog) => dialog.accept());
  await leaderCard.getByRole('button', { name: '标记已办结' }).click();
  await expect(leaderCard.getByText('已办结', { exact: true }).first()).toBeVisible();
  await expect(leaderCard.getByRole('list', { name: '回复记录' })).toContainText('办结');
});
