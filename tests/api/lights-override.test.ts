import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { call, createProjectAs, loginAs, seedOnce, uniqueName, unitIdByName } from '../support/api';
import { getDb } from '@/db';
import { projects, stageHistory } from '@/db/schema';
import { GET as boardCards } from '@/app/api/v1/board/cards/route';
import { GET as getProjectDetail } from '@/app/api/v1/projects/[id]/route';
import { POST as transition } from '@/app/api/v1/projects/[id]/transitions/route';
import { PATCH as patchApproval } from '@/app/api/v1/approvals/[id]/route';
import { listLedgerRows } from '@/db/queries/projects';
import { lightOptions, loadLightFacts } from '@/domain/light';
import { computeLight } from '@/lib/rules/light';
import { today } from '@/lib/rules/dates';

// 未批先建 (issue 11): the demo's override project stays flagged, on the board API and the ledger,
// until its last open 前期手续 item is done; and forcing 开工建设 past open permits never greens a light.

let demoId: number;

const stored = (id: number) =>
  getDb()
    .select({
      light: projects.light,
      signals: projects.lightSignals,
      overridden: projects.approvalsOverridden,
      reasons: projects.lightReasons,
    })
    .from(projects)
    .where(eq(projects.id, id))
    .get()!;

async function boardCard(id: number) {
  const cookie = await loginAs('leader');
  const name = getDb().select({ name: projects.name }).from(projects).where(eq(projects.id, id)).get()!.name;
  const result = await call(boardCards, {
    path: `/api/v1/board/cards?kind=projects&stage=construction&page=1&pageSize=50&q=${encodeURIComponent(name)}`,
    cookie,
  });
  expect(result.status).toBe(200);
  return result.body.items.find((card: { id: number }) => card.id === id);
}

const ledgerRow = (id: number) =>
  listLedgerRows({ filters: { stage: 'construction' }, page: 1, pageSize: 500 }).find((row) => row.id === id);

beforeAll(async () => {
  await seedOnce();
  const overridden = getDb()
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.approvalsOverridden, true))
    .all();
  // Exactly one deliberate 未批先建 project in the demo.
  expect(overridden).toHaveLength(1);
  demoId = overridden[0].id;
});

describe('the demo lights', () => {
  it('are stored as the app computes them from the same facts (seed and domain load the same facts)', () => {
    const rows = getDb().select().from(projects).all();
    const facts = loadLightFacts(
      getDb(),
      rows.map((row) => row.id),
    );
    const options = lightOptions(getDb(), today());
    for (const row of rows) {
      const result = computeLight(facts.get(row.id)!, options);
      expect({
        id: row.id,
        light: row.light,
        reasons: row.lightReasons,
        overridden: row.approvalsOverridden,
        recheck: row.lightRecheckOn,
        signals: row.lightSignals,
      }).toEqual({
        id: row.id,
        light: result.light,
        reasons: result.reasons,
        overridden: result.approvalsOverridden,
        recheck: result.recheckOn,
        signals: result.signals.map(({ kind, severity, message, dueDate }) => ({ kind, severity, message, dueDate })),
      });
    }
    // The demo shows every kind of light, and at least one red 落后序时进度 project under construction.
    expect(new Set(rows.map((row) => row.light))).toEqual(new Set(['red', 'yellow', 'green', 'grey']));
    expect(
      rows.some(
        (row) =>
          row.stage === 'construction' &&
          row.light === 'red' &&
          row.lightSignals.some((s) => s.kind === 'schedule_lag' && s.severity === 'red'),
      ),
    ).toBe(true);
  });
});

