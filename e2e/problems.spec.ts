import Database from 'better-sqlite3';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { signIn } from './support';

// Problems, 督办 and the alert centre, as the officer, the leader and the investment user use them.

const beijingToday = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
const shiftDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const db = () => new Database(process.env.E2E_DATABASE_PATH!, { timeout: 5000 });
const one = <T>(sql: string, ...args: unknown[]) => {
  const handle = db();
  try {
    return handle.prepare(sql).get(...args) as T;
  } finally {
    handle.close();
  }
};

/** Opens a <details> by its summary text unless it is already open. */
async function openDetails(scope: Locator, summary: string) {
  const details = scope.locator('details', { has: scope.page().locator('summary', { hasText: summary }) }).first();
  if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open)))
    await details.locator('summary').first().click();
  return details;
}

async function asUser(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}

test('officer raises a 用地 problem, leader escalates it to 市级协调会, officer closes it off; the history shows every step', async ({
  page,
}) => {
  page.on('dialog', (dialog) => dialog.accept());
  const officer = one<{ id: number; unit_id: number }>("select id, unit_id from users where username = 'officer'");
  const project = one<{ id: number }>(
    "select id from projects where unit_id = ? and status = 'active' order by id limit 1",
    officer.unit_id,
  );
  const description = `E2E 用地指标不足 ${Date.now()}`;

  await asUser(page, 'officer');
  await page.goto(`/projects/${project.id}/problems`);
  await page.locator('summary', { hasText: '提出问题' }).click();
  await page.getByLabel('问题类型').selectOption({ label: '用地' });
  await page.getByLabel('问题描述').fill(description);
  await page.getByLabel('解决时限').fill(shiftDays(beijingToday(), 10));
  await page.getByRole('button', { name: '提交问题' }).click();
  const card = page.locator('article', { hasText: description });
  await expect(card).toBeVisible();
  await expect(card.getByText('县区', { exact: true })).toBeVisible();
  await expect(card.getByText('用地', { exact: true })).toBeVisible();

  await asUser(page, 'leader');
  await page.goto(`/projects/${project.id}/problems`);
  let details = await openDetails(card, '上报至市直部门');
  await details.getByLabel('上报说明').fill('县区层面无法调剂用地指标');
  await details.getByRole('button', { name: '确认上报至市直部门' }).click();
  await expect(card.getByText('市直部门', { exact: true })).toBeVisible();
  details = await openDetails(card, '上报至市级协调会');
  await details.getByLabel('上报说明').fill('提请市级协调会研究');
  await details.getByRole('button', { name: '确认上报至市级协调会' }).click();
  await expect(card.getByText('市级协调会', { exact: true })).toBeVisible();

  // The leaders' view lists what has reached 市级协调会.
  await page.goto('/problems?view=meeting&sort=newest');
  await expect(page.getByRole('link', { name: description }).first()).toBeVisible();

  await asUser(page, 'officer');
  await page.goto(`/projects/${project.id}/problems`);
  details = await openDetails(card, '销号');
  await details.getByLabel('解决情况').fill('经市级协调会调剂用地指标，问题解决');
  await details.getByRole('button', { name: '确认销号' }).click();
  await expect(card.getByText('已销号', { exact: true })).toBeVisible();
  await expect(card.getByText('经市级协调会调剂用地指标，问题解决').first()).toBeVisible();

  await card.getByText(/处理记录/).click();
  const log = card.getByRole('list', { name: '处理记录' });
  await expect(log.getByRole('listitem')).toHaveCount(4);
  await expect(log).toContainText('提出');
  await expect(log).toContainText('上报：县区 → 市直部门');
  await expect(log).toContainText('上报：市直部门 → 市级协调会');
  await expect(log).toContainText('销号');

  const problemId = one<{ id: number }>('select id from problems where description = ?', description).id;
  const history = await (await page.request.get(`/api/v1/problems/${problemId}/history`)).json();
  expect(history.map((e: { action: string }) => e.action)).toEqual(['raised', 'escalated', 'escalated', 'closed']);
});

