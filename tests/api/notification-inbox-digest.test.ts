import { and, desc, eq, gt } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, loginAs, seedOnce, userId } from '../support/api';
import { getDb } from '@/db';
import { auditLog, notifications, projects, users } from '@/db/schema';
import { addDaysIso, today } from '@/lib/rules/dates';
import { POST as issue } from '@/app/api/v1/projects/[id]/supervisions/route';
import { POST as reply } from '@/app/api/v1/supervisions/[id]/replies/route';
import { buildDigest } from '@/domain/digest';
import { notifyMeetingItemAssigned, supervisionInbox } from '@/domain/notifications';
import { digestKindsOfUser, setOwnDigestKinds } from '@/domain/users';
import { DEFAULT_DIGEST_KINDS } from '@/lib/rules/notifications';
import { digestKindsSchema } from '@/lib/schemas/notifications';

// The 督办 inbox (unread first, then 紧急), the meeting-item notice MEET calls, and each user's digest kinds.

let projectId: number;
const actor = (username: string) => {
  const u = getDb().select().from(users).where(eq(users.username, username)).get()!;
  return { id: u.id, role: u.role, unitId: u.unitId, team: u.team, ip: null };
};

beforeAll(async () => {
  await seedOnce();
  const officer = actor('officer');
  const project = getDb()
    .select()
    .from(projects)
    .where(and(eq(projects.unitId, officer.unitId!), eq(projects.status, 'active')))
    .orderBy(desc(projects.id))
    .get()!;
  getDb().update(projects).set({ ownerId: officer.id }).where(eq(projects.id, project.id)).run();
  projectId = project.id;
});

const issueAs = async (cookie: string, body: Record<string, unknown>) => {
  const res = await call(issue, { method: 'POST', cookie, params: { id: String(projectId) }, body });
  expect(res.status).toBe(201);
  return res.body;
};

describe('督办 inbox', () => {
  it("lists the officer's 督办 to answer, unread first, then 紧急; the leader's to close once answered", async () => {
    const leader = await loginAs('leader');
    const officer = await loginAs('officer');
    const normal = await issueAs(leader, { content: '一般事项', deadline: addDaysIso(today(), 5) });
    const urgent = await issueAs(leader, { content: '紧急事项', deadline: addDaysIso(today(), 20), urgency: 'urgent' });
    // The officer has read every notice: 紧急 comes before the nearer deadline.
    getDb()
      .update(notifications)
      .set({ readAt: new Date().toISOString() })
      .where(eq(notifications.userId, userId('officer')))
      .run();
    let inbox = supervisionInbox(actor('officer'));
    expect(inbox.role).toBe('answer');
    const ids = inbox.items.map((i) => i.id);
    expect(ids).toContain(normal.id);
    expect(ids.indexOf(urgent.id)).toBeLessThan(ids.indexOf(normal.id));
    expect(inbox.items.every((i) => i.status === 'open' || i.status === 'returned')).toBe(true);
    // A new one, unread, goes to the top.
    const fresh = await issueAs(leader, { content: '新事项', deadline: addDaysIso(today(), 40) });
    inbox = supervisionInbox(actor('officer'));
    expect(inbox.items[0]).toMatchObject({ id: fresh.id, unread: true });
    expect(supervisionInbox(actor('officer2')).items.map((i) => i.id)).not.toContain(fresh.id);
    expect(supervisionInbox(actor('investment'))).toEqual({ role: 'none', items: [] });

    expect(supervisionInbox(actor('leader')).items.map((i) => i.id)).not.toContain(fresh.id);
    const answered = await call(reply, {
      method: 'POST',
      cookie: officer,
      params: { id: String(fresh.id) },
      body: { text: '已办理' },
    });
    expect(answered.status).toBe(201);
    const leaderInbox = supervisionInbox(actor('leader'));
    expect(leaderInbox.role).toBe('close');
    expect(leaderInbox.items.find((i) => i.id === fresh.id)).toMatchObject({ unread: true, status: 'replied' });
    // Unread ones come first.
    const flags = leaderInbox.items.map((i) => i.unread);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    expect(supervisionInbox(actor('officer')).items.map((i) => i.id)).not.toContain(fresh.id);
  });
});

describe('meeting item assigned', () => {
  it('tells the assignee only, and nobody when the assignee is the one who closed the meeting', () => {
    const from = getDb().select({ id: notifications.id }).from(notifications).orderBy(desc(notifications.id)).get()!.id;
    const written = getDb().transaction((tx) =>
      notifyMeetingItemAssigned(
        tx,
        {
          id: 4242,
          assigneeId: userId('officer'),
          projectId,
          subject: '协调解决施工用地',
          meetingTitle: '11月第3周调度会',
          meetingId: 1,
          deadline: addDaysIso(today(), 10),
        },
        userId('leader'),
      ),
    );
    expect(written).toBe(1);
    const rows = getDb().select().from(notifications).where(gt(notifications.id, from)).all();
    expect(rows.map((r) => [r.userId, r.kind, r.refId, r.link])).toEqual([
      [userId('officer'), 'meeting_item_assigned', 4242, `/projects/${projectId}/problems`],
    ]);
    expect(
      getDb().transaction((tx) =>
        notifyMeetingItemAssigned(
          tx,
          { id: 1, assigneeId: userId('leader'), projectId, subject: 'x', meetingTitle: 'y', meetingId: 1 },
          userId('leader'),
        ),
      ),
    ).toBe(0);
  });
});

describe('digest kinds', () => {
  it('defaults, saves with an audit row, refuses unknown kinds, and the digest carries only the chosen kinds', () => {
    const leader = actor('leader');
    expect(digestKindsOfUser(leader.id)).toEqual([...DEFAULT_DIGEST_KINDS]);
    expect(digestKindsSchema.safeParse({ kinds: ['nope'] }).success).toBe(false);
    expect(digestKindsSchema.parse({ 'kinds[]': ['light_red'] })).toEqual({ kinds: ['light_red'] });
    expect(digestKindsSchema.parse({})).toEqual({ kinds: [] });

    expect(setOwnDigestKinds(leader, { kinds: ['supervision_replied'] })).toEqual(['supervision_replied']);
    expect(digestKindsOfUser(leader.id)).toEqual(['supervision_replied']);
    const audit = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, leader.id)))
      .orderBy(desc(auditLog.id))
      .get()!;
    expect(audit.after).toEqual({ digestKinds: ['supervision_replied'] });

    const digest = buildDigest(today(), null);
    const mine = digest.users.find((u) => u.userId === leader.id)!;
    expect(mine.notifications.length).toBeGreaterThan(0);
    expect(mine.notifications.every((n) => n.kind === 'supervision_replied')).toBe(true);
    // The officer keeps the defaults: 收到督办 is in, 督办已办结 (not a default) is not.
    const officer = digest.users.find((u) => u.userId === userId('officer'))!;
    expect(officer.notifications.some((n) => n.kind === 'supervision_issued')).toBe(true);
    expect(officer.notifications.every((n) => DEFAULT_DIGEST_KINDS.includes(n.kind))).toBe(true);

    setOwnDigestKinds(leader, { kinds: [] });
    const none = buildDigest(today(), null).users.find((u) => u.userId === leader.id);
    expect(none?.notifications ?? []).toEqual([]);
  });
});
