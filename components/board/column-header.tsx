import Link from 'next/link';
import { formatYi } from '@/lib/rules/money';
import type { BoardKind, CellSums } from '@/lib/board-types';

/** A column's (or swimlane cell's) count and sums; the same figures the ledger gives under the same filters. */
export function SumsLine({ kind, sums, compact = false }: { kind: BoardKind; sums: CellSums; compact?: boolean }) {
  if (kind === 'leads') {
    return (
      <p className="text-xs text-slate-600">
        意向投资 {formatYi(sums.totalInvestment)}
        {sums.overdue ? <span className="ml-2 font-medium text-red-700">跟进逾期 {sums.overdue}</span> : null}
      </p>
    );
  }
  return (
    <div className="space-y-0.5 text-xs text-slate-600">
      <p>总投资 {formatYi(sums.totalInvestment)}</p>
      {compact ? null : (
        <>
          <p>年度计划 {formatYi(sums.plannedInvestmentThisYear ?? 0)}</p>
          <p>累计完成 {formatYi(sums.completedInvestment ?? 0)}</p>
        </>
      )}
      <p>
        <span className={sums.red ? 'font-medium text-red-700' : ''}>红灯 {sums.red ?? 0}</span>
        <span className="mx-1 text-slate-300" aria-hidden="true">
          |
        </span>
        <span className={sums.yellow ? 'font-medium text-amber-800' : ''}>黄灯 {sums.yellow ?? 0}</span>
        {sums.grey ? (
          <>
            <span className="mx-1 text-slate-300" aria-hidden="true">
              |
            </span>
            <span className="text-slate-500">暂缓/终止 {sums.grey}</span>
          </>
        ) : null}
      </p>
    </div>
  );
}

export function ColumnHeader({
  kind,
  label,
  sums,
  ledgerHref,
  className = '',
}: {
  kind: BoardKind;
  label: string;
  sums: CellSums;
  ledgerHref: string;
  className?: string;
}) {
  return (
    <div
      className={`rounded-t-lg border-b border-slate-200 bg-white px-3 py-2 ${className}`}
      data-testid="column-header"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 className="font-semibold text-slate-900">{label}</h2>
        <span
          className="rounded-full bg-slate-100 px-2 text-sm font-semibold text-slate-700"
          aria-label={`${sums.count} 项`}
        >
          {sums.count}
        </span>
      </div>
      <SumsLine kind={kind} sums={sums} />
      <Link href={ledgerHref} className="mt-1 inline-block text-xs text-brand-700 hover:underline">
        在{kind === 'leads' ? '线索列表' : '台账'}中查看
      </Link>
    </div>
  );
}
