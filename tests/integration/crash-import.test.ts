import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDb, databasePath } from '@/db';
import { previewProjectImport } from '@/domain/imports';
import { seedOnce } from '../support/api';
import { projectLedger, startWorker } from '../support/import-worker';
import { actorOf } from '../support/xlsx';

// Power cut in the middle of an import: the worker process (the real write path — the web server
// runs exactly this process for every commit) is killed with SIGKILL half-way through its
// transaction. On reopening, the database must be intact and the import wholly absent; run again,
// it must land wholly.

const ROWS = 10_000;
const PREFIX = '断电测试项目';

function counts() {
  const db = new Database(databasePath(), { readonly: true });
  try {
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      projects: one('select count(*) as n from projects'),
      ours: one(`select count(*) as n from projects where name like '${PREFIX}%'`),
      batches: one('select count(*) as n from import_batches'),
      audit: one('select count(*) as n from audit_log'),
      approvals: one('select count(*) as n from approval_items'),
      history: one('select count(*) as n from stage_history'),
    };
  } finally {
    db.close();
  }
}

function integrity(): string {
  const db = new Database(databasePath());
  try {
    return (db.pragma('integrity_check') as Array<{ integrity_check: string }>)
      .map((row) => row.integrity_check)
      .join(';');
  } finally {
    db.close();
  }
}

describe('SIGKILL in the middle of a 10,000-row import', () => {
  let previewId: string;
  let userId: number;

  beforeAll(async () => {
    await seedOnce();
    const actor = actorOf('leader');
    userId = actor.id;
    const preview = await previewProjectImport(actor, {
      name: '断电测试.xlsx',
      bytes: await projectLedger(ROWS, PREFIX),
    });
    expect(preview.counts.create).toBe(ROWS);
    previewId = preview.id;
    // The test process holds no connection while the worker writes, like a restarted server.
    closeDb();
  }, 120_000);

  it('leaves the database intact with the import wholly absent, and a rerun lands it wholly', async () => {
    const before = counts();
    const run = startWorker(['commit', '--kind', 'projects', '--preview', previewId, '--user', String(userId)]);
    const midway = await run.waitFor(
      (line) => line.progress?.phase === 'writing' && line.progress.done >= ROWS / 2 && line.progress.done < ROWS,
    );
    run.child.kill('SIGKILL');
    const exit = await run.exited;
    expect(exit.signal).toBe('SIGKILL');
    expect(run.lines.some((line) => 'result' in line)).toBe(false);
    expect(midway.progress.done).toBeLessThan(ROWS);

    expect(integrity()).toBe('ok');
    expect(counts()).toEqual(before);

    // The preview survives the crash, so the user can simply confirm again.
    const rerun = startWorker(['commit', '--kind', 'projects', '--preview', previewId, '--user', String(userId)]);
    const { code } = await rerun.exited;
    expect(code).toBe(0);
    const result = rerun.lines.find((line) => 'result' in line)?.result;
    expect(result).toMatchObject({ created: ROWS, updated: 0 });
    expect(integrity()).toBe('ok');
    const after = counts();
    expect(after.ours).toBe(ROWS);
    expect(after.projects).toBe(before.projects + ROWS);
    expect(after.batches).toBe(before.batches + 1);
    // One audit row per project plus the batch's own.
    expect(after.audit).toBe(before.audit + ROWS + 1);
    expect(after.history).toBe(before.history + ROWS);
  }, 120_000);
});
