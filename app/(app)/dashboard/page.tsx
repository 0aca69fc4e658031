import type { Metadata } from 'next';
import Link from 'next/link';
import { DashboardCharts } from '@/components/dashboard/dashboard-charts';
import { BandsTable, FigureTiles } from '@/components/dashboard/figure-tiles';
import { LightTrendCard } from '@/components/dashboard/light-trend-card';
import { RankingCard } from '@/components/dashboard/ranking-card';
import { ScopeSwitch } from '@/components/dashboard/scope-switch';
import { StatsTabs } from '@/components/dashboard/stats-tabs';
import { Card, PageHeader } from '@/components/ui/page';
import { listUnits } from '@/db/queries/reference';
import { loadDashboard } from '@/domain/dashboard';
import { requireUser } from '@/lib/auth/next';
import { today } from '@/lib/rules/dates';
import { statsQuerySchema } from '@/lib/schemas/stats';
import { UnitLightMatrix } from '@/components/dashboard/unit-light-matrix';
import { groupRankings, unitLightMatrix } from '@/domain/rankings';
import { getSetting } from '@/domain/settings';
import { parsePeriod, periodRange } from '@/lib/rules/stats';

export const metadata: Metadata = { title: '统计' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireUser();
  const day = today();
  const year = Number(day.slice(0, 4));
  const { rawPeriod, period, scope, unitId } = dashboardParams(await searchParams, year);
  const ranking = periodRange(period);
  const periodValue = period.quarter ? `${period.year}-Q${period.quarter}` : String(period.year);
  const dashboard = loadDashboard({ year, scope, unitId, day, ranking });
  const { stats } = dashboard;
  const units = listUnits();
  const unitName = unitId ? units.find((unit) => unit.id === unitId)?.name : undefined;

  return (
    <>
      <PageHeader
        title="统计"
        description={`${year}年${unitName ?? '全市'}${scope === 'shuangshi' ? '“双十”项目' : '全部项目'}目标完成情况，数据截至 ${day}。点击任一数字可查看对应项目台账，台账合计与该数字一致。`}
        actions={<StatsTabs />}
      />
      <ScopeSwitch
        scope={scope}
        unitId={unitId}
        period={rawPeriod ? periodValue : undefined}
        units={units.map((unit) => ({ id: unit.id, name: unit.name }))}
      />
      <p data-testid="dashboard-scope" className="mb-3 text-sm text-slate-700">
        统计范围：
        <strong className="font-semibold text-slate-900">
          {scope === 'shuangshi' ? `${year}年“双十”工程包子项目` : '全部项目（项目库）'}
        </strong>
        {unitName ? `，${unitName}` : ''}，共{' '}
        <Link
          href={dashboard.scopeProjects.drill}
          className="font-medium text-brand-700 underline"
          aria-label={`统计范围内项目 ${dashboard.scopeProjects.count} 个，查看项目台账`}
        >
          {dashboard.scopeProjects.count} 个
        </Link>
        {scope === 'shuangshi'
          ? '。开工、完成投资对照“双十”年度目标；签约、落地、储备目标按全部项目考核。'
          : '。签约、落地、储备对照年度目标；开工、完成投资目标按“双十”项目考核。'}
        {scope === 'shuangshi' ? (
          <>
            {' '}
            <Link href={`/shuangshi?year=${year}`} className="font-medium text-brand-700 underline">
              查看{year}年“双十”工程包
            </Link>
          </>
        ) : null}
      </p>
      {!stats.unitId && stats.targets.started === null && stats.targets.signed === null ? (
        <p className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          尚未录入 {year} 年度目标，完成率显示为“无数据”。请管理员在设置中录入。
        </p>
      ) : null}
      <FigureTiles stats={stats} />
      <Card className="mt-4" title="按投资规模">
        <BandsTable stats={stats} />
      </Card>
      <DashboardCharts dashboard={dashboard} year={year} day={day} />
      <LightTrendCard />
      <UnitLightMatrix rows={unitLightMatrix()} />
      <RankingCard
        groups={groupRankings(ranking, day)}
        weights={getSetting('rankingWeights')}
        ranking={ranking}
        periodValue={periodValue}
        year={year}
        scope={scope}
        unitId={unitId}
      />
    </>
  );
}

/** The period, scope and unit of the URL; a bad scope or unit in a shared link falls back to the city-wide view rather than an error page. */
function dashboardParams(params: SearchParams, year: number) {
  const first = (key: string) => (Array.isArray(params[key]) ? params[key][0] : params[key]);
  const rawPeriod = first('period');
  const unitParsed = statsQuerySchema.shape.unitId.safeParse(first('unitId'));
  return {
    rawPeriod,
    period: parsePeriod(rawPeriod, year),
    scope: statsQuerySchema.shape.scope.catch('all').parse(first('scope')),
    unitId: unitParsed.success ? unitParsed.data : undefined,
  };
}
