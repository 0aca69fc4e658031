import Link from 'next/link';
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '@/lib/rules/enums';
import { formatWan } from '@/lib/rules/money';

/**
 * The project's 上争 sums, read-only: they add up its funding applications, which are filed and
 * updated on the project's 上争资金 tab.
 */
export function FundingSums({
  projectId,
  sums,
}: {
  projectId: number;
  sums: {
    applicationStatus: ApplicationStatus | null;
    appliedFunds: number | null;
    grantedFunds: number | null;
    receivedFunds: number | null;
  };
}) {
  const rows: Array<[string, string]> = [
    ['申报状态', sums.applicationStatus ? APPLICATION_STATUS_LABELS[sums.applicationStatus] : '暂无申请'],
    ['申请资金', formatWan(sums.appliedFunds)],
    ['获批资金', formatWan(sums.grantedFunds)],
    ['到位资金', formatWan(sums.receivedFunds)],
  ];
  return (
    <section aria-labelledby={`funding-sums-${projectId}`} className="mt-6 border-t border-slate-100 pt-4">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`funding-sums-${projectId}`} className="text-base font-semibold text-slate-800">
          “上争”资金
        </h3>
        <Link href={`/projects/${projectId}/funding`} className="text-sm text-brand-700 hover:underline">
          查看和填报上争申请 →
        </Link>
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm lg:grid-cols-4">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-slate-500">{label}</dt>
            <dd className="font-medium text-slate-900 tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-500">由本项目各笔上争申请汇总，不能在此修改。</p>
    </section>
  );
}
