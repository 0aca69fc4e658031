'use server';

import { revalidatePath } from 'next/cache';
import { guardedAction } from '@/lib/auth/action';
import { correctReport, createReport } from '@/domain/reports';
import { reportCorrectForm, reportCreateForm } from '@/lib/schemas/project-lists';

export const createReportAction = guardedAction({ schema: reportCreateForm }, ({ projectId, ...input }, actor) => {
  const report = createReport(actor, projectId, input);
  revalidatePath(`/projects/${projectId}`, 'layout');
  return report;
});

export const correctReportAction = guardedAction({ schema: reportCorrectForm }, ({ reportId, ...input }, actor) => {
  const report = correctReport(actor, reportId, input);
  revalidatePath(`/projects/${report.projectId}`, 'layout');
  return report;
});
