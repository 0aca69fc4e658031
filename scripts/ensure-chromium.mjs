#!/usr/bin/env node
// The e2e tests drive a real Chromium. Find one: CHROMIUM_PATH, Debian's /usr/bin/chromium, or
// Playwright's own. If none, install Debian's package when we are root with apt, else stop with
// the exact command to run.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

async function found() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  for (const candidate of candidates) if (fs.existsSync(candidate)) return candidate;
  try {
    const { chromium } = await import('@playwright/test');
    const own = chromium.executablePath();
    if (own && fs.existsSync(own)) return own;
  } catch {
    // Playwright's own browser is not installed; that is the usual case here.
  }
  return null;
}

let path = await found();
if (!path) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('未找到 Chromium，正在安装 Debian 的 chromium 软件包…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
    });
    path = await found();
  }
}
if (!path) {
  console.error(
    '未找到 Chromium。请先安装：sudo apt-get install -y chromium（或设置 CHROMIUM_PATH 指向 Chromium 可执行文件）',
  );
  process.exit(1);
}
console.log(`Chromium: ${path}`);
