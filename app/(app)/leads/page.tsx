import Link from 'next/link';
import { ExportLink, exportHref } from '@/components/reports/export-link';
import { LeadFilters, type LeadFilterValues } from '@/components/leads/lead-filters';
import { LeadTable } from '@/components/leads/lead-list';
import { ViewBar } from '@/components/views/view-bar';
import { deleteViewAction, saveViewAction } from '../views/actions';
import { loadLeadFormOptions } from '@/db/queries/lead-options';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/page';
import { Pager } from '@/components/ui/pager';
import type { SortState } from '@/components/ui/sort-header';
import { listLeads, sumLeads } from '@/db/queries/leads';
import { getSetting } from '@/domain/settings';
import { requireUser } from '@/lib/auth/next';
import { today } from '@/lib/rules/dates';
import type { LeadSort } from '@/lib/rules/lead-sorts';
import { listHref, pageCount } from '@/lib/list-url';
import { formatYi } from '@/lib/rules/money';
import { canCreateLead } from '@/lib/rules/permissions';
import { leadFilterSchema, parseFiltersLenient } from '@/lib/schemas/filters';
import { leadListQuerySchema } from '@/lib/schemas/lead-query';

export const metadata = { title: '招商线索' };

type SearchParams = Record<string, string | string[] | undefined>;
const PAGE_SIZE = 30;

export default async function LeadsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const params = await searchParams;
  const filters = parseFiltersLenient(leadFilterSchema, params);
  const { sort, dir, page } = parseFiltersLenient(
    leadListQuerySchema.pick({ sort: true, dir: true, page: true }),
    params,
  );
  const currentSort = sort ?? 'updatedAt';
  const currentDir = dir ?? 'desc';
  const day = today();
  const totals = sumLeads(filters, day);
  const pages = pageCount(totals.count, PAGE_SIZE);
  const currentPage = Math.min(page ?? 1, pages);
  const rows = listLeads({ filters, sort: currentSort, dir: currentDir, page: currentPage, pageSize: PAGE_SIZE, day });
  const usualDays = getSetting('leadStageUsualDays');
  const staleDays = getSetting('leadFollowupStaleDays');
  const options = loadLeadFormOptions();
  const raw: LeadFilterValues = Object.fromEntries(
    Object.entries(params)
      .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])
      .filter(([, value]) => value),
  );
  const sortState: SortState<LeadSort> = {
    sort: currentSort,
    dir: currentDir,
    hrefFor: (sortKey, sortDir) => listHref('/leads', raw, { sort: sortKey, dir: sortDir, page: null }),
    firstDir: 'desc',
  };

  return (
    <div>
      <PageHeader
        title="招商线索"
        description="招商引资线索从线索、接洽、洽谈到签约，签约后转为项目，项目开工即为落地。"
        actions={
          <>
            {totals.count > 0 ? <ExportLink href={exportHref('/leads/export', params)} /> : null}
            <Link href="/leads/board" className={buttonClass('secondary')}>
              线索看板
            </Link>
            <Link href="/campaigns" className={buttonClass('secondary')}>
              招商活动
            </Link>
            <Link href="/dashboard/leads" className={buttonClass('secondary')}>
              招商统计
            </Link>
            {canCreateLead(user) ? (
              <Link href="/leads/new" className={buttonClass('primary')}>
                新建线索
              </Link>
            ) : null}
          </>
        }
      />
      <ViewBar user={user} page="leads" params={params} saveAction={saveViewAction} deleteAction={deleteViewAction} />
      <LeadFilters values={raw} options={options} />
      <p className="mb-2 text-sm text-slate-700" data-testid="lead-totals">
        共 <strong>{totals.count}</strong> 条线索，意向投资合计 <strong>{formatYi(totals.intendedInvestment)}</strong>
      </p>
      {rows.length === 0 ? (
        <EmptyState title="没有符合条件的线索">
          {Object.keys(filters).length ? (
            <Link href="/leads" className="underline">
              清除筛选条件
            </Link>
          ) : canCreateLead(user) ? (
            '点击"新建线索"录入第一条线索。'
          ) : null}
        </EmptyState>
      ) : (
        <>
          <LeadTable
            rows={rows}
            day={day}
            usualDays={usualDays}
            staleDays={staleDays}
            sort={sortState}
            totals={totals}
          />
          <Pager
            page={currentPage}
            pages={pages}
            hrefFor={(target) => listHref('/leads', raw, { page: target })}
            className="mt-3"
            always
          />
        </>
      )}
    </div>
  );
}
