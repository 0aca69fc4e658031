import type { ReactNode } from 'react';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

/**
 * Previous/next paging whose state lives in the URL: `hrefFor(n)` gives page n's link.
 * `buttons` puts the summary left and two buttons right (the main lists); `links` is the quieter
 * inline form inside a card. Nothing renders for a single page unless `always` is set.
 */
export function Pager({
  page,
  pages,
  hrefFor,
  summary,
  label = '分页',
  look = 'buttons',
  always = false,
  className = '',
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  summary?: ReactNode;
  label?: string;
  look?: 'buttons' | 'links';
  always?: boolean;
  className?: string;
}) {
  if (pages <= 1 && !always) return null;
  const text = <span className="text-slate-600">{summary ?? `第 ${page} / ${pages} 页`}</span>;
  const linkClass = look === 'buttons' ? buttonClass('secondary', 'sm') : 'text-brand-700 underline';
  const previous =
    page > 1 ? (
      <Link href={hrefFor(page - 1)} className={linkClass} rel="prev">
        上一页
      </Link>
    ) : null;
  const next =
    page < pages ? (
      <Link href={hrefFor(page + 1)} className={linkClass} rel="next">
        下一页
      </Link>
    ) : null;
  if (look === 'links') {
    return (
      <nav aria-label={label} className={`flex flex-wrap items-center gap-3 text-sm ${className}`}>
        {previous}
        {text}
        {next}
      </nav>
    );
  }
  return (
    <nav aria-label={label} className={`flex flex-wrap items-center justify-between gap-2 text-sm ${className}`}>
      {text}
      <span className="flex gap-2">
        {previous}
        {next}
      </span>
    </nav>
  );
}
