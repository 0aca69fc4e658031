import { apiRoute, idParams } from '@/lib/auth/api';
import { getPackage, updatePackage } from '@/domain/packages';
import { packagePatchSchema } from '@/lib/schemas/package';

export const GET = apiRoute({ params: idParams }, ({ params }) => getPackage(params.id));

export const PATCH = apiRoute(
  { roles: ['admin', 'leader'], params: idParams, body: packagePatchSchema },
  ({ actor, params, body }) => updatePackage(actor, params.id, body),
);
