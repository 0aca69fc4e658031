import { z } from 'zod';
import { apiRoute, idParams, json } from '@/lib/auth/api';
import { listProjectReports } from '@/db/queries/projects';
import { findProject } from '@/domain/projects';
import { createReport, toReportDto } from '@/domain/reports';
import { getDb } from '@/db';
import { reportCreateSchema } from '@/lib/schemas/project-lists';
import { page, pageOfList, pageSize } from '@/lib/validation';

export const GET = apiRoute({ params: idParams, query: z.object({ page, pageSize }) }, ({ params, query }) => {
  findProject(getDb(), params.id);
  return pageOfList(
    listProjectReports(params.id).map(({ report, photoIds, corrections }) => ({
      ...toReportDto(report),
      photoIds,
      corrections,
    })),
    query,
  );
});

export const POST = apiRoute({ params: idParams, body: reportCreateSchema }, ({ actor, params, body }) =>
  json(createReport(actor, params.id, body), 201),
);
