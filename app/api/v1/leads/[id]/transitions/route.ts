import { apiRoute, idParams } from '@/lib/auth/api';
import { moveLead } from '@/domain/leads';
import { leadTransitionSchema } from '@/lib/schemas/lead';

export const POST = apiRoute({ params: idParams, body: leadTransitionSchema }, ({ actor, params, body }) =>
  moveLead(actor, params.id, body),
);
