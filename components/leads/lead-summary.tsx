import type { LeadDetail } from '@/db/queries/leads';
import type { LeadLight } from '@/lib/rules/leads';
import { formatPledge } from '@/lib/rules/currency';
import { LeadLightBadge, LeadStageTag } from './lead-badges';

/** The line under the lead's name: stage, light, intended investment, owner and source. */
export function LeadSummary({ lead, light }: { lead: LeadDetail; light: LeadLight }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <LeadStageTag stage={lead.stage} />
      <LeadLightBadge light={light.light} reasons={light.reasons} stage={lead.stage} />
      <span>
        意向投资 {formatPledge(lead)}
        {lead.exchangeRate != null && lead.currency !== 'CNY'
          ? `，汇率 ${lead.exchangeRate}${lead.rateDate ? `（${lead.rateDate}）` : ''}`
          : ''}
      </span>
      <span>
        · 负责人 {lead.ownerName}
        {lead.team ? `（${lead.team}）` : ''}
      </span>
      <span>· 来源 {lead.campaignName ?? lead.source ?? '未填写'}</span>
    </span>
  );
}
