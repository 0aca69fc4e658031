import { and, eq, like, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, loginAs, seedOnce } from '../support/api';
import { getDb } from '@/db';
import { auditLog, importBatches, projects, stageHistory, units } from '@/db/schema';
import { runImportCommit } from '@/domain/import-jobs';
import { previewProjectImport } from '@/domain/imports';
import { projectLedger } from '../support/import-worker';
import { actorOf } from '../support/xlsx';
import { POST as createProjectRoute } from '@/app/api/v1/projects/route';
import { GET as getProject, PATCH as patchProject } from '@/app/api/v1/projects/[id]/route';
import { POST as transition } from '@/app/api/v1/projects/[id]/transitions/route';
import { STAGES } from '@/lib/rules/enums';

// 20 writers at once against one project through the API. Each reads, changes and writes with the
// version it read, and retries on 409. Every accepted write must survive, the stage history must be
// one unbroken chain, and there must be exactly one audit row per accepted write. The second case
// runs them while an Excel import commits beside them in the import worker process — its own
// connection and one long transaction — as it does under the web server.

// The web server's short synchronous busy wait (db/busy.ts), so writes that meet the import's
// lock take the asynchronous retry path exactly as they do in production.
process.env.SQLITE_BUSY_TIMEOUT_MS = '150';

const WRITERS = 20;
const WRITES_EACH = 5;

const pause = () => new Promise((resolve) => setImmediate(resolve));

async function writer(index: number, projectId: number, cookie: string) {
  let accepted = 0;
  let conflicts = 0;
  let moves = 0;
  for (let n = 0; n < WRITES_EACH; n++) {
    for (;;) {
      const read = await call(getProject, { cookie, params: { id: String(projectId) } });
      expect(read.status).toBe(200);
      await pause(); // let other writers in between the read and the write
      const project = read.body;
      // Odd writers move the stage forward and back; even writers add to the money.
      const result =
        index % 2 === 1
          ? await call(transition, {
              method: 'POST',
              cookie,
              params: { id: String(projectId) },
              body:
                project.stage === 'reserve'
                  ? { to: 'approvals', version: project.version }
                  : { to: 'reserve', reason: `写入者 ${index} 退回`, version: project.version },
            })
          : await call(patchProject, {
              method: 'PATCH',
              cookie,
              params: { id: String(projectId) },
              body: {
                version: project.version,
                totalInvestment: project.totalInvestment + index,
                plan: `写入者 ${index} 第 ${n} 次`,
              },
            });
      if (result.status === 409) {
        conflicts++;
        continue;
      }
      expect(result.status, JSON.stringify(result.body)).toBe(200);
      accepted++;
      if (index % 2 === 1) moves++;
      break;
    }
  }
  return { accepted, conflicts, moves };
}

async function newProject(cookie: string, name: string): Promise<number> {
  const unit = getDb().select().from(units).where(eq(units.name, '昌邑区')).get()!;
  const created = await call(createProjectRoute, {
    method: 'POST',
    cookie,
    body: { name, category: 'government', unitId: unit.id, totalInvestment: 1000 },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

const count = (table: typeof auditLog, where: ReturnType<typeof eq>) =>
  getDb()
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .where(where)
    .get()!.n;

/** Runs the 20 writers on one project and checks no update was lost, the history chain and the audit rows. */
async function writersKeepEveryWrite(projectId: number, cookie: string) {
  const auditBefore = count(auditLog, eq(auditLog.projectId, projectId));
  const results = await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i, projectId, cookie)));
  const accepted = results.reduce((sum, r) => sum + r.accepted, 0);
  const conflicts = results.reduce((sum, r) => sum + r.conflicts, 0);
  const moves = results.reduce((sum, r) => sum + r.moves, 0);
  expect(accepted).toBe(WRITERS * WRITES_EACH);
  // The writers really did collide, so the test exercised the version check.
  expect(conflicts).toBeGreaterThan(0);

  const final = getDb().select().from(projects).where(eq(projects.id, projectId)).get()!;
  // Even writers each added their index WRITES_EACH times: nothing was overwritten.
  const expectedTotal =
    1000 + Array.from({ length: WRITERS }, (_, i) => (i % 2 === 0 ? i * WRITES_EACH : 0)).reduce((a, b) => a + b, 0);
  expect(final.totalInvestment).toBe(expectedTotal);
  expect(final.version).toBe(1 + accepted);

  // The stage history is one chain: each move starts where the previous one ended.
  const history = getDb()
    .select()
    .from(stageHistory)
    .where(eq(stageHistory.projectId, projectId))
    .orderBy(stageHistory.id)
    .all();
  expect(history).toHaveLength(1 + moves);
  for (let i = 1; i < history.length; i++) expect(history[i].fromStage).toBe(history[i - 1].toStage);
  expect(history.at(-1)!.toStage).toBe(final.stage);
  for (const row of history) expect(STAGES).toContain(row.toStage);

  expect(count(auditLog, eq(auditLog.projectId, projectId)) - auditBefore).toBe(accepted);
  expect(count(auditLog, and(eq(auditLog.projectId, projectId), eq(auditLog.action, 'transition'))!)).toBe(moves);
}

describe('concurrent writers on one project', () => {
  let cookie: string;

  beforeAll(async () => {
    await seedOnce();
    cookie = await loginAs('leader');
  });

  it('loses no update, keeps the stage history consistent, and audits each accepted write once', async () => {
    await writersKeepEveryWrite(await newProject(cookie, '并发写入测试项目'), cookie);
  });

  it('does the same while a 3,000-row Excel import commits beside them, and the import lands wholly', async () => {
    const ROWS = 3000;
    const PREFIX = '并发导入测试项目';
    const projectId = await newProject(cookie, '导入期间并发写入测试项目');
    const actor = actorOf('leader');
    const preview = await previewProjectImport(actor, {
      name: '并发导入.xlsx',
      bytes: await projectLedger(ROWS, PREFIX),
    });
    const before = getDb()
      .select({ n: sql<number>`count(*)` })
      .from(projects)
      .get()!.n;

    // Start the writers the moment the import's transaction has begun writing, so they meet its lock.
    let started!: () => void;
    const importWriting = new Promise<void>((resolve) => (started = resolve));
    let sawWriting = false;
    const commit = runImportCommit(actor, 'projects', preview.id, false, (progress) => {
      if (progress.phase === 'writing' && !sawWriting) {
        sawWriting = true;
        started();
      }
    });
    await importWriting;
    const [result] = await Promise.all([commit, writersKeepEveryWrite(projectId, cookie)]);

    expect(result).toMatchObject({ created: ROWS, updated: 0 });
    expect(
      getDb()
        .select({ n: sql<number>`count(*)` })
        .from(projects)
        .where(like(projects.name, `${PREFIX}%`))
        .get()!.n,
    ).toBe(ROWS);
    expect(
      getDb()
        .select({ n: sql<number>`count(*)` })
        .from(projects)
        .get()!.n,
    ).toBe(before + ROWS);
    expect(getDb().select().from(importBatches).where(eq(importBatches.id, result.batchId)).get()).toMatchObject({
      createdCount: ROWS,
    });
    expect(count(auditLog, eq(auditLog.batchId, result.batchId))).toBe(ROWS + 1);
  }, 120_000);
});
