import { apiRoute, idParams } from '@/lib/auth/api';
import { decideMeetingItem } from '@/domain/meetings';
import { meetingItemPatchSchema } from '@/lib/schemas/meetings';

/** The decision on one item: `{ decision, responsibleUnitId?, assigneeId?, deadline? }`; answers the meeting. */
export const PATCH = apiRoute(
  { roles: ['admin', 'leader'], params: idParams, body: meetingItemPatchSchema },
  ({ actor, params, body }) => decideMeetingItem(actor, params.id, body),
);
