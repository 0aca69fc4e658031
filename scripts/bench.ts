// npm run bench [-- --db data/bench.db | --projects 100000 [--leads 20000]] [--duration 10] [--connections 10]
//                  [--only /board,/projects] [--plans] [--import] [--lighthouse] [--smoke]
// Starts the production server (scripts/serve.mjs, as `npm start` does) on a large database and
// loads every page users open daily and the two list APIs with autocannon; beside them a bare
// node:http + better-sqlite3 server doing the board's SQL (the floor), with as many processes as the
// server runs. Prints p50/p99, the ratio to the floor, the budgets of issue 19 (✓/✗), raw and gzip
// HTML bytes, peak RSS per server process, and writes bench-results/bench-<size>-<ts>.json.
//   --projects N   uses data/bench-N.db, generating it first (timed) when missing
//   --plans        EXPLAIN QUERY PLAN of every list query (scripts/explain.ts)
//   --import       a 10,000-row project import (preview + commit through the import worker) on a copy
//   --lighthouse   Lighthouse mobile on /board, /projects, /dashboard (median of 3), when Chromium exists
//   --smoke        a short pass on a tiny generated database
import { spawn, spawnSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';

const root = path.resolve(import.meta.dirname, '..');
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};
const smoke = flag('smoke');
const duration = Number(option('duration', smoke ? '2' : '10'));
const connections = Number(option('connections', '10'));
const only = option('only', '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Budgets (issue 19). 14k: the daily pages p50 < 150 ms and p99 < 400 ms, /board p50 < 100 ms,
// /api/v1/board p50 < 20 ms and within 2× of the floor, /api/v1/projects p50 < 40 ms. 100k:
// /api/v1/board p50 < 50 ms, /board and /projects p50 < 300 ms.
interface Budget {
  p50?: number;
  p99?: number;
  /** p50 at most this many times the floor's p50. */
  floorRatio?: number;
}
interface Target {
  name: string;
  path: string;
  html: boolean;
  budget: Budget;
}

function targetsFor(large: boolean, projectId: number | null): Target[] {
  const page = (name: string, p = name, budget14k: Budget = { p50: 150, p99: 400 }, budget100k: Budget = {}) => ({
    name,
    path: p,
    html: true,
    budget: large ? budget100k : budget14k,
  });
  const list: Target[] = [
    page('/desk'),
    page('/board', '/board', { p50: 100, p99: 400 }, { p50: 300 }),
    page('/board?lane=unit'),
    page('/projects', '/projects', { p50: 150, p99: 400 }, { p50: 300 }),
    ...(projectId ? [page('/projects/:id', `/projects/${projectId}`)] : []),
    page('/dashboard'),
    page('/dashboard/leads'),
    page('/leads'),
    page('/leads/board'),
    page('/alerts'),
    page('/problems'),
    page('/map'),
    page('/reports/monthly'),
    {
      name: '/api/v1/board',
      path: '/api/v1/board?kind=projects',
      html: false,
      budget: large ? { p50: 50 } : { p50: 20, floorRatio: 2 },
    },
    { name: '/api/v1/projects', path: '/api/v1/projects?pageSize=50', html: false, budget: large ? {} : { p50: 40 } },
  ];
  return only.length ? list.filter((t) => only.includes(t.name)) : list;
}
const PROJECTS_HTML_BUDGET = 150 * 1024;
const RSS_BUDGET = 350 * MB;
const GENERATE_BUDGET_S = 180;
const IMPORT_BUDGET_S = 15;

// ---------------------------------------------------------------------------------------------
async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`服务器未能启动：${url}`);
}

/** The pid and every descendant of it, from /proc/<pid>/stat (field 4 is the parent pid). */
function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

function memoryOf(pid: number): { rss: number; hwm: number; name: string } | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0) * 1024;
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(1).join(' ');
    return { rss: kb('VmRSS'), hwm: kb('VmHWM'), name: cmd.slice(0, 60) };
  } catch {
    return null;
  }
}

/** Samples the server's process tree every 100 ms; keeps each pid's peak VmHWM. */
function rssSampler(rootPid: number) {
  const peaks = new Map<number, { hwm: number; name: string }>();
  const sample = () => {
    for (const pid of processTree(rootPid)) {
      const m = memoryOf(pid);
      if (!m) continue;
      const seen = peaks.get(pid);
      peaks.set(pid, { hwm: Math.max(seen?.hwm ?? 0, m.hwm, m.rss), name: m.name });
    }
  };
  sample();
  const timer = setInterval(sample, 100);
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      const perProcess = [...peaks].map(([pid, p]) => ({ pid, peakRss: p.hwm, command: p.name }));
      return {
        perProcess,
        max: Math.max(0, ...perProcess.map((p) => p.peakRss)),
        sum: perProcess.reduce((n, p) => n + p.peakRss, 0),
      };
    },
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

