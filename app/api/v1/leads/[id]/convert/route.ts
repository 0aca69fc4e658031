import { apiRoute, idParams, json } from '@/lib/auth/api';
import { convertLead } from '@/domain/leads';
import { convertSchema } from '@/lib/schemas/lead';

export const POST = apiRoute({ params: idParams, body: convertSchema }, ({ actor, params, body }) =>
  json(convertLead(actor, params.id, body), 201),
);
