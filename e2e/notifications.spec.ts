import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support';

// Issue 15 points 2 and 3: a leader's 紧急 督办 reaches its officer through the bell and the 督办
// inbox; the officer's reply reaches the leader the same way; digest kinds are chosen on /account.

const inDays = (days: number) => {
  const d = new Date();
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

test('紧急 督办: the officer is told by the bell, answers from the inbox, and the leader is told of the reply', async ({
  page,
}) => {
  const officer = one<{ id: number; name: string }>("select id, name from users where username = 'officer'");
  const project = one<{ id: number }>(
    "select id from projects where owner_id = ? and status = 'active' order by id limit 1",
    officer.id,
  );
  const content = `紧急督办E2E${Date.now() % 100000}`;

  await asUser(page, 'leader');
  await page.goto(`/projects/${project.id}/problems`);
  await page.locator('summary', { hasText: '下达督办' }).click();
  await page.getByLabel('督办事项').fill(content);
  await page.getByLabel('办理时限').fill(inDays(30));
  await expect(page.getByLabel('责任人')).toHaveValue(String(officer.id));
  await page.getByLabel('紧急程度').selectOption('urgent');
  await page.getByRole('button', { name: '下达督办' }).click();
  const card = page.locator('article', { hasText: content });
  await expect(card.getByText('紧急', { exact: true })).toBeVisible();

  await asUser(page, 'officer');
  const bell = page.getByTestId('notification-bell');
  await expect(bell.getByTestId('notification-unread')).toHaveText(/\d+/);
  await bell.getByRole('button', { name: /通知/ }).click();
  const panel = page.getByRole('region', { name: '通知' });
  await expect(panel).toContainText(content);
  await panel.getByRole('button').filter({ hasText: '收到督办' }).filter({ hasText: content }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project.id}/problems#supervision-\\d+`));
  await expect(card).toBeVisible();

  await page.goto('/notifications');
  const inbox = page.getByTestId('supervision-inbox');
  const entry = inbox.getByRole('link', { name: new RegExp(content) });
  await expect(entry).toContainText('紧急');
  await entry.click();
  await card.locator('summary', { hasText: '回复督办' }).isVisible();
  const reply = card.locator('details', { has: page.locator('summary', { hasText: '回复督办' }) }).first();
  if (!(await reply.evaluate((el) => (el as HTMLDetailsElement).open))) await reply.locator('summary').click();
  await reply.getByLabel('办理情况').fill('已约谈施工单位，三日内进场');
  await reply.getByRole('button', { name: '提交回复' }).click();
  await expect(card.getByText('已回复', { exact: true })).toBeVisible();

  await asUser(page, 'leader');
  await page.goto('/notifications');
  await expect(page.getByTestId('notification-list')).toContainText(`督办"${content}"已回复`);
  await expect(page.getByTestId('supervision-inbox')).toContainText(content);
  await page.getByRole('button', { name: '全部标为已读' }).click();
  await expect(page.getByTestId('notification-list')).not.toContainText('未读');
});

test('each user chooses the notification kinds of their daily digest on /account', async ({ page }) => {
  await asUser(page, 'officer');
  await page.goto('/account');
  const form = page.getByTestId('digest-kinds-form');
  const stage = form.getByLabel('项目阶段变更');
  await expect(stage).not.toBeChecked();
  await stage.check();
  await form.getByLabel('收到督办').uncheck();
  await form.getByRole('button', { name: '保存日报设置' }).click();
  await expect(form).toContainText('已保存');
  await page.reload();
  await expect(page.getByTestId('digest-kinds-form').getByLabel('项目阶段变更')).toBeChecked();
  await expect(page.getByTestId('digest-kinds-form').getByLabel('收到督办')).not.toBeChecked();
  const saved = one<{ kinds: string }>("select digest_kinds kinds from users where username = 'officer'");
  expect(JSON.parse(saved.kinds)).toContain('stage_moved');
  expect(JSON.parse(saved.kinds)).not.toContain('supervision_issued');
});
