'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { CityMap } from '@/components/map/city-map';
import type { MapData } from '@/domain/map';
import { formatYi } from '@/lib/rules/money';
import { MAP_METRIC_LABELS, MAP_METRICS, type MapMetric } from '@/lib/schemas/map';

// The 大屏's 项目一张图: the shared CityMap in its dark theme over getMapData's figures. Every unit
// carries all four figures, so the metric (key M) switches here without asking the server again.
// The display is not clicked: no navigation from the map.

type MapUnit = MapData['units'][number];

function valueOf(unit: MapUnit, metric: MapMetric): number | null {
  if (metric === 'count') return unit.count;
  if (metric === 'investment') return unit.totalInvestment;
  if (metric === 'red') return unit.red;
  return unit.startRate;
}

function formatterOf(metric: MapMetric) {
  return (value: number | null) => {
    if (value === null) return '无项目';
    if (metric === 'investment') return formatYi(value);
    if (metric === 'startRate') return `${(value * 100).toFixed(1)}%`;
    return `${value} 个`;
  };
}

export function ScreenMap({ data }: { data: MapData }) {
  const [metric, setMetric] = useState<MapMetric>('count');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || (event.key !== 'm' && event.key !== 'M')) return;
      event.preventDefault();
      setMetric((current) => MAP_METRICS[(MAP_METRICS.indexOf(current) + 1) % MAP_METRICS.length]);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const format = useMemo(() => formatterOf(metric), [metric]);
  const formatValue = useCallback((value: number) => format(value), [format]);
  const regions = useMemo(
    () =>
      data.units
        .filter((unit) => unit.onMap)
        .map((unit) => ({ code: unit.code, name: unit.name, value: valueOf(unit, metric) ?? 0 })),
    [data.units, metric],
  );
  const others = data.units.filter((unit) => !unit.onMap);
  const label = `吉林市各县（市）区${MAP_METRIC_LABELS[metric]}：${data.units
    .filter((unit) => unit.onMap)
    .map((unit) => `${unit.name} ${format(valueOf(unit, metric))}`)
    .join('，')}；有坐标的项目 ${data.points.length} 个`;

  return (
    <div className="flex h-full min-h-0 gap-3">
      <div className="flex min-w-0 flex-1 flex-col">
        <p className="shrink-0 text-sm text-slate-300" data-testid="screen-map-metric">
          按{MAP_METRIC_LABELS[metric]}着色（M 切换）· 项目点按红黄绿灯着色、按总投资定大小 · 共 {data.totals.count}{' '}
          个项目，{data.totals.located} 个有坐标
        </p>
        <div className="min-h-0 flex-1">
          <CityMap
            units={regions}
            points={data.points}
            metricLabel={MAP_METRIC_LABELS[metric]}
            formatValue={formatValue}
            theme="dark"
            height="100%"
            label={label}
          />
        </div>
      </div>
      <div className="flex w-[11rem] shrink-0 flex-col text-sm">
        <h3 className="pb-1 text-slate-400">开发区、市直部门（{MAP_METRIC_LABELS[metric]}）</h3>
        <ul className="min-h-0 flex-1 space-y-0.5 overflow-hidden" aria-label="开发区和市直部门">
          {others.map((unit) => (
            <li key={unit.unitId} className="flex justify-between gap-2 border-b border-slate-800 py-0.5">
              <span className="truncate text-slate-200">{unit.name}</span>
              <span className="shrink-0 text-cyan-300 tabular-nums">{format(valueOf(unit, metric))}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
