import { and, eq, gt, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, loginAs, seedOnce, userId } from '../support/api';
import { getDb } from '@/db';
import { notifications, projects, users } from '@/db/schema';
import { addDaysIso, today } from '@/lib/rules/dates';
import { POST as issue } from '@/app/api/v1/projects/[id]/supervisions/route';
import { POST as reply } from '@/app/api/v1/supervisions/[id]/replies/route';
import { PATCH as review } from '@/app/api/v1/supervisions/[id]/route';
import { POST as raise } from '@/app/api/v1/projects/[id]/problems/route';
import { PATCH as changeProblem } from '@/app/api/v1/problems/[id]/route';
import { POST as transition } from '@/app/api/v1/projects/[id]/transitions/route';
import { GET as listNotices } from '@/app/api/v1/notifications/route';
import { POST as markRead } from '@/app/api/v1/notifications/read/route';

// Notifications (issue 15): who is told of a 督办, an escalation, a stage move and a red light —
// and that nobody else is.

let projectId: number;
let officerId: number;
let officer2Id: number;
let leaderId: number;

beforeAll(async () => {
  await seedOnce();
  officerId = userId('officer');
  officer2Id = userId('officer2');
  leaderId = userId('leader');
  const officer = getDb().select().from(users).where(eq(users.id, officerId)).get()!;
  // A project of the officer's unit, owned by the officer, with no 包保领导 (so only the owner hears of it).
  const project = getDb()
    .select()
    .from(projects)
    .where(and(eq(projects.unitId, officer.unitId!), eq(projects.status, 'active'), ne(projects.light, 'red')))
    .get()!;
  getDb().update(projects).set({ ownerId: officerId, leaderId: null }).where(eq(projects.id, project.id)).run();
  projectId = project.id;
});

const path = (id: number) => ({ id: String(id) });
const lastId = () =>
  getDb().select({ id: notifications.id }).from(notifications).orderBy(notifications.id).all().at(-1)?.id ?? 0;
/** The notifications written since `since`, as [userId, kind, refId]. */
const since = (from: number) =>
  getDb()
    .select({ userId: notifications.userId, kind: notifications.kind, refId: notifications.refId })
    .from(notifications)
    .where(gt(notifications.id, from))
    .orderBy(notifications.id)
    .all()
    .map((n) => [n.userId, n.kind, n.refId]);

describe('督办 notifications', () => {
  it('issue tells the assignee only; reply tells the issuer; return and close tell the assignee', async () => {
    const leader = await loginAs('leader');
    const officer = await loginAs('officer');
    const deadline = addDaysIso(today(), 20);

    let mark = lastId();
    const issued = await call(issue, {
      method: 'POST',
      cookie: leader,
      params: path(projectId),
      body: { content: '本月内完成用地预审', deadline },
    });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ assigneeId: officerId, urgency: 'normal' });
    const id = issued.body.id;
    expect(since(mark)).toEqual([[officerId, 'supervision_issued', id]]);

    mark = lastId();
    const replied = await call(reply, {
      method: 'POST',
      cookie: officer,
      params: path(id),
      body: { text: '材料已报自然资源局' },
    });
    expect(replied.status).toBe(201);
    expect(since(mark)).toEqual([[leaderId, 'supervision_replied', id]]);

    mark = lastId();
    const returned = await call(review, {
      method: 'PATCH',
      cookie: leader,
      params: path(id),
      body: { status: 'returned', note: '请附受理回执', version: replied.body.version },
    });
    expect(returned.status).toBe(200);
    expect(since(mark)).toEqual([[officerId, 'supervision_returned', id]]);

    const again = await call(reply, { method: 'POST', cookie: officer, params: path(id), body: { text: '回执已附' } });
    mark = lastId();
    const closed = await call(review, {
      method: 'PATCH',
      cookie: leader,
      params: path(id),
      body: { status: 'done', version: again.body.version },
    });
    expect(closed.status).toBe(200);
    expect(since(mark)).toEqual([[officerId, 'supervision_closed', id]]);
  });

  it('a chosen assignee is told instead of the owner; a refused issue writes nothing', async () => {
    const leader = await loginAs('leader');
    const mark = lastId();
    const bad = await call(issue, {
      method: 'POST',
      cookie: leader,
      params: path(projectId),
      body: { content: '加快推进', deadline: addDaysIso(today(), 5), urgency: 'very' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.urgency).toBeDefined();
    const notOfficer = await call(issue, {
      method: 'POST',
      cookie: leader,
      params: path(projectId),
      body: { content: '加快推进', deadline: addDaysIso(today(), 5), assigneeId: leaderId },
    });
    expect(notOfficer.status).toBe(400);
    expect(since(mark)).toEqual([]);

    const issued = await call(issue, {
      method: 'POST',
      cookie: leader,
      params: path(projectId),
      body: { content: '协调施工用电', deadline: addDaysIso(today(), 30), assigneeId: officer2Id },
    });
    expect(issued.status).toBe(201);
    expect(since(mark)).toEqual([[officer2Id, 'supervision_issued', issued.body.id]]);
  });

  it('紧急 督办 is red from the start, and the owner hears of the red light once', async () => {
    const leader = await loginAs('leader');
    const before = getDb().select().from(projects).where(eq(projects.id, projectId)).get()!;
    expect(before.light).not.toBe('red');
    const mark = lastId();
    const issued = await call(issue, {
      method: 'POST',
      cookie: leader,
      params: path(projectId),
      body: { content: '三日内解决拆迁遗留问题', deadline: addDaysIso(today(), 30), urgency: 'urgent' },
    });
    expect(issued.status).toBe(201);
    expect(issued.body.urgency).toBe('urgent');
    const after = getDb().select().from(projects).where(eq(projects.id, projectId)).get()!;
    expect(after.light).toBe('red');
    expect(after.lightSignals).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'supervision_urgent', severity: 'red' })]),
    );
    expect(since(mark)).toEqual([
      [officerId, 'supervision_issued', issued.body.id],
      [officerId, 'light_red', null],
    ]);
    // A second 督办 on a project already red is not a new red light.
    const mark2 = lastId();
    const second = await call(issue, {
      method: 'POST',
      cookie: leader,
      params: path(projectId),
      body: { content: '同步推进管网迁改', deadline: addDaysIso(today(), 30), urgency: 'urgent' },
    });
    expect(since(mark2)).toEqual([[officerId, 'supervision_issued', second.body.id]]);
  });
});

