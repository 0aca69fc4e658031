import { apiRoute, idParams } from '@/lib/auth/api';
import { moveProjectStage } from '@/domain/projects';
import { transitionSchema } from '@/lib/schemas/project';

export const POST = apiRoute({ params: idParams, body: transitionSchema }, ({ actor, params, body }) =>
  moveProjectStage(actor, params.id, body),
);
