#!/usr/bin/env node
// The production server (`npm start` runs it after building): Next.js behind a small Node HTTP
// server that decides, per TRUST_PROXY, which forwarding headers to believe before Next.js reads
// them (scripts/trust-proxy.mjs). Honours PORT, HOSTNAME and DATABASE_PATH.
//
// One process per core (Node's cluster; WEB_CONCURRENCY sets how many, 1 serves from this process
// alone). The workers share the port and the one SQLite file (WAL); caches stay coherent through
// the data change counter the database keeps (db/queries/read-cache.ts). The first worker migrates
// and seeds before the others start, so two never race to create the schema or the demo data.
import cluster from 'node:cluster';
import crypto from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseTrustProxy, annotateRequest } from './trust-proxy.mjs';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || '0.0.0.0';
const workers = Math.max(1, Math.floor(Number(process.env.WEB_CONCURRENCY)) || os.availableParallelism());

let trust;
try {
  trust = parseTrustProxy(process.env.TRUST_PROXY);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

function announce() {
  const shown = hostname === '0.0.0.0' ? 'localhost' : hostname;
  const processes = workers > 1 ? `（${workers} 个工作进程）` : '';
  console.log(`吉林市重点项目管理平台已启动：http://${shown}:${port}${processes}`);
  if (trust.kind !== 'none') console.log(`TRUST_PROXY=${process.env.TRUST_PROXY}：信任该代理转发的客户端地址`);
}

if (workers > 1 && cluster.isPrimary) {
  // One key for every worker: lib/auth/request-meta.ts believes the client-address header only with it.
  process.env.JKP_CLIENT_IP_KEY = crypto.randomBytes(18).toString('base64url');
  // JKP_HEAP_MB caps each worker's V8 old space (unset or 0: V8's own limit). Measured at 14,000
  // projects (docs/performance.md): V8 lets a worker grow to about 600 MB before collecting; a cap of
  // 320 holds it near 300 MB, at the price of 30–50% more latency on the heaviest pages. An explicit
  // --max-old-space-size in NODE_OPTIONS wins.
  const heapMb = Number(process.env.JKP_HEAP_MB ?? 0);
  if (heapMb > 0 && !/--max-old-space-size/.test(process.env.NODE_OPTIONS ?? ''))
    cluster.setupPrimary({ execArgv: [...process.execArgv, `--max-old-space-size=${heapMb}`] });
  let stopping = false;
  let listening = 0;
  const restarts = [];
  // Only the first worker prints the demo logins it seeded.
  const fork = (quiet = true) => cluster.fork({ ...process.env, ...(quiet ? { JKP_QUIET_START: '1' } : {}) });
  // The rest start once the first has migrated and seeded (instrumentation.ts says so), or, should
  // that message never come, a minute after it listens.
  let rest = false;
  const forkRest = () => {
    if (rest) return;
    rest = true;
    for (let i = 1; i < workers; i += 1) fork();
  };
  cluster.on('message', (_worker, message) => {
    if (message?.jkp === 'database-ready') forkRest();
  });
  cluster.on('listening', () => {
    listening += 1;
    if (listening === 1) setTimeout(forkRest, 60_000).unref();
    if (listening === workers) announce();
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // Before the first worker listens (a failed migration, a bad build) there is nothing to keep up.
    if (listening === 0) process.exit(code ?? 1);
    console.error(`工作进程 ${worker.process.pid} 已退出（${signal ?? code}），正在重启`);
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && restarts[0] < now - 60_000) restarts.shift();
    if (restarts.length > 10) {
      console.error('工作进程一分钟内反复退出，服务停止');
      process.exit(1);
    }
    fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      setTimeout(() => process.exit(0), 8_000).unref();
    });
  fork(false);
} else {
  // A single process makes its own key; a worker was handed the primary's.
  process.env.JKP_CLIENT_IP_KEY ??= crypto.randomBytes(18).toString('base64url');
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: root, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const worker = cluster.isWorker && process.env.JKP_EXPOSE_WORKER === '1' ? String(cluster.worker.id) : null;

  const server = http.createServer((request, response) => {
    annotateRequest(request, trust, process.env.JKP_CLIENT_IP_KEY);
    if (worker) response.setHeader('x-jkp-worker', worker);
    handle(request, response);
  });
  server.listen(port, hostname, () => {
    if (!cluster.isWorker) announce();
  });
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => {
      server.close(() => process.exit(0));
      setTimeout(() => process.exit(0), 5_000).unref();
    });
}
