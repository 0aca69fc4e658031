import Link from 'next/link';
import { fundingBreakdown } from '@/db/queries/funding';
import { listUnits } from '@/db/queries/reference';
import { fundingFiltersText, fundingList } from '@/domain/funding';
import { requireUser } from '@/lib/auth/next';
import { currentYear } from '@/lib/rules/dates';
import {
  FUNDING_CHANNEL_LABELS,
  FUNDING_CHANNELS,
  FUNDING_STATUS_LABELS,
  FUNDING_STATUSES,
  type FundingStatus,
} from '@/lib/rules/enums';
import { formatWan, formatYi } from '@/lib/rules/money';
import { parseFiltersLenient } from '@/lib/schemas/filters';
import { fundingFilterSchema } from '@/lib/schemas/funding';
import { STATS_SCOPE_LABELS, STATS_SCOPES } from '@/lib/schemas/stats';
import { page as pageSchema } from '@/lib/validation';
import { listHref, pageCount } from '@/lib/list-url';
import { Tag } from '@/components/ui/badges';
import { buttonClass } from '@/components/ui/button';
import { SelectField, enumOptions } from '@/components/ui/field';
import { Card, EmptyState, PageHeader } from '@/components/ui/page';
import { Pager } from '@/components/ui/pager';
import { HeadRow, TotalsFoot } from '@/components/ui/table';
import { ExportLink, exportHref } from '@/components/reports/export-link';

// 上争资金台账, city-wide: every 上争 application with filters (year of the application date,
// channel, responsible unit, status, and the dashboard's scope), the totals by channel, status and
// unit, and the Excel export. Filters and page live in the URL; the dashboard's 上争 figure links here.

const PAGE_SIZE = 50;
const STATUS_TONE: Record<FundingStatus, 'slate' | 'brand' | 'emerald' | 'red'> = {
  preparing: 'slate',
  submitted: 'brand',
  granted: 'emerald',
  rejected: 'red',
};

type Search = Record<string, string | string[] | undefined>;

interface Sums {
  applications: number;
  applied: number;
  granted: number;
  received: number;
}

function SumsTable({
  caption,
  head,
  rows,
  totals,
}: {
  caption: string;
  head: string;
  rows: Array<Sums & { key: string | number; label: string; href: string }>;
  totals: Sums;
}) {
  const cell = 'py-1.5 pl-3 text-right tabular-nums whitespace-nowrap';
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-xs sm:text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left text-xs whitespace-nowrap text-slate-500">
          <HeadRow
            cellClass="py-1.5"
            columns={[
              head,
              { label: '个数', className: 'py-1.5 pl-3 text-right' },
              { label: '申请资金', className: 'py-1.5 pl-3 text-right' },
              { label: '获批资金', className: 'py-1.5 pl-3 text-right' },
              { label: '到位资金', className: 'py-1.5 pl-3 text-right' },
            ]}
          />
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-t border-slate-100">
              <th scope="row" className="py-1.5 pr-3 text-left font-normal whitespace-nowrap">
                {row.applications ? (
                  <Link href={row.href} className="text-brand-700 hover:underline">
                    {row.label}
                  </Link>
                ) : (
                  row.label
                )}
              </th>
              <td className={cell}>{row.applications}</td>
              <td className={cell}>{formatYi(row.applied)}</td>
              <td className={cell}>{formatYi(row.granted)}</td>
              <td className={cell}>{formatYi(row.received)}</td>
            </tr>
          ))}
        </tbody>
        <TotalsFoot>
          <td className={cell}>{totals.applications}</td>
          <td className={cell}>{formatYi(totals.applied)}</td>
          <td className={cell}>{formatYi(totals.granted)}</td>
          <td className={cell}>{formatYi(totals.received)}</td>
        </TotalsFoot>
      </table>
    </div>
  );
}

const zero = { applications: 0, applied: 0, granted: 0, received: 0 };

export const metadata = { title: '上争资金台账' };

