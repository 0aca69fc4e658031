import { z } from 'zod';
import { apiRoute, idParams, json } from '@/lib/auth/api';
import { listProjectReports } from '@/db/queries/projects';
import { findProject } from '@/domain/projects';
import { createReport, toReportDto } from '@/domain/reports';
import { getDb } from '@/db';
import { reportCreateSchema } from '@/lib/schemas/project-lists';
import { page, pageSize } from '@/lib/validation';

export const GET = apiRoute({ params: idParams, query: z.object({ page, pageSize }) }, ({ params, query }) => {
  findProject(getDb(), params.id);
  const all = listProjectReports(params.id).map(({ report, photoIds }) => ({ ...toReportDto(report), photoIds }));
  const start = (query.page - 1) * query.pageSize;
  return {
    items: all.slice(start, start + query.pageSize),
    total: all.length,
    page: query.page,
    pageSize: query.pageSize,
  };
});

export const POST = apiRoute({ params: idParams, body: reportCreateSchema }, ({ actor, params, body }) =>
  json(createReport(actor, params.id, body), 201),
);
