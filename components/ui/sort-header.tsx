import type { ReactNode } from 'react';
import Link from 'next/link';

export type SortDir = 'asc' | 'desc';

/** The state a sortable list keeps in its URL, and how to link to another order. */
export type SortState<Key extends string> = {
  sort: Key;
  dir: SortDir;
  hrefFor: (sort: Key, dir: SortDir) => string;
  /** The direction a column sorts in when first clicked. */
  firstDir?: SortDir;
};

/** A column's sort link: clicking the active column reverses it, any other column starts at `firstDir`. */
export function SortLink<Key extends string>({
  sortKey,
  label,
  state,
}: {
  sortKey: Key;
  label: string;
  state: SortState<Key>;
}) {
  const active = state.sort === sortKey;
  const firstDir = state.firstDir ?? 'asc';
  const nextDir: SortDir = active ? (state.dir === 'asc' ? 'desc' : 'asc') : firstDir;
  return (
    <Link href={state.hrefFor(sortKey, nextDir)} className="inline-flex items-center gap-0.5 hover:text-brand-700">
      {label}
      <span aria-hidden="true" className={active ? 'text-brand-700' : 'text-slate-300'}>
        {active ? (state.dir === 'asc' ? '▲' : '▼') : '↕'}
      </span>
      <span className="sr-only">
        {active ? (state.dir === 'asc' ? '，升序，点击改为降序' : '，降序，点击改为升序') : '，点击排序'}
      </span>
    </Link>
  );
}

/** A sortable `<th>` that tells screen readers its order through `aria-sort`. */
export function SortHeader<Key extends string>({
  sortKey,
  label,
  state,
  className,
  extra,
}: {
  sortKey: Key;
  label: string;
  state: SortState<Key>;
  className: string;
  extra?: ReactNode;
}) {
  const active = state.sort === sortKey;
  return (
    <th
      scope="col"
      aria-sort={active ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      className={className}
    >
      <SortLink sortKey={sortKey} label={label} state={state} />
      {extra ? <span className="ml-2 text-xs font-normal">/ {extra}</span> : null}
    </th>
  );
}
