import { apiRoute, idParams } from '@/lib/auth/api';
import { updateTask } from '@/domain/tasks';
import { taskPatchSchema } from '@/lib/schemas/project-lists';

export const PATCH = apiRoute({ params: idParams, body: taskPatchSchema }, ({ actor, params, body }) =>
  updateTask(actor, params.id, body),
);
