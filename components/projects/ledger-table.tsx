import Link from 'next/link';
import { ApprovalsOverriddenTag, ShuangshiTag, Tag } from '@/components/ui/badges';
import type { LedgerRow } from '@/db/queries/projects';
import type { ProjectSums } from '@/db/queries/project-filters';
import { CATEGORY_LABELS, PROJECT_STATUS_LABELS, STAGE_LABELS } from '@/lib/rules/enums';
import { daysBetween, today } from '@/lib/rules/dates';
import { formatWan, formatYi } from '@/lib/rules/money';
import { LEDGER_SORTS, SORT_LABELS, type LedgerSort, type LedgerView } from '@/lib/schemas/ledger';
import { LightWithReasons } from './light-with-reasons';
import { LightReason } from './light-reason';
import { SortHeader, SortLink, type SortState } from '@/components/ui/sort-header';
import { listHref, type SearchParams } from '@/lib/list-url';

const NUMERIC: ReadonlySet<LedgerSort> = new Set(['days', 'total', 'planned', 'completed']);
// The light leads, and the code sits under the name, so the whole row fits a 1366-pixel screen.
const ORDER: LedgerSort[] = [
  'light',
  'name',
  'code',
  ...LEDGER_SORTS.filter((sort) => !['light', 'name', 'code'].includes(sort)),
];
const COLUMNS = ORDER.map((sort) => ({ sort, label: SORT_LABELS[sort], numeric: NUMERIC.has(sort) }));

const wan = (value: number) => new Intl.NumberFormat('zh-CN').format(value);

const headerClass = (numeric: boolean) =>
  `whitespace-nowrap px-2 py-2 font-medium ${numeric ? 'text-right' : 'text-left'}`;

