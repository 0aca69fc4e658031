import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { writeAudit } from '@/db/audit';
import { savedViews } from '@/db/schema';
import { countOwnViews, findOwnViewByName, findView, listVisibleViews, type SavedViewRow } from '@/db/queries/views';
import { AppError } from '@/lib/errors';
import type { ViewPage } from '@/lib/rules/enums';
import { canShareViews, type Actor, type ActorContext } from '@/lib/rules/permissions';
import { MAX_VIEWS_PER_PAGE, VIEW_PAGE_LABELS, VIEW_PAGE_PATHS, type ViewCreateInput } from '@/lib/schemas/views';

// 保存的视图. Everyone signed in keeps their own named views of the ledger, the board and the leads
// pages; leaders and admins may share a view, which then appears for everyone. Only its owner (or an
// admin) deletes a view. A view is only a query string: opening it shows what the viewer may see.

export interface SavedViewDto {
  id: number;
  name: string;
  page: ViewPage;
  query: string;
  shared: boolean;
  ownerId: number;
  ownerName: string | null;
  /** The page with the view's filters applied. */
  href: string;
  /** Whether the caller may delete it. */
  deletable: boolean;
}

/** Only leaders and admins may share a view with everyone. */
export { canShareViews };
const canDelete = (actor: Actor, view: { userId: number }) => view.userId === actor.id || actor.role === 'admin';

function toDto(actor: Actor, row: SavedViewRow): SavedViewDto {
  const path = VIEW_PAGE_PATHS[row.page];
  return {
    id: row.id,
    name: row.name,
    page: row.page,
    query: row.query,
    shared: row.shared,
    ownerId: row.userId,
    ownerName: row.ownerName,
    href: row.query ? `${path}?${row.query}` : path,
    deletable: canDelete(actor, row),
  };
}

/** The caller's own views and everyone's shared ones (own first), optionally of one page. */
export function listViews(actor: Actor, page?: ViewPage): SavedViewDto[] {
  return listVisibleViews(actor.id, page).map((row) => toDto(actor, row));
}

export function createView(actor: ActorContext, input: ViewCreateInput): SavedViewDto {
  if (input.shared && !canShareViews(actor))
    throw new AppError('forbidden', '只有领导和管理员可以共享视图', { shared: ['只有领导和管理员可以共享视图'] });
  return getDb().transaction((tx) => {
    if (findOwnViewByName(actor.id, input.page, input.name, tx))
      throw new AppError('conflict', `${VIEW_PAGE_LABELS[input.page]}已有名为“${input.name}”的视图`, {
        name: ['已有同名视图，请换一个名称或先删除原视图'],
      });
    if (countOwnViews(actor.id, input.page, tx) >= MAX_VIEWS_PER_PAGE)
      throw new AppError('validation_failed', `每个页面最多保存 ${MAX_VIEWS_PER_PAGE} 个视图，请先删除不用的视图`, {
        name: [`每个页面最多保存 ${MAX_VIEWS_PER_PAGE} 个视图`],
      });
    const row = tx
      .insert(savedViews)
      .values({ userId: actor.id, name: input.name, page: input.page, query: input.query, shared: input.shared })
      .returning()
      .get();
    writeAudit(tx, {
      userId: actor.id,
      action: 'create',
      entityType: 'saved_view',
      entityId: row.id,
      after: { name: row.name, page: row.page, query: row.query, shared: row.shared },
      ip: actor.ip ?? null,
    });
    return toDto(actor, findView(row.id, tx)!);
  });
}

export function deleteView(actor: ActorContext, id: number): { id: number } {
  return getDb().transaction((tx) => {
    const view = findView(id, tx);
    // Another user's private view is not disclosed: the same 404 as a missing one.
    if (!view || (view.userId !== actor.id && !view.shared && actor.role !== 'admin'))
      throw new AppError('not_found', '视图不存在或无权查看');
    if (!canDelete(actor, view)) throw new AppError('forbidden', '只有视图的创建人或管理员可以删除该视图');
    tx.delete(savedViews).where(eq(savedViews.id, id)).run();
    writeAudit(tx, {
      userId: actor.id,
      action: 'delete',
      entityType: 'saved_view',
      entityId: id,
      before: { name: view.name, page: view.page, query: view.query, shared: view.shared, userId: view.userId },
      ip: actor.ip ?? null,
    });
    return { id };
  });
}
