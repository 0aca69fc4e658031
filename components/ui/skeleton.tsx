import type { ReactNode } from 'react';

// Loading skeletons shaped like the page that is on its way: a title, then table rows, cards,
// board columns or a form. One role="status" per skeleton names what is loading for screen readers;
// the grey shapes themselves are hidden from them.

// `.sk` (app/globals.css) is the bar's look: every page streams its skeleton first, so its many bars
// carry one short class instead of the same four utilities each.
function Bar({ className = '' }: { className?: string }) {
  return <div className={`sk ${className}`} />;
}

/** The outer frame: the label for assistive technology, a page-title bar, then the shapes. */
export function SkeletonPage({
  label,
  children,
  title = true,
}: {
  label: string;
  children: ReactNode;
  /** false inside a layout that already draws the page header (project tabs). */
  title?: boolean;
}) {
  return (
    <div role="status" aria-busy="true" aria-live="polite" data-skeleton="page">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true">
        {title ? (
          <div className="mb-4 space-y-2">
            <Bar className="h-6 w-40" />
            <Bar className="h-4 w-64 max-w-full" />
          </div>
        ) : null}
        <div className="space-y-4">{children}</div>
      </div>
    </div>
  );
}

/** A row of filter controls above a list. */
export function SkeletonToolbar({ controls = 4 }: { controls?: number }) {
  return (
    <div className="flex flex-wrap gap-2">
      {Array.from({ length: controls }, (_, i) => (
        <Bar key={i} className="h-9 w-28" />
      ))}
    </div>
  );
}

/** A ledger: header row and `rows` rows of `columns` cells; on a phone, stacked cards. */
export function SkeletonTable({ rows = 8, columns = 6 }: { rows?: number; columns?: number }) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <div className="hidden gap-4 border-b border-slate-200 bg-slate-50 px-4 py-3 md:flex">
        {Array.from({ length: columns }, (_, i) => (
          <Bar key={i} className="h-4 flex-1" />
        ))}
      </div>
      {Array.from({ length: rows }, (_, r) => (
        <div
          key={r}
          className="flex flex-col gap-2 border-b border-slate-100 px-4 py-3 last:border-0 md:flex-row md:gap-4"
        >
          {Array.from({ length: columns }, (_, c) => (
            <Bar key={c} className={`h-4 md:flex-1 ${c === 0 ? 'w-3/4' : 'hidden w-1/2 md:block'}`} />
          ))}
        </div>
      ))}
    </div>
  );
}

/** A grid of cards (tiles, figures, charts). */
export function SkeletonCards({ count = 4, tall = false }: { count?: number; tall?: boolean }) {
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <Bar className="h-4 w-1/2" />
          <Bar className={tall ? 'h-40 w-full' : 'h-7 w-2/3'} />
        </div>
      ))}
    </div>
  );
}

/** Board columns with a few cards each; a phone shows the first column. */
export function SkeletonBoard({ columns = 6 }: { columns?: number }) {
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-3 xl:grid-cols-6">
      {Array.from({ length: columns }, (_, c) => (
        <div
          key={c}
          className={`space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-2 ${c > 0 ? 'hidden md:block' : ''}`}
        >
          <Bar className="h-5 w-2/3" />
          {Array.from({ length: 3 }, (_, i) => (
            <div key={i} className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
              <Bar className="h-4 w-5/6" />
              <Bar className="h-3 w-1/2" />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

/** A form: labelled fields and a submit button. */
export function SkeletonForm({ fields = 6 }: { fields?: number }) {
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {Array.from({ length: fields }, (_, i) => (
          <div key={i} className="space-y-2">
            <Bar className="h-4 w-24" />
            <Bar className="h-9 w-full" />
          </div>
        ))}
      </div>
      <Bar className="h-9 w-24" />
    </div>
  );
}

/** A detail page: a block of label/value pairs, then a list. */
export function SkeletonDetail() {
  return (
    <>
      <div className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="space-y-2">
            <Bar className="h-3 w-20" />
            <Bar className="h-5 w-3/4" />
          </div>
        ))}
      </div>
      <SkeletonTable rows={4} columns={4} />
    </>
  );
}
