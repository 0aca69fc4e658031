import { apiRoute, idParams, json } from '@/lib/auth/api';
import { replySupervision } from '@/domain/supervisions';
import { replySupervisionSchema } from '@/lib/schemas/problems';

export const POST = apiRoute({ params: idParams, body: replySupervisionSchema }, ({ caller, params, body }) =>
  json(replySupervision({ ...caller.user, ip: caller.ip }, params.id, body.text), 201),
);
