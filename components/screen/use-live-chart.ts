'use client';

import { useEffect, useRef, useState, type RefObject } from 'react';
import type { EChartsType } from 'echarts/core';

type Option = Parameters<EChartsType['setOption']>[0];

/**
 * An echarts chart for the 大屏 that is created once and then updated in place with setOption when its
 * option changes, so the self-refresh never blanks the chart (the dashboard's useEchart rebuilds it).
 * Follows the element's size, which changes when a panel is spotlighted.
 */
export function useLiveChart(ref: RefObject<HTMLDivElement | null>, option: Option | null): void {
  const chartRef = useRef<EChartsType | null>(null);
  const [ready, setReady] = useState(false);
  // A chart with nothing to draw has no element yet; it is created once there is an option.
  const drawable = option !== null;

  useEffect(() => {
    if (!drawable) return;
    let disposed = false;
    let cleanup = () => {};
    import('@/components/dashboard/echarts-setup').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
      chartRef.current = chart;
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(ref.current);
      cleanup = () => {
        observer.disconnect();
        chart.dispose();
        chartRef.current = null;
        setReady(false);
      };
      setReady(true);
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [ref, drawable]);

  useEffect(() => {
    if (ready && option && chartRef.current) chartRef.current.setOption(option);
  }, [ready, option]);
}
