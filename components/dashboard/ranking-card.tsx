import { ExportLink, exportHref } from '@/components/reports/export-link';
import { Card } from '@/components/ui/page';
import type { StatsScope } from '@/lib/schemas/stats';
import { parsePeriod, periodRange, type GroupRanking, type PeriodRange, type RankingWeights } from '@/lib/rules/stats';
import { Rankings } from './rankings';

/** 考核排名 of the units by group for a period (this year, a quarter of it, or last year), chosen in a plain GET form. */
export function RankingCard({
  groups,
  weights,
  ranking,
  periodValue,
  year,
  scope,
  unitId,
}: {
  groups: GroupRanking[];
  weights: RankingWeights;
  ranking: PeriodRange;
  /** The chosen period as the form spells it: `2026` or `2026-Q3`. */
  periodValue: string;
  year: number;
  scope: StatsScope;
  unitId: number | undefined;
}) {
  const periodOptions = [String(year), ...[1, 2, 3, 4].map((quarter) => `${year}-Q${quarter}`), String(year - 1)];
  return (
    <Card
      className="mt-4"
      title={`考核排名 · ${ranking.label}`}
      actions={
        <form method="get" action="/dashboard" className="no-print flex flex-wrap items-center gap-2 text-sm">
          {scope !== 'all' ? <input type="hidden" name="scope" value={scope} /> : null}
          {unitId ? <input type="hidden" name="unitId" value={unitId} /> : null}
          <label htmlFor="period">考核期间</label>
          <select
            id="period"
            name="period"
            defaultValue={periodValue}
            className="rounded-md border border-slate-300 px-2 py-1"
          >
            {periodOptions.map((value) => (
              <option key={value} value={value}>
                {periodRange(parsePeriod(value, year)).label}
              </option>
            ))}
          </select>
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1 text-white hover:bg-brand-700">
            查看
          </button>
          <ExportLink size="sm" href={exportHref('/dashboard/rankings/export', {}, { period: periodValue })} />
        </form>
      }
    >
      <Rankings groups={groups} weights={weights} periodLabel={ranking.label} />
    </Card>
  );
}
