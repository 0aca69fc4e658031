// npm run bench [-- --db data/bench.db --duration 10 --smoke]
// Starts the production server (scripts/serve.mjs, as `npm start` does) on the large database and loads each page and API
// with autocannon at 10 connections; measures a bare node:http + better-sqlite3 server doing the
// board's SQL as the floor; prints req/s, p50, p99, the ratio to the floor, the bytes /board sends
// and the server's peak memory. `--smoke` runs a short pass on a tiny generated database.
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

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, timeoutMs = 120_000) {
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

function rssOf(pid: number): { rss: number; hwm: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(status.match(new RegExp(`${key}:\\s+(\\d+)`))?.[1] ?? 0);
    return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

function run(url: string, headers: Record<string, string>) {
  return autocannon({ url, connections, duration, headers, timeout: 30 }) as Promise<autocannon.Result>;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

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

async function main() {
  let dbPath = path.resolve(option('db', 'data/bench.db'));
  if (smoke) {
    dbPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jkp-bench-')), 'smoke.db');
    const gen = spawnSync(
      'npx',
      ['tsx', 'scripts/generate-demo.ts', '--projects', '400', '--leads', '100', '--out', dbPath],
      { cwd: root, stdio: 'inherit' },
    );
    if (gen.status !== 0) process.exit(gen.status ?? 1);
  }
  if (!fs.existsSync(dbPath)) {
    console.error(
      `找不到数据库 ${dbPath}。请先运行：npm run db:generate-demo -- --projects 14000 --leads 3000 --out data/bench.db`,
    );
    process.exit(1);
  }
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
      APP_TODAY: process.env.APP_TODAY ?? '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const floorPort = await freePort();
  const floor = fork(path.join(root, 'scripts/bench-floor.mjs'), [], {
    env: { ...process.env, DATABASE_PATH: dbPath, PORT: String(floorPort) },
    stdio: 'inherit',
  });
  const stopAll = () => {
    server.kill('SIGTERM');
    floor.kill('SIGTERM');
  };
  process.on('SIGINT', () => {
    stopAll();
    process.exit(130);
  });

  try {
    await waitFor(`${base}/api/health`);
    await new Promise<void>((resolve) => floor.once('message', () => resolve()));
    const baselineRss = rssOf(server.pid!).rss;
    let peak = baselineRss;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(server.pid!).rss)), 100);

    const login = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader', password: 'demo2018' }),
    });
    if (!login.ok) throw new Error(`登录失败：HTTP ${login.status}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const headers = { cookie };
    const unitId = ((await (await fetch(`${base}/api/v1/units`, { headers })).json()) as Array<{ id: number }>)[0].id;

    // Bytes the browser receives for /board: the HTML and the JavaScript it loads, gzipped.
    const html = await (await fetch(`${base}/board`, { headers })).text();
    // Modern browsers skip `noModule` scripts (the legacy polyfills), so they are not counted.
    const scripts = [
      ...new Set(
        [...html.matchAll(/<script\b[^>]*>/g)]
          .map((m) => m[0])
          .filter((tag) => !/nomodule/i.test(tag))
          .flatMap((tag) => tag.match(/\ssrc="([^"]+)"/)?.[1] ?? []),
      ),
    ];
    let jsRaw = 0;
    let jsGzip = 0;
    for (const src of scripts) {
      const url = new URL(src, base).toString();
      jsRaw += (await (await fetch(url)).arrayBuffer()).byteLength;
      const { wire, encoding } = await wireBytes(url, {});
      jsGzip += encoding === 'gzip' ? wire : zlib.gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length;
    }
    const htmlWire = await wireBytes(`${base}/board`, headers);
    const htmlGzip = htmlWire.encoding === 'gzip' ? htmlWire.wire : zlib.gzipSync(html).length;

    const targets: Array<{ name: string; url: string; budgetP50?: number }> = [
      { name: 'floor: node:http + SQL', url: `http://127.0.0.1:${floorPort}/` },
      { name: '/board', url: `${base}/board`, budgetP50: 150 },
      { name: `/board?unitId=${unitId}`, url: `${base}/board?unitId=${unitId}` },
      { name: '/board?lane=unit', url: `${base}/board?lane=unit` },
      { name: '/dashboard', url: `${base}/dashboard` },
      { name: '/projects', url: `${base}/projects` },
      { name: '/api/v1/board', url: `${base}/api/v1/board?kind=projects`, budgetP50: 50 },
      { name: '/api/v1/projects', url: `${base}/api/v1/projects?pageSize=50` },
    ];
    const rows: Array<Record<string, string | number>> = [];
    let floorRps = 0;
    for (const target of targets) {
      const probe = await fetch(target.url, { headers });
      await probe.arrayBuffer();
      if (probe.status !== 200) {
        rows.push({ target: target.name, status: `跳过（HTTP ${probe.status}）` });
        continue;
      }
      for (let i = 0; i < 3; i++) await (await fetch(target.url, { headers })).arrayBuffer();
      const result = await run(target.url, headers);
      const rps = Math.round(result.requests.average * 10) / 10;
      if (target.name.startsWith('floor')) floorRps = rps;
      const non2xx = result.non2xx + result.errors + result.timeouts;
      rows.push({
        target: target.name,
        'req/s': rps,
        'p50 ms': result.latency.p50,
        'p99 ms': result.latency.p99,
        'floor/target': floorRps && rps ? `${(floorRps / rps).toFixed(1)}x` : '—',
        errors: non2xx,
        budget: target.budgetP50
          ? result.latency.p50 < target.budgetP50
            ? `p50<${target.budgetP50} ✓`
            : `p50<${target.budgetP50} ✗`
          : '',
      });
    }
    clearInterval(sampler);
    const peakRss = Math.max(peak, rssOf(server.pid!).hwm);

    const projects = await (await fetch(`${base}/api/v1/board?kind=projects`, { headers })).json();
    const total = (projects.columns as Array<{ count: number }>).reduce((n, c) => n + c.count, 0);
    console.log(
      `\n基准测试：${total} 个项目，${connections} 个并发连接，每项 ${duration} 秒，${os.cpus().length} 核\n`,
    );
    console.table(rows);
    console.log(`/board HTML：${kb(html.length)}（gzip ${kb(htmlGzip)}）`);
    console.log(
      `/board JS：${scripts.length} 个文件，${kb(jsRaw)}（gzip ${kb(jsGzip)}）${jsGzip < 150 * 1024 ? ' ✓ <150 KB' : ' ✗ ≥150 KB'}`,
    );
    console.log(
      `服务器内存：启动 ${(baselineRss / 1024 / 1024).toFixed(0)} MB，峰值 RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB${peakRss < 400 * 1024 * 1024 ? ' ✓ <400 MB' : ' ✗ ≥400 MB'}`,
    );
    const outDir = path.join(root, 'bench-results');
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(
      path.join(outDir, `bench-${Date.now()}.json`),
      JSON.stringify(
        { total, connections, duration, rows, htmlBytes: html.length, htmlGzip, jsRaw, jsGzip, peakRss },
        null,
        2,
      ),
    );
  } finally {
    stopAll();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
