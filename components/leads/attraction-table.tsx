import { HeadRow, TotalsFoot } from '@/components/ui/table';
import type { AttractionGroup } from '@/domain/attraction';
import type { AttractionFigures } from '@/lib/rules/attraction';
import { formatYi } from '@/lib/rules/money';
import { percentText } from '@/lib/rules/stats';

const COLUMNS = [
  '项目数',
  '签约金额',
  '承诺到位资金',
  '到位资金',
  '资金到位率',
  '应开工',
  '按期开工',
  '逾期未开工',
  '履约率',
] as const;

function Cells({ figures }: { figures: AttractionFigures }) {
  const cells = [
    String(figures.projects),
    formatYi(figures.signedAmount),
    formatYi(figures.promisedFunds),
    formatYi(figures.fundsInPlace),
    percentText(figures.fundsRate),
    String(figures.due),
    String(figures.startedOnTime),
    String(figures.overdue),
    percentText(figures.performanceRate),
  ];
  return (
    <>
      {cells.map((cell, index) => (
        <td
          key={COLUMNS[index]}
          className={`py-1 pl-3 text-right whitespace-nowrap tabular-nums ${
            index === 7 && figures.overdue > 0 ? 'font-medium text-red-700' : ''
          }`}
        >
          {cell}
        </td>
      ))}
    </>
  );
}

/** 履约 by one grouping (team, campaign or unit), with the year's total in the footer. */
export function AttractionTable({
  caption,
  firstHeader,
  rows,
  total,
}: {
  caption: string;
  firstHeader: string;
  rows: AttractionGroup[];
  total: AttractionFigures;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-left text-slate-600">
          <HeadRow
            cellClass="whitespace-nowrap py-1 pl-3 text-right"
            columns={[{ label: firstHeader, className: 'py-1 pr-3' }, ...COLUMNS]}
          />
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={String(row.key)}>
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                {row.label}
              </th>
              <Cells figures={row} />
            </tr>
          ))}
        </tbody>
        <TotalsFoot>
          <Cells figures={total} />
        </TotalsFoot>
      </table>
    </div>
  );
}