export function LedgerTable({
  rows,
  sums,
  params,
  view,
}: {
  rows: LedgerRow[];
  sums: ProjectSums;
  params: SearchParams;
  view: LedgerView;
}) {
  const day = today();
  const sortState: SortState<LedgerSort> = {
    sort: view.sort,
    dir: view.dir,
    hrefFor: (sort, dir) => listHref('/projects', params, { sort, dir, page: null }),
  };
  return (
    <>
      <div className="hidden max-h-[calc(100dvh-8rem)] overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm md:block">
        <table className="min-w-full text-sm">
          <caption className="sr-only">项目台账，金额单位万元</caption>
          <thead className="bg-slate-50 text-slate-600 [&_th]:sticky [&_th]:top-0 [&_th]:z-10 [&_th]:bg-slate-50">
            <tr>
              {COLUMNS.filter((column) => column.sort !== 'code').map((column) => (
                <SortHeader
                  key={column.sort}
                  sortKey={column.sort}
                  label={column.label}
                  state={sortState}
                  className={headerClass(column.numeric)}
                  extra={
                    column.sort === 'name' ? (
                      <SortLink sortKey="code" label={SORT_LABELS.code} state={sortState} />
                    ) : undefined
                  }
                />
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id} className="hover:bg-slate-50">
                <td className="px-2 py-2">
                  <LightWithReasons light={row.light} reasons={row.lightReasons} id={`t${row.id}`} />
                </td>
                <td className="min-w-48 px-2 py-2">
                  <Link href={`/projects/${row.id}`} className="font-medium text-brand-700 hover:underline">
                    {row.name}
                  </Link>
                  {row.status !== 'active' ? (
                    <span className="ml-1">
                      <Tag tone="amber">{PROJECT_STATUS_LABELS[row.status]}</Tag>
                    </span>
                  ) : null}
                  {row.approvalsOverridden ? (
                    <span className="ml-1">
                      <ApprovalsOverriddenTag
                        detail={row.lightReasons.find((reason) => reason.startsWith('未批先建'))}
                      />
                    </span>
                  ) : null}
                  <LightReason light={row.light} reasons={row.lightReasons} className="mt-0.5 max-w-80" />
                  <span className="block font-mono text-xs text-slate-500">{row.code ?? '暂无代码'}</span>
                </td>
                <td className="px-2 py-2 whitespace-nowrap">
                  {CATEGORY_LABELS[row.category]} {row.shuangshi ? <ShuangshiTag /> : null}
                </td>
                <td className="px-2 py-2 whitespace-nowrap">{row.unitName}</td>
                <td className="px-2 py-2 whitespace-nowrap">{row.industryName ?? '—'}</td>
                <td className="px-2 py-2 whitespace-nowrap">{STAGE_LABELS[row.stage]}</td>
                <td className="px-2 py-2 text-right tabular-nums">{daysBetween(row.stageEnteredAt, day)}</td>
                <td className="px-2 py-2 whitespace-nowrap">{row.leaderName ?? '—'}</td>
                <td className="px-2 py-2 whitespace-nowrap">{row.ownerName ?? '—'}</td>
                <td className="px-2 py-2 text-right tabular-nums">{wan(row.totalInvestment)}</td>
                <td className="px-2 py-2 text-right tabular-nums">{wan(row.plannedInvestmentThisYear)}</td>
                <td className="px-2 py-2 text-right tabular-nums">{wan(row.completedInvestment)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t-2 border-slate-200 bg-slate-50 font-medium">
            <tr>
              <th scope="row" colSpan={9} className="px-2 py-2 text-left">
                合计：{sums.count} 个项目（红灯 {sums.red}，黄灯 {sums.yellow}）
              </th>
              <td className="px-2 py-2 text-right tabular-nums">{wan(sums.totalInvestment)}</td>
              <td className="px-2 py-2 text-right tabular-nums">{wan(sums.plannedInvestmentThisYear)}</td>
              <td className="px-2 py-2 text-right tabular-nums">{wan(sums.completedInvestment)}</td>
            </tr>
          </tfoot>
        </table>
      </div>

      <div className="space-y-3 md:hidden">
        <div className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm">
          <p className="font-medium">
            合计：{sums.count} 个项目（红灯 {sums.red}，黄灯 {sums.yellow}）
          </p>
          <p className="mt-1 text-slate-700">
            总投资 {formatYi(sums.totalInvestment)} · 年度计划 {formatYi(sums.plannedInvestmentThisYear)} · 累计完成{' '}
            {formatYi(sums.completedInvestment)}
          </p>
        </div>
        <ul className="space-y-3" aria-label="项目列表">
          {rows.map((row) => (
            <li key={row.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
              <div className="flex items-start justify-between gap-2">
                <Link href={`/projects/${row.id}`} className="font-medium text-brand-700">
                  {row.name}
                </Link>
                <LightWithReasons light={row.light} reasons={row.lightReasons} id={`c${row.id}`} />
              </div>
              <LightReason light={row.light} reasons={row.lightReasons} className="mt-1" />
              <p className="mt-1 text-xs text-slate-500">{row.code ?? '暂无项目代码'}</p>
              {row.approvalsOverridden ? (
                <p className="mt-1">
                  <ApprovalsOverriddenTag detail={row.lightReasons.find((reason) => reason.startsWith('未批先建'))} />
                </p>
              ) : null}
              <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-500">类别</dt>
                <dd>
                  {CATEGORY_LABELS[row.category]} {row.shuangshi ? <ShuangshiTag /> : null}
                </dd>
                <dt className="text-slate-500">单位 / 产业</dt>
                <dd>
                  {row.unitName} / {row.industryName ?? '—'}
                </dd>
                <dt className="text-slate-500">阶段</dt>
                <dd>
                  {STAGE_LABELS[row.stage]}（{daysBetween(row.stageEnteredAt, day)} 天）
                </dd>
                <dt className="text-slate-500">包保领导 / 责任人</dt>
                <dd>
                  {row.leaderName ?? '—'} / {row.ownerName ?? '—'}
                </dd>
                <dt className="text-slate-500">总投资</dt>
                <dd>{formatWan(row.totalInvestment)}</dd>
                <dt className="text-slate-500">年度计划 / 累计完成</dt>
                <dd>
                  {wan(row.plannedInvestmentThisYear)} / {wan(row.completedInvestment)} 万元
                </dd>
              </dl>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}
