'use client';

import { useMemo, useRef } from 'react';
import type { ScreenData } from '@/domain/screen';
import { trendSummary } from '@/lib/rules/light-history';
import { useLiveChart } from './use-live-chart';

// The 大屏's two charts, dark and sized in rem (`rem` is the root font size in px, which follows the display).

// Neutral blues for the stages: red, yellow and green are reserved for the lights.
const STAGE_SHADES = ['#1e3a8a', '#1d4ed8', '#2563eb', '#3b82f6', '#60a5fa', '#93c5fd'];
const RED = '#f87171';
const YELLOW = '#fbbf24';

export function FunnelChart({ funnel, rem }: { funnel: ScreenData['funnel']; rem: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' as const, formatter: '{b}及以后：{c} 个' },
      series: [
        {
          type: 'funnel' as const,
          sort: 'none' as const,
          top: rem * 0.5,
          bottom: rem * 0.5,
          left: '4%',
          width: '62%',
          minSize: '8%',
          gap: 2,
          itemStyle: { borderWidth: 0 },
          label: { position: 'right' as const, color: '#e2e8f0', fontSize: rem, formatter: '{b}  {c}' },
          labelLine: { lineStyle: { color: '#475569' } },
          data: funnel.map((row, i) => ({
            name: row.label,
            value: row.reached,
            itemStyle: { color: STAGE_SHADES[i % STAGE_SHADES.length] },
          })),
        },
      ],
    }),
    [funnel, rem],
  );
  useLiveChart(ref, option);
  const label = `项目阶段漏斗，达到各阶段及以后的项目数：${funnel.map((row) => `${row.label} ${row.reached} 个`).join('，')}`;
  return <div ref={ref} role="img" aria-label={label} className="h-full w-full" data-testid="screen-funnel-chart" />;
}

export function TrendChart({ rows, rem }: { rows: ScreenData['trend']; rem: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const option = useMemo(() => {
    if (rows.length < 2) return null;
    const text = { color: '#cbd5e1', fontSize: rem * 0.85 };
    return {
      textStyle: text,
      tooltip: { trigger: 'axis' as const },
      legend: { top: 0, right: 0, textStyle: text },
      grid: { left: rem * 0.5, right: rem, top: rem * 2, bottom: rem * 0.25, containLabel: true },
      xAxis: {
        type: 'category' as const,
        boundaryGap: false,
        data: rows.map((row) => row.date.slice(5)),
        axisLabel: { ...text, hideOverlap: true },
        axisLine: { lineStyle: { color: '#475569' } },
      },
      yAxis: {
        type: 'value' as const,
        minInterval: 1,
        axisLabel: text,
        splitLine: { lineStyle: { color: '#1e293b' } },
      },
      series: [
        {
          name: '红灯',
          type: 'line' as const,
          data: rows.map((row) => row.red),
          color: RED,
          symbol: 'circle',
          symbolSize: rem * 0.35,
          lineStyle: { width: rem * 0.18 },
        },
        {
          name: '黄灯',
          type: 'line' as const,
          data: rows.map((row) => row.yellow),
          color: YELLOW,
          symbol: 'triangle',
          symbolSize: rem * 0.4,
          lineStyle: { width: rem * 0.14, type: 'dashed' as const },
        },
      ],
    };
  }, [rows, rem]);
  useLiveChart(ref, option);
  const summary = trendSummary(rows);
  if (rows.length < 2) {
    return (
      <p
        className="flex h-full items-center justify-center text-center text-slate-400"
        data-testid="screen-trend-empty"
      >
        暂无历史数据：每天首次访问时记录一次
        {rows[0] ? `（${rows[0].date} 红灯 ${rows[0].red} 个、黄灯 ${rows[0].yellow} 个）` : ''}
      </p>
    );
  }
  return (
    <div className="flex h-full min-h-0 flex-col">
      <p className="truncate text-sm text-slate-300" title={summary ?? undefined}>
        {summary}
      </p>
      <div
        ref={ref}
        role="img"
        aria-label={`红灯、黄灯项目数逐日趋势。${summary ?? ''}`}
        className="min-h-0 flex-1"
        data-testid="screen-trend-chart"
      />
    </div>
  );
}
