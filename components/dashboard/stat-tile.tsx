import Link from 'next/link';

/** One figure of the dashboard; the whole tile opens the ledger filtered to the projects behind it. */
export function StatTile({ title, value, detail, rate, href, testId }: { title: string; value: string; detail?: string; rate?: { label: string; value: number | null; note?: string }; href: string; testId?: string }) {
  return (
    <Link href={href} data-testid={testId} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500 hover:shadow">
      <p className="text-sm text-slate-600">{title}</p>
      <p className="mt-1 text-2xl font-semibold text-slate-900">{value}</p>
      {detail ? <p className="mt-0.5 text-xs text-slate-500">{detail}</p> : null}
      {rate ? (
        <p className="mt-2 text-sm">
          <span className="text-slate-600">{rate.label}</span>{' '}
          <span className="font-semibold text-brand-700">{rate.value === null ? '无数据' : `${rate.value}%`}</span>
          {rate.note ? <span className="ml-1 text-xs text-slate-500">{rate.note}</span> : null}
        </p>
      ) : null}
      {rate && rate.value !== null ? (
        <div className="mt-1 h-1.5 rounded bg-slate-100" aria-hidden="true">
          <div className="h-1.5 rounded bg-brand-600" style={{ width: `${Math.min(100, rate.value)}%` }} />
        </div>
      ) : null}
    </Link>
  );
}
