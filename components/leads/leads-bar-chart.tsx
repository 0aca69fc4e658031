'use client';

import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Lead count and intended investment (亿元) per category. The table beside it carries the same figures. */
export function LeadsBarChart({
  title,
  rows,
}: {
  title: string;
  rows: Array<{ label: string; count: number; investmentYi: number }>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: ['线索数', '意向投资（亿元）'], top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.label),
        axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
      },
      yAxis: [
        { type: 'value', name: '条', minInterval: 1 },
        { type: 'value', name: '亿元', splitLine: { show: false } },
      ],
      series: [
        { name: '线索数', type: 'bar', data: rows.map((r) => r.count), itemStyle: { color: '#1d4ed8' } },
        {
          name: '意向投资（亿元）',
          type: 'bar',
          yAxisIndex: 1,
          data: rows.map((r) => r.investmentYi),
          itemStyle: { color: '#f59e0b' },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rows]);
  return <div ref={ref} role="img" aria-label={`${title}柱状图，数据见下表`} className="no-print h-64 w-full" />;
}
