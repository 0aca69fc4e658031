import Link from 'next/link';
import { LeadLightBadge, LeadStageTag } from '@/components/leads/lead-badges';
import { SortHeader, type SortState } from '@/components/ui/sort-header';
import { HeadCells } from '@/components/ui/table';
import type { LeadListRow } from '@/db/queries/leads';
import { formatDate } from '@/lib/format-time';
import type { LeadSort } from '@/lib/rules/lead-sorts';
import { leadLight, type LeadFollowupStaleDays, type LeadStageUsualDays } from '@/lib/rules/leads';
import { formatPledge } from '@/lib/rules/currency';
import { formatWan, formatYi } from '@/lib/rules/money';
import { originalPledge } from '@/lib/rules/pledge';

// The /leads list: a sortable table on wide screens, cards on phones. The page loads the rows.

type LeadListProps = {
  rows: LeadListRow[];
  day: string;
  usualDays: LeadStageUsualDays;
  /** 跟进停滞 days (settings leadFollowupStaleDays). */
  staleDays: LeadFollowupStaleDays;
};

function LeadRow({ lead, day, usualDays, staleDays }: Omit<LeadListProps, 'rows'> & { lead: LeadListRow }) {
  const light = leadLight(lead, day, usualDays, staleDays);
  return (
    <tr className="hover:bg-slate-50">
      <td className="px-3 py-2">
        <Link href={`/leads/${lead.id}`} className="font-medium text-brand-700 hover:underline">
          {lead.company}
        </Link>
        {lead.origin ? <span className="ml-1 text-xs text-slate-500">{lead.origin}</span> : null}
      </td>
      <td className="px-3 py-2">
        <LeadStageTag stage={lead.stage} />
      </td>
      <td className="px-3 py-2">
        <LeadLightBadge light={light.light} reasons={light.reasons} stage={lead.stage} />
      </td>
      <td className="px-3 py-2">{lead.industryName ?? '—'}</td>
      <td className="px-3 py-2">{lead.campaignName ?? lead.source ?? '—'}</td>
      <td className="px-3 py-2 text-right tabular-nums">
        {formatWan(lead.intendedInvestment)}
        {lead.currency !== 'CNY' && lead.amountOriginal != null ? (
          <span className="block text-xs text-slate-500">{originalPledge(lead)}</span>
        ) : null}
      </td>
      <td className="px-3 py-2">
        {lead.ownerName}
        {lead.team ? <span className="ml-1 text-xs text-slate-500">{lead.team}</span> : null}
      </td>
      <td className="px-3 py-2 tabular-nums">{lead.nextFollowUpDate ?? '—'}</td>
      <td className="px-3 py-2 tabular-nums">{formatDate(lead.updatedAt)}</td>
    </tr>
  );
}

/** The desktop table; its footer sums every filtered lead, not just this page. */
export function LeadTable({
  rows,
  day,
  usualDays,
  staleDays,
  sort,
  totals,
}: LeadListProps & { sort: SortState<LeadSort>; totals: { count: number; intendedInvestment: number } }) {
  const header = (sortKey: LeadSort, label: string, className = 'px-3 py-2') => (
    <SortHeader sortKey={sortKey} label={label} state={sort} className={className} />
  );
  return (
    <div className="hidden max-h-[calc(100dvh-8rem)] overflow-auto rounded-lg border border-slate-200 bg-white shadow-sm md:block">
      <table className="min-w-full text-sm">
        <caption className="sr-only">招商线索列表</caption>
        <thead className="bg-slate-50 text-left text-slate-600 [&_th]:sticky [&_th]:top-0 [&_th]:z-10 [&_th]:bg-slate-50">
          <tr>
            {header('company', '企业名称')}
            <HeadCells cellClass="px-3 py-2" columns={['阶段', '状态', '行业', '来源']} />
            {header('intendedInvestment', '意向投资', 'px-3 py-2 text-right')}
            <th scope="col" className="px-3 py-2">
              负责人
            </th>
            {header('nextFollowUpDate', '下次跟进')}
            {header('updatedAt', '更新时间')}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((lead) => (
            <LeadRow key={lead.id} lead={lead} day={day} usualDays={usualDays} staleDays={staleDays} />
          ))}
        </tbody>
        <tfoot className="bg-slate-50 font-medium">
          <tr>
            <th scope="row" className="px-3 py-2 text-left" colSpan={5}>
              合计 {totals.count} 条（全部筛选结果）
            </th>
            <td className="px-3 py-2 text-right tabular-nums">{formatYi(totals.intendedInvestment)}</td>
            <td colSpan={3} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The phone layout: one card a lead. */
export function LeadCardList({ rows, day, usualDays, staleDays }: LeadListProps) {
  return (
    <ul className="space-y-2 md:hidden" aria-label="招商线索列表">
      {rows.map((lead) => {
        const light = leadLight(lead, day, usualDays, staleDays);
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
              <dd className="text-right text-slate-900 tabular-nums">{formatPledge(lead)}</dd>
              <dt>来源</dt>
              <dd className="text-right">{lead.campaignName ?? lead.source ?? '—'}</dd>
              <dt>负责人</dt>
              <dd className="text-right">{lead.ownerName}</dd>
              <dt>下次跟进</dt>
              <dd className="text-right tabular-nums">{lead.nextFollowUpDate ?? '—'}</dd>
            </dl>
            <div className="mt-2">
              <LeadLightBadge light={light.light} reasons={light.reasons} stage={lead.stage} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
