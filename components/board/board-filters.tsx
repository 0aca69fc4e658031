import Link from 'next/link';
import { controlClass } from '@/components/ui/field';
import { FilterDisclosure } from './filter-disclosure';

// The board's filter bar: a plain GET form, so filters live in the URL, a filtered board can be
// shared as a link, and filtering needs no client JavaScript. On a phone it folds behind a 筛选
// button (FilterDisclosure) so the quick chips and the board stay on the first screen.

export interface FilterField {
  name: string;
  label: string;
  options?: Array<{ value: string | number; label: string }>;
  /** For selects: the label of the empty option. */
  allLabel?: string;
}

export function BoardFilters({
  action,
  fields,
  values,
  hidden = {},
}: {
  action: string;
  fields: FilterField[];
  values: Record<string, string | undefined>;
  /** Filters without a control of their own (a quick-filter chip's), kept when the form is submitted. */
  hidden?: Record<string, string | undefined>;
}) {
  const activeCount = fields.filter((f) => values[f.name]).length + Object.values(hidden).filter(Boolean).length;
  const active = activeCount > 0;
  return (
    <FilterDisclosure activeCount={activeCount}>
      <form
        method="get"
        action={action}
        role="search"
        aria-label="看板筛选"
        className="no-print mb-4 grid grid-cols-2 gap-2 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6 xl:grid-cols-11"
      >
        {Object.entries(hidden).map(([name, value]) =>
          value ? <input key={name} type="hidden" name={name} value={value} /> : null,
        )}
        {fields.map((field) => (
          <div key={field.name} className={field.options ? '' : 'col-span-2'}>
            <label htmlFor={`bf-${field.name}`} className="mb-0.5 block text-xs font-medium text-slate-600">
              {field.label}
            </label>
            {field.options ? (
              <select
                id={`bf-${field.name}`}
                name={field.name}
                defaultValue={values[field.name] ?? ''}
                className={`${controlClass} py-1.5`}
              >
                <option value="">{field.allLabel ?? '全部'}</option>
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={`bf-${field.name}`}
                name={field.name}
                type="search"
                defaultValue={values[field.name] ?? ''}
                placeholder="名称或代码"
                className={`${controlClass} py-1.5`}
              />
            )}
          </div>
        ))}
        <div className="col-span-2 flex items-end gap-2 sm:col-span-1 xl:col-span-2">
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
          >
            筛选
          </button>
          {active ? (
            <Link href={action} className="rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
              清除
            </Link>
          ) : null}
        </div>
      </form>
    </FilterDisclosure>
  );
}
