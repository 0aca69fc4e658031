import Link from 'next/link';
import type { Stats } from '@/domain/stats';
import { formatYi } from '@/lib/rules/money';
import { percentText } from '@/lib/rules/stats';
import { INVESTMENT_BANDS } from '@/lib/schemas/ledger';
import { FigureLink, StatTile } from './stat-tile';

// The dashboard's figures (domain/stats.ts), each a link to the ledger of the projects behind it.

const BAND_LABELS: Record<string, string> = Object.fromEntries(INVESTMENT_BANDS.map((b) => [b.band, b.label]));

// The figures whose yearly targets are set for all projects (not only the 双十 ones).
const TILES_FOR_ALL_PROJECTS = [
  { key: 'signed', title: '招商引资项目签约', meaning: '当年进入已签约' },
  { key: 'landed', title: '招商引资项目落地', meaning: '落地：当年进入开工建设' },
  { key: 'reserve', title: '储备项目', meaning: '当前处于储备阶段' },
] as const;

export function FigureTiles({ stats }: { stats: Stats }) {
  const { actual, targets, rates, drill, completion, funds, higherLevel } = stats;
  const shuangshi = stats.scope === 'shuangshi';
  const cityTargetNote = stats.unitId ? '年度目标为全市目标，单位不设' : null;
  const noTarget = (forScope: string) => cityTargetNote ?? `年度目标按${forScope}考核`;
  return (
    <>
      <section aria-label="年度目标与完成情况" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <CountTargetTile
          testId="tile-started"
          title="开工项目"
          count={actual.started}
          target={targets.started}
          meaning="当年进入开工建设"
          noTarget={noTarget('双十项目')}
          href={drill.started}
          rate={{ label: '开工率', value: rates.startRate }}
        />
        <StatTile
          testId="tile-investment"
          title="完成投资"
          value={formatYi(actual.investmentCompleted)}
          href={drill.investmentCompleted}
          detail={
            targets.investment !== null
              ? `目标 ${formatYi(targets.investment)}（当年月度进度合计）`
              : `当年月度进度合计；${noTarget('双十项目')}`
          }
          rate={targets.investment !== null ? { label: '投资完成率', value: rates.investmentRate } : undefined}
        />
        <StatTile
          testId="tile-funds"
          title="资金到位率"
          value={percentText(rates.fundsRate)}
          href={drill.fundsRate}
          detail={
            <>
              开工建设及以后阶段{' '}
              <FigureLink href={drill.fundsRate} label={`开工建设及以后阶段项目 ${funds.projects} 个，查看项目台账`}>
                {funds.projects} 个
              </FigureLink>
              {funds.reporting
                ? `：资金到位 ${formatYi(funds.fundsInPlace)} ÷ 总投资 ${formatYi(funds.totalInvestment)}（${funds.reporting} 个填报）`
                : '，尚无项目填报资金到位'}
            </>
          }
        />
        <StatTile
          testId="tile-on-time"
          title="按期竣工"
          value={`${completion.onTime} 个`}
          href={drill.completedOnTime}
          detail={
            <>
              当年竣工{' '}
              <FigureLink href={drill.completed} label={`当年竣工 ${completion.completed} 个，查看项目台账`}>
                {completion.completed} 个
              </FigureLink>
              ，其中有计划完成日期{' '}
              <FigureLink
                href={drill.completedWithDue}
                label={`有计划完成日期的竣工项目 ${completion.withDue} 个，查看项目台账`}
              >
                {completion.withDue} 个
              </FigureLink>
            </>
          }
          rate={{ label: '按期竣工率', value: rates.onTimeCompletionRate }}
        />
        {TILES_FOR_ALL_PROJECTS.map(({ key, title, meaning }) => (
          <CountTargetTile
            key={key}
            testId={`tile-${key}`}
            title={title}
            count={actual[key]}
            target={targets[key]}
            meaning={meaning}
            noTarget={noTarget('全部项目')}
            href={drill[key]}
          />
        ))}
        <StatTile
          testId="tile-higher-level"
          title="上争资金申请"
          value={`${higherLevel.applications} 个`}
          href={drill.higherLevel}
          detail={`本年申报：申请 ${formatYi(higherLevel.applied)}，获批 ${formatYi(higherLevel.granted)}，到位 ${formatYi(higherLevel.received)}`}
        />
      </section>
      {shuangshi || stats.unitId ? null : (
        <p className="mt-2 text-xs text-slate-500">
          开工和完成投资的年度目标针对双十项目，
          <Link href="/dashboard?scope=shuangshi" className="text-brand-700 underline">
            切换到双十项目
          </Link>
          查看开工率和投资完成率。
        </p>
      )}
    </>
  );
}

/**
 * A count against its yearly target: 目标 N 个（what is counted） and the rate when the target is set,
 * else what is counted and why there is no target. The rate is count ÷ target unless given.
 */
function CountTargetTile({
  testId,
  title,
  count,
  target,
  meaning,
  noTarget,
  href,
  rate,
}: {
  testId: string;
  title: string;
  count: number;
  target: number | null;
  meaning: string;
  noTarget: string;
  href: string;
  rate?: { label: string; value: number | null };
}) {
  return (
    <StatTile
      testId={testId}
      title={title}
      value={`${count} 个`}
      href={href}
      detail={target !== null ? `目标 ${target} 个（${meaning}）` : `${meaning}；${noTarget}`}
      rate={target !== null ? (rate ?? { label: '完成率', value: target ? count / target : null }) : undefined}
    />
  );
}

export function BandsTable({ stats }: { stats: Stats }) {
  return (
    <table className="min-w-full text-sm">
      <caption className="sr-only">按总投资规模统计的项目数、当年开工和当年竣工</caption>
      <thead className="text-left text-slate-600">
        <tr>
          <th scope="col" className="py-1 pr-3">
            规模（总投资）
          </th>
          <th scope="col" className="py-1 pr-3 text-right">
            项目
          </th>
          <th scope="col" className="py-1 pr-3 text-right">
            当年开工
          </th>
          <th scope="col" className="py-1 text-right">
            当年竣工
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {stats.bands.map((row) => {
          const label = BAND_LABELS[row.band];
          return (
            <tr key={row.band} data-testid={`band-${row.band}`}>
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                {label}
              </th>
              <td className="py-1 pr-3 text-right tabular-nums">
                <FigureLink href={row.drill.projects} label={`${label}项目 ${row.projects} 个，查看项目台账`}>
                  {row.projects}
                </FigureLink>
              </td>
              <td className="py-1 pr-3 text-right tabular-nums">
                <FigureLink href={row.drill.started} label={`${label}当年开工 ${row.started} 个，查看项目台账`}>
                  {row.started}
                </FigureLink>
              </td>
              <td className="py-1 text-right tabular-nums">
                <FigureLink href={row.drill.completed} label={`${label}当年竣工 ${row.completed} 个，查看项目台账`}>
                  {row.completed}
                </FigureLink>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
