import { apiRoute, idParams } from '@/lib/auth/api';
import { moveProjectStage } from '@/domain/projects';
import { transitionSchema } from '@/lib/schemas/project';

export const POST = apiRoute({ params: idParams, body: transitionSchema }, ({ caller, params, body }) => moveProjectStage({ ...caller.user, ip: caller.ip }, params.id, body));