test('leader issues a 督办, the officer sees it in 预警 and replies, the leader marks it 已办结', async ({ page }) => {
  page.on('dialog', (dialog) => dialog.accept());
  const officer = one<{ id: number }>("select id from users where username = 'officer'");
  const project = one<{ id: number }>(
    "select id from projects where owner_id = ? and status = 'active' order by id desc limit 1",
    officer.id,
  );
  const content = `督办E2E${Date.now() % 100000}`;

  await asUser(page, 'leader');
  await page.goto(`/projects/${project.id}/problems`);
  await page.locator('summary', { hasText: '下达督办' }).click();
  await page.getByLabel('督办事项').fill(content);
  await page.getByLabel('办理时限').fill(shiftDays(beijingToday(), 7));
  await page.getByRole('button', { name: '下达督办' }).click();
  const card = page.locator('article', { hasText: content });
  await expect(card.getByText('待回复', { exact: true })).toBeVisible();

  await asUser(page, 'officer');
  await page.goto('/alerts');
  const alert = page.getByTestId('alert').filter({ hasText: content });
  await expect(alert).toContainText('督办待回复');
  await expect(alert).toContainText('还有 7 天');
  await expect(page.getByRole('link', { name: /预警/ }).first()).toContainText(/\d/);
  await alert.getByRole('link', { name: /去处理/ }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project.id}/problems#supervision-\\d+`));
  const reply = await openDetails(card, '回复督办');
  await reply.getByLabel('办理情况').fill('已向住建局提交全部材料');
  await reply.getByRole('button', { name: '提交回复' }).click();
  await expect(card.getByText('已回复', { exact: true })).toBeVisible();
  await expect(card.getByRole('list', { name: '回复记录' })).toContainText('已向住建局提交全部材料');

  await asUser(page, 'leader');
  await page.goto(`/projects/${project.id}/problems`);
  const done = await openDetails(card, '办结');
  await done.getByRole('button', { name: '标记已办结' }).click();
  await expect(card.getByText('已办结', { exact: true }).first()).toBeVisible();

  await asUser(page, 'officer');
  await page.goto('/alerts');
  await expect(page.getByTestId('alert').filter({ hasText: content })).toHaveCount(0);
});

test('a project whose problem passes its deadline turns red and reaches the alert centre', async ({ page }) => {
  const officer2 = one<{ unit_id: number }>("select unit_id from users where username = 'officer2'");
  const project = one<{ id: number }>(
    "select id from projects where unit_id = ? and light = 'green' and status = 'active' and stage in ('signed','approvals','construction') order by id limit 1",
    officer2.unit_id,
  );
  await asUser(page, 'officer2');
  const raised = await page.request.post(`/api/v1/projects/${project.id}/problems`, {
    data: {
      type: 'utilities',
      description: '供电线路未接通',
      unitId: officer2.unit_id,
      deadline: shiftDays(beijingToday(), 10),
    },
  });
  expect(raised.status()).toBe(201);
  const problem = await raised.json();
  expect(one<{ light: string }>('select light from projects where id = ?', project.id).light).toBe('green');

  // Time passes: the deadline is now yesterday, and the project's light is due for its recheck.
  const handle = db();
  handle.prepare('update problems set deadline = ? where id = ?').run(shiftDays(beijingToday(), -1), problem.id);
  handle.prepare('update projects set light_recheck_on = ? where id = ?').run(beijingToday(), project.id);
  handle.close();

  const alerts = await (await page.request.get('/api/v1/alerts')).json();
  const alert = alerts.find(
    (a: { refId: number; kind: string }) => a.refId === problem.id && a.kind === 'problem_overdue',
  );
  expect(alert).toMatchObject({ severity: 'red', projectId: project.id, daysLate: 1 });
  expect(one<{ light: string }>('select light from projects where id = ?', project.id).light).toBe('red');

  await page.goto('/alerts');
  const red = page.getByRole('region', { name: /红色预警/ });
  await expect(red.getByTestId('alert').filter({ hasText: '供电线路未接通' })).toContainText('逾期 1 天');
});

test("an investment user's overdue lead shows in their 预警", async ({ page }) => {
  const me = one<{ id: number }>("select id from users where username = 'investment'");
  const overdue = one<{ n: number }>(
    "select count(*) as n from leads where owner_id = ? and stage in ('prospect','contacting','negotiating','signed') and next_follow_up_date < ?",
    me.id,
    beijingToday(),
  ).n;
  expect(overdue).toBeGreaterThan(0);
  await asUser(page, 'investment');
  await page.goto('/alerts');
  const leadAlerts = page.getByTestId('alert').filter({ hasText: '线索跟进逾期' });
  await expect(leadAlerts).toHaveCount(overdue);
  await expect(leadAlerts.first()).toContainText(/逾期 \d+ 天/);
  await expect(leadAlerts.first().getByRole('link', { name: /去处理/ })).toHaveAttribute('href', /^\/leads\/\d+$/);
});
