import { z } from 'zod';
import { apiRoute } from '@/lib/auth/api';
import { importJobStatus } from '@/domain/import-jobs';
import { IMPORT_ROLES } from '@/lib/rules/import';

export const GET = apiRoute({ roles: IMPORT_ROLES, params: z.object({ id: z.string().uuid() }) }, ({ actor, params }) =>
  importJobStatus(actor, params.id),
);