/** Bytes on the wire with gzip accepted, as a browser receives them (fetch would decompress). */
function wireBytes(url: string, headers: Record<string, string>): Promise<{ wire: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { ...headers, 'accept-encoding': 'gzip' } }, (response) => {
        let wire = 0;
        response.on('data', (chunk: Buffer) => (wire += chunk.length));
        response.on('end', () =>
          resolve({ wire, encoding: String(response.headers['content-encoding'] ?? 'identity') }),
        );
      })
      .on('error', reject);
  });
}

async function gzipBytes(url: string, headers: Record<string, string>, body: Buffer) {
  const { wire, encoding } = await wireBytes(url, headers);
  return encoding === 'gzip' ? wire : zlib.gzipSync(body).length;
}

function run(url: string, headers: Record<string, string>) {
  return autocannon({ url, connections, duration, headers, timeout: 30 }) as Promise<autocannon.Result>;
}

/**
 * The rebuild counters of every server process: /api/health asked on fresh connections until each
 * process (pid) has answered, keyed "pid.field".
 */
async function rebuildCountersOfEveryProcess(base: string, processes: number): Promise<Record<string, number>> {
  const seen = new Map<number, Record<string, number>>();
  for (let i = 0; i < processes * 10 && seen.size < processes; i += 1) {
    const body = await new Promise<unknown>((resolve) => {
      http
        .get(`${base}/api/health`, { agent: false }, (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            try {
              resolve(JSON.parse(text));
            } catch {
              resolve({});
            }
          });
        })
        .on('error', () => resolve({}));
    });
    const pid = Number((body as { pid?: number }).pid ?? 0);
    if (!seen.has(pid)) seen.set(pid, rebuildCounters(body));
  }
  const out: Record<string, number> = {};
  for (const [pid, counters] of seen) for (const [key, value] of Object.entries(counters)) out[`${pid}.${key}`] = value;
  return out;
}

/** Numeric fields of /api/health whose name mentions a rebuild (the badge's index, JKP_BENCH=1). */
function rebuildCounters(value: unknown, prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const name = prefix ? `${prefix}.${key}` : key;
      if (typeof v === 'number' && /rebuild/i.test(name)) out[name] = v;
      else if (v && typeof v === 'object') Object.assign(out, rebuildCounters(v, name));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
interface Generated {
  seconds: number;
  phases: Record<string, number>;
}

function generate(out: string, projects: number, leads: number): Generated {
  console.log(`生成 ${out}：${projects} 个项目、${leads} 条线索…`);
  const started = Date.now();
  const gen = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/tsx/dist/cli.mjs'),
      'scripts/generate-demo.ts',
      '--projects',
      String(projects),
      '--leads',
      String(leads),
      '--out',
      out,
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * MB },
  );
  process.stdout.write(gen.stdout.replace(/^GENERATE_TIMINGS .*$/m, ''));
  if (gen.status !== 0) process.exit(gen.status ?? 1);
  const line = gen.stdout.match(/^GENERATE_TIMINGS (.*)$/m)?.[1];
  return line ? (JSON.parse(line) as Generated) : { seconds: (Date.now() - started) / 1000, phases: {} };
}

function resolveDatabase(): { dbPath: string; generated: Generated | null } {
  if (smoke) {
    const dbPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jkp-bench-')), 'smoke.db');
    return { dbPath, generated: generate(dbPath, 400, 100) };
  }
  const projects = option('projects', '');
  if (projects) {
    const n = Number(projects);
    const leads = Number(option('leads', String(n === 14_000 ? 3_000 : Math.round(n / 5))));
    const dbPath = path.resolve(option('db', `data/bench-${n}.db`));
    if (fs.existsSync(dbPath)) return { dbPath, generated: null };
    fs.mkdirSync(path.dirname(dbPath), { recursive: true });
    return { dbPath, generated: generate(dbPath, n, leads) };
  }
  const dbPath = path.resolve(option('db', 'data/bench.db'));
  if (!fs.existsSync(dbPath)) {
    console.error(
      `找不到数据库 ${dbPath}。请先运行：npm run db:generate-demo -- --projects 14000 --leads 3000 --out data/bench.db（或 npm run bench -- --projects 14000）`,
    );
    process.exit(1);
  }
  return { dbPath, generated: null };
}

