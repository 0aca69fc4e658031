import type { ReactNode } from 'react';

/** A column title with a class of its own (a plain string takes the row's `cellClass`). */
export interface HeadCell {
  label: ReactNode;
  className: string;
}

/** Column titles: one `<th scope="col">` a column (for a row that also holds other header cells). */
export function HeadCells({ cellClass, columns }: { cellClass: string; columns: readonly (string | HeadCell)[] }) {
  return columns.map((column, i) =>
    typeof column === 'string' ? (
      <th key={i} scope="col" className={cellClass}>
        {column}
      </th>
    ) : (
      <th key={i} scope="col" className={column.className}>
        {column.label}
      </th>
    ),
  );
}

/** A table's row of column titles. */
export function HeadRow(props: { cellClass: string; columns: readonly (string | HeadCell)[] }) {
  return (
    <tr>
      <HeadCells {...props} />
    </tr>
  );
}

/** A title only screen readers hear (an actions or bar column). */
export function srOnly(label: string, className: string): HeadCell {
  return { label: <span className="sr-only">{label}</span>, className };
}

/** The 合计 row of a figures table, its cells given as children. */
export function TotalsFoot({ children }: { children: ReactNode }) {
  return (
    <tfoot className="font-medium">
      <tr>
        <th scope="row" className="py-1 pr-3 text-left">
          合计
        </th>
        {children}
      </tr>
    </tfoot>
  );
}
