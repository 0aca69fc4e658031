import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { AdminBreadcrumb } from '@/components/admin/breadcrumb';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, Notice, PageHeader } from '@/components/ui/page';
import { listAnnualTargets } from '@/db/queries/admin';
import { targetTracking, type TargetTracking } from '@/domain/stats';
import { requireUser } from '@/lib/auth/next';
import { currentYear } from '@/lib/rules/dates';
import { formatYi } from '@/lib/rules/money';
import { percentText } from '@/lib/rules/stats';

export const metadata: Metadata = { title: '年度目标' };

const savedSchema = z.coerce.number().int().min(2000).max(2100).optional().catch(undefined);

export default async function TargetsPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  await requireUser(['admin']);
  const saved = savedSchema.parse((await searchParams).saved);
  const targets = listAnnualTargets();
  const year = currentYear();
  const tracking = targetTracking(year);
  return (
    <div className="max-w-5xl space-y-4">
      <AdminBreadcrumb current="年度目标" />
      <PageHeader
        title="年度目标"
        description="每年的目标由管理员录入，统计页按年度读取；每项目标旁注明首页与之对比的统计口径。"
        actions={
          <Link href="/admin/targets/new" className={buttonClass()}>
            新增年度
          </Link>
        }
      />
      {saved ? <Notice tone="success">{saved} 年度目标已保存。</Notice> : null}
      <TrackingTable year={year} rows={tracking} />
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
                {tracking.map(({ key, label, unit, scope }) => (
                  <Figure
                    key={key}
                    label={label}
                    value={amountText(target[key], unit)}
                    scope={SCOPE_TEXT[scope ?? 'none']}
                  />
                ))}
              </dl>
              {target.note ? <p className="mt-3 text-sm text-slate-600">{target.note}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Which projects the dashboard counts against each target (domain/stats.ts scopeTargets). */
const SCOPE_TEXT = {
  shuangshi: '对比：双十项目',
  all: '对比：全部项目',
  none: '仅存储：项目库尚无城建标记，暂不对比',
} as const;

const amountText = (value: number, unit: string) => (unit === '万元' ? formatYi(value) : `${value} ${unit}`);

function TrackingTable({ year, rows }: { year: number; rows: TargetTracking }) {
  const stored = rows.some((row) => row.target !== null);
  return (
    <section
      aria-labelledby="tracking-title"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="target-tracking"
    >
      <h2 id="tracking-title" className="text-base font-semibold">
        {year} 年目标完成情况
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        实际数与首页统计一致，点击可查看对应项目台账。
        {stored ? null : `${year} 年尚未录入目标，仅显示实际数。`}
      </p>
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-sm">
          <thead className="text-left text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                目标
              </th>
              <th scope="col" className="hidden py-1 pr-3 font-medium sm:table-cell">
                对比口径
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                目标值
              </th>
              <th scope="col" className="py-1 pr-3 text-right font-medium">
                实际
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                完成率
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.key} data-testid={`tracking-${row.key}`}>
                <th scope="row" className="py-1.5 pr-3 text-left font-normal">
                  {row.label}
                  {/* On a phone the scope goes under the target's name instead of a column of its own. */}
                  <span className="block text-xs text-slate-500 sm:hidden">{SCOPE_TEXT[row.scope ?? 'none']}</span>
                </th>
                <td className="hidden py-1.5 pr-3 text-slate-600 sm:table-cell">{SCOPE_TEXT[row.scope ?? 'none']}</td>
                <td className="py-1.5 pr-3 text-right whitespace-nowrap tabular-nums">
                  {row.target === null ? '未设定' : amountText(row.target, row.unit)}
                </td>
                <td className="py-1.5 pr-3 text-right whitespace-nowrap tabular-nums" data-testid="actual">
                  {row.actual === null || row.drill === null ? (
                    '—'
                  ) : (
                    <Link
                      href={row.drill}
                      className="text-brand-700 hover:underline"
                      aria-label={`${row.label}实际 ${amountText(row.actual, row.unit)}，查看项目台账`}
                    >
                      {amountText(row.actual, row.unit)}
                    </Link>
                  )}
                </td>
                <td className="py-1.5 text-right whitespace-nowrap tabular-nums" data-testid="rate">
                  {row.scope ? percentText(row.rate) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Figure({ label, value, detail, scope }: { label: string; value: string; detail?: string; scope: string }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium">
        {value}
        {detail ? <span className="ml-1 text-xs font-normal text-slate-500">（{detail}）</span> : null}
      </dd>
      <dd className="text-xs text-slate-500">{scope}</dd>
    </div>
  );
}
