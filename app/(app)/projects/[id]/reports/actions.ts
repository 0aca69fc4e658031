'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/auth/action';
import { createReport } from '@/domain/reports';
import { reportCreateForm } from '@/lib/schemas/project-lists';

export const createReportAction = guardedAction({ schema: reportCreateForm }, ({ projectId, ...input }, caller) => {
  const report = createReport({ ...caller.user, ip: caller.ip }, projectId, input);
  revalidatePath(`/projects/${projectId}`, 'layout');
  return report;
});
