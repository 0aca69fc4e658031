import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { databasePath, getDb, getSqlite } from '@/db';
import { seedDemo } from '@/db/seed';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');

const TABLES = ['projects', 'approval_items', 'tasks', 'monthly_reports', 'stage_history', 'leads', 'audit_log'];
const counts = (db: Database.Database) =>
  Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`select count(*) n from ${t}`).get() as { n: number }).n]));

describe('online backup and restore', () => {
  beforeAll(async () => {
    await seedDemo(getDb());
  });

  it('backs up a consistent copy under write load, and restores it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkp-backup-'));
    const out = path.join(dir, 'backup.db');
    const live = getSqlite();
    const insert = live.prepare("insert into audit_log (at, action, entity_type) values (?, 'update', 'load-test')");
    const before = counts(live).audit_log;

    // Keep writing while the backup runs in another process.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        live.transaction(() => {
          for (let i = 0; i < 20; i++) insert.run(new Date().toISOString());
        })();
        written += 20;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const backup = await run(tsx, ['scripts/db-backup.ts', '--out', out], {
      env: { ...process.env, DATABASE_PATH: databasePath() },
    });
    writing = false;
    await writer;
    expect(backup.stdout).toContain('完整性检查通过');
    expect(written).toBeGreaterThan(0);

    const copy = new Database(out, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const backedUp = counts(copy);
    copy.close();
    // The copy is one consistent snapshot: every row from before, and no more than were written.
    expect(backedUp.audit_log).toBeGreaterThanOrEqual(before);
    expect(backedUp.audit_log).toBeLessThanOrEqual(before + written);
    expect(backedUp.projects).toBe(counts(live).projects);

    const restoredPath = path.join(dir, 'restored.db');
    const restore = await run(tsx, ['scripts/db-restore.ts', out], {
      env: { ...process.env, DATABASE_PATH: restoredPath },
    });
    expect(restore.stdout).toContain('完整性检查：ok');
    const restored = new Database(restoredPath, { readonly: true });
    expect(counts(restored)).toEqual(backedUp);
    restored.close();
  });

  it('refuses to restore a corrupt file and leaves the target alone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jkp-restore-'));
    const bad = path.join(dir, 'bad.db');
    fs.writeFileSync(bad, Buffer.from('SQLite format 3\0 this is not a database'.padEnd(4096, 'x')));
    const target = path.join(dir, 'target.db');
    await expect(
      run(tsx, ['scripts/db-restore.ts', bad], { env: { ...process.env, DATABASE_PATH: target } }),
    ).rejects.toThrow();
    expect(fs.existsSync(target)).toBe(false);
  });
});
