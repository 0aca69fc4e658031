import { apiRoute, idParams } from '@/lib/auth/api';
import { getSupervision, reviewSupervision } from '@/domain/supervisions';
import { reviewSupervisionSchema } from '@/lib/schemas/problems';

export const GET = apiRoute({ params: idParams }, ({ params }) => getSupervision(params.id));

export const PATCH = apiRoute(
  { params: idParams, roles: ['leader', 'admin'], body: reviewSupervisionSchema },
  ({ actor, params, body }) => reviewSupervision(actor, params.id, body),
);
