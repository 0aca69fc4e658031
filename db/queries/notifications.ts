import 'server-only';
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '../index';
import { notifications } from '../schema';

// Reads of a user's notifications (the header bell, /notifications and the digest).

export function listNotificationsOf(userId: number, options: { unread?: boolean; limit?: number } = {}) {
  const mine = eq(notifications.userId, userId);
  return getDb()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      message: notifications.message,
      link: notifications.link,
      projectId: notifications.projectId,
      refId: notifications.refId,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(options.unread ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.id))
    .limit(options.limit ?? 50)
    .all();
}
export type NotificationRow = ReturnType<typeof listNotificationsOf>[number];

export function countUnread(userId: number): number {
  return (
    getDb()
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

/** The 督办 (ref ids) the user has unread notices about. */
export function unreadSupervisionRefs(userId: number): Set<number> {
  return new Set(
    getDb()
      .select({ refId: notifications.refId })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, userId),
          isNull(notifications.readAt),
          inArray(notifications.kind, [
            'supervision_issued',
            'supervision_replied',
            'supervision_returned',
            'supervision_closed',
          ]),
        ),
      )
      .all()
      .flatMap((row) => (row.refId != null ? [row.refId] : [])),
  );
}
