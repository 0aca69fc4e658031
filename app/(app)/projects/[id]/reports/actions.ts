'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/auth/action';
import { createReport } from '@/domain/reports';
import { reportCreateForm } from '@/lib/schemas/project-lists';

export const createReportAction = guardedAction({ schema: reportCreateForm }, ({ projectId, ...input }, actor) => {
  const report = createReport(actor, projectId, input);
  revalidatePath(`/projects/${projectId}`, 'layout');
  return report;
});
