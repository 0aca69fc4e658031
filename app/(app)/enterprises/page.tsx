import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { controlClass } from '@/components/ui/field';
import { EmptyState, PageHeader } from '@/components/ui/page';
import { Pager } from '@/components/ui/pager';
import { HeadRow } from '@/components/ui/table';
import { listIndustries } from '@/db/queries/reference';
import { listEnterprises } from '@/domain/enterprise-registry';
import { requireUser } from '@/lib/auth/next';
import { listHref, pageCount } from '@/lib/list-url';
import { canManageEnterprises } from '@/lib/rules/permissions';
import { parseFiltersLenient } from '@/lib/schemas/filters';
import { enterpriseListQuery } from '@/lib/schemas/enterprise';

export const metadata = { title: '企业库' };

type SearchParams = Record<string, string | string[] | undefined>;
const PAGE_SIZE = 30;

export default async function EnterprisesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const params = await searchParams;
  const query = parseFiltersLenient(enterpriseListQuery.omit({ pageSize: true }), params);
  const q = query.q?.trim() || undefined;
  const page = query.page ?? 1;
  const industryId = query.industryId;
  const result = listEnterprises(user, { q, industryId, page, pageSize: PAGE_SIZE });
  const industries = listIndustries();
  const current = { q, industryId, page };
  return (
    <div className="space-y-4">
      <PageHeader
        title="企业库"
        description="招商线索的投资企业和项目的投资方、项目业主/建设单位：统一社会信用代码、所在地区、行业与联系人。"
        actions={
          canManageEnterprises(user) ? (
            <Link href="/enterprises/new" className={buttonClass('primary')}>
              登记企业
            </Link>
          ) : null
        }
      />
      <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="查找企业">
        <div className="w-full sm:w-72">
          <label htmlFor="enterprise-q" className="mb-1 block text-sm font-medium text-slate-700">
            名称或信用代码
          </label>
          <input id="enterprise-q" name="q" defaultValue={q ?? ''} className={controlClass} placeholder="如 吉林化纤" />
        </div>
        <div className="w-full sm:w-48">
          <label htmlFor="enterprise-industry" className="mb-1 block text-sm font-medium text-slate-700">
            行业
          </label>
          <select
            id="enterprise-industry"
            name="industryId"
            defaultValue={industryId ? String(industryId) : ''}
            key={industryId ?? ''}
            className={controlClass}
          >
            <option value="">全部行业</option>
            {industries.map((industry) => (
              <option key={industry.id} value={industry.id}>
                {industry.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass('secondary')}>
          查找
        </button>
        {q || industryId ? (
          <Link href="/enterprises" className="text-sm text-brand-700 underline">
            清除条件
          </Link>
        ) : null}
      </form>
      {result.items.length === 0 ? (
        <EmptyState title={q || industryId ? '没有符合条件的企业' : '企业库还是空的'}>
          {canManageEnterprises(user) ? '登记企业，或在新建线索、项目时填写企业名称，企业会自动入库。' : null}
        </EmptyState>
      ) : (
        <>
          <div className="hidden overflow-x-auto rounded-lg border border-slate-200 bg-white md:block">
            <table className="min-w-full text-sm">
              <caption className="sr-only">企业库</caption>
              <thead className="bg-slate-50 text-left text-slate-600">
                <HeadRow
                  cellClass="px-3 py-2"
                  columns={[
                    '企业名称',
                    '统一社会信用代码',
                    '地区或国家',
                    '行业',
                    { label: '线索', className: 'px-3 py-2 text-right' },
                    { label: '项目', className: 'px-3 py-2 text-right' },
                  ]}
                />
              </thead>
              <tbody className="divide-y divide-slate-100">
                {result.items.map((enterprise) => (
                  <tr key={enterprise.id}>
                    <td className="px-3 py-2">
                      <Link href={`/enterprises/${enterprise.id}`} className="text-brand-700 hover:underline">
                        {enterprise.name}
                      </Link>
                    </td>
                    <td className="px-3 py-2 font-mono text-xs">{enterprise.creditCode ?? '—'}</td>
                    <td className="px-3 py-2">{enterprise.region ?? '—'}</td>
                    <td className="px-3 py-2">{enterprise.industryName ?? '—'}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{enterprise.leadCount}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{enterprise.projectCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul className="space-y-2 md:hidden" aria-label="企业库">
            {result.items.map((enterprise) => (
              <li key={enterprise.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <Link href={`/enterprises/${enterprise.id}`} className="font-medium break-words text-brand-700">
                  {enterprise.name}
                </Link>
                <p className="mt-1 font-mono text-xs break-all text-slate-500">
                  {enterprise.creditCode ?? '无信用代码'}
                </p>
                <p className="text-slate-600">
                  {[enterprise.region, enterprise.industryName].filter(Boolean).join(' · ') || '—'} · 线索{' '}
                  {enterprise.leadCount} · 项目 {enterprise.projectCount}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      <Pager
        page={page}
        pages={pageCount(result.total, PAGE_SIZE)}
        hrefFor={(n) => listHref('/enterprises', current, { page: n }, { page: 1 })}
        summary={`共 ${result.total} 家企业，第 ${page} / ${pageCount(result.total, PAGE_SIZE)} 页`}
      />
    </div>
  );
}