// ---------------------------------------------------------------------------------------------
/** A 10,000-row project sheet from the template's columns, previewed and committed by the import worker. */
async function benchImport(dbPath: string) {
  const ExcelJS = (await import('exceljs')).default;
  const { PROJECT_COLUMNS } = await import('../lib/excel/project-columns');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkp-bench-import-'));
  const copy = path.join(dir, 'import.db');
  const Database = (await import('better-sqlite3')).default;
  const source = new Database(dbPath, { readonly: true });
  source.exec(`vacuum into '${copy.replace(/'/g, "''")}'`);
  const unitNames = (
    source.prepare(`select name from units where kind != 'department' order by sort_order`).pluck().all() as string[]
  ).slice(0, 12);
  const adminId = source.prepare(`select id from users where username = 'admin'`).pluck().get() as number;
  source.close();

  const rows = 10_000;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('项目');
  sheet.addRow(PROJECT_COLUMNS.map((column) => column.header));
  for (let i = 0; i < rows; i++) {
    sheet.addRow(
      PROJECT_COLUMNS.map((column) => {
        if (column.key === 'name') return `基准导入项目 ${String(i + 1).padStart(5, '0')}`;
        if (column.key === 'unitId') return unitNames[i % unitNames.length] ?? column.example;
        // At least the example's 本年计划 (30,000), which may not exceed the total.
        if (column.key === 'totalInvestment') return 120_000 + (i % 500) * 100;
        return column.example;
      }),
    );
  }
  const file = path.join(dir, 'bench-import.xlsx');
  await workbook.xlsx.writeFile(file);

  const db = new Database(copy, { readonly: true });
  const seqBefore = changeSeq(db);
  db.close();

  const worker = (args: string[]) => {
    const started = Date.now();
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--conditions=react-server', 'scripts/import-worker.ts', ...args, '--user', String(adminId)],
      {
        cwd: root,
        env: { ...process.env, DATABASE_PATH: copy, NODE_ENV: 'production' },
        encoding: 'utf8',
        maxBuffer: 256 * MB,
      },
    );
    const seconds = (Date.now() - started) / 1000;
    const lines = result.stdout.trim().split('\n').filter(Boolean);
    const last = lines.length ? (JSON.parse(lines[lines.length - 1]) as { result?: unknown; error?: unknown }) : {};
    if (!last.result) throw new Error(`导入工作进程失败：${JSON.stringify(last.error ?? result.stderr.slice(-2000))}`);
    return { seconds, result: last.result as Record<string, unknown> };
  };
  const preview = worker(['preview', '--kind', 'projects', '--file', file, '--name', 'bench-import.xlsx']);
  const previewId = String(preview.result.previewId);
  const commit = worker(['commit', '--kind', 'projects', '--preview', previewId, '--valid-only']);
  const after = new Database(copy, { readonly: true });
  const seqAfter = changeSeq(after);
  after.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    rows,
    previewSeconds: preview.seconds,
    previewCounts: preview.result.counts,
    commitSeconds: commit.seconds,
    commitResult: commit.result,
    changeCounterBumps: seqAfter !== null && seqBefore !== null ? seqAfter - seqBefore : null,
    budgetSeconds: IMPORT_BUDGET_S,
  };
}

