import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { acquireImportSlot, importsRunning, MAX_RUNNING_IMPORTS } from '@/domain/import-jobs';
import { importDirectory } from '@/domain/import-store';
import { isAppError } from '@/lib/errors';
import { seedOnce } from '../support/api';
import { actorOf } from '../support/xlsx';

// Under several server processes an import's place is a file, so the limits hold across them all
// and a place taken by a process that died is given back.

const slotFile = (userId: number) => path.join(importDirectory(), 'running', `${userId}.lock`);
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return isAppError(error) ? error.code : String(error);
  }
  return null;
};

beforeAll(async () => {
  await seedOnce();
});

describe('import places across server processes', () => {
  it("refuses a user whose import runs in another live process, and frees a dead process's place", () => {
    const officer = actorOf('officer');
    fs.mkdirSync(path.dirname(slotFile(officer.id)), { recursive: true });
    fs.writeFileSync(slotFile(officer.id), String(process.ppid)); // a live process: the test runner's parent
    expect(importsRunning()).toBe(1);
    expect(refusal(() => acquireImportSlot(officer))).toBe('too_many_attempts');

    fs.writeFileSync(slotFile(officer.id), '2147483646'); // no such process
    expect(importsRunning()).toBe(0);
    const release = acquireImportSlot(officer);
    expect(fs.readFileSync(slotFile(officer.id), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(slotFile(officer.id))).toBe(false);
  });

  it('counts places held by other processes against the total', () => {
    const others = ['officer2', 'investment', 'leader'].slice(0, MAX_RUNNING_IMPORTS).map(actorOf);
    for (const other of others) {
      fs.mkdirSync(path.dirname(slotFile(other.id)), { recursive: true });
      fs.writeFileSync(slotFile(other.id), String(process.ppid));
    }
    expect(refusal(() => acquireImportSlot(actorOf('admin')))).toBe('too_many_attempts');
    for (const other of others) fs.rmSync(slotFile(other.id));
    const release = acquireImportSlot(actorOf('admin'));
    expect(importsRunning()).toBe(1);
    release();
  });
});
