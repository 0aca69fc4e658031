import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './support';
import { expectLiteral, expectNoScriptRan, installXssTrap, xss } from './xss-payloads';

// Names, narratives and notes with injected markup render as text everywhere they are shown:
// leads, problems, 督办, admin, and a project (name, 概况, tasks, reports, 六个一, history, 前期手续)
// as the ledger, the board, the project page and its tabs, and the dashboard show it.

const shiftDays = (days: number) => {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

async function post(request: APIRequestContext, url: string, data: unknown, method: 'post' | 'patch' = 'post') {
  const response = await request[method](url, { data });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

test('injected markup in every reachable free-text field renders as text, and no script runs', async ({ page }) => {
  test.setTimeout(120_000);
  const dialogs = await installXssTrap(page);
  await signIn(page, 'admin');
  const api = page.request;

  const text = {
    company: xss('XSS企业', 0),
    origin: xss('来源', 3),
    proposed: xss('拟建', 1),
    followup: xss('跟进', 1),
    problem: xss('问题', 2),
    resolution: xss('销号', 0),
    supervision: xss('督办', 4),
    reply: xss('回复', 5),
    user: xss('用户', 1),
    unit: xss('单位', 6),
    project: xss('XSS项目', 0),
    location: xss('地点', 1),
    description: xss('概况', 5),
    task: xss('任务', 1),
    narrative: xss('进展', 0),
    problemsMet: xss('困难', 3),
    taskForce: xss('专班', 4),
    plan: xss('方案', 6),
    reason: xss('退回', 2),
    office: xss('审批', 1),
  };
  const investment = (await (await api.get('/api/v1/users?role=investment')).json()) as { id: number }[];
  const lead = await post(api, '/api/v1/leads', {
    company: text.company,
    origin: text.origin,
    proposedProject: text.proposed,
    ownerId: investment[0].id,
    intendedInvestment: 1000,
  });
  await post(api, `/api/v1/leads/${lead.id}/followups`, { date: shiftDays(0), kind: 'phone', note: text.followup });

  const projectId = (
    (await (await api.get('/api/v1/problems?pageSize=1')).json()) as { items: { projectId: number; unitId: number }[] }
  ).items[0].projectId;
  const units = (await (await api.get('/api/v1/units')).json()) as { id: number }[];
  const open = await post(api, `/api/v1/projects/${projectId}/problems`, {
    type: 'land',
    description: text.problem,
    unitId: units[0].id,
    deadline: shiftDays(30),
  });
  const closed = await post(api, `/api/v1/projects/${projectId}/problems`, {
    type: 'other',
    description: '待销号的问题',
    unitId: units[0].id,
    deadline: shiftDays(30),
  });
  await post(
    api,
    `/api/v1/problems/${closed.id}`,
    { closed: true, resolution: text.resolution, version: closed.version },
    'patch',
  );
  const order = await post(api, `/api/v1/projects/${projectId}/supervisions`, {
    content: text.supervision,
    deadline: shiftDays(5),
  });
  await post(api, `/api/v1/supervisions/${order.id}/replies`, { text: text.reply });
  // A fresh user name per attempt, so a retry does not collide with the first attempt's user.
  await post(api, '/api/v1/admin/users', {
    username: `xss_user_${Date.now()}`,
    name: text.user,
    role: 'leader',
    password: DEMO_PASSWORD,
  });
  expect(open.description).toBe(text.problem);

  // The unit through its form, the one way to name a unit.
  await page.goto('/admin/units');
  await page.locator('#new-unit-name').fill(text.unit);
  await page.locator('#new-unit-code').fill('XSS-01');
  await page.locator('#new-unit-kind').selectOption('zone');
  await page.getByRole('button', { name: '添加单位' }).click();
  await expect(page.getByText('已添加。')).toBeVisible();

  // A project in that unit, so its name also reaches the dashboard's unit breakdown and ranking.
  const unitId = ((await (await api.get('/api/v1/units')).json()) as { id: number; name: string }[]).find(
    (u) => u.name === text.unit,
  )!.id;
  const leaders = (await (await api.get('/api/v1/users?role=leader')).json()) as { id: number }[];
  const project = await post(api, '/api/v1/projects', {
    name: text.project,
    category: 'government',
    unitId,
    leaderId: leaders[0].id,
    totalInvestment: 5000,
    plannedInvestmentThisYear: 2000,
    location: text.location,
    description: text.description,
    taskForce: text.taskForce,
    plan: text.plan,
  });
  await post(api, `/api/v1/projects/${project.id}/tasks`, { title: text.task, dueDate: shiftDays(-3) });
  await post(api, `/api/v1/projects/${project.id}/reports`, {
    month: shiftDays(0).slice(0, 7),
    investmentThisMonth: 300,
    progressPercent: 15,
    narrative: text.narrative,
    problemsMet: text.problemsMet,
  });
  const moved = await post(api, `/api/v1/projects/${project.id}/transitions`, {
    to: 'approvals',
    version: (await (await api.get(`/api/v1/projects/${project.id}`)).json()).version,
  });
  await post(api, `/api/v1/projects/${project.id}/transitions`, {
    to: 'reserve',
    reason: text.reason,
    version: moved.version,
  });
  const approval = (
    (await (await api.get(`/api/v1/projects/${project.id}`)).json()) as { approvals: { id: number; version: number }[] }
  ).approvals[0];
  await post(
    api,
    `/api/v1/approvals/${approval.id}`,
    { version: approval.version, status: 'in_progress', office: text.office },
    'patch',
  );

  const visits: Array<[string, string[]]> = [
    ['/projects?q=XSS项目', [text.project]],
    ['/board?q=XSS项目', [text.project]],
    [`/projects/${project.id}`, [text.project, text.location, text.description]],
    [`/projects/${project.id}/tasks`, [text.task]],
    [`/projects/${project.id}/reports`, [text.narrative, text.problemsMet]],
    [`/projects/${project.id}/responsibility`, [text.taskForce, text.plan]],
    [`/projects/${project.id}/history`, [text.reason]],
    [`/projects/${project.id}/approvals`, [text.office]],
    ['/dashboard', [text.unit]],
    // Filtered, so the lead is on the column's first page of cards.
    ['/leads/board?q=XSS企业', [text.company]],
    ['/leads', [text.company]],
    [`/leads/${lead.id}`, [text.company, text.origin, text.proposed, text.followup]],
    ['/problems', [text.problem]],
    ['/alerts', []],
    [`/projects/${projectId}/problems`, [text.problem, text.resolution, text.supervision, text.reply]],
    ['/admin/users', [text.user]],
    ['/admin/units', [text.unit]],
  ];
  for (const [url, shown] of visits) {
    await page.goto(url);
    await expect(page.locator('main')).toBeVisible();
    for (const literal of shown) await expectLiteral(page, literal);
    // Chart tooltips are HTML: hover each chart so any name that reaches a tooltip is rendered.
    for (const canvas of await page.locator('canvas').all()) {
      const box = await canvas.boundingBox();
      if (!box) continue;
      for (const fx of [0.25, 0.5, 0.75]) await page.mouse.move(box.x + box.width * fx, box.y + box.height * 0.6);
    }
    await expectNoScriptRan(page, dialogs);
  }
});
