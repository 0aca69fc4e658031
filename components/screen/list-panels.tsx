import type { ScreenData } from '@/domain/screen';
import { formatWan, formatYi } from '@/lib/rules/money';

// The 大屏's text panels: targets, ranking and the red list. Plain markup, sized in rem.

const percent = (fraction: number | null) => (fraction === null ? '无数据' : `${(fraction * 100).toFixed(1)}%`);

function amount(value: number | null, unit: string) {
  if (value === null) return '—';
  return unit === '万元' ? formatYi(value) : `${value} ${unit}`;
}

export function TargetsStrip({ targets, year }: { targets: ScreenData['targets']; year: number }) {
  return (
    <ul className="grid h-full grid-cols-5 gap-3" aria-label={`${year}年目标完成情况`}>
      {targets.map((row) => {
        const width = row.rate === null ? 0 : Math.min(100, row.rate * 100);
        return (
          <li key={row.key} className="flex min-w-0 flex-col justify-center rounded-md bg-slate-800/70 px-4 py-2">
            <p className="truncate text-sm text-slate-300">{row.label}</p>
            <p className="flex items-baseline gap-2">
              <span className="text-3xl font-semibold text-cyan-300 tabular-nums">{percent(row.rate)}</span>
              <span className="truncate text-sm text-slate-400 tabular-nums">
                {amount(row.actual, row.unit)} / 目标 {amount(row.target, row.unit)}
              </span>
            </p>
            <div className="mt-1 h-1.5 rounded bg-slate-700" aria-hidden>
              <div className="h-full rounded bg-cyan-400" style={{ width: `${width}%` }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

export function RankingTable({ rankings }: { rankings: ScreenData['rankings'] }) {
  const [first, ...others] = rankings;
  if (!first || first.units.length === 0) return <p className="text-slate-400">暂无排名数据</p>;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <table className="w-full table-fixed text-sm tabular-nums">
        <caption className="pb-1 text-left text-slate-400">{first.label}（综合得分越低越靠前）</caption>
        <thead className="text-slate-400">
          <tr>
            <th scope="col" className="w-[12%] py-0.5 text-left font-normal">
              名次
            </th>
            <th scope="col" className="w-[30%] text-left font-normal">
              单位
            </th>
            <th scope="col" className="text-right font-normal">
              得分
            </th>
            <th scope="col" className="text-right font-normal">
              开工率
            </th>
            <th scope="col" className="text-right font-normal">
              投资完成率
            </th>
            <th scope="col" className="text-right font-normal">
              红灯
            </th>
          </tr>
        </thead>
        <tbody>
          {first.units.map((unit) => (
            <tr key={unit.unitId} className="border-t border-slate-800">
              <td className="py-[0.2rem] text-cyan-300">{unit.position}</td>
              <th scope="row" className="truncate text-left font-normal text-slate-100">
                {unit.unitName}
              </th>
              <td className="text-right">{unit.score.toFixed(2)}</td>
              <td className="text-right">{unit.startRate === null ? '无数据' : `${unit.startRate}%`}</td>
              <td className="text-right">{unit.investmentRate === null ? '无数据' : `${unit.investmentRate}%`}</td>
              <td className={`text-right ${unit.red ? 'text-red-400' : ''}`}>{unit.red}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-auto truncate pt-1 text-sm text-slate-400">
        {others
          .filter((group) => group.units.length > 0)
          .map((group) => `${group.label}第一：${group.units[0].unitName}`)
          .join('；')}
      </p>
    </div>
  );
}

export function RedList({ redList }: { redList: ScreenData['redList'] }) {
  if (redList.count === 0)
    return <p className="flex h-full items-center justify-center text-slate-300">当前没有红灯项目</p>;
  return (
    <div className="flex h-full min-h-0 flex-col">
      <p className="pb-1 text-sm text-slate-400">
        共 <strong className="text-lg text-red-400 tabular-nums">{redList.count}</strong> 个，按总投资列前{' '}
        {redList.projects.length} 个
      </p>
      <ol className="min-h-0 flex-1 space-y-1 overflow-hidden">
        {redList.projects.map((project) => (
          <li key={project.id} className="rounded bg-slate-800/60 px-2 py-1">
            <p className="flex items-baseline gap-2">
              <span className="shrink-0 rounded bg-red-600 px-1 text-xs text-white">红灯</span>
              <span className="truncate text-slate-100">{project.name}</span>
              <span className="ml-auto shrink-0 text-sm text-slate-400 tabular-nums">
                {formatWan(project.totalInvestment)}
              </span>
            </p>
            <p className="truncate text-xs text-slate-400">
              {project.unitName} · {project.stage}
              {project.reasons.length ? ` · ${project.reasons.join('；')}` : ''}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
