import 'server-only';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { getProjectView } from '@/db/queries/projects';
import { ensureLightsFresh } from '@/domain/light';

/** The project for this request, shared by the layout and its tab pages (cached per request). */
export const loadProject = cache(async (params: Promise<{ id: string }>) => {
  const { id } = await params;
  const projectId = Number(id);
  if (!/^\d+$/.test(id) || !Number.isSafeInteger(projectId)) notFound();
  ensureLightsFresh();
  const view = getProjectView(projectId);
  if (!view) notFound();
  return view;
});
