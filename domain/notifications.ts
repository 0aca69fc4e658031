import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import {
  countUnread,
  listNotificationsOf,
  unreadSupervisionRefs,
  type NotificationRow,
} from '@/db/queries/notifications';
import { listSupervisionsByStatus, type SupervisionRow } from '@/db/queries/supervisions';
import { AWAITING_REPLY_STATUSES } from '@/lib/rules/problems';
import { notifications, projects, users } from '@/db/schema';
import { nowIso } from '@/lib/rules/dates';
import type { NotificationKind } from '@/lib/rules/enums';
import type { ActorContext } from '@/lib/rules/permissions';
import type { MarkReadInput } from '@/lib/schemas/notifications';

// Notifications (API.md "Desk, notifications"): one row per person told of something. Writers call
// `notify` inside their own transaction, so a notice exists exactly when the change it reports does.

export interface NotifyInput {
  /** Who is told; nulls, repeats and inactive accounts are dropped. */
  userIds: ReadonlyArray<number | null | undefined>;
  kind: NotificationKind;
  message: string;
  link: string;
  projectId?: number | null;
  refId?: number | null;
  /** The person who made the change is not told of it. */
  exceptUserId?: number | null;
}

/** Inserts one notification per distinct active recipient; returns how many were written. */
export function notify(executor: Executor, input: NotifyInput): number {
  const wanted = [...new Set(input.userIds.filter((id): id is number => id != null && id !== input.exceptUserId))];
  if (wanted.length === 0) return 0;
  const active = executor
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, wanted), eq(users.active, true)))
    .all()
    .map((row) => row.id);
  if (active.length === 0) return 0;
  const at = nowIso();
  executor
    .insert(notifications)
    .values(
      active.map((userId) => ({
        userId,
        kind: input.kind,
        message: input.message.slice(0, 500),
        link: input.link,
        projectId: input.projectId ?? null,
        refId: input.refId ?? null,
        createdAt: at,
      })),
    )
    .run();
  return active.length;
}

/** The active leaders (市领导/督查), told of problems escalated to the city level. */
export function leaderIds(executor: Executor): number[] {
  return executor
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'leader'), eq(users.active, true)))
    .all()
    .map((row) => row.id);
}

/** A project's 责任人 and 包保领导, the people told of its stage moves and red light. */
export function projectPeople(executor: Executor, projectIds: number[]) {
  if (projectIds.length === 0)
    return new Map<number, { name: string; ownerId: number | null; leaderId: number | null }>();
  return new Map(
    executor
      .select({ id: projects.id, name: projects.name, ownerId: projects.ownerId, leaderId: projects.leaderId })
      .from(projects)
      .where(inArray(projects.id, projectIds))
      .all()
      .map((row) => [row.id, row] as const),
  );
}

/** A meeting item's decision assigned to someone (the 调度会 calls this when it closes). */
export function notifyMeetingItemAssigned(
  executor: Executor,
  item: {
    id: number;
    assigneeId: number | null;
    projectId: number | null;
    subject: string;
    meetingTitle: string;
    meetingId: number;
    deadline?: string | null;
    supervisionId?: number | null;
  },
  exceptUserId?: number | null,
): number {
  const due = item.deadline ? `，办理时限 ${item.deadline}` : '';
  return notify(executor, {
    userIds: [item.assigneeId],
    kind: 'meeting_item_assigned',
    message: `${item.meetingTitle}议定事项交由您办理：${short(item.subject)}${due}`,
    link:
      item.projectId == null
        ? `/meetings/${item.meetingId}`
        : `/projects/${item.projectId}/problems${item.supervisionId != null ? `#supervision-${item.supervisionId}` : ''}`,
    projectId: item.projectId,
    refId: item.id,
    exceptUserId,
  });
}

/** The first 30 characters of a text, for a notice. */
export function short(text: string, max = 30): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export function toNotificationDto(row: NotificationRow) {
  return {
    id: row.id,
    kind: row.kind,
    message: row.message,
    link: row.link,
    projectId: row.projectId,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}
export type NotificationDto = ReturnType<typeof toNotificationDto>;

/** The caller's notifications, newest first, and how many are unread. */
export function listNotifications(
  actor: Pick<ActorContext, 'id'>,
  options: { unread?: boolean; limit?: number } = {},
): { items: NotificationDto[]; unread: number } {
  return {
    items: listNotificationsOf(actor.id, options).map(toNotificationDto),
    unread: countUnread(actor.id),
  };
}

/** Marks the caller's own notifications read (the given ids, or all); returns the new unread count. */
export function markRead(actor: Pick<ActorContext, 'id'>, input: MarkReadInput): { marked: number; unread: number } {
  const marked = getDb().transaction((tx) => {
    const mine = and(eq(notifications.userId, actor.id), isNull(notifications.readAt));
    const where = 'all' in input ? mine : and(mine, inArray(notifications.id, input.ids));
    return tx.update(notifications).set({ readAt: nowIso() }).where(where).run().changes;
  });
  return { marked, unread: countUnread(actor.id) };
}

export interface InboxEntry {
  id: number;
  projectId: number;
  projectName: string;
  content: string;
  deadline: string;
  status: SupervisionRow['status'];
  urgency: SupervisionRow['urgency'];
  issuerName: string;
  assigneeName: string | null;
  unread: boolean;
  link: string;
}

/**
 * The 督办 inbox: what waits on the caller. An officer answers the 督办 assigned to them (open or
 * returned); a leader closes the ones they issued that have been answered; an admin, every answered
 * one. Unread first, then 紧急, then the nearest deadline.
 */
export function supervisionInbox(actor: Pick<ActorContext, 'id' | 'role'>): {
  role: 'answer' | 'close' | 'none';
  items: InboxEntry[];
} {
  const role =
    actor.role === 'officer' ? 'answer' : actor.role === 'leader' || actor.role === 'admin' ? 'close' : 'none';
  if (role === 'none') return { role, items: [] };
  const rows =
    role === 'answer'
      ? listSupervisionsByStatus({ statuses: AWAITING_REPLY_STATUSES, assigneeId: actor.id })
      : listSupervisionsByStatus({
          statuses: ['replied'],
          issuedBy: actor.role === 'leader' ? actor.id : undefined,
        });
  const unread = unreadSupervisionRefs(actor.id);
  const items = rows.map((row): InboxEntry => ({
    id: row.id,
    projectId: row.projectId,
    projectName: row.projectName,
    content: row.content,
    deadline: row.deadline,
    status: row.status,
    urgency: row.urgency,
    issuerName: row.issuerName,
    assigneeName: row.assigneeName,
    unread: unread.has(row.id),
    link: `/projects/${row.projectId}/problems#supervision-${row.id}`,
  }));
  items.sort(
    (a, b) =>
      Number(b.unread) - Number(a.unread) ||
      Number(b.urgency === 'urgent') - Number(a.urgency === 'urgent') ||
      (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.id - b.id),
  );
  return { role, items };
}
