import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Each test file gets its own fresh SQLite file, migrated on first use.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkp-test-'));
process.env.DATABASE_PATH = path.join(dir, 'test.db');
process.env.APP_TODAY ??= '2026-11-20';
