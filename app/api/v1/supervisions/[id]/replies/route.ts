import { apiRoute, idParams, json } from '@/lib/auth/api';
import { replySupervision } from '@/domain/supervisions';
import { replySupervisionSchema } from '@/lib/schemas/problems';

export const POST = apiRoute({ params: idParams, body: replySupervisionSchema }, ({ actor, params, body }) =>
  json(replySupervision(actor, params.id, body.text), 201),
);
