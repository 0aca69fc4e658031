import { and, eq, inArray } from 'drizzle-orm';
import type { DB } from '../index';
import { notifications, problemEvents, problems, projects, supervisionReplies, supervisions, users } from '../schema';
import { PROBLEM_LEVEL_LABELS, type NotificationKind } from '@/lib/rules/enums';

// The demo's notifications, derived from the demo's own 督办 and escalations (nothing drawn at random):
// what the app would have written had those records been made through it. Notices of records
// already dealt with are read; the rest are unread, so the bell and the 督办 inbox show real work.

const short = (text: string, max = 30) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function seedDemoNotifications(db: DB) {
  const rows: Array<typeof notifications.$inferInsert> = [];
  const add = (
    userId: number | null,
    kind: NotificationKind,
    message: string,
    link: string,
    projectId: number,
    refId: number,
    createdAt: string,
    read: boolean,
  ) => {
    if (userId == null) return;
    rows.push({ userId, kind, message, link, projectId, refId, createdAt, readAt: read ? createdAt : null });
  };

  const orders = db
    .select({
      id: supervisions.id,
      projectId: supervisions.projectId,
      projectName: projects.name,
      content: supervisions.content,
      deadline: supervisions.deadline,
      status: supervisions.status,
      issuedBy: supervisions.issuedBy,
      assigneeId: supervisions.assigneeId,
      closedAt: supervisions.closedAt,
      createdAt: supervisions.createdAt,
    })
    .from(supervisions)
    .innerJoin(projects, eq(projects.id, supervisions.projectId))
    .orderBy(supervisions.id)
    .all();
  const replies = orders.length
    ? db
        .select()
        .from(supervisionReplies)
        .where(
          inArray(
            supervisionReplies.supervisionId,
            orders.map((o) => o.id),
          ),
        )
        .orderBy(supervisionReplies.id)
        .all()
    : [];
  for (const order of orders) {
    const link = `/projects/${order.projectId}/problems#supervision-${order.id}`;
    const what = `${order.projectName}：督办"${short(order.content, 20)}"`;
    add(
      order.assigneeId,
      'supervision_issued',
      `${order.projectName}：${short(order.content)}（${order.deadline} 前办理）`,
      link,
      order.projectId,
      order.id,
      order.createdAt,
      order.status !== 'open',
    );
    for (const reply of replies.filter((r) => r.supervisionId === order.id && r.kind === 'reply'))
      add(
        order.issuedBy,
        'supervision_replied',
        `${what}已回复：${short(reply.text)}`,
        link,
        order.projectId,
        order.id,
        reply.at,
        order.status === 'done',
      );
    if (order.status === 'done' && order.closedAt)
      add(
        order.assigneeId,
        'supervision_closed',
        `${what}已办结`,
        link,
        order.projectId,
        order.id,
        order.closedAt,
        false,
      );
  }

  const leaderIds = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'leader'), eq(users.active, true)))
    .all()
    .map((u) => u.id);
  const escalations = db
    .select({
      problemId: problems.id,
      projectId: problems.projectId,
      projectName: projects.name,
      description: problems.description,
      status: problems.status,
      toLevel: problemEvents.toLevel,
      at: problemEvents.at,
      by: problemEvents.byUserId,
    })
    .from(problemEvents)
    .innerJoin(problems, eq(problems.id, problemEvents.problemId))
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .where(and(eq(problemEvents.action, 'escalated'), inArray(problemEvents.toLevel, ['city_meeting', 'city_leader'])))
    .orderBy(problemEvents.id)
    .all();
  for (const event of escalations) {
    for (const leaderId of leaderIds) {
      if (leaderId === event.by) continue;
      add(
        leaderId,
        'problem_escalated',
        `${event.projectName}：问题"${short(event.description, 20)}"上报至${PROBLEM_LEVEL_LABELS[event.toLevel!]}`,
        `/projects/${event.projectId}/problems#problem-${event.problemId}`,
        event.projectId,
        event.problemId,
        event.at,
        event.status === 'closed',
      );
    }
  }

  rows.sort((a, b) => (a.createdAt! < b.createdAt! ? -1 : a.createdAt! > b.createdAt! ? 1 : 0));
  db.transaction((tx) => {
    for (let i = 0; i < rows.length; i += 200)
      tx.insert(notifications)
        .values(rows.slice(i, i + 200))
        .run();
  });
  return rows.length;
}
