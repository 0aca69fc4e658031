import { apiRoute, json } from '@/lib/auth/api';
import { createMeeting, listMeetings } from '@/domain/meetings';
import { meetingCreateSchema, meetingListQuery } from '@/lib/schemas/meetings';

/** 调度会, newest first, each with its item count. Everyone signed in reads them. */
export const GET = apiRoute({ query: meetingListQuery }, ({ query }) => ({ items: listMeetings(query) }));

export const POST = apiRoute({ roles: ['admin', 'leader'], body: meetingCreateSchema }, ({ actor, body }) =>
  json(createMeeting(actor, body), 201),
);
