import Link from 'next/link';
import { listHref, type SearchParams } from '@/lib/list-url';
import { quickFilterActive, type QuickFilter } from '@/lib/views/quick-filters';

/**
 * 快捷筛选: one click sets a ledger filter (红灯, 我的, …), a second click on the same chip clears it.
 * Plain links, so they work without JavaScript and the result is a shareable URL.
 */
export function QuickFilterChips({
  path,
  params,
  chips,
}: {
  path: string;
  params: SearchParams;
  chips: QuickFilter[];
}) {
  return (
    <nav aria-label="快捷筛选" className="flex flex-wrap items-center gap-1.5">
      <span className="text-xs font-medium text-slate-600">快捷筛选：</span>
      {chips.map((chip) => {
        const active = quickFilterActive(chip, params);
        return (
          <Link
            key={chip.key}
            href={listHref(path, params, { [chip.param]: active ? null : chip.value, page: null })}
            aria-current={active ? 'true' : undefined}
            title={active ? `取消：${chip.title}` : chip.title}
            data-testid={`quick-${chip.key}`}
            className={`rounded-full px-3 py-1 text-xs font-medium ring-1 transition-colors ${
              active
                ? chip.key === 'red'
                  ? 'bg-red-600 text-white ring-red-600'
                  : chip.key === 'yellow'
                    ? 'bg-amber-500 text-white ring-amber-500'
                    : 'bg-brand-600 text-white ring-brand-600'
                : 'bg-white text-slate-700 ring-slate-300 hover:bg-slate-50'
            }`}
          >
            {active ? '✓ ' : ''}
            {chip.label}
          </Link>
        );
      })}
    </nav>
  );
}
