import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, gte, lte } from 'drizzle-orm';
import { call, loginAs, seedOnce, uniqueName, unitIdByName, userId } from '../support/api';
import { getDb } from '@/db';
import { leads, projects, stageHistory } from '@/db/schema';
import { POST as createLead } from '@/app/api/v1/leads/route';
import { POST as leadTransition } from '@/app/api/v1/leads/[id]/transitions/route';
import { POST as convert } from '@/app/api/v1/leads/[id]/convert/route';
import { GET as getProject, PATCH as patchProject } from '@/app/api/v1/projects/[id]/route';
import { POST as projectTransition } from '@/app/api/v1/projects/[id]/transitions/route';
import { GET as attraction } from '@/app/api/v1/stats/attraction/route';
import { addDaysIso, dateOfTimestamp, today } from '@/lib/rules/dates';

// 履约 (issue 16): the contract fields of a converted lead's project, the promised-start signal,
// and GET /api/v1/stats/attraction checked against sums computed here from the rows.

beforeAll(() => seedOnce());

const p = (id: number) => ({ id: String(id) });

/** A signed lead of `as`, converted into a project of 昌邑区 owned by `officer`. */
async function convertedProject(as: string, intendedInvestment = 10000) {
  const cookie = await loginAs(as);
  const created = await call(createLead, {
    method: 'POST',
    cookie,
    body: { company: uniqueName('履约测试企业'), intendedInvestment, locationUnitId: unitIdByName('昌邑区') },
  });
  expect(created.status).toBe(201);
  const signed = await call(leadTransition, {
    method: 'POST',
    cookie,
    params: p(created.body.id),
    body: { to: 'signed', version: created.body.version },
  });
  expect(signed.status).toBe(200);
  const done = await call(convert, {
    method: 'POST',
    cookie,
    params: p(created.body.id),
    body: { ownerId: userId('officer') },
  });
  expect(done.status).toBe(201);
  return done.body.project as { id: number; version: number };
}

async function patch(as: string, id: number, body: Record<string, unknown>) {
  const version = (await call(getProject, { cookie: await loginAs('admin'), params: p(id) })).body.version;
  return call(patchProject, { method: 'PATCH', cookie: await loginAs(as), params: p(id), body: { version, ...body } });
}

/** 已签约 → 前期手续 → 开工建设 (with the 未批先建 override). */
async function start(id: number) {
  for (const to of ['approvals', 'construction']) {
    const version = (await call(getProject, { cookie: await loginAs('admin'), params: p(id) })).body.version;
    const moved = await call(projectTransition, {
      method: 'POST',
      cookie: await loginAs('officer'),
      params: p(id),
      body: { to, override: true, reason: '履约测试开工', version },
    });
    expect(moved.status).toBe(200);
  }
}

