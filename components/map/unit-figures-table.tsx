import Link from 'next/link';
import type { MapUnit } from '@/domain/map';
import { formatYi } from '@/lib/rules/money';
import { MAP_METRIC_LABELS, type MapMetric } from '@/lib/schemas/map';
import { formatMapValue } from './map-format';

// The map's figures as a table: the units without a polygon (zones, departments) beside the map, and
// the county-level ones below it, so every figure is readable without colour or a mouse.

const COLUMNS: MapMetric[] = ['count', 'investment', 'red', 'startRate'];

function figure(unit: MapUnit, metric: MapMetric): string {
  if (metric === 'count') return String(unit.count);
  if (metric === 'investment') return formatYi(unit.totalInvestment);
  if (metric === 'red') return String(unit.red);
  return formatMapValue('startRate', unit.startRate);
}

export function UnitFiguresTable({
  caption,
  units,
  metric,
  testId,
}: {
  caption: string;
  units: MapUnit[];
  metric: MapMetric;
  testId: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="mb-2 text-left font-medium text-slate-800">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="py-1.5 pr-2 font-medium">
              单位
            </th>
            {COLUMNS.map((column) => (
              <th
                key={column}
                scope="col"
                className={`py-1.5 pr-2 text-right font-medium whitespace-nowrap ${column === metric ? 'text-brand-800 underline decoration-2 underline-offset-4' : ''}`}
              >
                {MAP_METRIC_LABELS[column]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.unitId} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                <Link href={unit.href} className="text-brand-700 hover:underline">
                  {unit.name}
                </Link>
              </th>
              {COLUMNS.map((column) => (
                <td
                  key={column}
                  className={`py-1.5 pr-2 text-right tabular-nums ${column === metric ? 'font-semibold text-slate-900' : 'text-slate-700'} ${column === 'red' && unit.red > 0 ? 'text-red-700' : ''}`}
                >
                  {figure(unit, column)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
