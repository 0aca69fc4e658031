import Link from 'next/link';
import { ExportLink, exportHref } from '@/components/reports/export-link';
import { PageHeader, EmptyState } from '@/components/ui/page';
import { buttonClass } from '@/components/ui/button';
import { LedgerFilters } from '@/components/projects/ledger-filters';
import { LedgerTable } from '@/components/projects/ledger-table';
import { ViewBar } from '@/components/views/view-bar';
import { deleteViewAction, saveViewAction } from '../views/actions';
import { RememberList } from '@/components/views/back-to-list';
import { Pager } from '@/components/ui/pager';
import { listHref, pageCount, type SearchParams } from '@/lib/list-url';
import { listIndustries, listUnits, listUserOptions } from '@/db/queries/reference';
import { listLedgerRows } from '@/db/queries/projects';
import { packageNameById } from '@/db/queries/project-filters';
import { reportedInvestment } from '@/db/queries/stats';
import { formatYi } from '@/lib/rules/money';
import { sharedProjectSums } from '@/domain/fresh-light-reads';
import { cached } from '@/db/queries/read-cache';
import { today } from '@/lib/rules/dates';
import { requireUser } from '@/lib/auth/next';
import { parseFiltersLenient, projectFilterSchema, scopeLabel } from '@/lib/schemas/filters';
import { parseLedgerView } from '@/lib/schemas/ledger';

const yearMonths = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

export const metadata = { title: '项目库' };

export default async function ProjectLedgerPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const params = await searchParams;
  const filters = parseFiltersLenient(projectFilterSchema, params);
  const view = parseLedgerView(params);
  const sums = sharedProjectSums(filters);
  // With reportYear (the drill-down of 完成投资), the year's reported investment of these projects is the dashboard's figure.
  const reportYear = filters.reportYear;
  const yearInvestment = reportYear
    ? cached(`ledger-year-investment|${today()}|${JSON.stringify(filters)}`, () =>
        reportedInvestment(filters, yearMonths(reportYear)),
      )
    : null;
  const pages = pageCount(sums.count, view.pageSize);
  const page = Math.min(view.page, pages);
  const rows = listLedgerRows({ filters, sort: view.sort, dir: view.dir, page, pageSize: view.pageSize });
  const canCreate = user.role === 'admin' || user.role === 'leader' || user.role === 'officer';

  return (
    <>
      <PageHeader
        title="项目库"
        description={`政府投资、招商引资和“上争”类重点项目的全过程台账。${filters.scope === 'shuangshi' ? `范围：${scopeLabel('shuangshi')}。` : ''}金额单位：万元。`}
        actions={
          <>
            {sums.count > 0 ? (
              <>
                <ExportLink href={exportHref('/projects/export', params)} />
                <ExportLink
                  href={exportHref('/projects/export', params, { layout: 'city' })}
                  label="导出（按市里格式）"
                />
              </>
            ) : null}
            {canCreate ? (
              <Link href="/projects/new" className={buttonClass('primary')}>
                新建项目
              </Link>
            ) : null}
          </>
        }
      />
      <ViewBar
        user={user}
        page="projects"
        params={params}
        chips
        saveAction={saveViewAction}
        deleteAction={deleteViewAction}
      />
      <RememberList />
      <LedgerFilters
        filters={filters}
        params={params}
        view={view}
        units={listUnits()}
        industries={listIndustries()}
        leaders={listUserOptions({ role: 'leader' })}
        owners={listUserOptions({ role: 'officer' })}
        packageName={filters.packageId ? packageNameById(filters.packageId) : null}
      />
      {sums.count === 0 ? (
        <EmptyState title="没有符合条件的项目">
          {Object.keys(filters).length ? (
            <Link href="/projects" className="text-brand-700 underline">
              清除筛选条件
            </Link>
          ) : (
            '点击“新建项目”录入第一个项目。'
          )}
        </EmptyState>
      ) : (
        <>
          {yearInvestment !== null ? (
            <p className="mb-2 text-sm text-slate-700" data-testid="report-year-investment">
              {filters.reportYear}年月度进度完成投资合计 {formatYi(yearInvestment)}
            </p>
          ) : null}
          <LedgerTable rows={rows} sums={sums} params={params} view={view} />
          <Pager
            page={page}
            pages={pages}
            hrefFor={(target) => listHref('/projects', params, { page: target })}
            summary={`共 ${sums.count} 个项目，第 ${page} / ${pages} 页`}
            className="mt-4"
            always
          />
        </>
      )}
    </>
  );
}
