import Link from 'next/link';
import { Card } from '@/components/ui/page';
import type { LeadDetail } from '@/db/queries/leads';
import type { FormAction } from '@/lib/auth/action-state';
import { LeadForm, type LeadFormOptions } from './lead-form';

const text = (value: number | string | null | undefined) => (value == null ? '' : String(value));

/** 线索信息: the lead's fields in the lead form, read-only for those who may not edit it. */
export function LeadInfoCard({
  lead,
  options,
  readOnly,
  action,
}: {
  lead: LeadDetail & { contactsHidden?: boolean };
  options: LeadFormOptions;
  readOnly: boolean;
  action: FormAction;
}) {
  return (
    <Card title="线索信息" className="xl:col-span-2">
      <LeadForm
        key={lead.version}
        options={options}
        lead={{ id: lead.id, version: lead.version }}
        readOnly={readOnly}
        action={action}
        initial={{
          company: lead.company,
          enterpriseId: text(lead.enterpriseId),
          creditCode: text(lead.enterpriseCreditCode),
          origin: text(lead.origin),
          contactName: text(lead.contactName),
          contactTitle: text(lead.contactTitle),
          contactPhone: text(lead.contactPhone),
          contactEmail: text(lead.contactEmail),
          industryId: text(lead.industryId),
          chainLinkId: text(lead.chainLinkId),
          intendedInvestment: text(lead.intendedInvestment),
          currency: lead.currency,
          amountOriginal: text(lead.amountOriginal),
          exchangeRate: text(lead.exchangeRate),
          rateDate: text(lead.rateDate),
          proposedProject: text(lead.proposedProject),
          locationUnitId: text(lead.locationUnitId),
          campaignId: text(lead.campaignId),
          source: text(lead.source),
          ownerId: text(lead.ownerId),
          team: text(lead.team),
          nextFollowUpDate: text(lead.nextFollowUpDate),
        }}
      />
      {lead.enterpriseId ? (
        <p className="mt-3 text-sm">
          <Link href={`/enterprises/${lead.enterpriseId}`} className="text-brand-700 underline">
            在企业库中查看该企业
          </Link>
        </p>
      ) : null}
      {lead.contactsHidden ? (
        <p className="mt-3 text-sm text-slate-500" data-testid="contacts-hidden">
          联系电话和电子邮箱仅线索所在招商小组、市领导和系统管理员可见。
        </p>
      ) : null}
    </Card>
  );
}