/** data_changes.seq (migration 0008), summed over its rows; null when the table is absent. */
function changeSeq(db: import('better-sqlite3').Database): number | null {
  try {
    return Number(db.prepare('select coalesce(sum(seq), 0) from data_changes').pluck().get());
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
const LIGHTHOUSE_PAGES = ['/board', '/projects', '/dashboard'];

async function benchLighthouse(base: string, cookie: string) {
  const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromePath)) {
    console.log(`\nLighthouse：跳过（找不到 Chromium：${chromePath}；可设置 CHROMIUM_PATH）`);
    return null;
  }
  const lighthouse = (await import('lighthouse')).default;
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const pages: Array<Record<string, unknown>> = [];
  try {
    for (const pagePath of LIGHTHOUSE_PAGES) {
      const runs = [];
      for (let i = 0; i < 3; i++) {
        const result = await lighthouse(
          `${base}${pagePath}`,
          {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance'],
            extraHeaders: { cookie },
          },
          // The default config is the mobile preset (Moto G Power, simulated 4× CPU, slow 4G).
        );
        const lhr = result?.lhr;
        if (!lhr) continue;
        const items = (id: string) =>
          ((lhr.audits[id]?.details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? []).slice(
            0,
            3,
          );
        runs.push({
          performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          tbt: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? 0),
          lcp: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? 0),
          bootup: items('bootup-time').map((item) => ({
            url: String(item.url).replace(base, ''),
            total: Math.round(Number(item.total)),
            scripting: Math.round(Number(item.scripting)),
          })),
          longTasks: items('long-tasks').map((item) => ({
            url: String(item.url).replace(base, ''),
            duration: Math.round(Number(item.duration)),
          })),
        });
      }
      runs.sort((a, b) => a.performance - b.performance);
      const median = runs[Math.floor(runs.length / 2)];
      pages.push({ page: pagePath, runs: runs.map((r) => r.performance), ...median });
    }
  } finally {
    await chrome.kill();
  }
  console.log('\nLighthouse（移动端预设，3 次取中位数；目标：性能 ≥ 90，TBT < 300 ms）');
  console.table(
    pages.map((p) => ({
      page: p.page,
      performance: `${p.performance}${Number(p.performance) >= 90 ? ' ✓' : ' ✗'}`,
      'TBT ms': `${p.tbt}${Number(p.tbt) < 300 ? ' ✓' : ' ✗'}`,
      'LCP ms': p.lcp,
      runs: (p.runs as number[]).join('/'),
    })),
  );
  for (const p of pages) {
    const bootup = p.bootup as Array<{ url: string; total: number; scripting: number }>;
    const longTasks = p.longTasks as Array<{ url: string; duration: number }>;
    console.log(`${p.page} 脚本耗时前三：${bootup.map((b) => `${b.url} ${b.total} ms`).join('；') || '—'}`);
    console.log(`${p.page} 长任务前三：${longTasks.map((t) => `${t.url} ${t.duration} ms`).join('；') || '—'}`);
  }
  return pages;
}

