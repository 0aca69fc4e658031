import { and, eq, inArray, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, loginAs, seedOnce, userId } from '../support/api';
import { getDb } from '@/db';
import { leads, projects, users } from '@/db/schema';
import { addDaysIso, today } from '@/lib/rules/dates';
import { GET as listOrders, POST as issue } from '@/app/api/v1/projects/[id]/supervisions/route';
import { POST as reply } from '@/app/api/v1/supervisions/[id]/replies/route';
import { PATCH as review } from '@/app/api/v1/supervisions/[id]/route';
import { GET as alerts } from '@/app/api/v1/alerts/route';
import { POST as raise } from '@/app/api/v1/projects/[id]/problems/route';
import { countAlerts } from '@/domain/alerts';
import { ensureLightsFresh } from '@/domain/light';
import type { Actor } from '@/lib/rules/permissions';

let projectId: number;
let officerUnitId: number;

beforeAll(async () => {
  await seedOnce();
  const officer = getDb().select().from(users).where(eq(users.username, 'officer')).get()!;
  officerUnitId = officer.unitId!;
  // A project of the officer's unit that the officer owns, so the default assignee is them.
  const project = getDb()
    .select()
    .from(projects)
    .where(and(eq(projects.unitId, officerUnitId), eq(projects.status, 'active')))
    .get()!;
  getDb().update(projects).set({ ownerId: officer.id }).where(eq(projects.id, project.id)).run();
  projectId = project.id;
});

const path = (id: number) => ({ id: String(id) });
/** POST a reply to a supervision order, and PATCH its review, with the given session cookie. */
const replyAs = (cookie: string, id: number, body: Record<string, unknown>) =>
  call(reply, { method: 'POST', cookie, params: path(id), body });
const reviewAs = (cookie: string, id: number, body: Record<string, unknown>) =>
  call(review, { method: 'PATCH', cookie, params: path(id), body });
const actorOf = (username: string): Actor => {
  const u = getDb().select().from(users).where(eq(users.username, username)).get()!;
  return { id: u.id, role: u.role, unitId: u.unitId, team: u.team };
};

describe('督办', () => {
  it('leader issues, the responsible officer replies (several times), the leader returns and closes', async () => {
    const leader = await loginAs('leader');
    const officer = await loginAs('officer');
    const deadline = addDaysIso(today(), 10);

    expect(
      (
        await call(issue, {
          method: 'POST',
          cookie: officer,
          params: path(projectId),
          body: { content: '加快办理', deadline },
        })
      ).status,
    ).toBe(403);
    const bad = await call(issue, {
      method: 'POST',
      cookie: leader,
      params: path(projectId),
      body: { content: '', deadline: addDaysIso(today(), -1) },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['content', 'deadline']);
    expect(
      (await call(issue, { method: 'POST', cookie: leader, params: path(999999), body: { content: 'x', deadline } }))
        .status,
    ).toBe(404);

    const issued = await call(issue, {
      method: 'POST',
      cookie: leader,
      params: path(projectId),
      body: { content: '本月底前取得施工许可', deadline },
    });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      projectId,
      content: '本月底前取得施工许可',
      deadline,
      status: 'open',
      replies: [],
      version: 1,
      assigneeId: userId('officer'),
    });
    const id = issued.body.id;

    // The officer's alert centre shows it, and other officers' don't.
    const mine = await call(alerts, { cookie: officer });
    expect(
      mine.body.some((a: any) => a.kind === 'supervision_pending' && a.refId === id && a.projectId === projectId),
    ).toBe(true);

    expect((await replyAs(await loginAs('officer2'), id, { text: '代为回复' })).status).toBe(403);
    expect((await replyAs(leader, id, { text: '领导回复' })).status).toBe(403);
    expect((await replyAs(officer, id, { text: '' })).status).toBe(400);

    const first = await replyAs(officer, id, { text: '已提交施工许可材料' });
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('replied');
    const second = await replyAs(officer, id, { text: '住建局已受理' });
    expect(second.body.replies.map((r: any) => r.text)).toEqual(['已提交施工许可材料', '住建局已受理']);
    expect(second.body.replies[0]).toMatchObject({ by: userId('officer') });

    expect((await reviewAs(officer, id, { status: 'done', version: second.body.version })).status).toBe(403);
    expect((await reviewAs(leader, id, { status: 'done', version: 1 })).status).toBe(409);
    const noReason = await reviewAs(leader, id, { status: 'returned', version: second.body.version });
    expect(noReason.status).toBe(400);
    const returned = await reviewAs(leader, id, {
      status: 'returned',
      note: '请附受理回执',
      version: second.body.version,
    });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned');
    const third = await replyAs(officer, id, { text: '回执已上传' });
    const done = await reviewAs(leader, id, { status: 'done', note: '已办结', version: third.body.version });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('done');
    expect(done.body.replies).toHaveLength(3);
    expect(done.body.reviews.map((r: any) => r.kind)).toEqual(['returned', 'done']);
    expect((await replyAs(officer, id, { text: '再回复' })).status).toBe(400);
    expect((await reviewAs(leader, id, { status: 'done', version: done.body.version })).status).toBe(400);

    const list = await call(listOrders, { cookie: officer, params: path(projectId) });
    expect(list.body.find((s: any) => s.id === id).status).toBe('done');
    const after = await call(alerts, { cookie: officer });
    expect(after.body.some((a: any) => a.refId === id && a.kind.startsWith('supervision'))).toBe(false);
  });
});

