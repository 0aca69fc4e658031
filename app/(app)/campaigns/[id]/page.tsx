import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CampaignForm, DeleteCampaignButton } from '@/components/leads/campaign-form';
import { deleteCampaignAction, updateCampaignAction } from '../actions';
import { buttonClass } from '@/components/ui/button';
import { Card, PageHeader } from '@/components/ui/page';
import { HeadRow, srOnly } from '@/components/ui/table';
import { getCampaignDetail, listLeaderOptions } from '@/db/queries/campaigns';
import { requireUser } from '@/lib/auth/next';
import { LEAD_STAGE_LABELS, LEAD_STAGES, STAGE_LABELS } from '@/lib/rules/enums';
import { stepRates } from '@/lib/rules/funnels';
import { formatWan, formatYi } from '@/lib/rules/money';
import { canManageCampaigns } from '@/lib/rules/permissions';
import { id as idSchema } from '@/lib/validation';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const parsed = idSchema.safeParse((await params).id);
  const detail = parsed.success ? getCampaignDetail(parsed.data) : null;
  return { title: detail ? `${detail.campaign.name} · 招商活动` : '招商活动' };
}

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const detail = getCampaignDetail(parsed.data);
  if (!detail) notFound();
  const { campaign, leaders, funnel, byStage, landedProjects } = detail;
  const stageFigures = LEAD_STAGES.map(
    (stage) => byStage.find((row) => row.stage === stage) ?? { stage, count: 0, intendedInvestment: 0 },
  );
  const total = funnel[0].count;
  const rates = stepRates(funnel);
  const signedInvestment = stageFigures
    .filter((r) => r.stage === 'signed' || r.stage === 'landed')
    .reduce((sum, r) => sum + r.intendedInvestment, 0);
  const max = Math.max(1, total);
  const canManage = canManageCampaigns(user);

  return (
    <div className="space-y-4">
      <PageHeader
        title={campaign.name}
        description={`${campaign.destinations} · ${campaign.startDate ?? '未定'} 至 ${campaign.endDate ?? '未定'} · 带队领导：${leaders.map((l) => l.name).join('、') || '未指定'}`}
        actions={
          <>
            <Link href={`/leads?campaignId=${campaign.id}`} className={buttonClass('secondary')}>
              查看归属线索
            </Link>
            {canManage ? (
              <Link href={`/leads/new?campaignId=${campaign.id}`} className={buttonClass('primary')}>
                登记本活动线索
              </Link>
            ) : null}
          </>
        }
      />
      {campaign.description ? <p className="text-sm text-slate-700">{campaign.description}</p> : null}
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="转化漏斗" className="lg:col-span-2">
          <p className="mb-2 text-xs text-slate-600">
            每个阶段统计曾经到达该阶段（含越过该阶段）的线索，已放弃或退回的线索仍计入其到达过的阶段。
          </p>
          <table className="min-w-full text-sm" data-testid="campaign-funnel">
            <caption className="sr-only">各阶段曾到达的线索数、较上一阶段的转化率与意向投资</caption>
            <thead className="text-left text-slate-600">
              <HeadRow
                cellClass="py-1 pr-3"
                columns={[
                  '阶段',
                  { label: '到达线索数', className: 'py-1 pr-3 text-right' },
                  srOnly('占比', 'w-1/2 py-1 pr-3'),
                  { label: '较上一阶段', className: 'py-1 pr-3 text-right' },
                  { label: '意向投资', className: 'py-1 text-right' },
                ]}
              />
            </thead>
            <tbody>
              {funnel.map((row, i) => (
                <tr key={row.stage}>
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    {LEAD_STAGE_LABELS[row.stage]}
                  </th>
                  <td className="py-1 pr-3 text-right tabular-nums">{row.count}</td>
                  <td className="py-1 pr-3" aria-hidden="true">
                    <div
                      className="mx-auto h-3 rounded bg-brand-600 print:border print:border-slate-700"
                      style={{ width: `${(row.count / max) * 100}%`, minWidth: row.count ? '0.25rem' : 0 }}
                    />
                  </td>
                  <td className="py-1 pr-3 text-right tabular-nums">
                    {rates[i] === null ? '—' : `${(rates[i]! * 100).toFixed(0)}%`}
                  </td>
                  <td className="py-1 text-right tabular-nums">{formatYi(row.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="mt-2 text-xs text-slate-600" data-testid="campaign-current-stages">
            当前所处阶段：
            {stageFigures.map((row) => `${LEAD_STAGE_LABELS[row.stage]} ${row.count}`).join(' · ')}
          </p>
        </Card>
        <Card title="签约与转化">
          <dl className="space-y-2 text-sm">
            <div className="flex justify-between">
              <dt>签约投资（签约＋已转项目）</dt>
              <dd className="font-semibold tabular-nums">{formatYi(signedInvestment)}</dd>
            </div>
            <div className="flex justify-between">
              <dt>已转项目</dt>
              <dd className="font-semibold tabular-nums">{landedProjects.length} 个</dd>
            </div>
          </dl>
          {landedProjects.length ? (
            <ul className="mt-3 space-y-1 text-sm">
              {landedProjects.map((p) => (
                <li key={p.projectId}>
                  <Link href={`/projects/${p.projectId}`} className="text-brand-700 underline">
                    {p.projectName}
                  </Link>
                  <span className="ml-1 text-xs text-slate-500">
                    {STAGE_LABELS[p.projectStage]} · {formatWan(p.totalInvestment)} · 来自{' '}
                    <Link href={`/leads/${p.leadId}`} className="underline">
                      {p.company}
                    </Link>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3 text-sm text-slate-500">尚无已转项目</p>
          )}
        </Card>
      </div>
      {canManage ? (
        <Card title="编辑活动">
          <div className="space-y-6">
            <CampaignForm
              key={campaign.version}
              leaders={listLeaderOptions()}
              campaign={{ id: campaign.id, version: campaign.version }}
              action={updateCampaignAction}
              initial={{
                name: campaign.name,
                destinations: campaign.destinations,
                startDate: campaign.startDate ?? '',
                endDate: campaign.endDate ?? '',
                description: campaign.description ?? '',
                leaderIds: leaders.map((l) => l.id),
              }}
            />
            {total === 0 ? (
              <DeleteCampaignButton
                campaign={{ id: campaign.id, version: campaign.version, name: campaign.name }}
                action={deleteCampaignAction}
              />
            ) : (
              <p className="text-xs text-slate-500">已有线索归属该活动，不能删除。</p>
            )}
          </div>
        </Card>
      ) : null}
    </div>
  );
}