// ---------------------------------------------------------------------------------------------
async function main() {
  const { dbPath, generated } = resolveDatabase();
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    const build = spawnSync(path.join(root, 'node_modules/.bin/next'), ['build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, [path.join(root, 'scripts/serve.mjs')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      NODE_ENV: 'production',
      DATABASE_PATH: dbPath,
      SEED_DEMO: '0',
      JKP_BENCH: '1',
      APP_TODAY: process.env.APP_TODAY ?? '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let floor: ChildProcess | null = null;
  const stopAll = () => {
    server.kill('SIGTERM');
    floor?.kill('SIGTERM');
  };
  process.on('SIGINT', () => {
    stopAll();
    process.exit(130);
  });

  try {
    await waitFor(`${base}/api/health`);
    // Workers: the server's node children (a cluster), or the one process.
    await new Promise((r) => setTimeout(r, 1_000));
    const nodeChildren = processTree(server.pid!)
      .slice(1)
      .filter((pid) => memoryOf(pid)?.name !== undefined);
    const workers = Math.max(1, nodeChildren.length);
    const cores = os.availableParallelism();
    const floorPort = await freePort();
    floor = fork(path.join(root, 'scripts/bench-floor.mjs'), [], {
      env: { ...process.env, DATABASE_PATH: dbPath, PORT: String(floorPort), WORKERS: String(workers) },
      stdio: 'inherit',
    });
    await new Promise<void>((resolve) => floor!.once('message', () => resolve()));
    const memory = rssSampler(server.pid!);

    const login = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: 'demo2018' }),
    });
    if (!login.ok) throw new Error(`登录失败：HTTP ${login.status}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const headers = { cookie };
    const healthBefore = await rebuildCountersOfEveryProcess(base, workers);

    // A project from the middle of the list (page 7,000 of 1 at 14,000 projects), for /projects/:id.
    const first = (await (await fetch(`${base}/api/v1/projects?pageSize=1`, { headers })).json()) as {
      total?: number;
      items?: Array<{ id: number }>;
    };
    const total = Number(first.total ?? 0);
    const middle = Math.max(1, Math.min(7_000, Math.floor(total / 2)));
    const pick = (await (await fetch(`${base}/api/v1/projects?pageSize=1&page=${middle}`, { headers })).json()) as {
      items?: Array<{ id: number }>;
    };
    const projectId = pick.items?.[0]?.id ?? first.items?.[0]?.id ?? null;
    const large = total >= 50_000;

    // Bytes the browser receives for /board's JavaScript, gzipped (modern browsers skip `noModule`).
    const boardHtml = await (await fetch(`${base}/board`, { headers })).text();
    const scripts = [
      ...new Set(
        [...boardHtml.matchAll(/<script\b[^>]*>/g)]
          .map((m) => m[0])
          .filter((tag) => !/nomodule/i.test(tag))
          .flatMap((tag) => tag.match(/\ssrc="([^"]+)"/)?.[1] ?? []),
      ),
    ];
    let jsRaw = 0;
    let jsGzip = 0;
    for (const src of scripts) {
      const url = new URL(src, base).toString();
      const body = Buffer.from(await (await fetch(url)).arrayBuffer());
      jsRaw += body.length;
      jsGzip += await gzipBytes(url, {}, body);
    }

    const targets = targetsFor(large, projectId);
    const floorTarget = { name: 'floor: node:http + SQL', url: `http://127.0.0.1:${floorPort}/` };
    const rows: Array<Record<string, string | number>> = [];
    const results: Array<Record<string, unknown>> = [];
    let floorP50 = 0;
    let floorRps = 0;
    let failures = 0;
    for (const target of [floorTarget, ...targets.map((t) => ({ ...t, url: `${base}${t.path}` }))]) {
      const t = target as Partial<Target> & { name: string; url: string };
      const probe = await fetch(t.url, { headers });
      const body = Buffer.from(await probe.arrayBuffer());
      if (probe.status !== 200) {
        rows.push({ target: t.name, budget: `✗ HTTP ${probe.status}` });
        results.push({ target: t.name, status: probe.status });
        failures++;
        continue;
      }
      const gzip = t.html ? await gzipBytes(t.url, headers, body) : null;
      for (let i = 0; i < (smoke ? 3 : 10); i++) await (await fetch(t.url, { headers })).arrayBuffer();
      const result = await run(t.url, headers);
      const rps = Math.round(result.requests.average * 10) / 10;
      const { p50, p99 } = result.latency;
      if (t.name.startsWith('floor')) {
        floorP50 = p50;
        floorRps = rps;
      }
      const errors = result.non2xx + result.errors + result.timeouts;
      const checks: string[] = [];
      const check = (ok: boolean, label: string) => {
        checks.push(`${label}${ok ? '✓' : '✗'}`);
        if (!ok) failures++;
      };
      const budget = t.budget ?? {};
      const answered = result.requests.total > 0;
      if (budget.p50) check(answered && p50 < budget.p50, `p50<${budget.p50} `);
      if (budget.p99) check(answered && p99 < budget.p99, `p99<${budget.p99} `);
      if (budget.floorRatio && floorP50) check(p50 <= budget.floorRatio * floorP50, `≤${budget.floorRatio}×floor `);
      if (t.name === '/projects') check(body.length < PROJECTS_HTML_BUDGET, 'HTML<150KB ');
      if (errors) check(false, `${errors} errors `);
      // No answer within the run: autocannon reports p50 0, which must not pass a budget.
      if (result.requests.total === 0) check(false, '无响应 ');
      const row = {
        target: t.name,
        'req/s': rps,
        'p50 ms': p50,
        'p99 ms': p99,
        'p50/floor': floorP50 ? `${(p50 / floorP50).toFixed(1)}x` : '—',
        'floor rps/rps': floorRps && rps ? `${(floorRps / rps).toFixed(1)}x` : '—',
        'HTML KB': t.html ? Math.round(body.length / 102.4) / 10 : '',
        'gzip KB': gzip !== null ? Math.round(gzip / 102.4) / 10 : '',
        budget: checks.join(' '),
      };
      rows.push(row);
      results.push({ ...row, url: t.url, htmlBytes: t.html ? body.length : null, gzipBytes: gzip, errors });
    }
    const rss = memory.stop();
    const healthAfter = await rebuildCountersOfEveryProcess(base, workers);
    const rebuilds = Object.fromEntries(
      Object.entries(healthAfter).map(([key, value]) => [key, value - (healthBefore[key] ?? 0)]),
    );

    const size = large ? '100k' : total >= 10_000 ? '14k' : `${total}`;
    console.log(
      `\n基准测试：${total} 个项目，${connections} 个并发连接，每项 ${duration} 秒；${cores} 核，服务器 ${workers} 个进程，floor 同为 ${workers} 个进程（autocannon 与服务器共用这些核）`,
    );
    console.log(`floor（node:http + 看板 SQL）：p50 ${floorP50} ms，${floorRps} req/s；每行的 p50/floor 与之相比\n`);
    console.table(rows);
    console.log(
      `/board JS：${scripts.length} 个文件，${kb(jsRaw)}（gzip ${kb(jsGzip)}）；/board HTML ${kb(Buffer.byteLength(boardHtml))}`,
    );
    const rssOk = rss.max < RSS_BUDGET;
    if (!rssOk) failures++;
    console.log(
      `服务器内存（每 100 ms 采样主进程及其子进程的 VmHWM）：单进程峰值 ${mb(rss.max)}${rssOk ? ' ✓' : ' ✗'} <350 MB，合计 ${mb(rss.sum)}`,
    );
    for (const p of rss.perProcess) console.log(`  pid ${p.pid}  ${mb(p.peakRss)}  ${p.command}`);
    if (Object.keys(rebuilds).length) {
      // The badge must never build the city-wide index on a user's request: any rebuild during the
      // run (after start-up, far from midnight) fails.
      const during = Object.values(rebuilds).reduce((n, v) => n + v, 0);
      if (during > 0) failures++;
      console.log(
        `提醒索引重建（运行期间，/api/health，JKP_BENCH=1）：${JSON.stringify(rebuilds)}${during > 0 ? ' ✗' : ' ✓'}`,
      );
    } else {
      console.log('提醒索引重建计数：/api/health 未提供（需 JKP_BENCH=1 支持）');
    }
    if (generated) {
      const ok = generated.seconds < GENERATE_BUDGET_S || !large;
      if (!ok) failures++;
      console.log(
        `生成数据库：${generated.seconds.toFixed(1)} 秒${large ? (ok ? ' ✓ <180 s' : ' ✗ ≥180 s') : ''}（${Object.entries(
          generated.phases,
        )
          .map(([name, s]) => `${name} ${s.toFixed(1)}`)
          .join('，')}）`,
      );
    }

    // The optional parts: one failing is reported and counted, and the rest still run and are written.
    const optional = async <T>(label: string, part: () => Promise<T>): Promise<T | { error: string }> => {
      try {
        return await part();
      } catch (error) {
        failures++;
        console.error(`${label}失败：`, error);
        return { error: String(error) };
      }
    };

    let plans: unknown = null;
    if (flag('plans'))
      plans = await optional('查询计划', async () => {
        const { explainAll, printPlans } = await import('./explain');
        console.log('\n查询计划（EXPLAIN QUERY PLAN）');
        const planResults = explainAll(dbPath);
        failures += printPlans(planResults);
        return planResults.map((r) => ({ name: r.name, problems: r.problems, plan: r.statements.map((s) => s.plan) }));
      });

    let lighthouse: unknown = null;
    if (flag('lighthouse')) lighthouse = await optional('Lighthouse ', () => benchLighthouse(base, cookie));

    let importRun: unknown = null;
    if (flag('import'))
      importRun = await optional('导入', async () => {
        console.log('\n导入 10,000 行（数据库副本，导入工作进程预览 + 提交）…');
        const run = await benchImport(dbPath);
        const ok = run.commitSeconds < IMPORT_BUDGET_S;
        if (!ok) failures++;
        console.log(
          `导入：预览 ${run.previewSeconds.toFixed(1)} 秒，提交 ${run.commitSeconds.toFixed(1)} 秒${ok ? ' ✓' : ' ✗'} <15 s；变更计数器增加 ${run.changeCounterBumps ?? '—'}；${JSON.stringify(run.previewCounts)}；${JSON.stringify(run.commitResult)}`,
        );
        return run;
      });

    const outDir = path.join(root, 'bench-results');
    fs.mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `bench-${size}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          at: new Date().toISOString(),
          commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim(),
          database: dbPath,
          projects: total,
          connections,
          duration,
          cores,
          workers,
          cpu: os.cpus()[0]?.model,
          node: process.version,
          floor: { p50: floorP50, rps: floorRps },
          results,
          board: { htmlBytes: Buffer.byteLength(boardHtml), jsFiles: scripts.length, jsRaw, jsGzip },
          rss,
          rebuilds,
          generated,
          plans,
          lighthouse,
          import: importRun,
          failures,
        },
        null,
        2,
      ),
    );
    console.log(`\n${failures ? `✗ ${failures} 项未达标` : '✓ 全部达标'}；结果已写入 ${path.relative(root, file)}`);
  } finally {
    stopAll();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
