import Link from 'next/link';
import { Card, EmptyState } from '@/components/ui/page';
import { Tag } from '@/components/ui/badges';
import { HeadRow } from '@/components/ui/table';
import { FundingForm } from '@/components/funding/funding-form';
import { projectFunding } from '@/domain/funding';
import { requireUser } from '@/lib/auth/next';
import { today } from '@/lib/rules/dates';
import { FUNDING_CHANNEL_LABELS, FUNDING_STATUS_LABELS, type FundingStatus } from '@/lib/rules/enums';
import { formatWan, sumMoney } from '@/lib/rules/money';
import { canEditFunding } from '@/lib/rules/permissions';
import { loadProject } from '../load';
import { createFundingAction, updateFundingAction } from './actions';

const STATUS_TONE: Record<FundingStatus, 'slate' | 'brand' | 'emerald' | 'red'> = {
  preparing: 'slate',
  submitted: 'brand',
  granted: 'emerald',
  rejected: 'red',
};

// 上争资金: the project's applications for higher-level funds by channel and batch, with the
// applied, granted and received sums that the project's 概况 and the ledger show.
// The tab's name; the project layout's template puts the project name in front (issue 18).
export const metadata = { title: '上争资金' };

export default async function ProjectFundingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { project } = await loadProject(params);
  const rows = projectFunding(project.id);
  const editable = canEditFunding(user, project);
  const day = today();
  const totals = {
    applied: sumMoney(rows.map((row) => row.appliedAmount)),
    granted: sumMoney(rows.map((row) => row.grantedAmount)),
    received: sumMoney(rows.map((row) => row.receivedAmount)),
  };
  return (
    <div className="space-y-4">
      <Card
        title={`上争申请（${rows.length}）`}
        actions={
          <Link href="/funding" className="text-sm text-brand-700 hover:underline">
            全市上争资金台账 →
          </Link>
        }
      >
        <dl className="mb-4 grid grid-cols-3 gap-3 text-sm" aria-label="本项目上争资金合计">
          {(
            [
              ['申请资金', totals.applied],
              ['获批资金', totals.granted],
              ['到位资金', totals.received],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="rounded-md bg-slate-50 px-3 py-2">
              <dt className="text-xs text-slate-500">{label}</dt>
              <dd className="mt-0.5 font-semibold text-slate-900 tabular-nums">{formatWan(value)}</dd>
            </div>
          ))}
        </dl>
        {rows.length === 0 ? (
          <EmptyState title="还没有上争申请">
            {editable
              ? '在下方填报第一笔申请：申报渠道、批次、申请资金和申报日期。'
              : '上争申请由管理员或本单位项目专员填报。'}
          </EmptyState>
        ) : (
          <>
            <div className="hidden overflow-x-auto md:block">
              <table className="w-full border-collapse text-sm">
                <caption className="sr-only">本项目的上争申请</caption>
                <thead className="bg-slate-50 text-left text-xs text-slate-600">
                  <HeadRow
                    cellClass="px-3 py-2"
                    columns={[
                      '申报渠道',
                      '批次',
                      '申报日期',
                      '状态',
                      { label: '申请资金', className: 'px-3 py-2 text-right' },
                      { label: '获批资金', className: 'px-3 py-2 text-right' },
                      '获批日期',
                      { label: '到位资金', className: 'px-3 py-2 text-right' },
                      '备注',
                    ]}
                  />
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id} className="border-t border-slate-100 align-top">
                      <td className="px-3 py-2 whitespace-nowrap">{FUNDING_CHANNEL_LABELS[row.channel]}</td>
                      <td className="px-3 py-2">{row.batch ?? '—'}</td>
                      <td className="px-3 py-2 whitespace-nowrap">{row.appliedDate}</td>
                      <td className="px-3 py-2">
                        <Tag tone={STATUS_TONE[row.status]}>{FUNDING_STATUS_LABELS[row.status]}</Tag>
                      </td>
                      <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                        {formatWan(row.appliedAmount)}
                      </td>
                      <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                        {formatWan(row.grantedAmount)}
                      </td>
                      <td className="px-3 py-2 whitespace-nowrap">{row.grantedDate ?? '—'}</td>
                      <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                        {formatWan(row.receivedAmount)}
                      </td>
                      <td className="max-w-xs px-3 py-2 text-slate-600">{row.note ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ul className="space-y-2 md:hidden" aria-label="本项目的上争申请">
              {rows.map((row) => (
                <li key={row.id} className="rounded-md border border-slate-200 p-3">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                    {FUNDING_CHANNEL_LABELS[row.channel]}
                    <Tag tone={STATUS_TONE[row.status]}>{FUNDING_STATUS_LABELS[row.status]}</Tag>
                  </p>
                  <p className="mt-1 text-xs text-slate-600">
                    {row.batch ?? '未定批次'} · 申报 {row.appliedDate}
                    {row.grantedDate ? ` · 获批 ${row.grantedDate}` : ''}
                  </p>
                  <p className="mt-1 text-sm tabular-nums">
                    申请 {formatWan(row.appliedAmount)} · 获批 {formatWan(row.grantedAmount)} · 到位{' '}
                    {formatWan(row.receivedAmount)}
                  </p>
                  {row.note ? <p className="mt-1 text-xs text-slate-500">{row.note}</p> : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>

      {editable ? (
        <>
          <Card title="填报上争申请">
            <FundingForm projectId={project.id} defaultDate={day} action={createFundingAction} />
          </Card>
          {rows.length ? (
            <Card title="更新申请进展">
              <p className="mb-3 text-sm text-slate-600">
                获批后把状态改为“已获批”并填写获批资金和日期；资金拨付后填写到位资金。
              </p>
              <div className="space-y-2">
                {rows.map((row) => (
                  <details key={row.id} className="rounded-md border border-slate-200">
                    <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
                      {FUNDING_CHANNEL_LABELS[row.channel]} · {row.batch ?? '未定批次'} · {row.appliedDate} ·{' '}
                      {FUNDING_STATUS_LABELS[row.status]}
                    </summary>
                    <div className="border-t border-slate-100 p-3">
                      <FundingForm initial={row} defaultDate={day} action={updateFundingAction} />
                    </div>
                  </details>
                ))}
              </div>
            </Card>
          ) : null}
        </>
      ) : (
        <p className="text-sm text-slate-500">上争申请由管理员或本单位项目专员填报和更新；您可以查看。</p>
      )}
    </div>
  );
}
