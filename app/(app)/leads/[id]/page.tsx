import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConvertDialog } from '@/components/leads/convert-dialog';
import { FollowupForm } from '@/components/leads/followup-form';
import { LeadLightBadge, LeadStageTag } from '@/components/leads/lead-badges';
import { LeadForm } from '@/components/leads/lead-form';
import { LeadHistory } from '@/components/leads/lead-history';
import { loadLeadFormOptions } from '@/components/leads/lead-options';
import { LeadPipeline } from '@/components/leads/lead-pipeline';
import { LeadStageControls } from '@/components/leads/lead-stage-controls';
import { Card, Notice, PageHeader } from '@/components/ui/page';
import { loadAuditNames } from '@/db/queries/audit';
import { getLeadDetail, listOfficers } from '@/db/queries/leads';
import { proposedProjectName } from '@/domain/leads';
import { getSetting } from '@/domain/settings';
import { requireUser } from '@/lib/auth/next';
import { today } from '@/lib/rules/dates';
import { FOLLOWUP_KIND_LABELS, LEAD_STAGE_LABELS } from '@/lib/rules/enums';
import { checkConvertible, leadLight } from '@/lib/rules/leads';
import { formatWan } from '@/lib/rules/money';
import { canEditLead } from '@/lib/rules/permissions';
import { id as idSchema } from '@/lib/validation';
import { formatDate } from '@/lib/format-time';

export const metadata = { title: '线索详情' };

const str = (value: number | string | null | undefined) => (value == null ? '' : String(value));

export default async function LeadPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const lead = getLeadDetail(parsed.data);
  if (!lead) notFound();
  const created = (await searchParams).created === '1';
  const day = today();
  const light = leadLight(lead, day, getSetting('leadStageUsualDays'));
  const canEdit = canEditLead(user, lead);
  const options = loadLeadFormOptions();
  const convertible = canEdit && checkConvertible(lead).ok;

  return (
    <div className="space-y-4">
      <PageHeader
        title={lead.company}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <LeadStageTag stage={lead.stage} />
            <LeadLightBadge light={light.light} reasons={light.reasons} stage={lead.stage} />
            <span>意向投资 {formatWan(lead.intendedInvestment)}</span>
            <span>· 负责人 {lead.ownerName}{lead.team ? `（${lead.team}）` : ''}</span>
            <span>· 来源 {lead.campaignName ?? lead.source ?? '未填写'}</span>
          </span>
        }
        actions={<Link href="/leads" className="text-sm text-brand-700 underline">返回线索列表</Link>}
      />
      {created ? <Notice tone="success">线索已保存</Notice> : null}
      {light.reasons.length ? <Notice tone={light.light === 'red' ? 'error' : 'warning'}>{light.reasons.join('；')}</Notice> : null}

      <Card title="阶段">
        <div className="space-y-3">
          <LeadPipeline stage={lead.stage} history={lead.history} today={day} />
          {lead.stage === 'dropped' && lead.dropReason ? <p className="text-sm text-slate-700">放弃原因：{lead.dropReason}</p> : null}
          {lead.projectId ? (
            <p className="text-sm" data-testid="linked-project">
              已转为项目：
              <Link href={`/projects/${lead.projectId}`} className="font-medium text-brand-700 underline">
                {lead.projectName ?? `项目 #${lead.projectId}`}（项目编号 {lead.projectId}）
              </Link>
            </p>
          ) : null}
          {canEdit ? <LeadStageControls lead={{ id: lead.id, company: lead.company, stage: lead.stage, version: lead.version }} /> : null}
          {convertible ? (
            <ConvertDialog
              lead={{ id: lead.id, version: lead.version, locationUnitId: lead.locationUnitId, proposedName: proposedProjectName(lead), intendedInvestment: formatWan(lead.intendedInvestment) }}
              units={options.units}
              officers={listOfficers()}
            />
          ) : null}
          {!canEdit ? <p className="text-sm text-slate-500">您可以查看此线索；只有负责人、同组招商专员和管理员可以修改。</p> : null}
        </div>
      </Card>

      <div className="grid gap-4 xl:grid-cols-3">
        <Card title="线索信息" className="xl:col-span-2">
          <LeadForm
            key={lead.version}
            options={options}
            lead={{ id: lead.id, version: lead.version }}
            readOnly={!canEdit}
            initial={{
              company: lead.company,
              origin: str(lead.origin),
              contactName: str(lead.contactName),
              contactTitle: str(lead.contactTitle),
              contactPhone: str(lead.contactPhone),
              contactEmail: str(lead.contactEmail),
              industryId: str(lead.industryId),
              intendedInvestment: str(lead.intendedInvestment),
              proposedProject: str(lead.proposedProject),
              locationUnitId: str(lead.locationUnitId),
              campaignId: str(lead.campaignId),
              source: str(lead.source),
              ownerId: str(lead.ownerId),
              team: str(lead.team),
              nextFollowUpDate: str(lead.nextFollowUpDate),
            }}
          />
        </Card>
        <Card title="跟进记录">
          <div className="space-y-4">
            {canEdit && lead.stage !== 'landed' ? <FollowupForm leadId={lead.id} today={day} /> : null}
            {lead.followups.length ? (
              <ol className="space-y-3 text-sm" aria-label="跟进记录列表">
                {lead.followups.map((f) => (
                  <li key={f.id} className="rounded-md border border-slate-200 p-2">
                    <p className="text-xs text-slate-500">
                      <time dateTime={f.date}>{f.date}</time> · {FOLLOWUP_KIND_LABELS[f.kind]} · {f.byName ?? '—'}
                    </p>
                    <p className="whitespace-pre-wrap text-slate-800">{f.note}</p>
                    {f.nextFollowUpDate ? <p className="text-xs text-slate-600">下次跟进：{f.nextFollowUpDate}</p> : null}
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-sm text-slate-500">暂无跟进记录</p>
            )}
          </div>
        </Card>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="阶段变更记录">
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead className="text-left text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-3">时间</th>
                  <th scope="col" className="py-1 pr-3">变更</th>
                  <th scope="col" className="py-1 pr-3">操作人</th>
                  <th scope="col" className="py-1">原因</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {[...lead.history].reverse().map((h) => (
                  <tr key={h.id}>
                    <td className="py-1 pr-3 tabular-nums">{formatDate(h.at)}</td>
                    <td className="py-1 pr-3">{h.fromStage ? `${LEAD_STAGE_LABELS[h.fromStage]} → ` : ''}{LEAD_STAGE_LABELS[h.toStage]}</td>
                    <td className="py-1 pr-3">{h.byName ?? '—'}</td>
                    <td className="py-1">{h.reason ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        <Card title="修改历史">
          <LeadHistory audit={lead.audit} names={loadAuditNames(lead.audit)} />
        </Card>
      </div>
    </div>
  );
}