describe('GET /api/v1/alerts', () => {
  it("an officer's alerts hold nothing from other units", async () => {
    const officer = getDb().select().from(users).where(eq(users.username, 'officer')).get()!;
    const result = await call(alerts, { cookie: await loginAs('officer') });
    expect(result.status).toBe(200);
    expect(result.body.length).toBeGreaterThan(0);
    const ids = [...new Set(result.body.filter((a: any) => a.projectId).map((a: any) => a.projectId))] as number[];
    const rows = getDb().select().from(projects).where(inArray(projects.id, ids)).all();
    for (const row of rows) expect(row.unitId === officer.unitId || row.ownerId === officer.id).toBe(true);
    expect(result.body.some((a: any) => a.leadId)).toBe(false);
    for (const a of result.body) {
      expect(['red', 'yellow']).toContain(a.severity);
      expect(typeof a.message).toBe('string');
      expect(a).toHaveProperty('dueDate');
    }
    // Sorted: red first, then by due date.
    const order = result.body.map((a: any) => `${a.severity === 'red' ? 0 : 1}${a.dueDate ?? '9999'}`);
    expect([...order].sort()).toEqual(order);
  });

  it('a leader sees every unit, and can narrow to one', async () => {
    const cookie = await loginAs('leader');
    const all = await call(alerts, { cookie });
    const units = new Set(all.body.filter((a: any) => a.projectId).map((a: any) => a.unitId));
    expect(units.size).toBeGreaterThan(3);
    const one = await call(alerts, { cookie, path: `/api/v1/alerts?unitId=${officerUnitId}` });
    expect(one.body.length).toBeGreaterThan(0);
    expect(one.body.length).toBeLessThan(all.body.length);
    for (const a of one.body) expect(a.unitId).toBe(officerUnitId);
  });

  it("an investment user's overdue leads are red alerts linking to the lead", async () => {
    const me = userId('investment');
    const overdue = getDb()
      .select()
      .from(leads)
      .where(and(eq(leads.ownerId, me), inArray(leads.stage, ['prospect', 'contacting', 'negotiating', 'signed'])))
      .all()
      .filter((l) => l.nextFollowUpDate && l.nextFollowUpDate < today());
    expect(overdue.length).toBeGreaterThan(0);
    const result = await call(alerts, { cookie: await loginAs('investment') });
    const leadAlerts = result.body.filter((a: any) => a.kind === 'lead_overdue');
    expect(leadAlerts.map((a: any) => a.leadId).sort()).toEqual(overdue.map((l) => l.id).sort());
    for (const a of leadAlerts) {
      expect(a.severity).toBe('red');
      expect(a.href).toBe(`/leads/${a.leadId}`);
      expect(a.message).toMatch(/已超过计划跟进日期 \d+ 天/);
    }
  });

  it('the navigation count equals the number of distinct projects and leads the API lists, for every role', async () => {
    for (const username of ['admin', 'leader', 'officer', 'officer2', 'investment']) {
      const result = await call(alerts, { cookie: await loginAs(username) });
      const subjects = new Set(
        result.body.map((a: any) => (a.leadId != null ? `lead:${a.leadId}` : `project:${a.projectId}`)),
      );
      expect(countAlerts(actorOf(username))).toBe(subjects.size);
    }
  });

  it('a project turns red when its problem passes its deadline', async () => {
    const realToday = today();
    // A fresh, otherwise quiet project of 船营区 gets a problem due tomorrow.
    const officer2 = getDb().select().from(users).where(eq(users.username, 'officer2')).get()!;
    const quiet = getDb()
      .select()
      .from(projects)
      .where(
        and(
          eq(projects.unitId, officer2.unitId!),
          eq(projects.light, 'green'),
          eq(projects.status, 'active'),
          ne(projects.stage, 'operating'),
        ),
      )
      .all()[0];
    expect(quiet).toBeDefined();
    const deadline = addDaysIso(realToday, 1);
    const raised = await call(raise, {
      method: 'POST',
      cookie: await loginAs('officer2'),
      params: path(quiet.id),
      body: { type: 'land', description: '征地补偿未谈妥', unitId: officer2.unitId, deadline },
    });
    expect(raised.status).toBe(201);
    // Within three days of the deadline: yellow.
    expect(getDb().select().from(projects).where(eq(projects.id, quiet.id)).get()!.light).toBe('yellow');
    const before = await call(alerts, { cookie: await loginAs('officer2') });
    expect(before.body.find((a: any) => a.refId === raised.body.id)).toMatchObject({
      kind: 'problem_overdue',
      severity: 'yellow',
    });

    process.env.APP_TODAY = addDaysIso(realToday, 2);
    try {
      const after = await call(alerts, { cookie: await loginAs('officer2') });
      const alert = after.body.find((a: any) => a.refId === raised.body.id && a.kind === 'problem_overdue');
      expect(alert).toMatchObject({
        severity: 'red',
        projectId: quiet.id,
        dueDate: deadline,
        daysLate: 1,
        href: `/projects/${quiet.id}/problems#problem-${raised.body.id}`,
      });
      expect(alert.message).toContain('已超解决时限 1 天');
      ensureLightsFresh();
      expect(getDb().select().from(projects).where(eq(projects.id, quiet.id)).get()!.light).toBe('red');
    } finally {
      process.env.APP_TODAY = realToday;
    }
  });
});
