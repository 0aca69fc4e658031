import type { ReactNode } from 'react';

/** A column title with a class of its own (a plain string takes the row's `cellClass`). */
export interface HeadCell {
  label: ReactNode;
  className: string;
}

/** A table's row of column titles: one `<th scope="col">` a column. */
export function HeadRow({ cellClass, columns }: { cellClass: string; columns: readonly (string | HeadCell)[] }) {
  return (
    <tr>
      {columns.map((column, i) =>
        typeof column === 'string' ? (
          <th key={i} scope="col" className={cellClass}>
            {column}
          </th>
        ) : (
          <th key={i} scope="col" className={column.className}>
            {column.label}
          </th>
        ),
      )}
    </tr>
  );
}

/** A title only screen readers hear (an actions or bar column). */
export function srOnly(label: string, className: string): HeadCell {
  return { label: <span className="sr-only">{label}</span>, className };
}
