import Link from 'next/link';
import { STATS_SCOPE_LABELS, STATS_SCOPES, type StatsScope } from '@/lib/schemas/stats';

// The dashboard's scope (双十项目 / 全部项目) and unit, kept in the URL so a leader can share the view.

function dashboardHref(query: { scope: StatsScope; unitId?: number; period?: string }): string {
  const params = new URLSearchParams();
  if (query.scope !== 'all') params.set('scope', query.scope);
  if (query.unitId) params.set('unitId', String(query.unitId));
  if (query.period) params.set('period', query.period);
  const text = params.toString();
  return text ? `/dashboard?${text}` : '/dashboard';
}

export function ScopeSwitch({
  scope,
  unitId,
  period,
  units,
}: {
  scope: StatsScope;
  unitId?: number;
  period?: string;
  units: Array<{ id: number; name: string }>;
}) {
  return (
    <div className="no-print mb-3 flex flex-wrap items-center gap-3 text-sm">
      <nav aria-label="统计范围" className="flex gap-1 rounded-lg bg-slate-100 p-1">
        {STATS_SCOPES.map((value) =>
          value === scope ? (
            <span key={value} aria-current="page" className="rounded-md bg-white px-3 py-1 font-medium shadow-sm">
              {STATS_SCOPE_LABELS[value]}
            </span>
          ) : (
            <Link
              key={value}
              href={dashboardHref({ scope: value, unitId, period })}
              className="rounded-md px-3 py-1 text-slate-700 hover:bg-white"
            >
              {STATS_SCOPE_LABELS[value]}
            </Link>
          ),
        )}
      </nav>
      <form method="get" action="/dashboard" className="flex flex-wrap items-center gap-2">
        {scope !== 'all' ? <input type="hidden" name="scope" value={scope} /> : null}
        {period ? <input type="hidden" name="period" value={period} /> : null}
        <label htmlFor="stats-unit">责任单位</label>
        <select
          id="stats-unit"
          name="unitId"
          defaultValue={unitId ? String(unitId) : ''}
          className="rounded-md border border-slate-300 px-2 py-1"
        >
          <option value="">全市</option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="rounded-md border border-slate-300 bg-white px-3 py-1 text-slate-800 hover:bg-slate-50"
        >
          切换
        </button>
      </form>
    </div>
  );
}
