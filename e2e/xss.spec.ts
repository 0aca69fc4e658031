import { expect, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './support';
import { expectLiteral, expectNoScriptRan, installXssTrap, xss } from './xss-payloads';

// Names, narratives and notes with injected markup render as text everywhere they are shown.
// After the projects, board and import merge, add the ledger, board, project page and report here.

const shiftDays = (days: number) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
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
  };
  const investment = (await (await api.get('/api/v1/users?role=investment')).json()) as { id: number }[];
  const lead = await post(api, '/api/v1/leads', { company: text.company, origin: text.origin, proposedProject: text.proposed, ownerId: investment[0].id, intendedInvestment: 1000 });
  await post(api, `/api/v1/leads/${lead.id}/followups`, { date: shiftDays(0), kind: 'phone', note: text.followup });

  const projectId = ((await (await api.get('/api/v1/problems?pageSize=1')).json()) as { items: { projectId: number; unitId: number }[] }).items[0].projectId;
  const units = (await (await api.get('/api/v1/units')).json()) as { id: number }[];
  const open = await post(api, `/api/v1/projects/${projectId}/problems`, { type: 'land', description: text.problem, unitId: units[0].id, deadline: shiftDays(30) });
  const closed = await post(api, `/api/v1/projects/${projectId}/problems`, { type: 'other', description: '待销号的问题', unitId: units[0].id, deadline: shiftDays(30) });
  await post(api, `/api/v1/problems/${closed.id}`, { closed: true, resolution: text.resolution, version: closed.version }, 'patch');
  const order = await post(api, `/api/v1/projects/${projectId}/supervisions`, { content: text.supervision, deadline: shiftDays(5) });
  await post(api, `/api/v1/supervisions/${order.id}/replies`, { text: text.reply });
  await post(api, '/api/v1/admin/users', { username: 'xss_user', name: text.user, role: 'leader', password: DEMO_PASSWORD });
  expect(open.description).toBe(text.problem);

  // The unit through its form, the one way to name a unit.
  await page.goto('/admin/units');
  await page.locator('#new-unit-name').fill(text.unit);
  await page.locator('#new-unit-code').fill('XSS-01');
  await page.locator('#new-unit-kind').selectOption('zone');
  await page.getByRole('button', { name: '添加单位' }).click();
  await expect(page.getByText('已添加。')).toBeVisible();

  const visits: Array<[string, string[]]> = [
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
    await expectNoScriptRan(page, dialogs);
  }
});
