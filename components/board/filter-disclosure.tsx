'use client';

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/**
 * On a phone the board's filter form sits behind a 筛选 button that shows how many filters are on;
 * from `sm` up the form is always shown and the button is not rendered visibly. Escape closes the
 * panel and returns focus to the button.
 */
export function FilterDisclosure({ activeCount, children }: { activeCount: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    setOpen(false);
    buttonRef.current?.focus();
  }

  return (
    <div onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className={`no-print mb-3 inline-flex items-center gap-1.5 rounded-md border px-3 py-1.5 text-sm font-medium sm:hidden ${
          activeCount ? 'text-brand-800 border-brand-600 bg-brand-50' : 'border-slate-300 bg-white text-slate-700'
        }`}
        data-testid="filter-toggle"
      >
        筛选<span className="sr-only">条件</span>
        {activeCount ? (
          <span className="rounded-full bg-brand-600 px-1.5 text-xs text-white tabular-nums">
            {activeCount}
            <span className="sr-only"> 项已启用</span>
          </span>
        ) : null}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div id={panelId} className={open ? '' : 'max-sm:hidden'}>
        {children}
      </div>
    </div>
  );
}
