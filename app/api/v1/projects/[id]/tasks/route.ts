import { z } from 'zod';
import { apiRoute, idParams, json } from '@/lib/auth/api';
import { listProjectTasks } from '@/db/queries/projects';
import { findProject } from '@/domain/projects';
import { createTask, toTaskDto } from '@/domain/tasks';
import { getDb } from '@/db';
import { taskCreateSchema } from '@/lib/schemas/project-lists';
import { page, pageSize } from '@/lib/validation';

export const GET = apiRoute({ params: idParams, query: z.object({ page, pageSize }) }, ({ params, query }) => {
  findProject(getDb(), params.id);
  const all = listProjectTasks(params.id).map(({ task }) => toTaskDto(task));
  const start = (query.page - 1) * query.pageSize;
  return {
    items: all.slice(start, start + query.pageSize),
    total: all.length,
    page: query.page,
    pageSize: query.pageSize,
  };
});

export const POST = apiRoute({ params: idParams, body: taskCreateSchema }, ({ actor, params, body }) =>
  json(createTask(actor, params.id, body), 201),
);
