import { z } from 'zod';
import { apiRoute } from '@/lib/auth/api';
import { previewJobStatus } from '@/domain/imports';
import { IMPORT_ROLES } from '@/lib/rules/import';

export const GET = apiRoute({ roles: IMPORT_ROLES, params: z.object({ id: z.string().uuid() }) }, ({ caller, params }) =>
  previewJobStatus({ ...caller.user, ip: caller.ip }, params.id),
);
