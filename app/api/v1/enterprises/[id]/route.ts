import { apiRoute, idParams } from '@/lib/auth/api';
import { getEnterpriseDetail, updateEnterprise } from '@/domain/enterprise-registry';
import { enterprisePatchSchema } from '@/lib/schemas/enterprise';

/** One enterprise with its leads and the projects it invests in or builds. */
export const GET = apiRoute({ params: idParams }, ({ actor, params }) => getEnterpriseDetail(actor, params.id));

export const PATCH = apiRoute(
  { roles: ['admin', 'investment'], params: idParams, body: enterprisePatchSchema },
  ({ actor, params, body }) => updateEnterprise(actor, params.id, body),
);
