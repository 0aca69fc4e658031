import Link from 'next/link';
import { ExportLink, exportHref } from '@/components/reports/export-link';
import { LeadFilters, type LeadFilterValues } from '@/components/leads/lead-filters';
import { LeadLightBadge, LeadStageTag } from '@/components/leads/lead-badges';
import { loadLeadFormOptions } from '@/components/leads/lead-options';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/page';
import { listLeads, sumLeads } from '@/db/queries/leads';
import { getSetting } from '@/domain/settings';
import { requireUser } from '@/lib/auth/next';
import { today } from '@/lib/rules/dates';
import { leadLight } from '@/lib/rules/leads';
import { formatWan } from '@/lib/rules/money';
import { canCreateLead } from '@/lib/rules/permissions';
import { leadFilterSchema, parseFiltersLenient } from '@/lib/schemas/filters';
import { leadListQuerySchema } from '@/lib/schemas/lead-query';
import { formatDate } from '@/lib/format-time';

export const metadata = { title: '招商线索' };

type SearchParams = Record<string, string | string[] | undefined>;
const PAGE_SIZE = 30;

export default async function LeadsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const params = await searchParams;
  const filters = parseFiltersLenient(leadFilterSchema, params);
  const { sort, dir, page } = parseFiltersLenient(leadListQuerySchema.pick({ sort: true, dir: true, page: true }), params);
  const currentSort = sort ?? 'updatedAt';
  const currentDir = dir ?? 'desc';
  const day = today();
  const totals = sumLeads(filters, day);
  const pages = Math.max(1, Math.ceil(totals.count / PAGE_SIZE));
  const currentPage = Math.min(page ?? 1, pages);
  const rows = listLeads({ filters, sort: currentSort, dir: currentDir, page: currentPage, pageSize: PAGE_SIZE, day });
  const usualDays = getSetting('leadStageUsualDays');
  const options = loadLeadFormOptions();
  const raw: LeadFilterValues = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]).filter(([, v]) => v)) as LeadFilterValues;
  const hrefWith = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...raw, ...changes })) if (value) next.set(key, value);
    const query = next.toString();
    return query ? `/leads?${query}` : '/leads';
  };
  const sortHeader = (key: typeof currentSort, label: string, className = '') => {
    const active = currentSort === key;
    const nextDir = active && currentDir === 'desc' ? 'asc' : 'desc';
    return (
      <th scope="col" className={`px-3 py-2 ${className}`} aria-sort={active ? (currentDir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <Link href={hrefWith({ sort: key, dir: nextDir, page: undefined })} className="hover:underline">
          {label}
          {active ? (currentDir === 'asc' ? ' ↑' : ' ↓') : ''}
        </Link>
      </th>
    );
  };

  return (
    <div>
      <PageHeader
        title="招商线索"
        description="招商引资线索从线索、接洽、洽谈到签约，签约后转为项目，项目开工即为落地。"
        actions={
          <>
            {totals.count > 0 ? <ExportLink href={exportHref('/leads/export', params)} /> : null}
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
      <LeadFilters values={raw} options={options} />
      <p className="mb-2 text-sm text-slate-700" data-testid="lead-totals">
        共 <strong>{totals.count}</strong> 条线索，意向投资合计 <strong>{formatWan(totals.intendedInvestment)}</strong>
      </p>
      {rows.length === 0 ? (
        <EmptyState title="没有符合条件的线索">
          {Object.keys(filters).length ? <Link href="/leads" className="underline">清除筛选条件</Link> : canCreateLead(user) ? '点击"新建线索"录入第一条线索。' : null}
        </EmptyState>
      ) : (
        <>
          <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm md:block">
            <table className="min-w-full text-sm">
              <caption className="sr-only">招商线索列表</caption>
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  {sortHeader('company', '企业名称')}
                  <th scope="col" className="px-3 py-2">阶段</th>
                  <th scope="col" className="px-3 py-2">状态</th>
                  <th scope="col" className="px-3 py-2">行业</th>
                  <th scope="col" className="px-3 py-2">来源</th>
                  {sortHeader('intendedInvestment', '意向投资（万元）', 'text-right')}
                  <th scope="col" className="px-3 py-2">负责人</th>
                  {sortHeader('nextFollowUpDate', '下次跟进')}
                  {sortHeader('updatedAt', '更新时间')}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((lead) => {
                  const light = leadLight(lead, day, usualDays);
                  return (
                    <tr key={lead.id} className="hover:bg-slate-50">
                      <td className="px-3 py-2">
                        <Link href={`/leads/${lead.id}`} className="font-medium text-brand-700 hover:underline">
                          {lead.company}
                        </Link>
                        {lead.origin ? <span className="ml-1 text-xs text-slate-500">{lead.origin}</span> : null}
                      </td>
                      <td className="px-3 py-2"><LeadStageTag stage={lead.stage} /></td>
                      <td className="px-3 py-2"><LeadLightBadge light={light.light} reasons={light.reasons} stage={lead.stage} /></td>
                      <td className="px-3 py-2">{lead.industryName ?? '—'}</td>
                      <td className="px-3 py-2">{lead.campaignName ?? lead.source ?? '—'}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{lead.intendedInvestment.toLocaleString('zh-CN')}</td>
                      <td className="px-3 py-2">{lead.ownerName}{lead.team ? <span className="ml-1 text-xs text-slate-500">{lead.team}</span> : null}</td>
                      <td className="px-3 py-2 tabular-nums">{lead.nextFollowUpDate ?? '—'}</td>
                      <td className="px-3 py-2 tabular-nums">{formatDate(lead.updatedAt)}</td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot className="bg-slate-50 font-medium">
                <tr>
                  <th scope="row" className="px-3 py-2 text-left" colSpan={5}>合计 {totals.count} 条（全部筛选结果）</th>
                  <td className="px-3 py-2 text-right tabular-nums">{totals.intendedInvestment.toLocaleString('zh-CN')}</td>
                  <td colSpan={3} />
                </tr>
              </tfoot>
            </table>
          </div>
          <ul className="space-y-2 md:hidden" aria-label="招商线索列表">
            {rows.map((lead) => {
              const light = leadLight(lead, day, usualDays);
              return (
                <li key={lead.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
                  <div className="flex items-start justify-between gap-2">
                    <Link href={`/leads/${lead.id}`} className="font-medium text-brand-700 hover:underline">
                      {lead.company}
                    </Link>
                    <LeadStageTag stage={lead.stage} />
                  </div>
                  <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs text-slate-600">
                    <dt>意向投资</dt>
                    <dd className="text-right tabular-nums text-slate-900">{formatWan(lead.intendedInvestment)}</dd>
                    <dt>来源</dt>
                    <dd className="text-right">{lead.campaignName ?? lead.source ?? '—'}</dd>
                    <dt>负责人</dt>
                    <dd className="text-right">{lead.ownerName}</dd>
                    <dt>下次跟进</dt>
                    <dd className="text-right tabular-nums">{lead.nextFollowUpDate ?? '—'}</dd>
                  </dl>
                  <div className="mt-2"><LeadLightBadge light={light.light} reasons={light.reasons} stage={lead.stage} /></div>
                </li>
              );
            })}
          </ul>
          <nav aria-label="分页" className="mt-3 flex items-center justify-between text-sm">
            <span>
              第 {currentPage} / {pages} 页
            </span>
            <span className="flex gap-2">
              {currentPage > 1 ? (
                <Link href={hrefWith({ page: String(currentPage - 1) })} className={buttonClass('secondary', 'sm')}>
                  上一页
                </Link>
              ) : null}
              {currentPage < pages ? (
                <Link href={hrefWith({ page: String(currentPage + 1) })} className={buttonClass('secondary', 'sm')}>
                  下一页
                </Link>
              ) : null}
            </span>
          </nav>
        </>
      )}
    </div>
  );
}