describe('the demo 未批先建 project', () => {
  it('was moved into 开工建设 by a recorded override with its open items', () => {
    const moves = getDb().select().from(stageHistory).where(eq(stageHistory.projectId, demoId)).all();
    const into = moves.find((row) => row.toStage === 'construction')!;
    expect(into.override).toBe(true);
    expect(into.reason).toBeTruthy();
    expect(into.openItems).toHaveLength(4);
  });

  it('stays flagged until its last open item is done, then the flag and the signal are gone', async () => {
    const cookie = await loginAs('admin');
    const detail = await call(getProjectDetail, { cookie, params: { id: String(demoId) } });
    expect(detail.status).toBe(200);
    const open = detail.body.approvals.filter(
      (item: { status: string }) => item.status !== 'done' && item.status !== 'not_applicable',
    );
    expect(open).toHaveLength(4);

    for (const [index, item] of open.entries()) {
      const before = stored(demoId);
      expect(before.overridden).toBe(true);
      expect(before.signals.map((s) => s.kind)).toContain('approvals_overridden');
      expect(before.reasons.find((r) => r.startsWith('未批先建'))).toContain(`${open.length - index} 项前期手续未办结`);
      // The badge data on the board card and the ledger row.
      expect((await boardCard(demoId))?.approvalsOverridden).toBe(true);
      expect(ledgerRow(demoId)?.approvalsOverridden).toBe(true);

      // The last one is marked 不涉及, the others 已办结: both end the item.
      const status = index === open.length - 1 ? 'not_applicable' : 'done';
      const patched = await call(patchApproval, {
        method: 'PATCH',
        cookie,
        params: { id: String(item.id) },
        body: { status, version: item.version },
      });
      expect(patched.status).toBe(200);
    }

    const after = stored(demoId);
    expect(after.overridden).toBe(false);
    expect(after.signals.map((s) => s.kind)).not.toContain('approvals_overridden');
    expect(after.reasons.join()).not.toContain('未批先建');
    expect((await boardCard(demoId))?.approvalsOverridden).toBe(false);
    expect(ledgerRow(demoId)?.approvalsOverridden).toBe(false);
  });
});

describe('forcing 开工建设 past open permits', () => {
  async function projectInApprovals(stageDueDate: string | null) {
    const cookie = await loginAs('officer');
    const created = await createProjectAs('officer', {
      name: uniqueName('未批先建测试'),
      category: 'government',
      unitId: unitIdByName('昌邑区'),
      ...(stageDueDate ? { stagePlans: { approvals: stageDueDate } } : {}),
    });
    const params = { id: String(created.id) };
    const moved = await call(transition, {
      method: 'POST',
      cookie,
      params,
      body: { to: 'approvals', version: created.version },
    });
    expect(moved.status).toBe(200);
    return { id: created.id as number, version: moved.body.version as number, cookie, params };
  }
  /** Moves it on to 开工建设 with its permits still open, as the city may decide. */
  const forceConstruction = (project: Awaited<ReturnType<typeof projectInApprovals>>) =>
    call(transition, {
      method: 'POST',
      cookie: project.cookie,
      params: project.params,
      body: { to: 'construction', override: true, reason: '市政府专题会议同意先行开工', version: project.version },
    });

  it('turns a red project 未批先建 red, not green', async () => {
    const project = await projectInApprovals(null);
    // One permit was due on 2026-09-01, long past on the test day (2026-11-20): red.
    const detail = await call(getProjectDetail, { cookie: project.cookie, params: project.params });
    const permit = detail.body.approvals.find((item: { kind: string }) => item.kind === 'construction_permit');
    expect(
      (
        await call(patchApproval, {
          method: 'PATCH',
          cookie: project.cookie,
          params: { id: String(permit.id) },
          body: { dueDate: '2026-09-01', version: permit.version },
        })
      ).status,
    ).toBe(200);
    expect(stored(project.id)).toMatchObject({ light: 'red', overridden: false });
    expect(stored(project.id).signals.map((s) => `${s.kind}:${s.severity}`)).toContain('approval_overdue:red');

    const forced = await forceConstruction(project);
    expect(forced.status).toBe(200);
    const after = stored(project.id);
    expect(after.light).toBe('red');
    expect(after.overridden).toBe(true);
    expect(after.signals.map((s) => `${s.kind}:${s.severity}`)).toEqual(['approvals_overridden:red']);
  });

  it('turns any project at least yellow, never green', async () => {
    const project = await projectInApprovals(null);
    expect(stored(project.id).light).toBe('green');
    const forced = await forceConstruction(project);
    expect(forced.status).toBe(200);
    expect(stored(project.id)).toMatchObject({
      light: 'yellow',
      overridden: true,
      reasons: ['未批先建：8 项前期手续未办结'],
    });
  });
});
