import { Card } from '@/components/ui/page';
import type { Dashboard } from '@/domain/dashboard';
import { ledgerLink } from '@/domain/stats';
import { CATEGORY_LABELS, STAGE_LABELS, STAGES } from '@/lib/rules/enums';
import { formatYi, wanToYi } from '@/lib/rules/money';
import { projectStageFunnel } from '@/lib/rules/funnels';
import { cumulative, proratedPlan } from '@/lib/rules/stats';
import { Chart, type ChartSpec } from './chart';

// The dashboard's six charts of one scope; every bar opens the ledger of the projects behind it.

interface DashboardChart {
  title: string;
  /** The chart's figures as text, for screen readers. */
  label: string;
  spec: ChartSpec;
  height?: number;
}

type LedgerLinkOf = (extra: Record<string, string | number>) => string;

export function DashboardCharts({ dashboard, year, day }: { dashboard: Dashboard; year: number; day: string }) {
  const link: LedgerLinkOf = (extra) => ledgerLink({ ...dashboard.scopeFilters, ...extra });
  const charts = [
    ...stageCharts(dashboard, link),
    monthlyChart(dashboard, year, day),
    ...breakdownCharts(dashboard, link),
  ];
  return (
    <section aria-label="统计图表" className="mt-4 grid gap-4 lg:grid-cols-2">
      {charts.map((chart) => (
        // min-w-0: a grid cell may shrink below the chart drawn for a wider screen, so the chart can follow it.
        <Card key={chart.title} title={chart.title} className="min-w-0 break-inside-avoid">
          <Chart spec={chart.spec} label={chart.label} height={chart.height} />
        </Card>
      ))}
    </section>
  );
}

/**
 * The stage funnel and the total investment per stage, every stage shown even when empty. The funnel
 * counts the projects that reached each stage or a later one (lib/rules/funnels.ts), so it narrows by
 * construction, and each step opens the ledger of exactly those projects (minStage). The investment bar
 * is by current stage and opens that stage's ledger.
 */
function stageCharts({ breakdowns }: Dashboard, link: LedgerLinkOf): DashboardChart[] {
  const stageRows = STAGES.map(
    (stage) => breakdowns.byStage.find((row) => row.key === stage) ?? { key: stage, count: 0, totalInvestment: 0 },
  );
  const funnel = projectStageFunnel(stageRows);
  const categories = stageRows.map((row) => STAGE_LABELS[row.key]);
  return [
    {
      title: '项目阶段漏斗（到达该阶段及以后的项目数）',
      label: `到达各阶段及以后的项目数：${funnel.map((step) => `${STAGE_LABELS[step.stage]} ${step.count} 个`).join('，')}`,
      spec: {
        kind: 'funnel',
        categories: funnel.map((step) => STAGE_LABELS[step.stage]),
        series: [{ name: '项目数', values: funnel.map((step) => step.count) }],
        unit: '个',
        links: funnel.map((step) => link({ minStage: step.stage })),
      },
    },
    {
      title: '当前各阶段总投资（亿元）',
      label: `当前各阶段总投资：${stageRows.map((row) => `${STAGE_LABELS[row.key]} ${formatYi(row.totalInvestment)}`).join('，')}`,
      spec: {
        kind: 'bar',
        categories,
        series: [{ name: '总投资（亿元）', values: stageRows.map((row) => wanToYi(row.totalInvestment)) }],
        axisNames: ['亿元'],
        links: stageRows.map((row) => link({ stage: row.key })),
      },
    },
  ];
}

/** This year's completed investment month by month, with the running total and, given a target, the plan. */
function monthlyChart({ monthly, stats }: Dashboard, year: number, day: string): DashboardChart {
  const monthsSoFar = monthly.filter((row) => row.month <= day.slice(0, 7));
  const investmentTarget = stats.targets.investment;
  const monthlyPlan = investmentTarget !== null ? proratedPlan(investmentTarget, 1) : 0;
  return {
    title: `${year}年逐月完成投资与计划（亿元）`,
    label: `逐月完成投资：${monthsSoFar.map((row) => `${row.month} ${formatYi(row.amount)}`).join('，')}`,
    spec: {
      kind: 'bar',
      categories: monthly.map((row) => `${Number(row.month.slice(5))}月`),
      series: [
        { name: '当月完成', values: monthly.map((row) => wanToYi(row.amount)) },
        { name: '累计完成', type: 'line', axis: 1, values: cumulative(monthsSoFar.map((row) => wanToYi(row.amount))) },
        ...(investmentTarget !== null
          ? [
              {
                name: '累计计划',
                type: 'line' as const,
                axis: 1 as const,
                values: cumulative(monthly.map(() => wanToYi(monthlyPlan))),
              },
            ]
          : []),
      ],
      axisNames: ['当月（亿元）', '累计（亿元）'],
      // Months run left to right even though there are twelve of them.
      horizontal: false,
    },
  };
}

interface BreakdownRow {
  label: string;
  count: number;
  totalInvestment: number;
  /** The ledger the bar opens; empty opens nothing. */
  href: string;
}

/** Count and total investment side by side for one breakdown (category, unit or industry). */
function breakdownChart(title: string, labelPrefix: string, rows: BreakdownRow[], height?: number): DashboardChart {
  return {
    title,
    label: `${labelPrefix}：${rows.map((row) => `${row.label} ${row.count} 个`).join('，')}`,
    ...(height ? { height } : {}),
    spec: {
      kind: 'bar',
      categories: rows.map((row) => row.label),
      series: [
        { name: '项目数', values: rows.map((row) => row.count) },
        { name: '总投资（亿元）', axis: 1, values: rows.map((row) => wanToYi(row.totalInvestment)) },
      ],
      axisNames: ['个', '亿元'],
      links: rows.map((row) => row.href),
    },
  };
}

function breakdownCharts({ breakdowns }: Dashboard, link: LedgerLinkOf): DashboardChart[] {
  const { byCategory, byUnit, byIndustry } = breakdowns;
  return [
    breakdownChart(
      '按项目类别（项目数 / 总投资亿元）',
      '按类别',
      byCategory.map((row) => ({ ...row, label: CATEGORY_LABELS[row.key], href: link({ category: row.key }) })),
    ),
    breakdownChart(
      '按责任单位（项目数 / 总投资亿元）',
      '按单位',
      byUnit.map((row) => ({ ...row, href: link({ unitId: row.key }) })),
      360,
    ),
    breakdownChart(
      '按产业（项目数 / 总投资亿元）',
      '按产业',
      // 未分类 has no ledger filter of its own, so its bar opens nothing rather than a ledger of another total.
      byIndustry.map((row) => ({
        ...row,
        label: row.label ?? '未分类',
        href: row.key ? link({ industryId: row.key }) : '',
      })),
      360,
    ),
  ];
}
