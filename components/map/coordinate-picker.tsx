'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { EChartsType } from 'echarts/core';
import { TextField } from '@/components/ui/field';
import { insideCityBounds } from '@/lib/geo/bounds';
import { shapeCodeFor } from '@/lib/geo/hosts';
import { insideShape, MAP_NAME, type UnitShape } from '@/lib/geo/shapes';

// 项目位置: longitude and latitude typed in, or set by clicking a small map of the project's unit (its
// county; a zone or department opens on its host county, lib/geo/hosts.ts). The two inputs are what the
// form sends; the server checks the pair and the city bounds (lib/schemas/coordinates.ts).

export interface PickerUnit {
  id: number;
  name: string;
  code?: string | null;
}

interface Props {
  units: PickerUnit[];
  /** The unit chosen in the form (a string as the select holds it). */
  unitId: string;
  defaultLongitude?: string;
  defaultLatitude?: string;
  errors?: { longitude?: string[]; latitude?: string[] };
  height?: number;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
const parse = (text: string) => {
  const cleaned = text.replace(/[\s,，]/g, '');
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : null;
};

export function CoordinatePicker({
  units,
  unitId,
  defaultLongitude = '',
  defaultLatitude = '',
  errors = {},
  height = 260,
}: Props) {
  const [longitude, setLongitude] = useState(defaultLongitude);
  const [latitude, setLatitude] = useState(defaultLatitude);
  const [shapes, setShapes] = useState<UnitShape[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);

  const unit = units.find((candidate) => String(candidate.id) === unitId);
  const shapeCode = useMemo(
    () => (shapes ? shapeCodeFor(unit?.code, new Set(shapes.map((shape) => shape.code))) : null),
    [shapes, unit?.code],
  );
  const shape = shapes?.find((candidate) => candidate.code === shapeCode) ?? null;
  const lng = parse(longitude);
  const lat = parse(latitude);
  const point: [number, number] | null = lng !== null && lat !== null && insideCityBounds(lng, lat) ? [lng, lat] : null;

  // One chart per mount; the effect below redraws it when the unit or the point changes.
  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    import('./picker-map-setup')
      .then(({ loadPickerMaps }) => loadPickerMaps())
      .then(({ echarts, shapes: decoded }) => {
        if (disposed || !ref.current) return;
        const chart = echarts.init(ref.current, undefined, { renderer: 'canvas' });
        chartRef.current = chart;
        const observer = new ResizeObserver(() => chart.resize());
        observer.observe(ref.current);
        // A click anywhere on the map (not only on a shape) places the point there.
        chart.getZr().on('click', (event: { offsetX: number; offsetY: number }) => {
          const at = chart.convertFromPixel({ geoIndex: 0 }, [event.offsetX, event.offsetY]) as number[] | undefined;
          if (!at || !Number.isFinite(at[0]) || !Number.isFinite(at[1])) return;
          if (!insideCityBounds(at[0], at[1])) return;
          setLongitude(String(round6(at[0])));
          setLatitude(String(round6(at[1])));
        });
        cleanup = () => {
          observer.disconnect();
          chart.dispose();
          chartRef.current = null;
        };
        setShapes(decoded);
      })
      .catch((error: Error) => setFailed(error.message));
    return () => {
      disposed = true;
      cleanup();
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || !shapes) return;
    chart.setOption(
      {
        geo: {
          map: shapeCode ? `${MAP_NAME}:${shapeCode}` : MAP_NAME,
          roam: false,
          layoutCenter: ['50%', '50%'],
          layoutSize: '92%',
          label: { show: !shapeCode, fontSize: 11, color: '#334155' },
          itemStyle: { areaColor: '#eff6ff', borderColor: '#3b82f6', borderWidth: 1 },
          emphasis: { disabled: true },
          select: { disabled: true },
        },
        series: [
          {
            type: 'scatter',
            coordinateSystem: 'geo',
            symbol: 'pin',
            symbolSize: 28,
            itemStyle: { color: '#dc2626' },
            silent: true,
            data: point ? [{ value: point }] : [],
          },
        ],
      },
      { notMerge: true },
    );
  }, [shapes, shapeCode, point?.[0], point?.[1]]); // eslint-disable-line react-hooks/exhaustive-deps

  const outsideUnit = Boolean(point && shape && !insideShape(point, shape));
  const placeName = shape
    ? shape.name === unit?.name
      ? shape.name
      : `${unit?.name ?? ''}所在的${shape.name}`
    : MAP_NAME;
  return (
    <div className="grid gap-3 sm:col-span-2 lg:col-span-3 lg:grid-cols-[minmax(0,16rem)_minmax(0,1fr)]">
      <div className="space-y-3">
        <TextField
          name="longitude"
          label="经度"
          inputMode="decimal"
          placeholder="如 126.570741"
          value={longitude}
          onChange={(event) => setLongitude(event.target.value)}
          error={errors.longitude}
          hint="WGS-84，吉林市范围 125.6–127.9"
        />
        <TextField
          name="latitude"
          label="纬度"
          inputMode="decimal"
          placeholder="如 43.862117"
          value={latitude}
          onChange={(event) => setLatitude(event.target.value)}
          error={errors.latitude}
          hint="WGS-84，吉林市范围 42.5–44.9"
        />
        <button
          type="button"
          className="text-sm text-brand-700 underline disabled:text-slate-400 disabled:no-underline"
          disabled={!longitude && !latitude}
          onClick={() => {
            setLongitude('');
            setLatitude('');
          }}
        >
          清除位置
        </button>
      </div>
      <div>
        <p className="mb-1 text-sm font-medium text-slate-700" id="coordinate-picker-label">
          在地图上点选项目位置（{unit ? placeName : '请先在上方选择单位'}）
        </p>
        {failed ? (
          <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
            {failed}；仍可直接输入经纬度
          </p>
        ) : (
          <div className="relative">
            <div
              ref={ref}
              data-testid="coordinate-picker"
              data-ready={shapes ? 'true' : 'false'}
              data-shape={shapeCode ?? ''}
              aria-labelledby="coordinate-picker-label"
              role="img"
              style={{ height }}
              className="w-full cursor-crosshair rounded-md border border-slate-200 bg-white"
            />
            {shapes ? null : (
              <span className="absolute inset-0 flex items-center justify-center text-sm text-slate-500">
                地图加载中…
              </span>
            )}
          </div>
        )}
        <p className="mt-1 text-xs text-slate-500" aria-live="polite">
          {point
            ? `已选位置：东经 ${point[0]}，北纬 ${point[1]}${outsideUnit ? `（不在${shape?.name}范围内，请确认）` : ''}`
            : '未设置位置；点击地图或输入经纬度。不填则项目不显示在项目一张图上'}
        </p>
      </div>
    </div>
  );
}
