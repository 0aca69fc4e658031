import { apiRoute, idParams, json } from '@/lib/auth/api';
import { convertLead } from '@/domain/leads';
import { convertSchema } from '@/lib/schemas/lead';

export const POST = apiRoute({ params: idParams, body: convertSchema }, ({ caller, params, body }) => json(convertLead({ ...caller.user, ip: caller.ip }, params.id, body), 201));
