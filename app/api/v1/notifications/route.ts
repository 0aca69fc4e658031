import { apiRoute } from '@/lib/auth/api';
import { listNotifications } from '@/domain/notifications';
import { notificationListQuery } from '@/lib/schemas/notifications';

export const GET = apiRoute({ query: notificationListQuery }, ({ actor, query }) =>
  listNotifications(actor, { unread: query.unread, limit: query.limit }),
);
