import type { Metadata } from 'next';
import Link from 'next/link';
import { Chart, type ChartSpec } from '@/components/dashboard/chart';
import { LightTrendCard } from '@/components/dashboard/light-trend-card';
import { ExportLink, exportHref } from '@/components/reports/export-link';
import { Rankings } from '@/components/dashboard/rankings';
import { BandsTable, FigureTiles } from '@/components/dashboard/figure-tiles';
import { ScopeSwitch } from '@/components/dashboard/scope-switch';
import { Card, PageHeader } from '@/components/ui/page';
import { listUnits } from '@/db/queries/reference';
import { loadDashboard } from '@/domain/dashboard';
import { ledgerLink } from '@/domain/stats';
import { requireUser } from '@/lib/auth/next';
import { today } from '@/lib/rules/dates';
import { CATEGORY_LABELS, STAGE_LABELS, STAGES } from '@/lib/rules/enums';
import { formatYi, wanToYi } from '@/lib/rules/money';
import { statsQuerySchema, STATS_SCOPE_LABELS } from '@/lib/schemas/stats';
import { cumulative, parsePeriod, periodRange, proratedPlan, rankUnits, unitRates } from '@/lib/rules/stats';

export const metadata: Metadata = { title: '统计' };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const params = await searchParams;
  const day = today();
  const year = Number(day.slice(0, 4));
  const first = (key: string) => (Array.isArray(params[key]) ? params[key][0] : params[key]);
  const rawPeriod = first('period');
  const period = parsePeriod(rawPeriod, year);
  const ranking = periodRange(period);
  // A bad scope or unit in a shared link falls back to the city-wide view rather than an error page.
  const scope = statsQuerySchema.shape.scope.catch('all').parse(first('scope'));
  const unitParsed = statsQuerySchema.shape.unitId.safeParse(first('unitId'));
  const unitId = unitParsed.success ? unitParsed.data : undefined;
  const d = loadDashboard({ year, scope, unitId, day, ranking });
  const stats = d.stats;
  const units = listUnits();
  const unitName = unitId ? units.find((u) => u.id === unitId)?.name : undefined;
  const link = (extra: Record<string, string | number>) => ledgerLink({ ...d.scopeFilters, ...extra });
  const ranked = rankUnits(d.units.map(unitRates));
  const stageRows = STAGES.map((s) => d.breakdowns.byStage.find((r) => r.key === s) ?? { key: s, count: 0, totalInvestment: 0 });
  const monthsSoFar = d.monthly.filter((m) => m.month <= day.slice(0, 7));
  const investmentTarget = stats.targets.investment;
  const monthlyPlan = investmentTarget !== null ? proratedPlan(investmentTarget, 1) : 0;

  const charts: Array<{ title: string; label: string; spec: ChartSpec; height?: number }> = [
    {
      title: '项目阶段漏斗（项目数）',
      label: `各阶段项目数：${stageRows.map((r) => `${STAGE_LABELS[r.key]} ${r.count} 个`).join('，')}`,
      spec: { kind: 'funnel', categories: stageRows.map((r) => STAGE_LABELS[r.key]), series: [{ name: '项目数', values: stageRows.map((r) => r.count) }], links: stageRows.map((r) => link({ stage: r.key })) },
    },
    {
      title: '各阶段总投资（亿元）',
      label: `各阶段总投资：${stageRows.map((r) => `${STAGE_LABELS[r.key]} ${formatYi(r.totalInvestment)}`).join('，')}`,
      spec: { kind: 'bar', categories: stageRows.map((r) => STAGE_LABELS[r.key]), series: [{ name: '总投资（亿元）', values: stageRows.map((r) => wanToYi(r.totalInvestment)) }], axisNames: ['亿元'], links: stageRows.map((r) => link({ stage: r.key })) },
    },
    {
      title: `${year}年逐月完成投资与计划（亿元）`,
      label: `逐月完成投资：${monthsSoFar.map((m) => `${m.month} ${formatYi(m.amount)}`).join('，')}`,
      spec: {
        kind: 'bar',
        categories: d.monthly.map((m) => `${Number(m.month.slice(5))}月`),
        series: [
          { name: '当月完成', values: d.monthly.map((m) => wanToYi(m.amount)) },
          { name: '累计完成', type: 'line', axis: 1, values: cumulative(monthsSoFar.map((m) => wanToYi(m.amount))) },
          ...(investmentTarget !== null ? [{ name: '累计计划', type: 'line' as const, axis: 1 as const, values: cumulative(d.monthly.map(() => wanToYi(monthlyPlan))) }] : []),
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
          { name: '总投资（亿元）', axis: 1, values: d.breakdowns.byCategory.map((r) => wanToYi(r.totalInvestment)) },
        ],
        axisNames: ['个', '亿元'],
        links: d.breakdowns.byCategory.map((r) => link({ category: r.key })),
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
          { name: '总投资（亿元）', axis: 1, values: d.breakdowns.byUnit.map((r) => wanToYi(r.totalInvestment)) },
        ],
        axisNames: ['个', '亿元'],
        links: d.breakdowns.byUnit.map((r) => link({ unitId: r.key })),
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
          { name: '总投资（亿元）', axis: 1, values: d.breakdowns.byIndustry.map((r) => wanToYi(r.totalInvestment)) },
        ],
        axisNames: ['个', '亿元'],
        // 未分类 has no ledger filter of its own, so its bar opens nothing rather than a ledger of another total.
        links: d.breakdowns.byIndustry.map((r) => (r.key ? link({ industryId: r.key }) : '')),
      },
    },
  ];

  const periodOptions = [String(year), ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`), String(year - 1)];
  const periodValue = period.quarter ? `${period.year}-Q${period.quarter}` : String(period.year);

  return (
    <>
      <PageHeader
        title="统计"
        description={`${year}年${unitName ?? '全市'}${STATS_SCOPE_LABELS[scope]}目标完成情况，数据截至 ${day}。点击任一数字可查看对应项目台账，台账合计与该数字一致。`}
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
      <ScopeSwitch scope={scope} unitId={unitId} period={rawPeriod ? periodValue : undefined} units={units.map((u) => ({ id: u.id, name: u.name }))} />
      {!stats.unitId && stats.targets.started === null && stats.targets.signed === null ? (
        <p className="mb-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">尚未录入 {year} 年度目标，完成率显示为“无数据”。请管理员在设置中录入。</p>
      ) : null}
      <FigureTiles stats={stats} />
      <Card className="mt-4" title="按投资规模">
        <BandsTable stats={stats} />
      </Card>

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
          <form method="get" action="/dashboard" className="no-print flex flex-wrap items-center gap-2 text-sm">
            {scope !== 'all' ? <input type="hidden" name="scope" value={scope} /> : null}
            {unitId ? <input type="hidden" name="unitId" value={unitId} /> : null}
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
