import type { Metadata } from 'next';
import Link from 'next/link';
import { Chart, type ChartSpec } from '@/components/dashboard/chart';
import { LightTrendCard } from '@/components/dashboard/light-trend-card';
import { ExportLink, exportHref } from '@/components/reports/export-link';
import { Rankings } from '@/components/dashboard/rankings';
import { StatTile } from '@/components/dashboard/stat-tile';
import { Card, PageHeader } from '@/components/ui/page';
import { loadDashboard } from '@/db/queries/dashboard';
import { ensureLightsFresh } from '@/domain/light';
import { requireUser } from '@/lib/auth/next';
import { today } from '@/lib/rules/dates';
import { CATEGORY_LABELS, STAGE_LABELS, STAGES } from '@/lib/rules/enums';
import { formatYi, rate } from '@/lib/rules/money';
import { cumulative, parsePeriod, periodRange, proratedPlan, rankUnits, unitRates } from '@/lib/rules/stats';

export const metadata: Metadata = { title: '统计' };

const yi = (wan: number) => Math.round(wan / 100) / 100;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const params = await searchParams;
  const day = today();
  const year = Number(day.slice(0, 4));
  const rawPeriod = Array.isArray(params.period) ? params.period[0] : params.period;
  const period = parsePeriod(rawPeriod, year);
  const ranking = periodRange(period);
  ensureLightsFresh();
  const d = loadDashboard({ year, day, ranking });
  const t = d.targets;
  const completedThisYear = d.monthly.reduce((sum, m) => sum + m.amount, 0);
  const ranked = rankUnits(d.units.map(unitRates));
  const stageRows = STAGES.map((s) => d.breakdowns.byStage.find((r) => r.key === s) ?? { key: s, count: 0, totalInvestment: 0 });
  const monthsSoFar = d.monthly.filter((m) => m.month <= day.slice(0, 7));
  const monthlyPlan = t ? proratedPlan(t.investmentTarget, 1) : 0;

  const charts: Array<{ title: string; label: string; spec: ChartSpec; height?: number }> = [
    {
      title: '项目阶段漏斗（项目数）',
      label: `各阶段项目数：${stageRows.map((r) => `${STAGE_LABELS[r.key]} ${r.count} 个`).join('，')}`,
      spec: { kind: 'funnel', categories: stageRows.map((r) => STAGE_LABELS[r.key]), series: [{ name: '项目数', values: stageRows.map((r) => r.count) }], links: stageRows.map((r) => `/projects?stage=${r.key}`) },
    },
    {
      title: '各阶段总投资（亿元）',
      label: `各阶段总投资：${stageRows.map((r) => `${STAGE_LABELS[r.key]} ${formatYi(r.totalInvestment)}`).join('，')}`,
      spec: { kind: 'bar', categories: stageRows.map((r) => STAGE_LABELS[r.key]), series: [{ name: '总投资（亿元）', values: stageRows.map((r) => yi(r.totalInvestment)) }], axisNames: ['亿元'], links: stageRows.map((r) => `/projects?stage=${r.key}`) },
    },
    {
      title: `${year}年逐月完成投资与计划（亿元）`,
      label: `逐月完成投资：${monthsSoFar.map((m) => `${m.month} ${formatYi(m.amount)}`).join('，')}`,
      spec: {
        kind: 'bar',
        categories: d.monthly.map((m) => `${Number(m.month.slice(5))}月`),
        series: [
          { name: '当月完成', values: d.monthly.map((m) => yi(m.amount)) },
          { name: '累计完成', type: 'line', axis: 1, values: cumulative(monthsSoFar.map((m) => yi(m.amount))) },
          ...(t ? [{ name: '累计计划', type: 'line' as const, axis: 1 as const, values: cumulative(d.monthly.map(() => yi(monthlyPlan))) }] : []),
        ],
        axisNames: ['当月（亿元）', '累计（亿元）'],
      },
    },
    {
      title: '按项目类别（项目数 / 总投资亿元）',
      label: `按类别：${d.breakdowns.byCategory.map((r) => `${CATEGORY_LABELS[r.key]} ${r.count} 个`).join('，')}`,
      spec: {
        kind: 'bar',
        categories: d.breakdowns.byCategory.map((r) => CATEGORY_LABELS[r.key]),
        series: [
          { name: '项目数', values: d.breakdowns.byCategory.map((r) => r.count) },
          { name: '总投资（亿元）', axis: 1, values: d.breakdowns.byCategory.map((r) => yi(r.totalInvestment)) },
        ],
        axisNames: ['个', '亿元'],
        links: d.breakdowns.byCategory.map((r) => `/projects?category=${r.key}`),
      },
    },
    {
      title: '按责任单位（项目数 / 总投资亿元）',
      label: `按单位：${d.breakdowns.byUnit.map((r) => `${r.label} ${r.count} 个`).join('，')}`,
      height: 360,
      spec: {
        kind: 'bar',
        categories: d.breakdowns.byUnit.map((r) => r.label),
        series: [
          { name: '项目数', values: d.breakdowns.byUnit.map((r) => r.count) },
          { name: '总投资（亿元）', axis: 1, values: d.breakdowns.byUnit.map((r) => yi(r.totalInvestment)) },
        ],
        axisNames: ['个', '亿元'],
        links: d.breakdowns.byUnit.map((r) => `/projects?unitId=${r.key}`),
      },
    },
    {
      title: '按产业（项目数 / 总投资亿元）',
      label: `按产业：${d.breakdowns.byIndustry.map((r) => `${r.label ?? '未分类'} ${r.count} 个`).join('，')}`,
      height: 360,
      spec: {
        kind: 'bar',
        categories: d.breakdowns.byIndustry.map((r) => r.label ?? '未分类'),
        series: [
          { name: '项目数', values: d.breakdowns.byIndustry.map((r) => r.count) },
          { name: '总投资（亿元）', axis: 1, values: d.breakdowns.byIndustry.map((r) => yi(r.totalInvestment)) },
        ],
        axisNames: ['个', '亿元'],
        links: d.breakdowns.byIndustry.map((r) => (r.key ? `/projects?industryId=${r.key}` : '/projects')),
      },
    },
  ];

  const periodOptions = [String(year), ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`), String(year - 1)];
  const periodValue = period.quarter ? `${period.year}-Q${period.quarter}` : String(period.year);

  return (
    <>
      <PageHeader
        title="统计"
        description={`${year}年目标完成情况，数据截至 ${day}。点击任一数字可查看对应项目台账。`}
        actions={
          <nav aria-label="统计分类" className="flex gap-1 rounded-lg bg-slate-100 p-1 text-sm">
            <span aria-current="page" className="rounded-md bg-white px-3 py-1 font-medium shadow-sm">
              项目统计
            </span>
            <Link href="/dashboard/leads" className="rounded-md px-3 py-1 text-slate-700 hover:bg-white">
              招商统计
            </Link>
          </nav>
        }
      />
      {!t ? <p className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">尚未录入 {year} 年度目标，完成率显示为“无数据”。请管理员在设置中录入。</p> : null}
      <section aria-label="年度目标" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
        <StatTile testId="tile-started" title="开工项目" value={`${d.started} 个`} detail={t ? `目标 ${t.startedTarget} 个` : undefined} rate={{ label: '开工率', value: t ? rate(d.started, t.startedTarget) : null }} href="/projects?stage=construction" />
        <StatTile
          title="完成投资"
          value={formatYi(completedThisYear)}
          detail={t ? `目标 ${formatYi(t.investmentTarget)}` : undefined}
          rate={{ label: '投资完成率', value: t ? rate(completedThisYear, t.investmentTarget) : null }}
          href="/projects?stage=construction"
        />
        <StatTile
          title="资金到位"
          value={d.funds.projects ? formatYi(d.funds.fundsInPlace) : '无数据'}
          detail={d.funds.projects ? `${d.funds.projects} 个项目填报，累计完成 ${formatYi(d.funds.completedInvestment)}` : '尚无项目填报资金到位'}
          rate={{ label: '资金到位率', value: rate(d.funds.fundsInPlace, d.funds.completedInvestment) }}
          href="/projects?stage=construction"
        />
        <StatTile
          title="按期竣工"
          value={`${d.timeliness.onTime} / ${d.timeliness.withDue} 个`}
          detail={`本年竣工 ${d.timeliness.moves} 个${d.timeliness.moves > d.timeliness.withDue ? `，其中 ${d.timeliness.moves - d.timeliness.withDue} 个无计划完成时间` : ''}`}
          rate={{ label: '按期竣工率', value: rate(d.timeliness.onTime, d.timeliness.withDue) }}
          href="/projects?stage=completed"
        />
        <StatTile title="招商引资项目签约" value={`${d.signed} 个`} detail={t ? `目标 ${t.signedTarget} 个` : undefined} rate={{ label: '完成率', value: t ? rate(d.signed, t.signedTarget) : null }} href="/projects?category=attraction&stage=signed" />
        <StatTile title="招商引资项目落地" value={`${d.landed} 个`} detail={t ? `目标 ${t.landedTarget} 个（落地：当年开工）` : '落地：当年开工'} rate={{ label: '完成率', value: t ? rate(d.landed, t.landedTarget) : null }} href="/projects?category=attraction&stage=construction" />
      </section>

      <section aria-label="统计图表" className="mt-4 grid gap-4 lg:grid-cols-2">
        {charts.map((chart) => (
          <Card key={chart.title} title={chart.title} className="break-inside-avoid">
            <Chart spec={chart.spec} label={chart.label} height={chart.height} />
          </Card>
        ))}
      </section>

      <LightTrendCard />

      <Card
        className="mt-4"
        title={`考核排名 · ${ranking.label}`}
        actions={
          <form method="get" action="/dashboard" className="no-print flex items-center gap-2 text-sm">
            <label htmlFor="period">考核期间</label>
            <select id="period" name="period" defaultValue={periodValue} className="rounded-md border border-slate-300 px-2 py-1">
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
        <Rankings ranked={ranked} periodLabel={ranking.label} />
      </Card>
    </>
  );
}
