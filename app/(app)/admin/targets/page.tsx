import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { AdminBreadcrumb } from '@/components/admin/breadcrumb';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, Notice, PageHeader } from '@/components/ui/page';
import { listAnnualTargets } from '@/db/queries/admin';
import { requireUser } from '@/lib/auth/next';
import { formatWan, formatYi } from '@/lib/rules/money';

export const metadata: Metadata = { title: '年度目标' };

const savedSchema = z.coerce.number().int().min(2000).max(2100).optional().catch(undefined);

export default async function TargetsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  await requireUser(['admin']);
  const saved = savedSchema.parse((await searchParams).saved);
  const targets = listAnnualTargets();
  return (
    <div className="max-w-5xl space-y-4">
      <AdminBreadcrumb current="年度目标" />
      <PageHeader
        title="年度目标"
        description="每年的目标由管理员录入，统计页按年度读取。"
        actions={
          <Link href="/admin/targets/new" className={buttonClass()}>
            新增年度
          </Link>
        }
      />
      {saved ? <Notice tone="success">{saved} 年度目标已保存。</Notice> : null}
      {targets.length === 0 ? (
        <EmptyState title="还没有年度目标">点击“新增年度”录入今年的目标。</EmptyState>
      ) : (
        <ul className="space-y-3">
          {targets.map((target) => (
            <li key={target.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="text-base font-semibold">{target.year} 年</h2>
                <Link
                  href={`/admin/targets/${target.id}`}
                  className={buttonClass('secondary', 'sm')}
                  aria-label={`编辑 ${target.year} 年目标`}
                >
                  编辑
                </Link>
              </div>
              <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
                <Figure label='开工"双十"子项目' value={`${target.startedTarget} 项`} />
                <Figure
                  label="完成投资"
                  value={formatYi(target.investmentTarget)}
                  detail={formatWan(target.investmentTarget)}
                />
                <Figure label="城建重点工程" value={`${target.cityWorksTarget} 项`} />
                <Figure
                  label="城建计划投资"
                  value={formatYi(target.cityWorksInvestmentTarget)}
                  detail={formatWan(target.cityWorksInvestmentTarget)}
                />
                <Figure label="储备重点项目" value={`${target.reserveTarget} 个`} />
                <Figure label="招商签约" value={`${target.signedTarget} 个`} />
                <Figure label="招商落地" value={`${target.landedTarget} 个`} />
              </dl>
              {target.note ? <p className="mt-3 text-sm text-slate-600">{target.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium">
        {value}
        {detail ? <span className="ml-1 text-xs font-normal text-slate-500">（{detail}）</span> : null}
      </dd>
    </div>
  );
}
