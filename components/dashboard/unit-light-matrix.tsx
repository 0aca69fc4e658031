import Link from 'next/link';
import { Card } from '@/components/ui/page';
import type { UnitLightRow } from '@/domain/rankings';
import { LIGHT_LABELS, LIGHTS, type Light } from '@/lib/rules/enums';
import { RANKING_GROUP_LABELS, RANKING_GROUPS, rankingGroupOf } from '@/lib/rules/stats';

const cellTone: Record<Light, string> = {
  red: 'bg-red-50 text-red-800',
  yellow: 'bg-amber-50 text-amber-900',
  green: 'bg-emerald-50 text-emerald-800',
  grey: 'bg-slate-50 text-slate-600',
};
const dotTone: Record<Light, string> = {
  red: 'bg-red-600',
  yellow: 'bg-amber-500',
  green: 'bg-emerald-600',
  grey: 'bg-slate-400',
};

/**
 * 单位 × 红黄绿灯: each unit's projects by today's light, grouped as the 考核 groups are. The column
 * headers name the light (colour is never the only cue) and every count opens the ledger of that
 * unit and light, whose total equals it.
 */
export function UnitLightMatrix({ rows }: { rows: UnitLightRow[] }) {
  return (
    <Card className="mt-4" title="各单位红黄绿灯">
      <div className="overflow-x-auto">
        <table className="w-full min-w-[20rem] text-sm" data-testid="unit-light-matrix">
          <caption className="sr-only">各单位项目按红黄绿灯计数</caption>
          <thead className="bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              <th scope="col" className="px-2 py-2">
                单位
              </th>
              {LIGHTS.map((light) => (
                <th key={light} scope="col" className="px-2 py-2 text-right">
                  <span className="inline-flex items-center gap-1">
                    <span className={`h-2 w-2 rounded-full ${dotTone[light]}`} aria-hidden="true" />
                    {LIGHT_LABELS[light]}
                  </span>
                </th>
              ))}
              <th scope="col" className="px-2 py-2 text-right">
                合计
              </th>
            </tr>
          </thead>
          {RANKING_GROUPS.map((group) => {
            const members = rows.filter((row) => rankingGroupOf(row.kind) === group);
            if (!members.length) return null;
            return (
              <tbody key={group} className="divide-y divide-slate-100">
                <tr className="bg-slate-100/60">
                  <th
                    scope="colgroup"
                    colSpan={LIGHTS.length + 2}
                    className="px-2 py-1 text-left text-xs font-semibold"
                  >
                    {RANKING_GROUP_LABELS[group]}
                  </th>
                </tr>
                {members.map((row) => (
                  <tr key={row.unitId} data-testid="light-matrix-row">
                    <th scope="row" className="px-2 py-1.5 text-left font-medium">
                      {row.unitName}
                    </th>
                    {LIGHTS.map((light) => (
                      <td key={light} className={`px-2 py-1.5 text-right tabular-nums ${cellTone[light]}`}>
                        <Link
                          href={`/projects?unitId=${row.unitId}&light=${light}`}
                          aria-label={`${row.unitName}${LIGHT_LABELS[light]} ${row.counts[light]} 个项目`}
                          className="hover:underline"
                          data-light={light}
                        >
                          {row.counts[light]}
                        </Link>
                      </td>
                    ))}
                    <td className="px-2 py-1.5 text-right tabular-nums">
                      <Link href={`/projects?unitId=${row.unitId}`} className="hover:underline">
                        {row.total}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      </div>
      <p className="mt-2 text-xs text-slate-500">
        按各项目当前灯色统计；点击数字查看该单位该灯色的项目台账，台账合计与数字一致。
      </p>
    </Card>
  );
}
