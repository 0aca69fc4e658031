import { z } from 'zod';
import { apiRoute, idParams, json } from '@/lib/auth/api';
import { listProjectTasks } from '@/db/queries/projects';
import { findProject } from '@/domain/projects';
import { createTask, toTaskDto } from '@/domain/tasks';
import { getDb } from '@/db';
import { taskCreateSchema } from '@/lib/schemas/project-lists';
import { page, pageOfList, pageSize } from '@/lib/validation';

export const GET = apiRoute({ params: idParams, query: z.object({ page, pageSize }) }, ({ params, query }) => {
  findProject(getDb(), params.id);
  return pageOfList(
    listProjectTasks(params.id).map(({ task }) => toTaskDto(task)),
    query,
  );
});

export const POST = apiRoute({ params: idParams, body: taskCreateSchema }, ({ actor, params, body }) =>
  json(createTask(actor, params.id, body), 201),
);
