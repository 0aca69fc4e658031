import { apiRoute, json } from '@/lib/auth/api';
import { listProjectRows } from '@/db/queries/projects';
import { sharedProjectSums } from '@/domain/fresh-light-reads';
import { createProject, toProjectDtos } from '@/domain/projects';
import { projectFilterSchema } from '@/lib/schemas/filters';
import { projectCreateSchema } from '@/lib/schemas/project';
import { page, pageSize } from '@/lib/validation';

const query = projectFilterSchema.extend({ page, pageSize });

export const GET = apiRoute({ query }, ({ query: { page, pageSize, ...filters } }) => {
  const total = sharedProjectSums(filters).count;
  const items = toProjectDtos(listProjectRows({ filters, page, pageSize }));
  return { items, total, page, pageSize };
});

export const POST = apiRoute({ body: projectCreateSchema }, ({ actor, body }) => json(createProject(actor, body), 201));