describe('escalation and stage notifications', () => {
  it('a problem escalated to 市级协调会 tells every active leader, nobody else', async () => {
    const officer = await loginAs('officer');
    const raised = await call(raise, {
      method: 'POST',
      cookie: officer,
      params: path(projectId),
      body: { type: 'land', description: '用地指标不足', unitId: getUnit(), deadline: addDaysIso(today(), 10) },
    });
    expect(raised.status).toBe(201);
    let version = raised.body.version;
    const escalate = async (level: string) => {
      const res = await call(changeProblem, {
        method: 'PATCH',
        cookie: officer,
        params: path(raised.body.id),
        body: { level, note: '需上级协调', version },
      });
      expect(res.status).toBe(200);
      version = res.body.version;
    };
    let mark = lastId();
    await escalate('department');
    expect(since(mark)).toEqual([]);
    mark = lastId();
    await escalate('city_meeting');
    const leaders = getDb()
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'leader'), eq(users.active, true)))
      .all()
      .map((u) => [u.id, 'problem_escalated', raised.body.id]);
    expect(leaders.length).toBeGreaterThan(0);
    expect(since(mark)).toEqual(leaders);
  });

  it('a stage move tells the owner and the 包保领导, not the mover', async () => {
    const admin = await loginAs('admin');
    getDb().update(projects).set({ leaderId }).where(eq(projects.id, projectId)).run();
    const project = getDb().select().from(projects).where(eq(projects.id, projectId)).get()!;
    const mark = lastId();
    const moved = await call(transition, {
      method: 'POST',
      cookie: admin,
      params: path(projectId),
      body: { to: 'reserve', reason: '重新论证', version: project.version },
    });
    if (project.stage === 'reserve') {
      expect(moved.status).toBe(400);
      expect(since(mark)).toEqual([]);
      return;
    }
    expect(moved.status).toBe(200);
    const written = since(mark);
    expect(written.filter((n) => n[1] === 'stage_moved').sort()).toEqual(
      [
        [officerId, 'stage_moved', null],
        [leaderId, 'stage_moved', null],
      ].sort(),
    );
  });
});

function getUnit() {
  return getDb().select().from(projects).where(eq(projects.id, projectId)).get()!.unitId;
}

describe('GET /api/v1/notifications and POST /read', () => {
  it('lists only the caller’s notices, marks read by ids (own only) or all', async () => {
    const officer = await loginAs('officer');
    const officer2 = await loginAs('officer2');
    expect((await call(listNotices)).status).toBe(401);

    const list = await call(listNotices, { cookie: officer, path: '/?unread=1' });
    expect(list.status).toBe(200);
    expect(list.body.unread).toBeGreaterThan(0);
    expect(list.body.items.length).toBe(list.body.unread);
    expect(list.body.items[0]).toEqual(
      expect.objectContaining({ id: expect.any(Number), kind: expect.any(String), message: expect.any(String) }),
    );
    expect(list.body.items[0].readAt).toBeNull();
    const mine = getDb().select().from(notifications).where(eq(notifications.userId, officerId)).all();
    expect(list.body.items.every((n: any) => mine.some((m) => m.id === n.id))).toBe(true);

    expect((await call(listNotices, { cookie: officer, path: '/?unread=maybe' })).status).toBe(400);
    const bad = await call(markRead, { method: 'POST', cookie: officer, body: { ids: ['x'] } });
    expect(bad.status).toBe(400);
    expect((await call(markRead, { method: 'POST', cookie: officer, body: {} })).status).toBe(400);
    expect((await call(markRead, { method: 'POST', cookie: officer, body: { all: false } })).status).toBe(400);
    expect((await call(markRead, { method: 'POST', body: { all: true } })).status).toBe(401);

    // Another user cannot mark the officer's notices read.
    const first = list.body.items[0].id;
    const foreign = await call(markRead, { method: 'POST', cookie: officer2, body: { ids: [first] } });
    expect(foreign.status).toBe(200);
    expect(foreign.body.marked).toBe(0);
    expect(getDb().select().from(notifications).where(eq(notifications.id, first)).get()!.readAt).toBeNull();

    const one = await call(markRead, { method: 'POST', cookie: officer, body: { ids: [first] } });
    expect(one.body).toEqual({ marked: 1, unread: list.body.unread - 1 });
    const all = await call(markRead, { method: 'POST', cookie: officer, body: { all: true } });
    expect(all.body).toEqual({ marked: list.body.unread - 1, unread: 0 });
    const after = await call(listNotices, { cookie: officer });
    expect(after.body.unread).toBe(0);
    expect(after.body.items.length).toBeGreaterThan(0);
    expect(after.body.items.every((n: any) => n.readAt)).toBe(true);
  });
});
