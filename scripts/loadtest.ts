// npm run loadtest [-- --duration 60 --users 50 --think 0 --db data/bench.db --port 0]
// Starts the production server (scripts/start.mjs, which rebuilds when sources are newer) on a
// temporary copy of the 14,000-project database, signs in demo users of every role and drives a
// mixed load from 50 concurrent users for 60 s: 80% reads (board, filtered ledger pages, project
// pages and tabs, API lists) and 20% writes (monthly reports, tasks, stage moves with the version
// read just before). A 409 is an expected conflict, retried or counted apart, never an error.
// By default the users click without pause (a closed loop at full speed, what autocannon does);
// --think MS gives each user a pause of 0.5–1.5 × MS between requests, as people reading a page.
// Afterwards, with the server stopped: PRAGMA integrity_check, and a lost-write check: every write
// the server acknowledged is in the database, and nothing else was written.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const root = path.resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const position = argv.indexOf(`--${name}`);
  return position >= 0 && argv[position + 1] ? argv[position + 1] : fallback;
};
const durationS = Number(option('duration', '60'));
const userCount = Number(option('users', '50'));
const thinkMs = Number(option('think', '0'));
const sourceDb = path.resolve(root, option('db', 'data/bench.db'));
const WRITE_SHARE = 0.2;
const PASSWORD = 'demo2018';
const STAGES = ['reserve', 'signed', 'approvals', 'construction', 'completed', 'operating'] as const;
type Stage = (typeof STAGES)[number];

// ------------------------------------------------------------------ setup

async function freePort(): Promise<number> {
  const wanted = Number(option('port', '0'));
  if (wanted) return wanted;
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

function prepareDatabase(): string {
  if (!fs.existsSync(sourceDb)) {
    console.log(`未找到 ${path.relative(root, sourceDb)}，正在生成 14,000 个项目的演示库…`);
    const result = spawnSync(
      'npx',
      ['tsx', 'scripts/generate-demo.ts', '--projects', '14000', '--leads', '3000', '--out', sourceDb],
      { cwd: root, stdio: 'inherit' },
    );
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  // A copy, so the load test never grows the original.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkp-loadtest-'));
  const copy = path.join(dir, 'loadtest.db');
  const source = new Database(sourceDb, { readonly: true });
  source.exec(`vacuum into '${copy.replace(/'/g, "''")}'`);
  source.close();
  return copy;
}

async function waitFor(url: string, server: ChildProcess, timeoutMs = 300_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error('服务器启动失败');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`服务器未能启动：${url}`);
}

function stopServer(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || !server.pid) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(-server.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 10_000);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-server.pid, 'SIGTERM'); // the process group: start.mjs and the next server under it
    } catch {
      resolve();
    }
  });
}

// ------------------------------------------------------------------ measuring

/** CPU seconds used so far by every process in the server's process group (Linux /proc). */
function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // After "(comm) ": state ppid pgrp session … utime is the 12th, stime the 13th.
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100;
}

interface Sample {
  route: string;
  kind: 'read' | 'write';
  ms: number;
  status: number;
  /** The cluster worker that answered (x-jkp-worker), when the server says. */
  worker?: string;
}
const samples: Sample[] = [];
const errors: Array<{ route: string; status: number; detail: string }> = [];
let conflicts = 0;
let conflictRetries = 0;

let base = '';
interface Reply {
  status: number;
  text: string;
  json: () => any;
}
async function timed(
  route: string,
  kind: 'read' | 'write',
  cookie: string,
  url: string,
  init: RequestInit = {},
): Promise<Reply | null> {
  const started = performance.now();
  let reply: Reply;
  let response: Response;
  try {
    response = await fetch(base + url, {
      ...init,
      redirect: 'manual',
      headers: { cookie, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    });
    // The whole body is read: the time to the last byte is what a user waits for.
    const text = await response.text();
    reply = { status: response.status, text, json: () => JSON.parse(text) };
  } catch (error) {
    samples.push({ route, kind, ms: performance.now() - started, status: 0 });
    errors.push({ route, status: 0, detail: String(error) });
    return null;
  }
  samples.push({
    route,
    kind,
    ms: performance.now() - started,
    status: reply.status,
    worker: response.headers.get('x-jkp-worker') ?? undefined,
  });
  return reply;
}

async function json<T>(cookie: string, url: string): Promise<T> {
  const response = await fetch(base + url, { headers: { cookie } });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

const percentile = (sorted: number[], rank: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((rank / 100) * sorted.length) - 1)] : 0;

// ------------------------------------------------------------------ the load

interface Session {
  username: string;
  role: string;
  cookie: string;
  unitId: number | null;
}
const rand = (below: number) => Math.floor(Math.random() * below);
const pick = <T>(items: readonly T[]): T => items[rand(items.length)];
const monthNow = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7);
const dayPlus = (days: number) => {
  const date = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
};

