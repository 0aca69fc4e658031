#!/usr/bin/env node
// The production server (`npm start` runs it after building): Next.js behind a small Node HTTP
// server that decides, per TRUST_PROXY, which forwarding headers to believe before Next.js reads
// them (scripts/trust-proxy.mjs). Honours PORT, HOSTNAME and DATABASE_PATH.
import crypto from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { annotateRequest, parseTrustProxy } from './trust-proxy.mjs';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || '0.0.0.0';

let trust;
try {
  trust = parseTrustProxy(process.env.TRUST_PROXY);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
// A per-process key: lib/auth/request-meta.ts believes the client-address header only with it.
process.env.JKP_CLIENT_IP_KEY = crypto.randomBytes(18).toString('base64url');

const app = next({ dev: false, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  annotateRequest(request, trust, process.env.JKP_CLIENT_IP_KEY);
  handle(request, response);
});
server.listen(port, hostname, () => {
  const shown = hostname === '0.0.0.0' ? 'localhost' : hostname;
  console.log(`吉林市重点项目管理平台已启动：http://${shown}:${port}`);
  if (trust.kind !== 'none') console.log(`TRUST_PROXY=${process.env.TRUST_PROXY}：信任该代理转发的客户端地址`);
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
