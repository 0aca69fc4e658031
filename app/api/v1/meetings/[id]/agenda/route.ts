import { apiRoute, idParams, json } from '@/lib/auth/api';
import { addAgenda } from '@/domain/meetings';
import { agendaSchema } from '@/lib/schemas/meetings';

/** `{ auto: true }` fills the agenda (自动生成议程); `{ subject, projectId?, problemId? }` adds one item. */
export const POST = apiRoute(
  { roles: ['admin', 'leader'], params: idParams, body: agendaSchema },
  ({ actor, params, body }) => json(addAgenda(actor, params.id, body), 201),
);
