'use client';

import { useRef } from 'react';
import { useRouter } from 'next/navigation';
import { useEchart } from './use-echart';

// One echarts chart, loaded on demand with only the parts it uses (echarts/core), drawn as SVG so
// it stays sharp when a dispatch meeting prints the dashboard. Clicking a bar opens the ledger
// filtered to the projects behind it.
//
// Colours: red, yellow and green mean traffic lights in this app, so the charts of stages and
// breakdowns never use them. Series are told apart by hue and, for print in black and white, by
// a hatched second bar and dashed lines; every figure is also in the chart's text label.

export interface ChartSeries {
  name: string;
  values: number[];
  type?: 'bar' | 'line';
  /** 0: the left axis, 1: the right axis. */
  axis?: 0 | 1;
}

export interface ChartSpec {
  /** funnel: one series whose values never increase (lib/rules/funnels.ts builds them). */
  kind: 'bar' | 'funnel';
  categories: string[];
  series: ChartSeries[];
  axisNames?: [string, string?];
  links?: string[];
  horizontal?: boolean;
  /** The funnel's unit after each figure, e.g. 个. */
  unit?: string;
}

/** Blue, violet, slate and teal-blue: no red, amber or green, which are the lights' colours. */
export const NEUTRAL_PALETTE = ['#1d4ed8', '#7c3aed', '#475569', '#0e7490'];
/** The funnel's steps, darkest first, all one hue so no step reads as a light. */
const FUNNEL_SHADES = ['#1e3a8a', '#1e40af', '#1d4ed8', '#2563eb', '#3b82f6', '#60a5fa'];

const TEXT = { color: '#0f172a', fontSize: 12 };
/** Figures on bars: whole numbers as they are, money to one decimal. */
const figure = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

function funnelOption(spec: ChartSpec) {
  const values = spec.series[0].values;
  return {
    color: FUNNEL_SHADES,
    textStyle: TEXT,
    tooltip: { trigger: 'item', formatter: `{b}：{c} ${spec.unit ?? ''}` },
    series: [
      {
        type: 'funnel',
        // The values already never increase; keep the stage order whatever echarts would sort.
        sort: 'none',
        min: 0,
        max: Math.max(1, values[0] ?? 0),
        minSize: 0,
        left: 8,
        top: 8,
        bottom: 8,
        width: '55%',
        gap: 2,
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        // Labels sit in one column to the right, one per step, in dark text: they never overlap the
        // narrow steps and they print on white.
        label: { position: 'right', color: TEXT.color, fontSize: 12, formatter: `{b}  {c} ${spec.unit ?? ''}` },
        labelLine: { show: true, length: 12, lineStyle: { color: '#94a3b8' } },
        emphasis: { label: { fontWeight: 'bold' } },
        data: spec.categories.map((name, i) => ({
          name,
          value: values[i],
          itemStyle: { color: FUNNEL_SHADES[Math.min(i, FUNNEL_SHADES.length - 1)] },
        })),
      },
    ],
  };
}

/** Many categories lie down: names read across, never rotated into one another. */
const isHorizontal = (spec: ChartSpec) => spec.horizontal ?? spec.categories.length > 8;

function barOption(spec: ChartSpec) {
  const horizontal = isHorizontal(spec);
  const categoryAxis = {
    type: 'category' as const,
    data: spec.categories,
    // A name that would touch its neighbour is dropped (the tooltip still names it), never drawn over it.
    axisLabel: { ...TEXT, interval: 0, hideOverlap: true },
  };
  const barSeries = spec.series.filter((s) => (s.type ?? 'bar') === 'bar').length;
  const valueAxes = (spec.axisNames ?? [''])
    .filter((name): name is string => name !== undefined)
    .map((name, index) => ({
      type: 'value' as const,
      // Lying down, the axes run along the bottom and the top.
      name: horizontal ? '' : name,
      ...(horizontal ? { position: index === 0 ? 'bottom' : 'top' } : {}),
      nameTextStyle: { ...TEXT, align: index === 0 ? 'left' : 'right' },
      // Lying down, each axis says its unit on its figures (个 below, 亿元 above).
      axisLabel: { ...TEXT, hideOverlap: true, ...(horizontal && name ? { formatter: `{value} ${name}` } : {}) },
      // The second axis follows the first one's ticks so one set of grid lines serves both.
      ...(index === 1 ? { alignTicks: true, splitLine: { show: false } } : {}),
    }));
  let barIndex = 0;
  return {
    color: NEUTRAL_PALETTE,
    textStyle: TEXT,
    tooltip: { trigger: 'axis' },
    // The legend sits under the plot, away from the axis names above it.
    legend: spec.series.length > 1 ? { bottom: 0, textStyle: TEXT } : { show: false },
    grid: { left: 8, right: 8, top: 28, bottom: spec.series.length > 1 ? 28 : 8, containLabel: true },
    xAxis: horizontal ? valueAxes : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxes,
    series: spec.series.map((s) => {
      const isBar = (s.type ?? 'bar') === 'bar';
      const hatched = isBar && barIndex++ > 0;
      return {
        name: s.name,
        type: s.type ?? 'bar',
        [horizontal ? 'xAxisIndex' : 'yAxisIndex']: s.axis ?? 0,
        data: s.values,
        ...(isBar
          ? {}
          : { symbol: 'circle', symbolSize: 5, lineStyle: { width: 2, type: s.axis === 1 ? 'dashed' : 'solid' } }),
        ...(hatched
          ? {
              itemStyle: {
                decal: {
                  symbol: 'rect',
                  dashArrayX: [1, 0],
                  dashArrayY: [3, 3],
                  rotation: -Math.PI / 4,
                  color: 'rgba(255,255,255,0.55)',
                },
              },
            }
          : {}),
        label: {
          show: isBar && spec.categories.length * barSeries <= 16,
          position: horizontal ? 'right' : 'top',
          fontSize: 11,
          color: '#334155',
          formatter: ({ value }: { value: number }) => figure(value),
        },
        // Two bars side by side put their figures close together: one that would overlap another is hidden.
        labelLayout: { hideOverlap: true },
      };
    }),
  };
}

export function Chart({ spec, label, height = 300 }: { spec: ChartSpec; label: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();

  useEchart(
    ref,
    (chart) => {
      chart.setOption(spec.kind === 'funnel' ? funnelOption(spec) : barOption(spec));
      if (spec.links) {
        chart.on('click', (params: { dataIndex?: number }) => {
          const href = params.dataIndex !== undefined ? spec.links?.[params.dataIndex] : undefined;
          if (href) router.push(href);
        });
      }
    },
    [spec, router],
  );

  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-chart={spec.kind}
      style={{ height: isHorizontal(spec) ? Math.max(height, spec.categories.length * 28 + 80) : height }}
      className="w-full print:break-inside-avoid"
    />
  );
}
