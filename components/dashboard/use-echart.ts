'use client';

import { useEffect, type DependencyList, type RefObject } from 'react';
import type { EChartsType } from 'echarts/core';

/**
 * Draws an echarts chart into `ref`: loads the tree-shaken echarts (./echarts-setup) on demand,
 * renders SVG (sharp when a dispatch meeting prints the page), follows the element's size and
 * disposes of the chart when `deps` change or the component goes. `draw` sets the options.
 */
export function useEchart(
  ref: RefObject<HTMLDivElement | null>,
  draw: ((chart: EChartsType) => void) | null,
  deps: DependencyList,
): void {
  useEffect(() => {
    if (!draw) return;
    let disposed = false;
    let cleanup = () => {};
    import('./echarts-setup').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
      draw(chart);
      const resize = () => chart.resize();
      const observer = new ResizeObserver(resize);
      observer.observe(ref.current);
      // Printing lays the page out at the paper's width before any resize event reaches the chart.
      window.addEventListener('beforeprint', resize);
      window.addEventListener('afterprint', resize);
      cleanup = () => {
        observer.disconnect();
        window.removeEventListener('beforeprint', resize);
        window.removeEventListener('afterprint', resize);
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the drawing depends on
  }, deps);
}
