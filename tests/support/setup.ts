import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Each test file gets its own fresh SQLite file, migrated on first use.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkp-test-'));
process.env.DATABASE_PATH = path.join(dir, 'test.db');
process.env.APP_TODAY ??= '2026-11-20';
// scripts/serve.mjs sets a per-process key and stamps each request's client address with it;
// tests stamp theirs with this one (tests/support/client-ip.ts).
process.env.JKP_CLIENT_IP_KEY = 'test-client-ip-key';
// The sign-in slowdown (lib/auth/session.ts) in milliseconds, not seconds, so tests stay quick.
process.env.LOGIN_SLOWDOWN_BASE_MS ??= '2';
process.env.LOGIN_SLOWDOWN_MAX_MS ??= '20';
