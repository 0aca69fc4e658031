import Link from 'next/link';
import { LeadLightBadge, LeadStageTag } from '@/components/leads/lead-badges';
import { SortHeader, type SortState } from '@/components/ui/sort-header';
import { HeadCells } from '@/components/ui/table';
import type { LeadListRow } from '@/db/queries/leads';
import { formatDate } from '@/lib/format-time';
import type { LeadSort } from '@/lib/rules/lead-sorts';
import { leadLight, type LeadFollowupStaleDays, type LeadStageUsualDays } from '@/lib/rules/leads';
import { formatWan, formatYi } from '@/lib/rules/money';
import { originalPledge } from '@/lib/rules/pledge';

// The /leads list: one sortable table, laid out as cards on phones by CSS. The page loads the rows.

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
    <tr>
      <td data-card="title">
        <Link href={`/leads/${lead.id}`} prefetch={false} className="font-medium text-brand-700 hover:underline">
          {lead.company}
        </Link>
        {lead.origin ? <span className="ml-1 text-xs text-slate-500">{lead.origin}</span> : null}
      </td>
      <td data-card="corner">
        <LeadStageTag stage={lead.stage} />
      </td>
      <td data-label="状态">
        <LeadLightBadge light={light.light} reasons={light.reasons} stage={lead.stage} />
      </td>
      <td data-label="行业">{lead.industryName ?? '—'}</td>
      <td data-label="来源">{lead.campaignName ?? lead.source ?? '—'}</td>
      <td data-label="意向投资" className="num">
        {formatWan(lead.intendedInvestment)}
        {lead.currency !== 'CNY' && lead.amountOriginal != null ? (
          <span className="block text-xs text-slate-500">{originalPledge(lead)}</span>
        ) : null}
      </td>
      <td data-label="负责人">
        {lead.ownerName}
        {lead.team ? <span className="ml-1 text-xs text-slate-500">{lead.team}</span> : null}
      </td>
      <td data-label="下次跟进" className="tabular-nums">
        {lead.nextFollowUpDate ?? '—'}
      </td>
      <td data-label="更新时间" className="tabular-nums">
        {formatDate(lead.updatedAt)}
      </td>
    </tr>
  );
}

/**
 * The lead ledger: one `<table>` for every screen (the `.ledger` block in globals.css makes each row
 * a card on phones). Its footer sums every filtered lead, not just this page.
 */
export function LeadTable({
  rows,
  day,
  usualDays,
  staleDays,
  sort,
  totals,
}: LeadListProps & { sort: SortState<LeadSort>; totals: { count: number; intendedInvestment: number } }) {
  const header = (sortKey: LeadSort, label: string, className = '') => (
    <SortHeader sortKey={sortKey} label={label} state={sort} className={className} />
  );
  return (
    <div className="ledger">
      <table>
        <caption className="sr-only">招商线索列表</caption>
        <thead>
          <tr>
            {header('company', '企业名称')}
            <HeadCells cellClass="" columns={['阶段', '状态', '行业', '来源']} />
            {header('intendedInvestment', '意向投资', 'num')}
            <th scope="col">负责人</th>
            {header('nextFollowUpDate', '下次跟进')}
            {header('updatedAt', '更新时间')}
          </tr>
        </thead>
        <tbody>
          {rows.map((lead) => (
            <LeadRow key={lead.id} lead={lead} day={day} usualDays={usualDays} staleDays={staleDays} />
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={5}>
              合计 {totals.count} 条（全部筛选结果）
            </th>
            <td data-label="意向投资" className="num">
              {formatYi(totals.intendedInvestment)}
            </td>
            <td colSpan={3} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
