import { and, eq, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, loginAs, seedOnce, userId } from '../support/api';
import { getDb } from '@/db';
import { auditLog, problems, projects, users } from '@/db/schema';
import { addDaysIso, today } from '@/lib/rules/dates';
import { GET as listAll } from '@/app/api/v1/problems/route';
import { GET as getOne, PATCH } from '@/app/api/v1/problems/[id]/route';
import { GET as history } from '@/app/api/v1/problems/[id]/history/route';
import { GET as listOfProject, POST as raise } from '@/app/api/v1/projects/[id]/problems/route';

let ownProjectId: number;
let otherProjectId: number;
let unitId: number;

beforeAll(async () => {
  await seedOnce();
  const officer = getDb().select().from(users).where(eq(users.username, 'officer')).get()!;
  unitId = officer.unitId!;
  ownProjectId = getDb()
    .select()
    .from(projects)
    .where(and(eq(projects.unitId, unitId), eq(projects.status, 'active')))
    .get()!.id;
  otherProjectId = getDb()
    .select()
    .from(projects)
    .where(and(ne(projects.unitId, unitId), ne(projects.ownerId, officer.id)))
    .get()!.id;
});

const future = (days = 10) => addDaysIso(today(), days);
const path = (id: number) => ({ id: String(id) });

/** PATCH /api/v1/problems/:id with the given session cookie. */
const patchAs = (cookie: string, id: number, body: Record<string, unknown>) =>
  call(PATCH, { method: 'PATCH', cookie, params: path(id), body });

async function raiseAs(username: string, projectId: number, body: Record<string, unknown> = {}) {
  return call(raise, {
    method: 'POST',
    cookie: await loginAs(username),
    params: path(projectId),
    body: { type: 'land', description: '用地指标不足', unitId, deadline: future(), ...body },
  });
}

describe('problem life cycle', () => {
  it('raises, escalates one level at a time, closes off with a resolution, and logs each step', async () => {
    const raised = await raiseAs('officer', ownProjectId);
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({
      projectId: ownProjectId,
      type: 'land',
      level: 'county',
      status: 'open',
      resolution: null,
      overdue: false,
      version: 1,
    });
    const id = raised.body.id;
    const leader = await loginAs('leader');

    const skip = await patchAs(leader, id, { level: 'city_meeting', note: '跳级', version: 1 });
    expect(skip.status).toBe(400);
    expect(skip.body.error.code).toBe('invalid_transition');

    const up1 = await patchAs(leader, id, { level: 'department', note: '县区无法解决', version: 1 });
    expect(up1.status).toBe(200);
    expect(up1.body).toMatchObject({ level: 'department', version: 2 });

    const stale = await patchAs(leader, id, { level: 'city_meeting', note: '旧版本', version: 1 });
    expect(stale.status).toBe(409);

    const noNote = await patchAs(leader, id, { level: 'city_meeting', version: 2 });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.fields.note).toBeDefined();

    const up2 = await patchAs(leader, id, { level: 'city_meeting', note: '提请协调会', version: 2 });
    expect(up2.body.level).toBe('city_meeting');

    const officer = await loginAs('officer');
    const noResolution = await patchAs(officer, id, { closed: true, version: 3 });
    expect(noResolution.status).toBe(400);
    expect(noResolution.body.error.fields.resolution).toBeDefined();

    const closed = await patchAs(officer, id, { closed: true, resolution: '已调剂用地指标', version: 3 });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', resolution: '已调剂用地指标', version: 4 });

    const editClosed = await patchAs(officer, id, { description: '改描述', version: 4 });
    expect(editClosed.status).toBe(400);
    const escalateClosed = await patchAs(leader, id, { level: 'city_leader', note: 'x', version: 4 });
    expect(escalateClosed.status).toBe(400);

    const officerReopen = await patchAs(officer, id, { reopen: true, reason: '反复', version: 4 });
    expect(officerReopen.status).toBe(403);
    const reopenNoReason = await patchAs(leader, id, { reopen: true, version: 4 });
    expect(reopenNoReason.status).toBe(400);
    const reopened = await patchAs(leader, id, { reopen: true, reason: '问题反复', version: 4 });
    expect(reopened.body).toMatchObject({ status: 'open', version: 5 });

    const log = await call(history, { cookie: officer, params: path(id) });
    expect(log.status).toBe(200);
    expect(log.body.map((e: any) => e.action)).toEqual(['raised', 'escalated', 'escalated', 'closed', 'reopened']);
    expect(log.body[1]).toMatchObject({
      fromLevel: 'county',
      toLevel: 'department',
      note: '县区无法解决',
      by: userId('leader'),
    });
    expect(log.body[3]).toMatchObject({ note: '已调剂用地指标', by: userId('officer') });
    expect(Object.keys(log.body[0])).toEqual(
      expect.arrayContaining(['at', 'by', 'action', 'fromLevel', 'toLevel', 'note']),
    );

    const audits = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'problem'), eq(auditLog.entityId, id)))
      .all();
    expect(audits).toHaveLength(5);
  });

  it('refuses escalation past the top with 400', async () => {
    const raised = await raiseAs('leader', ownProjectId);
    const leader = await loginAs('leader');
    let version = raised.body.version;
    for (const level of ['department', 'city_meeting', 'city_leader']) {
      const r = await patchAs(leader, raised.body.id, { level, note: '上报', version });
      expect(r.status).toBe(200);
      version = r.body.version;
    }
    const past = await patchAs(leader, raised.body.id, { level: 'city_leader', note: '再上报', version });
    expect(past.status).toBe(400);
    expect(past.body.error.message).toContain('最高层级');
  });
});

