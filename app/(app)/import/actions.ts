'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { commitProjectImport } from '@/domain/imports';
import { guardedAction } from '@/lib/auth/action';
import { fromFormBoolean } from '@/lib/schemas/form';
import { IMPORT_ROLES } from '@/lib/rules/import';

const commitSchema = z.object({ previewId: z.string().uuid({ error: '导入预览不存在' }), validOnly: fromFormBoolean });

/** Confirms a previewed import; on success goes to the batch's result page. */
export const commitImportAction = guardedAction({ roles: IMPORT_ROLES, schema: commitSchema }, ({ previewId, validOnly }, caller) => {
  const result = commitProjectImport({ ...caller.user, ip: caller.ip }, previewId, { validOnly });
  redirect(`/import/batches/${result.batchId}`);
});
