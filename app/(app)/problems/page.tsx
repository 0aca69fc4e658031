import Link from 'next/link';
import { listUnits } from '@/db/queries/reference';
import { listProblemPage } from '@/domain/problems';
import { requireUser } from '@/lib/auth/next';
import { dateOfTimestamp, daysBetween, today } from '@/lib/rules/dates';
import {
  PROBLEM_LEVEL_LABELS,
  PROBLEM_LEVELS,
  PROBLEM_STATUS_LABELS,
  PROBLEM_STATUSES,
  PROBLEM_TYPE_LABELS,
  PROBLEM_TYPES,
} from '@/lib/rules/enums';
import { levelsFrom } from '@/lib/rules/problems';
import { parseFiltersLenient } from '@/lib/schemas/filters';
import { problemFilterSchema } from '@/lib/schemas/problems';
import { page as pageSchema } from '@/lib/validation';
import { buttonClass } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { HeadRow } from '@/components/ui/table';
import { EmptyState, PageHeader } from '@/components/ui/page';
import { DeadlineTag, ProblemStatusTag } from '@/components/problems/problem-card';
import { ExportLink, exportHref } from '@/components/reports/export-link';
import { Pager } from '@/components/ui/pager';
import { listHref, pageCount } from '@/lib/list-url';

// 问题清单, city-wide. Filters, sort and page live in the URL. The 协调会 view is the leaders'
// preset: what has reached 市级协调会 or above.

const PAGE_SIZE = 50;
const SORT_LABELS = { oldest: '挂账最久在前', newest: '最新提出在前', deadline: '时限最近在前' } as const;
const MEETING_LEVELS = levelsFrom('city_meeting');

type Search = Record<string, string | string[] | undefined>;

export const metadata = { title: '问题清单' };

export default async function ProblemsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  const params = await searchParams;
  const filters = parseFiltersLenient(problemFilterSchema, params);
  const meetingView = params.view === 'meeting';
  const page = pageSchema.safeParse(params.page).data ?? 1;
  const result = listProblemPage({
    ...filters,
    levels: meetingView && !filters.level ? MEETING_LEVELS : undefined,
    status: filters.status ?? (meetingView ? 'open' : undefined),
    page,
    pageSize: PAGE_SIZE,
  });
  const units = listUnits();
  const day = today();
  const problemHref = (p: { id: number; projectId: number }) => `/projects/${p.projectId}/problems#problem-${p.id}`;
  // 挂账天数: from when it was raised to its close, or to today while open.
  const daysOpen = (p: { createdAt: string; closedAt: string | null }) =>
    daysBetween(dateOfTimestamp(p.createdAt), p.closedAt ? dateOfTimestamp(p.closedAt) : day);
  const pages = pageCount(result.total, PAGE_SIZE);
  const tabClass = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm font-medium ${active ? 'bg-brand-600 text-white' : 'bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50'}`;

  return (
    <div>
      <PageHeader
        title="问题清单"
        description={`共 ${result.total} 个问题。按层级逐级上报协调，解决后销号。`}
        actions={result.total > 0 ? <ExportLink href={exportHref('/problems/export', params)} /> : null}
      />
      <nav aria-label="问题视图" className="mb-3 flex flex-wrap gap-2">
        <Link href="/problems" className={tabClass(!meetingView)} aria-current={!meetingView ? 'page' : undefined}>
          全部问题
        </Link>
        <Link
          href="/problems?view=meeting"
          className={tabClass(meetingView)}
          aria-current={meetingView ? 'page' : undefined}
        >
          {user.role === 'leader' || user.role === 'admin' ? '待领导协调（市级协调会及以上）' : '市级协调会及以上'}
        </Link>
      </nav>
      <form
        method="get"
        action="/problems"
        className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-7"
      >
        {meetingView ? <input type="hidden" name="view" value="meeting" /> : null}
        <SelectField
          name="level"
          label="层级"
          placeholder="全部"
          defaultValue={filters.level ?? ''}
          options={PROBLEM_LEVELS.map((l) => ({ value: l, label: PROBLEM_LEVEL_LABELS[l] }))}
        />
        <SelectField
          name="type"
          label="类型"
          placeholder="全部"
          defaultValue={filters.type ?? ''}
          options={PROBLEM_TYPES.map((t) => ({ value: t, label: PROBLEM_TYPE_LABELS[t] }))}
        />
        <SelectField
          name="unitId"
          label="责任单位"
          placeholder="全部"
          defaultValue={filters.unitId ? String(filters.unitId) : ''}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
        />
        <SelectField
          name="status"
          label="状态"
          placeholder="全部"
          defaultValue={filters.status ?? ''}
          options={PROBLEM_STATUSES.map((s) => ({ value: s, label: PROBLEM_STATUS_LABELS[s] }))}
        />
        <SelectField
          name="overdue"
          label="是否超期"
          placeholder="全部"
          defaultValue={filters.overdue === undefined ? '' : filters.overdue ? 'true' : 'false'}
          options={[
            { value: 'true', label: '已超期' },
            { value: 'false', label: '未超期' },
          ]}
        />
        <SelectField
          name="sort"
          label="排序"
          defaultValue={filters.sort ?? 'oldest'}
          options={Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
          <button type="submit" className={buttonClass('primary')}>
            筛选
          </button>
          <Link href={meetingView ? '/problems?view=meeting' : '/problems'} className={buttonClass('secondary')}>
            清除
          </Link>
        </div>
      </form>

      {result.items.length === 0 ? (
        <EmptyState title="没有符合条件的问题">换个筛选条件试试。</EmptyState>
      ) : (
        <>
          <div className="ledger">
            <table>
              <caption className="sr-only">问题清单</caption>
              <thead>
                <HeadRow
                  cellClass=""
                  columns={['问题', '项目', '类型', '层级', '责任单位', '解决时限', '挂账天数', '状态']}
                />
              </thead>
              <tbody>
                {result.items.map((p) => (
                  <tr key={p.id}>
                    <td data-card="title" className="max-w-md">
                      <Link href={problemHref(p)} prefetch={false} className="text-brand-700 hover:underline">
                        {p.description}
                      </Link>
                    </td>
                    <td data-label="项目">{p.projectName}</td>
                    <td data-label="类型">{PROBLEM_TYPE_LABELS[p.type]}</td>
                    <td data-label="层级">{PROBLEM_LEVEL_LABELS[p.level]}</td>
                    <td data-label="责任单位">{p.unitName}</td>
                    <td data-label="解决时限" className="whitespace-nowrap">
                      {p.deadline} <DeadlineTag deadline={p.deadline} open={p.status === 'open'} />
                    </td>
                    <td data-label="挂账天数">{daysOpen(p)}</td>
                    <td data-card="corner">
                      <ProblemStatusTag status={p.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={page}
            pages={pages}
            hrefFor={(target) =>
              listHref('/problems', { ...filters, view: meetingView ? 'meeting' : undefined }, { page: target })
            }
            summary={`第 ${page} / ${pages} 页，共 ${result.total} 条`}
            className="mt-4"
          />
        </>
      )}
    </div>
  );
}
