import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBusyError, retryWhileBusy } from '@/db/busy';
import { toAppError } from '@/lib/auth/guard';

// A write that meets another process's lock is retried asynchronously, then answered 系统繁忙 (503), never 500.

function lockedPair() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jkp-busy-')), 'busy.db');
  const holder = new Database(file);
  holder.pragma('journal_mode = WAL');
  holder.exec('create table t (n integer)');
  const writer = new Database(file);
  writer.pragma('busy_timeout = 20');
  return { holder, writer };
}

describe('busy writes', () => {
  it('retries while the lock is held and succeeds once it is released', async () => {
    const { holder, writer } = lockedPair();
    holder.exec('begin immediate');
    setTimeout(() => holder.exec('commit'), 300);
    let attempts = 0;
    await retryWhileBusy(() => {
      attempts++;
      writer.prepare('insert into t values (1)').run();
    });
    expect(attempts).toBeGreaterThan(1);
    expect((writer.prepare('select count(*) as n from t').get() as { n: number }).n).toBe(1);
  });

  it('gives up after its budget with a busy error that maps to 503 系统繁忙', async () => {
    const { holder, writer } = lockedPair();
    holder.exec('begin immediate');
    const failure = await retryWhileBusy(() => writer.prepare('insert into t values (1)').run(), {
      budgetMs: 200,
    }).catch((error: unknown) => error);
    holder.exec('commit');
    expect(isBusyError(failure)).toBe(true);
    const appError = toAppError(failure);
    expect(appError.status).toBe(503);
    expect(appError.message).toContain('系统繁忙');
  });

  it('does not retry other errors', async () => {
    let attempts = 0;
    await expect(
      retryWhileBusy(() => {
        attempts++;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(attempts).toBe(1);
  });
});
