import Link from 'next/link';
import {
  RANK_METRIC_LABELS,
  RANKING_GROUP_LABELS,
  redBlackLists,
  weightsText,
  type GroupRanking,
  type RankedUnit,
  type RankingWeights,
} from '@/lib/rules/stats';

const pct = (value: number | null) => (value === null ? '无数据' : `${value}%`);

function ledger(unitId: number, extra = '') {
  return `/projects?unitId=${unitId}${extra}`;
}

function Podium({ title, tone, units }: { title: string; tone: 'red' | 'black'; units: RankedUnit[] }) {
  return (
    <div
      className={`rounded-lg border p-3 ${tone === 'red' ? 'border-red-200 bg-red-50' : 'border-slate-300 bg-slate-100'}`}
    >
      <h3 className={`font-semibold ${tone === 'red' ? 'text-red-800' : 'text-slate-900'}`}>{title}</h3>
      {units.length ? (
        <ol className="mt-1 space-y-1 text-sm">
          {units.map((unit) => (
            <li key={unit.unitId} className="flex justify-between gap-2">
              <Link href={ledger(unit.unitId)} className="hover:underline">
                第 {unit.position} 名 {unit.unitName}
              </Link>
              <span className="text-slate-600">综合 {unit.score}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-1 text-sm text-slate-600">单位不足，暂不排名</p>
      )}
    </div>
  );
}

const RANKING_COLUMNS = [
  '名次',
  '单位',
  RANK_METRIC_LABELS.startRate,
  RANK_METRIC_LABELS.investmentRate,
  RANK_METRIC_LABELS.onTimeRate,
  RANK_METRIC_LABELS.red,
  RANK_METRIC_LABELS.scheduleRate,
  '未销号问题',
  '逾期问题',
  '综合得分',
];

/** 考核排名 by group: each group (县（市）区, 开发区, 市直部门) ranked among itself, with its own 红榜 and 黑榜. */
export function Rankings({
  groups,
  weights,
  periodLabel,
}: {
  groups: GroupRanking[];
  weights: RankingWeights;
  periodLabel: string;
}) {
  return (
    <div className="space-y-6">
      {groups.map(({ group, ranked }) => (
        <section key={group} aria-labelledby={`ranking-${group}`} data-testid={`ranking-group-${group}`}>
          <h3 id={`ranking-${group}`} className="mb-2 text-base font-semibold">
            {RANKING_GROUP_LABELS[group]}
            <span className="ml-2 text-sm font-normal text-slate-500">{ranked.length} 个单位</span>
          </h3>
          {ranked.length ? (
            <GroupTable ranked={ranked} caption={`${periodLabel}${RANKING_GROUP_LABELS[group]}考核排名`} />
          ) : (
            <p className="text-sm text-slate-600">本组暂无有项目的单位。</p>
          )}
        </section>
      ))}
      <p className="text-xs text-slate-500">
        各单位只在本组内排名。综合得分为各项指标组内名次的加权平均（权重：{weightsText(weights)}
        ），越小越好；无数据的指标排在最后。
        序时进度为在建且本年有计划投资的正常推进项目中未落后序时进度的比例。问题按负责解决的单位统计。
      </p>
    </div>
  );
}

function GroupTable({ ranked, caption }: { ranked: RankedUnit[]; caption: string }) {
  const { top, bottom } = redBlackLists(ranked);
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <Podium title="红榜（前三名）" tone="red" units={top} />
        <Podium title="黑榜（后三名）" tone="black" units={bottom} />
      </div>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[52rem] text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              {RANKING_COLUMNS.map((column) => (
                <th key={column} scope="col" className="px-2 py-2">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {ranked.map((unit) => (
              <tr key={unit.unitId} data-testid="ranking-row">
                <td className="px-2 py-1.5 font-semibold">{unit.position}</td>
                <th scope="row" className="px-2 py-1.5 text-left font-medium">
                  <Link href={ledger(unit.unitId)} className="hover:underline">
                    {unit.unitName}
                  </Link>
                </th>
                <td className="px-2 py-1.5">
                  <Link href={ledger(unit.unitId, '&stage=construction')} className="hover:underline">
                    {pct(unit.startRate)}
                  </Link>
                  <span className="ml-1 text-xs text-slate-500">
                    {unit.started}/{unit.startBase}
                  </span>
                </td>
                <td className="px-2 py-1.5">
                  <Link href={ledger(unit.unitId, '&stage=construction')} className="hover:underline">
                    {pct(unit.investmentRate)}
                  </Link>
                </td>
                <td className="px-2 py-1.5">
                  <Link href={ledger(unit.unitId, '&stage=completed')} className="hover:underline">
                    {pct(unit.onTimeRate)}
                  </Link>
                </td>
                <td className="px-2 py-1.5">
                  <Link
                    href={ledger(unit.unitId, '&light=red')}
                    className={unit.red ? 'font-medium text-red-700 hover:underline' : 'hover:underline'}
                  >
                    {unit.red}
                  </Link>
                </td>
                <td className="px-2 py-1.5">
                  {pct(unit.scheduleRate)}
                  <span className="ml-1 text-xs text-slate-500">
                    {unit.scheduleOnTrack}/{unit.scheduleBase}
                  </span>
                </td>
                <td className="px-2 py-1.5">{unit.openProblems}</td>
                <td className={`px-2 py-1.5 ${unit.overdueProblems ? 'font-medium text-red-700' : ''}`}>
                  {unit.overdueProblems}
                </td>
                <td className="px-2 py-1.5 text-slate-600">{unit.score}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