describe('bad input and permissions', () => {
  it('needs a type, description, responsible unit and a future deadline', async () => {
    const cookie = await loginAs('officer');
    const empty = await call(raise, { method: 'POST', cookie, params: path(ownProjectId), body: {} });
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.error.fields).sort()).toEqual(['deadline', 'description', 'type', 'unitId']);
    const past = await raiseAs('officer', ownProjectId, { deadline: addDaysIso(today(), -1) });
    expect(past.status).toBe(400);
    expect(past.body.error.fields.deadline).toBeDefined();
    const todayDeadline = await raiseAs('officer', ownProjectId, { deadline: today() });
    expect(todayDeadline.status).toBe(400);
    const badUnit = await raiseAs('officer', ownProjectId, { unitId: 999999 });
    expect(badUnit.status).toBe(400);
    expect(badUnit.body.error.fields.unitId).toBeDefined();
  });

  it("forbids an officer on another unit's project and investment users", async () => {
    expect((await raiseAs('officer', otherProjectId)).status).toBe(403);
    expect((await raiseAs('investment', ownProjectId)).status).toBe(403);
    const mine = await raiseAs('officer', ownProjectId);
    const other = await patchAs(await loginAs('officer2'), mine.body.id, {
      closed: true,
      resolution: '越权',
      version: 1,
    });
    expect(other.status).toBe(403);
  });

  it('is 404 for missing records and 401 without a session', async () => {
    const cookie = await loginAs('leader');
    expect((await raiseAs('leader', 999999)).status).toBe(404);
    expect((await call(getOne, { cookie, params: path(999999) })).status).toBe(404);
    expect((await call(history, { cookie, params: path(999999) })).status).toBe(404);
    expect((await patchAs(cookie, 999999, { closed: true, resolution: 'x', version: 1 })).status).toBe(404);
    expect((await call(listAll, {})).status).toBe(401);
  });

  it('answers malformed JSON with 400', async () => {
    const r = await call(PATCH, {
      method: 'PATCH',
      cookie: await loginAs('leader'),
      params: path(1),
      rawBody: '{"level":',
    });
    expect(r.status).toBe(400);
  });
});

describe('GET lists', () => {
  it('filters the city-wide list and pages it', async () => {
    const cookie = await loginAs('officer2');
    const all = await call(listAll, { cookie, path: '/api/v1/problems?pageSize=5' });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 5 });
    expect(all.body.items.length).toBeLessThanOrEqual(5);
    const total = getDb().select().from(problems).all().length;
    expect(all.body.total).toBe(total);

    const overdue = await call(listAll, { cookie, path: '/api/v1/problems?overdue=true&pageSize=500' });
    expect(overdue.body.total).toBeGreaterThan(0);
    for (const p of overdue.body.items) {
      expect(p.overdue).toBe(true);
      expect(p.status).toBe('open');
      expect(p.deadline < today()).toBe(true);
    }
    const land = await call(listAll, {
      cookie,
      path: `/api/v1/problems?type=land&level=county&unitId=${unitId}&status=open&pageSize=500`,
    });
    for (const p of land.body.items) expect(p).toMatchObject({ type: 'land', level: 'county', unitId, status: 'open' });

    const bad = await call(listAll, { cookie, path: '/api/v1/problems?level=moon&pageSize=900' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['level', 'pageSize']);
  });

  it("lists a project's problems", async () => {
    const r = await call(listOfProject, { cookie: await loginAs('officer2'), params: path(ownProjectId) });
    expect(r.status).toBe(200);
    expect(r.body.length).toBeGreaterThan(0);
    for (const p of r.body) expect(p.projectId).toBe(ownProjectId);
  });
});