export default async function FundingPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireUser();
  const params = await searchParams;
  const filters = parseFiltersLenient(fundingFilterSchema, params);
  const page = pageSchema.safeParse(params.page).data ?? 1;
  const result = fundingList({ ...filters, page, pageSize: PAGE_SIZE });
  const { byChannel, byStatus, byUnit } = fundingBreakdown(filters);
  const totals: Sums = { applications: result.total, ...result.totals };
  const units = listUnits();
  const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
  const thisYear = currentYear();
  const years = Array.from({ length: thisYear - 2017 + 1 }, (_, i) => thisYear + 1 - i);
  const pages = pageCount(result.total, PAGE_SIZE);
  const here = (changes: Record<string, string | number | null>) =>
    listHref('/funding', { ...filters }, { ...changes, page: null });
  const filterText = fundingFiltersText(filters, unitNames);

  return (
    <div>
      <PageHeader
        title="上争资金台账"
        description={`${filterText || '全部年度、全部渠道'}：共 ${result.total} 个申请，申请 ${formatYi(totals.applied)}，获批 ${formatYi(totals.granted)}，到位 ${formatYi(totals.received)}。`}
        actions={result.total > 0 ? <ExportLink href={exportHref('/funding/export', params)} /> : null}
      />
      <form
        method="get"
        action="/funding"
        className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6"
      >
        <SelectField
          name="year"
          label="申报年度"
          placeholder="全部年度"
          defaultValue={filters.year ? String(filters.year) : ''}
          options={years.map((year) => ({ value: year, label: `${year} 年` }))}
        />
        <SelectField
          name="channel"
          label="申报渠道"
          placeholder="全部"
          defaultValue={filters.channel ?? ''}
          options={enumOptions(FUNDING_CHANNELS, FUNDING_CHANNEL_LABELS)}
        />
        <SelectField
          name="unitId"
          label="责任单位"
          placeholder="全部"
          defaultValue={filters.unitId ? String(filters.unitId) : ''}
          options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
        />
        <SelectField
          name="status"
          label="申报状态"
          placeholder="全部"
          defaultValue={filters.status ?? ''}
          options={enumOptions(FUNDING_STATUSES, FUNDING_STATUS_LABELS)}
        />
        <SelectField
          name="scope"
          label="项目范围"
          placeholder="全部项目"
          defaultValue={filters.scope === 'shuangshi' ? 'shuangshi' : ''}
          hint="双十项目按所选年度的清单"
          options={STATS_SCOPES.filter((scope) => scope === 'shuangshi').map((scope) => ({
            value: scope,
            label: STATS_SCOPE_LABELS[scope],
          }))}
        />
        <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
          <button type="submit" className={buttonClass('primary')}>
            筛选
          </button>
          <Link href="/funding" className={buttonClass('secondary')}>
            清除
          </Link>
        </div>
      </form>

      <dl className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label="合计">
        {(
          [
            ['申请数', `${totals.applications} 个`],
            ['申请资金', formatYi(totals.applied)],
            ['获批资金', formatYi(totals.granted)],
            ['到位资金', formatYi(totals.received)],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="mt-1 text-lg font-semibold text-slate-900 tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>

      {result.total === 0 ? (
        <EmptyState title="没有符合条件的上争申请">
          换个筛选条件试试；项目的上争申请在项目页的“上争资金”栏目填报。
        </EmptyState>
      ) : (
        <>
          <div className="mb-4 grid grid-cols-1 gap-4 lg:grid-cols-2">
            <Card title="按申报渠道">
              <SumsTable
                caption="按申报渠道汇总"
                head="渠道"
                totals={totals}
                rows={FUNDING_CHANNELS.map((channel) => ({
                  key: channel,
                  label: FUNDING_CHANNEL_LABELS[channel],
                  href: here({ channel }),
                  ...(byChannel.find((row) => row.channel === channel) ?? zero),
                }))}
              />
            </Card>
            <Card title="按申报状态">
              <SumsTable
                caption="按申报状态汇总"
                head="状态"
                totals={totals}
                rows={FUNDING_STATUSES.map((status) => ({
                  key: status,
                  label: FUNDING_STATUS_LABELS[status],
                  href: here({ status }),
                  ...(byStatus.find((row) => row.status === status) ?? zero),
                }))}
              />
            </Card>
            <Card title="按责任单位" className="lg:col-span-2">
              <div className="max-h-96 overflow-y-auto">
                <SumsTable
                  caption="按责任单位汇总"
                  head="单位"
                  totals={totals}
                  rows={byUnit.map((row) => ({
                    ...row,
                    key: row.unitId,
                    label: row.unitName,
                    href: here({ unitId: row.unitId }),
                  }))}
                />
              </div>
            </Card>
          </div>

          <div className="hidden overflow-x-auto rounded-lg bg-white shadow-sm md:block">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">上争申请清单</caption>
              <thead className="bg-slate-50 text-left text-xs text-slate-600">
                <HeadRow
                  cellClass="px-3 py-2"
                  columns={[
                    '项目',
                    '责任单位',
                    '申报渠道',
                    '批次',
                    '申报日期',
                    '状态',
                    { label: '申请资金', className: 'px-3 py-2 text-right' },
                    { label: '获批资金', className: 'px-3 py-2 text-right' },
                    { label: '到位资金', className: 'px-3 py-2 text-right' },
                  ]}
                />
              </thead>
              <tbody>
                {result.items.map((item) => (
                  <tr key={item.id} className="border-t border-slate-100 align-top">
                    <td className="max-w-xs px-3 py-2">
                      <Link href={`/projects/${item.projectId}/funding`} className="text-brand-700 hover:underline">
                        {item.projectName}
                      </Link>
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">{item.unitName}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{FUNDING_CHANNEL_LABELS[item.channel]}</td>
                    <td className="px-3 py-2">{item.batch ?? '—'}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{item.appliedDate}</td>
                    <td className="px-3 py-2">
                      <Tag tone={STATUS_TONE[item.status]}>{FUNDING_STATUS_LABELS[item.status]}</Tag>
                    </td>
                    <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                      {formatWan(item.appliedAmount)}
                    </td>
                    <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                      {formatWan(item.grantedAmount)}
                    </td>
                    <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                      {formatWan(item.receivedAmount)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul className="space-y-2 md:hidden" aria-label="上争申请清单">
            {result.items.map((item) => (
              <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <Tag tone={STATUS_TONE[item.status]}>{FUNDING_STATUS_LABELS[item.status]}</Tag>
                  <span className="text-xs text-slate-600">{FUNDING_CHANNEL_LABELS[item.channel]}</span>
                </p>
                <Link href={`/projects/${item.projectId}/funding`} className="mt-1 block font-medium text-brand-700">
                  {item.projectName}
                </Link>
                <p className="mt-1 text-xs text-slate-600">
                  {item.unitName} · {item.batch ?? '未定批次'} · 申报 {item.appliedDate}
                </p>
                <p className="mt-1 text-sm tabular-nums">
                  申请 {formatWan(item.appliedAmount)} · 获批 {formatWan(item.grantedAmount)} · 到位{' '}
                  {formatWan(item.receivedAmount)}
                </p>
              </li>
            ))}
          </ul>
          <Pager
            page={page}
            pages={pages}
            hrefFor={(target) => listHref('/funding', { ...filters }, { page: target }, { page: 1 })}
            summary={`第 ${page} / ${pages} 页，共 ${result.total} 条`}
            className="mt-4"
          />
        </>
      )}
    </div>
  );
}
