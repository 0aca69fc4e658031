import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LeadFollowupsCard } from '@/components/leads/lead-followups-card';
import {
  addFollowupAction,
  convertLeadAction,
  convertLeadToExistingAction,
  decidePartnerAction,
  moveLeadAction,
  requestPartnerAction,
  updateLeadAction,
} from '../actions';
import { LeadPartnersCard } from '@/components/leads/lead-partners-card';
import { getDb } from '@/db';
import { listPartners } from '@/domain/lead-partners';
import { LeadHistory } from '@/components/leads/lead-history';
import { LeadInfoCard } from '@/components/leads/lead-info-card';
import { loadLeadFormOptions } from '@/db/queries/lead-options';
import { LeadStageCard } from '@/components/leads/lead-stage-card';
import { LeadStageHistoryCard } from '@/components/leads/lead-stage-history-card';
import { LeadSummary } from '@/components/leads/lead-summary';
import { Card, Notice, PageHeader } from '@/components/ui/page';
import { loadAuditNames } from '@/db/queries/audit';
import { getLeadDetail, listLinkableProjects, listOfficers } from '@/db/queries/leads';
import { getSetting } from '@/domain/settings';
import { requireUser } from '@/lib/auth/next';
import { today } from '@/lib/rules/dates';
import { checkConvertible, leadLight } from '@/lib/rules/leads';
import { canDecideLeadPartner, canEditLead, canLogLeadFollowup, canRequestLeadPartner } from '@/lib/rules/permissions';
import { OPEN_LEAD_STAGES } from '@/lib/rules/leads';
import { leadForViewer } from '@/domain/leads';
import { id as idSchema } from '@/lib/validation';

/** "企业名 · 线索详情" (issue 18: every tab its own title); an unknown id falls back to 线索详情. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const parsed = idSchema.safeParse((await params).id);
  const stored = parsed.success ? getLeadDetail(parsed.data) : null;
  return { title: stored ? `${stored.company} · 线索详情` : '线索详情' };
}

const CONTACT_KEYS = ['contactPhone', 'contactEmail'];
function withoutContacts<T extends { before: unknown; after: unknown }>(row: T): T {
  const strip = (value: unknown) =>
    value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).filter(([key]) => !CONTACT_KEYS.includes(key)))
      : value;
  return { ...row, before: strip(row.before), after: strip(row.after) };
}

export default async function LeadPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const stored = getLeadDetail(parsed.data);
  if (!stored) notFound();
  const partners = listPartners(getDb(), stored.id);
  const partnerTeams = partners.filter((p) => p.status === 'accepted').map((p) => p.team);
  const lead = leadForViewer(user, stored, partnerTeams);
  const open = (OPEN_LEAD_STAGES as readonly string[]).includes(stored.stage);
  const created = (await searchParams).created === '1';
  const day = today();
  const light = leadLight(lead, day, getSetting('leadStageUsualDays'), getSetting('leadFollowupStaleDays'));
  const canEdit = canEditLead(user, lead);
  const options = loadLeadFormOptions(lead.chainLinkId);
  const convertible = canEdit && checkConvertible(lead).ok;
  // The history must not show the contacts the card hides.
  const visibleAudit = lead.contactsHidden ? lead.audit.map(withoutContacts) : lead.audit;

  return (
    <div className="space-y-4">
      <PageHeader
        title={lead.company}
        description={<LeadSummary lead={lead} light={light} />}
        actions={
          <Link href="/leads" className="text-sm text-brand-700 underline">
            返回线索列表
          </Link>
        }
      />
      {created ? <Notice tone="success">线索已保存</Notice> : null}
      {light.reasons.length ? (
        <Notice tone={light.light === 'red' ? 'error' : 'warning'}>{light.reasons.join('；')}</Notice>
      ) : null}
      <LeadStageCard
        lead={lead}
        today={day}
        canEdit={canEdit}
        moveAction={moveLeadAction}
        conversion={
          convertible
            ? {
                units: options.units,
                officers: listOfficers(),
                action: convertLeadAction,
                projects: listLinkableProjects(),
                existingAction: convertLeadToExistingAction,
              }
            : null
        }
      />
      <div className="grid gap-4 xl:grid-cols-3">
        <LeadInfoCard lead={lead} options={options} readOnly={!canEdit} action={updateLeadAction} />
        <LeadFollowupsCard
          lead={lead}
          today={day}
          canAdd={canLogLeadFollowup(user, { ...lead, partnerTeams }) && lead.stage !== 'landed'}
          addAction={addFollowupAction}
        />
      </div>
      <LeadPartnersCard
        leadId={lead.id}
        partners={partners}
        canRequest={
          open &&
          canRequestLeadPartner(user, lead) &&
          !partners.some((p) => p.team === user.team && p.status !== 'declined')
        }
        canDecide={canDecideLeadPartner(user, lead)}
        requestAction={requestPartnerAction}
        decideAction={decidePartnerAction}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <LeadStageHistoryCard history={lead.history} />
        <Card title="修改历史">
          <LeadHistory audit={visibleAudit} names={loadAuditNames(visibleAudit)} />
        </Card>
      </div>
    </div>
  );
}
