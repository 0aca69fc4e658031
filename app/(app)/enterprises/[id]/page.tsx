import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LightBadge } from '@/components/ui/badges';
import { buttonClass } from '@/components/ui/button';
import { Card, EmptyState, PageHeader } from '@/components/ui/page';
import { HeadRow } from '@/components/ui/table';
import { getEnterpriseDetail } from '@/domain/enterprise-registry';
import { requireUser } from '@/lib/auth/next';
import { isAppError } from '@/lib/errors';
import { LEAD_STAGE_LABELS, STAGE_LABELS } from '@/lib/rules/enums';
import { formatWan } from '@/lib/rules/money';
import { canManageEnterprises, canSeeEnterpriseContacts } from '@/lib/rules/permissions';
import { id as idSchema } from '@/lib/validation';

export const metadata = { title: '企业' };

const ROLE_LABELS = { investor: '投资方', builder: '项目业主/建设单位' } as const;

export default async function EnterprisePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  let detail;
  try {
    detail = getEnterpriseDetail(user, parsed.data);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
  const seesContacts = canSeeEnterpriseContacts(user);
  return (
    <div className="space-y-4">
      <PageHeader
        title={detail.name}
        description={[detail.region, detail.industryName].filter(Boolean).join(' · ') || undefined}
        actions={
          <>
            <Link href="/enterprises" className={buttonClass('secondary')}>
              返回企业库
            </Link>
            {canManageEnterprises(user) ? (
              <Link href={`/enterprises/${detail.id}/edit`} className={buttonClass('primary')}>
                编辑企业
              </Link>
            ) : null}
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="企业信息">
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-xs text-slate-500">统一社会信用代码</dt>
              <dd className="font-mono break-all" data-testid="enterprise-credit-code">
                {detail.creditCode ?? '未登记（境外企业或尚未核实）'}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">所在地区或国家</dt>
              <dd>{detail.region ?? '—'}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">行业</dt>
              <dd>{detail.industryName ?? '—'}</dd>
            </div>
          </dl>
        </Card>
        <Card title="联系人" className="lg:col-span-2">
          {detail.contacts.length === 0 ? (
            <p className="text-sm text-slate-500">尚无联系人</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="enterprise-contacts">
              {detail.contacts.map((contact, index) => (
                <li key={index} className="flex flex-wrap gap-x-4 gap-y-1 py-2">
                  <span className="font-medium">{contact.name}</span>
                  {contact.title ? <span className="text-slate-600">{contact.title}</span> : null}
                  {seesContacts ? (
                    <>
                      {contact.phone ? <span className="tabular-nums">{contact.phone}</span> : null}
                      {contact.email ? <span className="break-all">{contact.email}</span> : null}
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {!seesContacts && detail.contacts.length ? (
            <p className="mt-2 text-xs text-slate-500">联系人电话和邮箱仅管理员、市领导和招商专员可见。</p>
          ) : null}
        </Card>
      </div>
      <Card title={`招商线索（${detail.leads.length}）`}>
        {detail.leads.length === 0 ? (
          <EmptyState title="暂无该企业的招商线索" />
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="enterprise-leads">
              <caption className="sr-only">该企业的招商线索</caption>
              <thead className="text-left text-slate-600">
                <HeadRow
                  cellClass="py-1 pr-3"
                  columns={['线索', '阶段', '负责人', '招商小组', { label: '意向投资', className: 'py-1 text-right' }]}
                />
              </thead>
              <tbody className="divide-y divide-slate-100">
                {detail.leads.map((lead) => (
                  <tr key={lead.id}>
                    <td className="py-1 pr-3">
                      <Link href={`/leads/${lead.id}`} className="text-brand-700 hover:underline">
                        {lead.company}
                      </Link>
                    </td>
                    <td className="py-1 pr-3 whitespace-nowrap">{LEAD_STAGE_LABELS[lead.stage]}</td>
                    <td className="py-1 pr-3 whitespace-nowrap">{lead.ownerName ?? '—'}</td>
                    <td className="py-1 pr-3 whitespace-nowrap">{lead.team ?? '—'}</td>
                    <td className="py-1 text-right whitespace-nowrap tabular-nums">
                      {formatWan(lead.intendedInvestment)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title={`项目（${detail.projects.length}）`}>
        {detail.projects.length === 0 ? (
          <EmptyState title="暂无该企业投资或建设的项目" />
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm" data-testid="enterprise-projects">
              <caption className="sr-only">该企业投资或建设的项目</caption>
              <thead className="text-left text-slate-600">
                <HeadRow
                  cellClass="py-1 pr-3"
                  columns={[
                    '项目',
                    '身份',
                    '阶段',
                    '责任单位',
                    '红黄绿灯',
                    { label: '总投资', className: 'py-1 text-right' },
                  ]}
                />
              </thead>
              <tbody className="divide-y divide-slate-100">
                {detail.projects.map((project) => (
                  <tr key={project.id}>
                    <td className="py-1 pr-3">
                      <Link href={`/projects/${project.id}`} className="text-brand-700 hover:underline">
                        {project.name}
                      </Link>
                    </td>
                    <td className="py-1 pr-3 whitespace-nowrap">
                      {project.roles.map((r) => ROLE_LABELS[r]).join('、')}
                    </td>
                    <td className="py-1 pr-3 whitespace-nowrap">{STAGE_LABELS[project.stage]}</td>
                    <td className="py-1 pr-3 whitespace-nowrap">{project.unitName ?? '—'}</td>
                    <td className="py-1 pr-3">
                      <LightBadge light={project.light} />
                    </td>
                    <td className="py-1 text-right whitespace-nowrap tabular-nums">
                      {formatWan(project.totalInvestment)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