describe('PATCH /api/v1/projects/:id contract fields (履约)', () => {
  it('are kept by the lead owner (contract fields only), the officer and admin; not by another team', async () => {
    const project = await convertedProject('investment');
    const contract = {
      contractAmount: 12000,
      contractDate: '2026-03-15',
      promisedStartDate: '2026-12-31',
      promisedFunds: 8000,
    };
    const saved = await patch('investment', project.id, contract);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject(contract);
    // The lead owner may not edit the rest of the project; another team may not touch the contract.
    expect((await patch('investment', project.id, { name: '改名' })).status).toBe(403);
    expect((await patch('investment3', project.id, { contractAmount: 1 })).status).toBe(403);
    expect((await patch('officer', project.id, { promisedFunds: 9000 })).status).toBe(200);
    const bad = await patch('admin', project.id, { contractAmount: -5, contractDate: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['contractAmount', 'contractDate']);
    const row = getDb().select().from(projects).where(eq(projects.id, project.id)).get()!;
    expect(row).toMatchObject({ contractAmount: 12000, promisedFunds: 9000 });
  });

  it('turns the project red the day after the promised start without 开工, naming the date', async () => {
    const project = await convertedProject('investment');
    const day = today();
    // Promised for today: not yet late.
    expect((await patch('officer', project.id, { promisedStartDate: day })).status).toBe(200);
    let row = (await call(getProject, { cookie: await loginAs('admin'), params: p(project.id) })).body;
    expect(row.lightSignals.map((s: { kind: string }) => s.kind)).not.toContain('promised_start_overdue');
    // Moving the promise earlier needs no reason; yesterday's promise is broken today.
    const yesterday = addDaysIso(day, -1);
    expect((await patch('officer', project.id, { promisedStartDate: yesterday })).status).toBe(200);
    row = (await call(getProject, { cookie: await loginAs('admin'), params: p(project.id) })).body;
    expect(row.light).toBe('red');
    expect(row.lightReasons).toContain(`合同承诺开工日期 ${yesterday} 已过 1 天仍未开工（履约）`);
    // Moving it later would green the light without progress: a reason is required.
    const later = await patch('officer', project.id, { promisedStartDate: addDaysIso(day, 30) });
    expect(later.status).toBe(400);
    expect(later.body.error.code).toBe('reason_required');
    // Once started, the promise no longer lights.
    await start(project.id);
    row = (await call(getProject, { cookie: await loginAs('admin'), params: p(project.id) })).body;
    expect(row.lightSignals.map((s: { kind: string }) => s.kind)).not.toContain('promised_start_overdue');
  });
});

describe('GET /api/v1/stats/attraction', () => {
  it('gives per team the sums of its contracted projects, computed here from the rows', async () => {
    // 招商一组 (investment) and 招商二组 (investment3): on time, late, not started, no promise.
    const onTime = await convertedProject('investment');
    const late = await convertedProject('investment');
    const notStarted = await convertedProject('investment3');
    const noPromise = await convertedProject('investment3');
    for (const [project, body] of [
      [
        onTime,
        { contractAmount: 50000, contractDate: '2026-02-01', promisedStartDate: '2030-01-01', promisedFunds: 20000 },
      ],
      [
        late,
        { contractAmount: 7000, contractDate: '2026-05-20', promisedStartDate: '2020-01-01', promisedFunds: 3000 },
      ],
      [notStarted, { contractAmount: 3333, contractDate: '2026-06-30', promisedStartDate: '2026-11-01' }],
      [noPromise, { contractAmount: 1111, contractDate: '2026-12-31', promisedFunds: 1000 }],
    ] as const) {
      expect((await patch('admin', project.id, body)).status).toBe(200);
    }
    expect((await patch('admin', onTime.id, { fundsInPlace: 12345 })).status).toBe(200);
    expect((await patch('admin', noPromise.id, { fundsInPlace: 250 })).status).toBe(200);
    await start(onTime.id);
    await start(late.id);

    const res = await call(attraction, { cookie: await loginAs('leader'), path: '/api/v1/stats/attraction?year=2026' });
    expect(res.status).toBe(200);

    // The rows, read plainly: projects signed in 2026 with their lead's team and first 开工 day.
    const day = today();
    const rows = getDb()
      .select({
        id: projects.id,
        team: leads.team,
        contractAmount: projects.contractAmount,
        promisedFunds: projects.promisedFunds,
        fundsInPlace: projects.fundsInPlace,
        promised: projects.promisedStartDate,
      })
      .from(projects)
      .leftJoin(leads, eq(leads.id, projects.leadId))
      .where(and(gte(projects.contractDate, '2026-01-01'), lte(projects.contractDate, '2026-12-31')))
      .all();
    const startedOn = (id: number) => {
      const days = getDb()
        .select({ at: stageHistory.at })
        .from(stageHistory)
        .where(and(eq(stageHistory.projectId, id), eq(stageHistory.toStage, 'construction')))
        .all()
        .map((h) => dateOfTimestamp(h.at))
        .sort();
      return days[0] ?? null;
    };
    const teams = new Set(rows.map((r) => r.team ?? null));
    expect(teams).toContain('招商一组');
    expect(teams).toContain('招商二组');
    for (const team of teams) {
      const mine = rows.filter((r) => (r.team ?? null) === team);
      let signed = 0;
      let promised = 0;
      let funds = 0;
      let fundsOfPromised = 0;
      let due = 0;
      let onTimeCount = 0;
      let overdue = 0;
      for (const r of mine) {
        signed += r.contractAmount ?? 0;
        funds += r.fundsInPlace ?? 0;
        if (r.promisedFunds != null) {
          promised += r.promisedFunds;
          fundsOfPromised += r.fundsInPlace ?? 0;
        }
        const started = startedOn(r.id);
        if (r.promised == null) continue;
        if (started != null || r.promised < day) due += 1;
        if (started != null && started <= r.promised) onTimeCount += 1;
        if (started == null && r.promised < day) overdue += 1;
      }
      const group = res.body.byTeam.find((g: { key: string | null }) => g.key === team);
      expect(group, `team ${team}`).toBeDefined();
      expect(group).toMatchObject({
        projects: mine.length,
        signedAmount: signed,
        promisedFunds: promised,
        fundsInPlace: funds,
        startedOnTime: onTimeCount,
        due,
        overdue,
      });
      expect(group.fundsRate).toBeCloseTo(promised ? fundsOfPromised / promised : NaN, 4);
      if (due) expect(group.performanceRate).toBeCloseTo(onTimeCount / due, 4);
      else expect(group.performanceRate).toBeNull();
    }
    // The totals are the sum of the teams.
    const sum = (key: string) => res.body.byTeam.reduce((s: number, g: Record<string, number>) => s + g[key], 0);
    for (const key of ['projects', 'signedAmount', 'fundsInPlace', 'startedOnTime', 'due', 'overdue'])
      expect(res.body.total[key]).toBe(sum(key));
    // The same projects grouped by unit add up to the same totals.
    const unitSum = res.body.byUnit.reduce((s: number, g: { signedAmount: number }) => {
      return s + g.signedAmount;
    }, 0);
    expect(unitSum).toBe(res.body.total.signedAmount);
    // The on-time project counts as on time; the late and the not-started ones do not.
    const two = res.body.byTeam.find((g: { key: string }) => g.key === '招商二组');
    expect(two.overdue).toBeGreaterThanOrEqual(1);
  });

  it('another year has none of them, and a bad year is a 400 naming year', async () => {
    const cookie = await loginAs('officer');
    const other = await call(attraction, { cookie, path: '/api/v1/stats/attraction?year=2019' });
    expect(other.status).toBe(200);
    expect(other.body.total.projects).toBe(0);
    expect(other.body.total.performanceRate).toBeNull();
    const bad = await call(attraction, { cookie, path: '/api/v1/stats/attraction?year=20x6' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.year).toBeDefined();
  });
});
