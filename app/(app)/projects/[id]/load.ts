import 'server-only';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { getProjectView } from '@/domain/fresh-light-reads';

/** The project for this request, shared by the layout and its tab pages (cached per request). */
export const loadProject = cache(async (params: Promise<{ id: string }>) => {
  const { id } = await params;
  const projectId = Number(id);
  if (!/^\d+$/.test(id) || !Number.isSafeInteger(projectId)) notFound();
  const view = getProjectView(projectId);
  if (!view) notFound();
  return view;
});
