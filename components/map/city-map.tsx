'use client';

import { useEffect, useRef, useState } from 'react';
import type { EChartsType } from 'echarts/core';
import { MAP_NAME } from '@/lib/geo/shapes';
import { LIGHT_LABELS, type Light } from '@/lib/rules/enums';
import { formatWan } from '@/lib/rules/money';

// 项目一张图: the 9 county-level units of 吉林市 coloured by one metric, and the projects as points
// coloured by light and sized by investment. Shared by /map and the 大屏 (/screen). The shapes are the
// vendored GeoJSON (public/geo); nothing is fetched from outside the app.

export interface MapUnitValue {
  /** 行政区划代码 (units.code), the feature id of the shape. */
  code: string;
  name: string;
  value: number;
  /** Where clicking the unit goes (the ledger filtered to it). */
  href?: string;
}

export interface MapPoint {
  projectId: number;
  name: string;
  longitude: number;
  latitude: number;
  light: Light;
  totalInvestment: number;
}

interface Props {
  units: MapUnitValue[];
  points: MapPoint[];
  /** The metric's name and how a value reads ("12 个", "3.5 亿元"). */
  metricLabel: string;
  formatValue: (value: number) => string;
  onNavigate?: (href: string) => void;
  theme?: 'light' | 'dark';
  height?: number | string;
  /** Accessible name of the map. */
  label: string;
}

/** A region the geo component drew, and where its label sits in CSS pixels of the map's box. */
interface DrawnRegion {
  name: string;
  x: number;
  y: number;
}

interface GeoModelView {
  getModel(): {
    getComponent(
      type: 'geo',
      index: number,
    ): { coordinateSystem?: { regions: Array<{ name: string; getCenter(): number[] }> } } | undefined;
  };
}

/**
 * The regions echarts actually laid out (not the features we asked for) with their label points, so
 * data-regions and data-region-points report what is on the canvas. echarts types keep getModel internal.
 */
function drawnRegions(chart: EChartsType): DrawnRegion[] {
  const geo = (chart as unknown as GeoModelView).getModel().getComponent('geo', 0)?.coordinateSystem;
  if (!geo) return [];
  return geo.regions.map((region) => {
    const [x, y] = chart.convertToPixel({ geoIndex: 0 }, region.getCenter()) as number[];
    return { name: region.name, x: Math.round(x ?? 0), y: Math.round(y ?? 0) };
  });
}

const LIGHT_COLOURS: Record<Light, string> = { red: '#dc2626', yellow: '#f59e0b', green: '#059669', grey: '#94a3b8' };

/** Point size by investment: √ scale between 6 and 22 px. */
export function pointSize(totalInvestment: number, max: number): number {
  if (max <= 0) return 8;
  return Math.round(6 + 16 * Math.sqrt(Math.max(0, totalInvestment) / max));
}

export function CityMap({
  units,
  points,
  metricLabel,
  formatValue,
  onNavigate,
  theme = 'light',
  height = 520,
  label,
}: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [regions, setRegions] = useState<DrawnRegion[]>([]);

  // One chart per mount; the data effect below updates it in place (no flash on refresh).
  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    import('./echarts-map-setup')
      .then(({ loadCityMap }) => loadCityMap())
      .then((echarts) => {
        if (disposed || !ref.current) return;
        const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
        chartRef.current = chart;
        const observer = new ResizeObserver(() => chart.resize());
        // After each render (setOption is lazy, resize moves the labels): report what was drawn.
        chart.on('finished', () => {
          const drawn = drawnRegions(chart);
          setRegions((current) => (JSON.stringify(current) === JSON.stringify(drawn) ? current : drawn));
        });
        observer.observe(ref.current);
        cleanup = () => {
          observer.disconnect();
          chart.dispose();
          chartRef.current = null;
        };
        setReady(true);
      })
      .catch((error: Error) => setFailed(error.message));
    return () => {
      disposed = true;
      cleanup();
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!ready || !chart) return;
    const dark = theme === 'dark';
    const text = dark ? '#e2e8f0' : '#0f172a';
    const max = Math.max(0, ...units.map((unit) => unit.value));
    const maxInvestment = Math.max(0, ...points.map((point) => point.totalInvestment));
    const byName = new Map(units.map((unit) => [unit.name, unit]));
    chart.setOption(
      {
        tooltip: {
          trigger: 'item',
          formatter: (params: { seriesType: string; name: string; value: unknown; data?: { light?: Light } }) => {
            if (params.seriesType === 'scatter') {
              const value = params.value as [number, number, number];
              return `${params.name}<br/>${LIGHT_LABELS[params.data?.light ?? 'grey']} · 总投资 ${formatWan(value[2])}`;
            }
            const unit = byName.get(params.name);
            return `${params.name}<br/>${metricLabel}：${unit ? formatValue(unit.value) : '无项目'}`;
          },
        },
        visualMap: {
          min: 0,
          max: max || 1,
          seriesIndex: 0,
          left: 8,
          bottom: 8,
          text: ['高', '低'],
          calculable: false,
          textStyle: { color: text },
          inRange: { color: dark ? ['#1e3a5f', '#3b82f6', '#bfdbfe'] : ['#eff6ff', '#93c5fd', '#1d4ed8'] },
        },
        geo: {
          map: MAP_NAME,
          roam: false,
          layoutCenter: ['50%', '50%'],
          layoutSize: '95%',
          label: { show: true, color: text, fontSize: 12 },
          itemStyle: { borderColor: dark ? '#0f172a' : '#ffffff', borderWidth: 1 },
          emphasis: { label: { color: text }, itemStyle: { areaColor: dark ? '#475569' : '#fde68a' } },
        },
        series: [
          {
            type: 'map',
            geoIndex: 0,
            name: metricLabel,
            data: units.map((unit) => ({ name: unit.name, value: unit.value })),
          },
          {
            type: 'scatter',
            coordinateSystem: 'geo',
            name: '项目',
            data: points.map((point) => ({
              name: point.name,
              value: [point.longitude, point.latitude, point.totalInvestment],
              projectId: point.projectId,
              light: point.light,
              symbolSize: pointSize(point.totalInvestment, maxInvestment),
              itemStyle: { color: LIGHT_COLOURS[point.light], borderColor: '#fff', borderWidth: 1, opacity: 0.9 },
            })),
          },
        ],
      },
      { notMerge: false, lazyUpdate: true },
    );
    chart.off('click');
    chart.on('click', (params: { seriesType?: string; name?: string; componentType?: string; data?: unknown }) => {
      if (!onNavigate) return;
      if (params.seriesType === 'scatter') {
        const data = params.data as { projectId?: number } | undefined;
        if (data?.projectId) onNavigate(`/projects/${data.projectId}`);
        return;
      }
      const unit = params.name ? byName.get(params.name) : undefined;
      if (unit?.href) onNavigate(unit.href);
    });
  }, [ready, units, points, metricLabel, formatValue, onNavigate, theme]);

  if (failed)
    return (
      <p role="alert" className="rounded-md bg-red-50 p-4 text-sm text-red-800">
        {failed}
      </p>
    );
  return (
    <div
      ref={ref}
      role="img"
      aria-label={label}
      data-testid="city-map"
      data-ready={ready && regions.length > 0 ? 'true' : 'false'}
      data-regions={regions.length}
      data-region-points={JSON.stringify(Object.fromEntries(regions.map((r) => [r.name, [r.x, r.y]])))}
      style={{ height }}
      className="w-full"
    />
  );
}
