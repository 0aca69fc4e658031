import { z } from 'zod';
import { apiRoute, json } from '@/lib/auth/api';
import { startCommitJob } from '@/domain/import-jobs';
import { IMPORT_ROLES } from '@/lib/rules/import';

const bodySchema = z
  .object({ previewId: z.string().uuid({ error: '导入预览不存在' }), validOnly: z.boolean().default(false) })
  .strict();

// Confirms a previewed import: the commit starts in the import worker and the page polls /import/jobs/:id.
export const POST = apiRoute({ roles: IMPORT_ROLES, body: bodySchema }, ({ actor, body }) =>
  json({ jobId: startCommitJob(actor, body.previewId, body.validOnly) }, 202),
);
