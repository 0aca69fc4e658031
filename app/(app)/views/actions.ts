'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { guardedAction } from '@/lib/auth/action';
import { createView, deleteView } from '@/domain/views';
import { VIEW_PAGE_PATHS, viewCreateSchema } from '@/lib/schemas/views';
import { id } from '@/lib/validation';

/** 保存视图 from the ledger, the board and the leads pages; the same rules as POST /api/v1/views. */
export const saveViewAction = guardedAction({ schema: viewCreateSchema }, (input, actor) => {
  const view = createView(actor, input);
  revalidatePath(VIEW_PAGE_PATHS[view.page]);
  return { id: view.id, href: view.href };
});

/** 删除视图: its owner or an admin; the same rules as DELETE /api/v1/views/:id. */
export const deleteViewAction = guardedAction({ schema: z.object({ id }) }, (input, actor) => {
  deleteView(actor, input.id);
  revalidatePath('/projects');
  revalidatePath('/board');
  revalidatePath('/leads', 'layout');
  return { id: input.id };
});
