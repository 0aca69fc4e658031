import { apiRoute, idParams } from '@/lib/auth/api';
import { getMeeting, updateMeeting } from '@/domain/meetings';
import { meetingPatchSchema } from '@/lib/schemas/meetings';

export const GET = apiRoute({ params: idParams }, ({ params }) => getMeeting(params.id));

/** Edit the header, or `{ status: "closed", version }`: each decided item with a deadline becomes a 督办, once. */
export const PATCH = apiRoute(
  { roles: ['admin', 'leader'], params: idParams, body: meetingPatchSchema },
  ({ actor, params, body }) => updateMeeting(actor, params.id, body),
);
