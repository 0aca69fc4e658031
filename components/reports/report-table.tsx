'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/** A report cell: text, a number already formatted, or a link to a project. */
export type ReportCell = string | number | { href: string; text: string };

/** Rows drawn before 显示全部: a long list (a thousand 缺报 projects) opens on its first rows. */
const PREVIEW_ROWS = 20;

function Cell({ cell }: { cell: ReportCell }) {
  if (typeof cell === 'object')
    return (
      <Link
        href={cell.href}
        prefetch={false}
        className="text-brand-700 hover:underline print:text-slate-900 print:no-underline"
      >
        {cell.text}
      </Link>
    );
  return cell;
}

/**
 * One table of the 月度调度通报. The rows arrive as data; a long table shows its first rows with a
 * button for the rest, and every row when printed (the browser's beforeprint), so the printed
 * report is complete while the page stays light.
 */
export function ReportTable({
  caption,
  headers,
  rows,
  numeric = [],
  foot,
}: {
  caption: string;
  headers: string[];
  rows: ReportCell[][];
  numeric?: number[];
  foot?: ReportCell[];
}) {
  const [all, setAll] = useState(false);
  useEffect(() => {
    if (rows.length <= PREVIEW_ROWS) return;
    const expand = () => flushSync(() => setAll(true));
    window.addEventListener('beforeprint', expand);
    return () => window.removeEventListener('beforeprint', expand);
  }, [rows.length]);
  if (rows.length === 0)
    return (
      <p className="rounded border border-dashed border-slate-300 px-3 py-2 text-sm text-slate-600">
        本月无{caption}。
      </p>
    );
  const align = (i: number) => (numeric.includes(i) ? 'text-right tabular-nums' : 'text-left');
  const shown = all ? rows : rows.slice(0, PREVIEW_ROWS);
  return (
    <div className="overflow-x-auto">
      <table className="report-table w-full min-w-[36rem] border-collapse text-sm print:min-w-0">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="bg-slate-100">
            {headers.map((header, i) => (
              <th key={header} scope="col" className={`border border-slate-300 px-2 py-1 font-semibold ${align(i)}`}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((cells, r) => (
            <tr key={r}>
              {cells.map((cell, i) => (
                <td key={i} className={`border border-slate-300 px-2 py-1 align-top ${align(i)}`}>
                  <Cell cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {foot ? (
          <tfoot>
            <tr className="bg-slate-50 font-semibold">
              {foot.map((cell, i) => (
                <td key={i} className={`border border-slate-300 px-2 py-1 ${align(i)}`}>
                  <Cell cell={cell} />
                </td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
      {rows.length > PREVIEW_ROWS ? (
        <button
          type="button"
          aria-expanded={all}
          onClick={() => setAll(!all)}
          className="no-print mt-1 text-sm font-medium text-brand-700 hover:underline"
        >
          {all
            ? `收起，只看前 ${PREVIEW_ROWS} 行`
            : `显示全部 ${rows.length} 行（另有 ${rows.length - PREVIEW_ROWS} 行）`}
        </button>
      ) : null}
    </div>
  );
}
