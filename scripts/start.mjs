#!/usr/bin/env node
// `npm start`: build if there is no build, then serve. The server migrates the database and seeds
// the demo data on start (instrumentation.ts), honouring PORT and DATABASE_PATH.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const distDir = process.env.NEXT_DIST_DIR || '.next';
const nextBin = path.join(root, 'node_modules', '.bin', 'next');

/** The newest modification time among the sources a build depends on. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of ['app', 'components', 'lib', 'domain', 'db'])
    if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of ['package-lock.json', 'next.config.js', 'proxy.ts', 'instrumentation.ts']) {
    if (fs.existsSync(path.join(root, file))) newest = Math.max(newest, fs.statSync(path.join(root, file)).mtimeMs);
  }
  return newest;
}

const buildId = path.join(root, distDir, 'BUILD_ID');
const stale = !fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestSource();
if (stale) {
  console.log('未找到最新的生产构建，正在执行 next build（约 1 分钟）…');
  const build = spawnSync(nextBin, ['build'], { cwd: root, stdio: 'inherit', env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs')], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