const acked = {
  reports: [] as number[],
  tasks: [] as number[],
  moves: new Map<number, Array<{ version: number; to: Stage }>>(),
};
const reportedThisRun = new Set<number>();

function nextMove(stage: Stage): { to: Stage; reason?: string; override?: boolean } {
  switch (stage) {
    case 'reserve':
      return { to: Math.random() < 0.5 ? 'signed' : 'approvals' };
    case 'signed':
      return { to: 'approvals' };
    case 'approvals':
      return { to: 'construction', override: true, reason: '压力测试：容缺推进' };
    case 'construction':
      return { to: 'completed' };
    case 'completed':
      return { to: 'operating' };
    default:
      return { to: 'completed', reason: '压力测试：退回竣工阶段复核' };
  }
}

async function main() {
  const load = os
    .loadavg()
    .map((average) => average.toFixed(2))
    .join(' ');
  console.log(`机器负载（1/5/15 分钟）：${load}，CPU ${os.cpus().length} 核`);
  const dbPath = prepareDatabase();
  const baseline = readBaseline(dbPath);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const { server, log } = startServer(dbPath, port);
  try {
    await waitFor(`${base}/api/health`, server);
    const sessions = await signIn();
    const plan = await planLoad(sessions);
    await warmUp(sessions, plan.reads);
    console.log(
      `${userCount} 个并发用户，${durationS} 秒，读 ${Math.round((1 - WRITE_SHARE) * 100)}% / 写 ${Math.round(WRITE_SHARE * 100)}%，${thinkMs ? `每次操作间隔约 ${thinkMs} ms` : '操作之间不停顿'}…`,
    );
    const started = performance.now();
    const cpuBefore = groupCpuSeconds(server.pid!);
    await runUsers(sessions, plan, started + durationS * 1000);
    const elapsed = (performance.now() - started) / 1000;
    const cpu = groupCpuSeconds(server.pid!) - cpuBefore;
    report(elapsed);
    console.log(
      `服务器进程 CPU：${cpu.toFixed(1)} 秒 / ${elapsed.toFixed(1)} 秒（平均 ${((cpu / elapsed) * 100).toFixed(0)}% 个核；单个 Node 进程最多约 100%），每请求约 ${((cpu * 1000) / samples.length).toFixed(1)} ms CPU；运行后机器负载 ${os
        .loadavg()
        .map((average) => average.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await stopServer(server);
    fs.closeSync(log);
  }
  verify(dbPath, baseline);
}

type Baseline = ReturnType<typeof readBaseline>;

/** The highest ids before the run, so the lost-write check sees only what the run wrote. */
function readBaseline(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  const max = (table: string) =>
    (db.prepare(`select coalesce(max(id), 0) max_id from ${table}`).get() as { max_id: number }).max_id;
  const out = {
    reports: max('monthly_reports'),
    tasks: max('tasks'),
    history: max('stage_history'),
    audit: max('audit_log'),
    projects: (db.prepare('select count(*) count from projects').get() as { count: number }).count,
  };
  db.close();
  return out;
}

/** The production server on the copy, in a process group of its own, logging beside the database. */
function startServer(dbPath: string, port: number) {
  const logFile = path.join(path.dirname(dbPath), 'server.log');
  const log = fs.openSync(logFile, 'w');
  console.log(`启动生产服务器 ${base}（数据库副本 ${dbPath}，日志 ${logFile}）…`);
  const server = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1', DATABASE_PATH: dbPath, NODE_ENV: 'production' },
  });
  const cleanup = () => void stopServer(server);
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  return { server, log };
}

/** One session per role (two officers of different units). */
async function signIn(): Promise<Session[]> {
  const sessions: Session[] = [];
  for (const username of ['admin', 'leader', 'officer', 'officer2', 'investment']) {
    const response = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    if (!response.ok) throw new Error(`登录 ${username} 失败：${response.status} ${await response.text()}`);
    const { user } = (await response.json()) as { user: { role: string; unitId: number | null } };
    sessions.push({
      username,
      role: user.role,
      unitId: user.unitId,
      cookie: (response.headers.get('set-cookie') ?? '').split(';')[0],
    });
  }
  return sessions;
}

type ReadRoute = [weight: number, route: string, urlOf: (session: Session) => string | null];

interface LoadPlan {
  reads: ReadRoute[];
  readWeight: number;
  writers: Session[];
  /** The projects each writer may change, by username. */
  pools: Map<string, number[]>;
}

/** What the users click on: units for filters, and the projects each writer may change. */
async function planLoad(sessions: Session[]): Promise<LoadPlan> {
  const leader = sessions.find((session) => session.role === 'leader')!;
  const writers = sessions.filter((session) => session.role !== 'investment');
  const units = await json<Array<{ id: number }>>(leader.cookie, '/api/v1/units');
  const pools = new Map<string, number[]>();
  for (const writer of writers) {
    const query =
      writer.role === 'officer'
        ? `unitId=${writer.unitId}&status=active&pageSize=500`
        : `status=active&pageSize=500&page=${1 + rand(20)}`;
    pools.set(
      writer.username,
      (await json<{ items: Array<{ id: number }> }>(writer.cookie, `/api/v1/projects?${query}`)).items.map(
        (project) => project.id,
      ),
    );
  }
  const reads = readRoutes(units, [...new Set([...pools.values()].flat())]);
  return { reads, readWeight: reads.reduce((sum, [weight]) => sum + weight, 0), writers, pools };
}

/** The read mix: pages and API lists, weighted as people use them. */
function readRoutes(units: Array<{ id: number }>, allIds: number[]): ReadRoute[] {
  const leadRoles = new Set(['admin', 'leader', 'investment']);
  return [
    [
      12,
      'page /board',
      () => pick(['/board', '/board?category=government', `/board?unitId=${pick(units).id}`, '/board?light=red']),
    ],
    [
      8,
      'page /projects (ledger)',
      () =>
        `/projects?${pick([`stage=${pick(STAGES)}`, `unitId=${pick(units).id}`, 'light=red', 'shuangshi=true', 'category=attraction', 'q=项目'])}&page=${1 + rand(5)}`,
    ],
    [4, 'page /projects (ledger, paged)', () => `/projects?page=${1 + rand(200)}`],
    [12, 'page /projects/:id', () => `/projects/${pick(allIds)}`],
    [
      8,
      'page /projects/:id/<tab>',
      () =>
        `/projects/${pick(allIds)}/${pick(['tasks', 'reports', 'responsibility', 'history', 'approvals', 'problems'])}`,
    ],
    [4, 'page /dashboard', () => '/dashboard'],
    [3, 'page /leads/board', (session) => (leadRoles.has(session.role) ? '/leads/board' : null)],
    [
      14,
      'api GET /projects',
      () =>
        `/api/v1/projects?${pick([`stage=${pick(STAGES)}`, `unitId=${pick(units).id}`, 'light=red', 'q=项目'])}&page=${1 + rand(10)}&pageSize=50`,
    ],
    [8, 'api GET /projects/:id', () => `/api/v1/projects/${pick(allIds)}`],
    [
      8,
      'api GET /board',
      () => pick(['/api/v1/board?kind=projects', `/api/v1/board?kind=projects&unitId=${pick(units).id}`]),
    ],
    [6, 'api GET /problems', () => `/api/v1/problems?status=open&page=${1 + rand(5)}`],
    [5, 'api GET /leads', (session) => (leadRoles.has(session.role) ? `/api/v1/leads?page=${1 + rand(5)}` : null)],
    [4, 'api GET /alerts', () => '/api/v1/alerts'],
    [4, 'api GET /projects/:id/tasks', () => `/api/v1/projects/${pick(allIds)}/tasks`],
  ];
}

/** Warm-up, not measured: the first request of each kind pays for loading code, JIT and the
 * first build of the alert index and read caches, which a running server has long done. */
async function warmUp(sessions: Session[], reads: ReadRoute[]) {
  process.stdout.write('预热…');
  for (const session of sessions) {
    for (const [, , urlOf] of reads) {
      const url = urlOf(session);
      if (url)
        await fetch(base + url, { headers: { cookie: session.cookie }, redirect: 'manual' }).then(
          (response) => response.arrayBuffer(),
          () => null,
        );
    }
  }
  console.log('完成');
}

/** `userCount` users, each a loop of reads and writes until the deadline. */
async function runUsers(sessions: Session[], plan: LoadPlan, deadline: number) {
  await Promise.all(
    Array.from({ length: userCount }, async (_, userIndex) => {
      const session = sessions[userIndex % sessions.length];
      // Users start spread over the first think time, not all in the same millisecond.
      if (thinkMs) await new Promise((resolve) => setTimeout(resolve, Math.random() * thinkMs));
      while (performance.now() < deadline) {
        if (Math.random() < WRITE_SHARE) await doWrite(plan);
        else await doRead(plan, session);
        if (thinkMs) await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())));
      }
    }),
  );
}

async function doRead({ reads, readWeight }: LoadPlan, session: Session) {
  for (;;) {
    let remaining = rand(readWeight);
    const entry = reads.find(([weight]) => (remaining -= weight) < 0)!;
    const url = entry[2](session);
    if (!url) continue;
    const response = await timed(entry[1], 'read', session.cookie, url);
    if (response && (response.status < 200 || response.status >= 300))
      errors.push({ route: entry[1], status: response.status, detail: url });
    return;
  }
}

/** One write of a random writer: a monthly report, a task, or a stage move (a third each). */
async function doWrite({ writers, pools }: LoadPlan) {
  const writer = pick(writers);
  const pool = pools.get(writer.username)!;
  const kind = rand(3);
  if (kind === 0) await writeReport(writer, pool);
  else if (kind === 1) await writeTask(writer, pool);
  else await moveStage(writer, pool);
}

async function writeReport(writer: Session, pool: number[]) {
  const candidates = pool.filter((id) => !reportedThisRun.has(id));
  const projectId = pick(candidates.length ? candidates : pool);
  reportedThisRun.add(projectId);
  const body = {
    month: monthNow(),
    investmentThisMonth: 1 + rand(500),
    progressPercent: rand(101),
    narrative: `压力测试填报 ${Date.now()}`,
  };
  const response = await timed(
    'api POST /projects/:id/reports',
    'write',
    writer.cookie,
    `/api/v1/projects/${projectId}/reports`,
    { method: 'POST', body: JSON.stringify(body) },
  );
  if (!response) return;
  if (response.status === 201) acked.reports.push(response.json().id);
  else if (response.status === 409)
    conflicts++; // this month already reported: the rule, not a failure
  else errors.push({ route: 'api POST /projects/:id/reports', status: response.status, detail: String(projectId) });
}

async function writeTask(writer: Session, pool: number[]) {
  const projectId = pick(pool);
  const response = await timed(
    'api POST /projects/:id/tasks',
    'write',
    writer.cookie,
    `/api/v1/projects/${projectId}/tasks`,
    {
      method: 'POST',
      body: JSON.stringify({ title: `压力测试任务 ${rand(1e6)}`, dueDate: dayPlus(7 + rand(60)) }),
    },
  );
  if (!response) return;
  if (response.status === 201) acked.tasks.push(response.json().id);
  else errors.push({ route: 'api POST /projects/:id/tasks', status: response.status, detail: String(projectId) });
}

/** A stage move with the version read just before; a 409 (someone moved it meanwhile) is retried. */
async function moveStage(writer: Session, pool: number[]) {
  const projectId = pick(pool);
  for (let attempt = 0; attempt < 4; attempt++) {
    const read = await timed(
      'api GET /projects/:id (before move)',
      'read',
      writer.cookie,
      `/api/v1/projects/${projectId}`,
    );
    if (!read || read.status !== 200) {
      if (read)
        errors.push({ route: 'api GET /projects/:id (before move)', status: read.status, detail: String(projectId) });
      return;
    }
    const project = read.json() as { stage: Stage; version: number };
    const move = nextMove(project.stage);
    const response = await timed(
      'api POST /projects/:id/transitions',
      'write',
      writer.cookie,
      `/api/v1/projects/${projectId}/transitions`,
      {
        method: 'POST',
        body: JSON.stringify({ ...move, version: project.version }),
      },
    );
    if (!response) return;
    if (response.status === 200) {
      const moved = response.json() as { version: number; stage: Stage };
      acked.moves.set(projectId, [...(acked.moves.get(projectId) ?? []), { version: moved.version, to: moved.stage }]);
      return;
    }
    if (response.status !== 409) {
      errors.push({
        route: 'api POST /projects/:id/transitions',
        status: response.status,
        detail: `${projectId} ${JSON.stringify(move)} ${response.text.slice(0, 300)}`,
      });
      return;
    }
    conflicts++;
    conflictRetries++;
  }
}

function report(elapsed: number) {
  const line = (label: string, list: Sample[]) => {
    const ms = list.map((sample) => sample.ms).sort((left, right) => left - right);
    return `${label.padEnd(40)} ${String(list.length).padStart(6)} ${(list.length / elapsed).toFixed(1).padStart(7)} ${percentile(ms, 50).toFixed(0).padStart(6)} ${percentile(ms, 95).toFixed(0).padStart(6)} ${percentile(ms, 99).toFixed(0).padStart(6)}`;
  };
  console.log(
    `\n用时 ${elapsed.toFixed(1)} 秒，共 ${samples.length} 个请求，吞吐 ${(samples.length / elapsed).toFixed(1)} 请求/秒`,
  );
  console.log(
    `${'路由'.padEnd(38)} ${'请求数'.padStart(5)} ${'每秒'.padStart(5)} ${'p50ms'.padStart(6)} ${'p95ms'.padStart(6)} ${'p99ms'.padStart(6)}`,
  );
  for (const kind of ['read', 'write'] as const) {
    const list = samples.filter((sample) => sample.kind === kind);
    console.log(line(kind === 'read' ? '== 读（全部）' : '== 写（全部）', list));
    for (const route of [...new Set(list.map((sample) => sample.route))].sort())
      console.log(
        line(
          `   ${route}`,
          list.filter((sample) => sample.route === route),
        ),
      );
  }
  // Which process answered: one line per cluster worker (x-jkp-worker), or a note that the server
  // does not say (a single process, or a server without the header).
  const byWorker = new Map<string, number>();
  for (const sample of samples) if (sample.worker) byWorker.set(sample.worker, (byWorker.get(sample.worker) ?? 0) + 1);
  if (byWorker.size) {
    console.log(`\n服务器工作进程：${byWorker.size} 个（按 x-jkp-worker 统计），${os.cpus().length} 核`);
    for (const [worker, count] of [...byWorker].sort())
      console.log(`   worker ${worker}: ${count} 个请求（${((count / samples.length) * 100).toFixed(0)}%）`);
  } else {
    console.log(`\n服务器工作进程：响应未带 x-jkp-worker（单进程或未标注），${os.cpus().length} 核`);
  }
  console.log(
    `\n预期冲突（409，已重试或按规则拒绝，不计错误）：${conflicts}（其中阶段变更重试 ${conflictRetries} 次）`,
  );
  console.log(`错误（非 2xx，预期 409 除外）：${errors.length}`);
  const byRoute = new Map<string, number>();
  for (const error of errors)
    byRoute.set(`${error.route} → ${error.status}`, (byRoute.get(`${error.route} → ${error.status}`) ?? 0) + 1);
  for (const [key, count] of byRoute) console.log(`   ${key}: ${count}`);
  for (const error of errors.slice(0, 5))
    console.log(`   例：${error.route} ${error.status} ${error.detail.slice(0, 200)}`);
  const byMs = (left: number, right: number) => left - right;
  const reads = samples
    .filter((sample) => sample.kind === 'read')
    .map((sample) => sample.ms)
    .sort(byMs);
  const writes = samples
    .filter((sample) => sample.kind === 'write')
    .map((sample) => sample.ms)
    .sort(byMs);
  targets.push(
    ['读 p95 < 500 ms', percentile(reads, 95) < 500],
    ['写 p95 < 300 ms', percentile(writes, 95) < 300],
    ['零错误', errors.length === 0],
  );
}

const targets: Array<[string, boolean]> = [];

function verify(dbPath: string, baseline: Baseline) {
  const db = new Database(dbPath);
  const integrity = (db.prepare('pragma integrity_check').all() as Array<{ integrity_check: string }>).map(
    (row) => row.integrity_check,
  );
  console.log(`\nPRAGMA integrity_check：${integrity.join('; ')}`);
  targets.push(['完整性检查 ok', integrity.length === 1 && integrity[0] === 'ok']);

  const ids = (table: string, after: number) =>
    new Set(
      (db.prepare(`select id from ${table} where id > ?`).all(after) as Array<{ id: number }>).map((row) => row.id),
    );
  const reports = ids('monthly_reports', baseline.reports);
  const tasks = ids('tasks', baseline.tasks);
  const lostReports = acked.reports.filter((id) => !reports.has(id));
  const lostTasks = acked.tasks.filter((id) => !tasks.has(id));
  const history = db
    .prepare('select project_id projectId, count(*) count from stage_history where id > ? group by project_id')
    .all(baseline.history) as Array<{ projectId: number; count: number }>;
  const historyBy = new Map(history.map((row) => [row.projectId, row.count]));
  const ackedMoves = [...acked.moves.values()].reduce((sum, list) => sum + list.length, 0);
  const moveMismatch = [...new Set([...historyBy.keys(), ...acked.moves.keys()])].filter(
    (projectId) => (historyBy.get(projectId) ?? 0) !== (acked.moves.get(projectId)?.length ?? 0),
  );
  // The last acknowledged move of each project (highest version) is the stage it is in now.
  const stageMismatch = [...acked.moves].filter(([projectId, list]) => {
    const last = list.reduce((latest, move) => (move.version > latest.version ? move : latest));
    const row = db.prepare('select stage, version from projects where id = ?').get(projectId) as {
      stage: string;
      version: number;
    };
    return row.stage !== last.to && row.version === last.version;
  });
  const audit = db
    .prepare(
      `select entity_type entityType, action, count(*) count from audit_log where id > ? group by entity_type, action`,
    )
    .all(baseline.audit) as Array<{ entityType: string; action: string; count: number }>;
  const auditOf = (entityType: string, action: string) =>
    audit.find((row) => row.entityType === entityType && row.action === action)?.count ?? 0;
  console.log('丢失写入检查（服务器确认的写入 vs 数据库）：');
  console.log(
    `   月报：确认 ${acked.reports.length}，库中新增 ${reports.size}，丢失 ${lostReports.length}，审计 ${auditOf('report', 'create')}`,
  );
  console.log(
    `   任务：确认 ${acked.tasks.length}，库中新增 ${tasks.size}，丢失 ${lostTasks.length}，审计 ${auditOf('task', 'create')}`,
  );
  console.log(
    `   阶段变更：确认 ${ackedMoves}，阶段历史新增 ${history.reduce((sum, row) => sum + row.count, 0)}，按项目不一致 ${moveMismatch.length}，末阶段不符 ${stageMismatch.length}，审计 ${auditOf('project', 'transition')}`,
  );
  const noLoss =
    lostReports.length === 0 &&
    lostTasks.length === 0 &&
    reports.size === acked.reports.length &&
    tasks.size === acked.tasks.length &&
    moveMismatch.length === 0 &&
    stageMismatch.length === 0 &&
    auditOf('report', 'create') === acked.reports.length &&
    auditOf('task', 'create') === acked.tasks.length &&
    auditOf('project', 'transition') === ackedMoves;
  targets.push(['零丢失写入（且无多余写入）', noLoss]);
  db.close();
  // The server's log stays when something failed, for the reason why.
  if (errors.length) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbPath + suffix, { force: true });
  else fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });

  console.log('\n目标：');
  for (const [label, ok] of targets) console.log(`   ${ok ? '达成' : '未达成'}  ${label}`);
  process.exitCode = targets.every(([, ok]) => ok) ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
