'use client';

import { useRef } from 'react';
import { useRouter } from 'next/navigation';
import { useEchart } from './use-echart';

// One echarts chart, loaded on demand with only the parts it uses (echarts/core), drawn as SVG so
// it stays sharp when a dispatch meeting prints the dashboard. Clicking a bar opens the ledger
// filtered to the projects behind it.

export interface ChartSeries {
  name: string;
  values: number[];
  type?: 'bar' | 'line';
  /** 0: the left axis, 1: the right axis. */
  axis?: 0 | 1;
}

export interface ChartSpec {
  kind: 'bar' | 'funnel';
  categories: string[];
  series: ChartSeries[];
  axisNames?: [string, string?];
  links?: string[];
  horizontal?: boolean;
}

const PALETTE = ['#1d4ed8', '#f59e0b', '#059669', '#dc2626', '#7c3aed', '#0891b2'];

export function Chart({ spec, label, height = 300 }: { spec: ChartSpec; label: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();

  useEchart(
    ref,
    (chart) => {
      const text = { color: '#0f172a', fontSize: 12 };
      if (spec.kind === 'funnel') {
        chart.setOption({
          color: PALETTE,
          tooltip: { trigger: 'item' },
          series: [
            {
              type: 'funnel',
              sort: 'none',
              left: '10%',
              width: '80%',
              label: { position: 'inside', color: '#fff', formatter: '{b}：{c}' },
              data: spec.categories.map((name, i) => ({ name, value: spec.series[0].values[i] })),
            },
          ],
        });
      } else {
        const categoryAxis = {
          type: 'category' as const,
          data: spec.categories,
          axisLabel: { ...text, interval: 0, rotate: spec.horizontal ? 0 : spec.categories.length > 8 ? 35 : 0 },
        };
        const valueAxes = (spec.axisNames ?? [''])
          .filter((n) => n !== undefined)
          .map((name) => ({ type: 'value' as const, name, nameTextStyle: text, axisLabel: text }));
        chart.setOption({
          color: PALETTE,
          textStyle: text,
          tooltip: { trigger: 'axis' },
          legend: { top: 0, textStyle: text },
          grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
          xAxis: spec.horizontal ? valueAxes[0] : categoryAxis,
          yAxis: spec.horizontal ? { ...categoryAxis, inverse: true } : valueAxes,
          series: spec.series.map((s) => ({
            name: s.name,
            type: s.type ?? 'bar',
            yAxisIndex: spec.horizontal ? undefined : (s.axis ?? 0),
            data: s.values,
            label: {
              show: spec.categories.length <= 12 && (s.type ?? 'bar') === 'bar',
              position: spec.horizontal ? 'right' : 'top',
              fontSize: 11,
              color: '#334155',
            },
          })),
        });
      }
      if (spec.links) {
        chart.on('click', (params: { dataIndex?: number }) => {
          const href = params.dataIndex !== undefined ? spec.links?.[params.dataIndex] : undefined;
          if (href) router.push(href);
        });
      }
    },
    [spec, router],
  );

  return <div ref={ref} role="img" aria-label={label} style={{ height }} className="w-full" />;
}
