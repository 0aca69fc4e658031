'use client';

import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export interface ReportChartPoint {
  month: string;
  thisMonth: number | null;
  yearToDate: number | null;
}

/** This year's completed investment, month by month and cumulative, against the year's plan. */
export function ReportChart({
  points,
  yearPlan,
  summary,
}: {
  points: ReportChartPoint[];
  yearPlan: number;
  summary: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) =>
          value == null ? '未填报' : `${Number(value).toLocaleString('zh-CN')} 万元`,
      },
      legend: { data: ['本月完成', '本年累计'], bottom: 0 },
      grid: { left: 60, right: 20, top: 30, bottom: 40 },
      xAxis: { type: 'category', data: points.map((p) => `${Number(p.month.slice(5))}月`) },
      yAxis: { type: 'value', name: '万元', max: (range: { max: number }) => Math.max(range.max, yearPlan) },
      series: [
        { name: '本月完成', type: 'bar', data: points.map((p) => p.thisMonth), itemStyle: { color: '#93c5fd' } },
        {
          name: '本年累计',
          type: 'line',
          data: points.map((p) => p.yearToDate),
          connectNulls: true,
          itemStyle: { color: '#1d4ed8' },
          markLine: yearPlan
            ? {
                symbol: 'none',
                lineStyle: { type: 'dashed', color: '#dc2626' },
                label: { formatter: `年度计划 ${yearPlan.toLocaleString('zh-CN')} 万元`, position: 'insideEndTop' },
                data: [{ yAxis: yearPlan }],
              }
            : undefined,
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, yearPlan]);
  return (
    <figure>
      <div ref={ref} className="h-64 w-full" role="img" aria-label={summary} />
      <figcaption className="mt-1 text-xs text-slate-600">{summary}</figcaption>
    </figure>
  );
}
