import Link from 'next/link';
import type { ReactNode } from 'react';
import { percentText } from '@/lib/rules/stats';

/**
 * One figure of the dashboard. The figure itself is a link to the ledger of exactly the projects
 * behind it (the ledger's 共 N 个项目 equals it); figures in the detail lines link the same way.
 */
export function StatTile({
  title,
  value,
  href,
  detail,
  rate,
  testId,
}: {
  title: string;
  value: string;
  href: string;
  detail?: ReactNode;
  rate?: { label: string; value: number | null; note?: string };
  testId?: string;
}) {
  return (
    <div data-testid={testId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <p className="text-sm text-slate-600">{title}</p>
      <p className="mt-1 text-2xl font-semibold">
        <Link
          href={href}
          className="text-slate-900 underline decoration-slate-300 decoration-1 underline-offset-4 hover:text-brand-700 hover:decoration-brand-500"
          aria-label={`${title} ${value}，查看项目台账`}
        >
          {value}
        </Link>
      </p>
      {detail ? <div className="mt-0.5 text-xs text-slate-500">{detail}</div> : null}
      {rate ? (
        <p className="mt-2 text-sm">
          <span className="text-slate-600">{rate.label}</span>{' '}
          <span className="font-semibold text-brand-700">{percentText(rate.value)}</span>
          {rate.note ? <span className="ml-1 text-xs text-slate-500">{rate.note}</span> : null}
        </p>
      ) : null}
      {rate && rate.value !== null ? (
        <div className="mt-1 h-1.5 rounded bg-slate-100" aria-hidden="true">
          <div className="h-1.5 rounded bg-brand-600" style={{ width: `${Math.min(100, rate.value * 100)}%` }} />
        </div>
      ) : null}
    </div>
  );
}

/** A figure inside a tile's detail line that opens its own ledger. */
export function FigureLink({ href, children, label }: { href: string; children: ReactNode; label: string }) {
  return (
    <Link href={href} className="font-medium text-brand-700 underline underline-offset-2" aria-label={label}>
      {children}
    </Link>
  );
}
