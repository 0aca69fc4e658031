import http from 'node:http';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './support';

// The server runs one process per core (scripts/serve.mjs). A write answered by one process must
// show at once in the cached figures, the alert badge and the alerts of every other process.

interface Answer {
  status: number;
  worker: string;
  body: any;
  cookie?: string;
}

/** One request on its own connection, so the cluster hands it to the next process in turn. */
function send(base: string, method: string, path: string, cookie?: string, body?: unknown): Promise<Answer> {
  const url = new URL(path, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method,
        agent: false,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(payload ? { 'content-type': 'application/json', origin: url.origin } : {}),
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // HTML
          }
          const setCookie = response.headers['set-cookie']?.map((c) => c.split(';')[0]).join('; ');
          resolve({
            status: response.statusCode ?? 0,
            worker: String(response.headers['x-jkp-worker'] ?? ''),
            body: parsed,
            cookie: setCookie,
          });
        });
      },
    );
    request.on('error', reject);
    if (payload) request.write(payload);
    request.end();
  });
}

/** The same GET answered by each process at least once: worker id → body. */
async function fromEveryWorker(base: string, path: string, cookie: string): Promise<Map<string, any>> {
  const seen = new Map<string, any>();
  for (let i = 0; i < 40 && seen.size < 2; i += 1) {
    const answer = await send(base, 'GET', path, cookie);
    expect(answer.status, path).toBe(200);
    if (!seen.has(answer.worker)) seen.set(answer.worker, answer.body);
  }
  return seen;
}

const boardCount = (body: { columns: Array<{ count: number }> }) =>
  body.columns.reduce((total, column) => total + column.count, 0);

test('a write through one process shows in every process: board sums, the badge, the alert list', async ({
  baseURL,
}) => {
  const base = baseURL!;
  const login = await send(base, 'POST', '/api/v1/session', undefined, {
    username: 'admin',
    password: DEMO_PASSWORD,
  });
  expect(login.status).toBe(200);
  const cookie = login.cookie!;

  // Prime every process's caches, and check there really are two processes answering.
  const boards = await fromEveryWorker(base, '/api/v1/board', cookie);
  expect([...boards.keys()].filter(Boolean).length, 'two server processes answer').toBe(2);
  const before = new Set([...boards.values()].map(boardCount));
  expect(before.size, 'both processes agree before the write').toBe(1);
  const countBefore = [...before][0];
  await fromEveryWorker(base, '/api/v1/alerts', cookie);

  // Write through whichever process answers: a new project with a task already overdue turns red.
  const units = await send(base, 'GET', '/api/v1/units', cookie);
  const unitId = (units.body.data ?? units.body)[0].id;
  const created = await send(base, 'POST', '/api/v1/projects', cookie, {
    name: '跨进程一致性检查项目',
    category: 'government',
    unitId,
    totalInvestment: 4321,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const projectId = created.body.id as number;
  const task = await send(base, 'POST', `/api/v1/projects/${projectId}/tasks`, cookie, {
    title: '已逾期的任务',
    dueDate: '2020-01-01',
  });
  expect(task.status, JSON.stringify(task.body)).toBe(201);

  const after = await fromEveryWorker(base, '/api/v1/board', cookie);
  for (const [worker, body] of after) expect(boardCount(body), `board in process ${worker}`).toBe(countBefore + 1);
  const alerts = await fromEveryWorker(base, '/api/v1/alerts', cookie);
  for (const [worker, body] of alerts) {
    const list = body as Array<{ projectId?: number }>;
    expect(
      list.some((alert) => alert.projectId === projectId),
      `alerts in process ${worker}`,
    ).toBe(true);
  }
});

test('every process draws the same alert badge, equal to the rows of the alert list', async ({ baseURL }) => {
  const base = baseURL!;
  const login = await send(base, 'POST', '/api/v1/session', undefined, { username: 'leader', password: DEMO_PASSWORD });
  const cookie = login.cookie!;
  const alerts = (await send(base, 'GET', '/api/v1/alerts', cookie)).body as Array<{
    projectId?: number;
    leadId?: number;
  }>;
  const rows = new Set(
    alerts.map((alert) => (alert.leadId != null ? `lead:${alert.leadId}` : `project:${alert.projectId}`)),
  );
  expect(rows.size).toBeGreaterThan(0);
  const badges = new Map<string, number>();
  for (let i = 0; i < 40 && badges.size < 2; i += 1) {
    const answer = await send(base, 'GET', '/desk', cookie);
    expect(answer.status).toBe(200);
    const badge = Number(/(\d+) 个项目有预警/.exec(String(answer.body))?.[1] ?? NaN);
    if (!badges.has(answer.worker)) badges.set(answer.worker, badge);
  }
  expect(badges.size).toBe(2);
  for (const [worker, badge] of badges) expect(badge, `badge in process ${worker}`).toBe(rows.size);
});
