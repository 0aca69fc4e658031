import type { FormAction } from '@/lib/auth/action-state';
import type { SessionUser } from '@/lib/auth/session';
import { canShareViews, listViews } from '@/domain/views';
import type { SearchParams } from '@/lib/list-url';
import type { ViewPage } from '@/lib/rules/enums';
import { currentViewQuery, VIEW_PAGE_PATHS } from '@/lib/schemas/views';
import { quickFilters } from '@/lib/views/quick-filters';
import { QuickFilterChips } from './quick-filter-chips';
import { SavedViews } from './saved-views';

/**
 * Above a list's filter form: the quick-filter chips (projects: ledger and board) and the saved views
 * of the page (the user's own, then those shared by leaders and admins).
 */
export function ViewBar({
  user,
  page,
  params,
  chips = false,
  saveAction,
  deleteAction,
}: {
  user: SessionUser;
  page: ViewPage;
  params: SearchParams;
  chips?: boolean;
  saveAction: FormAction;
  deleteAction: FormAction;
}) {
  const views = listViews(user, page).map((view) => ({
    id: view.id,
    name: view.name,
    query: view.query,
    href: view.href,
    shared: view.shared,
    ownerName: view.ownerName,
    mine: view.ownerId === user.id,
    deletable: view.deletable,
  }));
  return (
    <div className="no-print mb-3 flex flex-col gap-2 lg:flex-row lg:flex-wrap lg:items-center lg:justify-between">
      {chips ? <QuickFilterChips path={VIEW_PAGE_PATHS[page]} params={params} chips={quickFilters(user)} /> : null}
      <SavedViews
        page={page}
        query={currentViewQuery(page, params)}
        views={views}
        canShare={canShareViews(user)}
        saveAction={saveAction}
        deleteAction={deleteAction}
      />
    </div>
  );
}
