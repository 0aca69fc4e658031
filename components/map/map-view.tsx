'use client';

import { useCallback, useMemo } from 'react';
import { useRouter } from 'next/navigation';
import { CityMap, type MapPoint, type MapUnitValue } from './city-map';
import { formatMapValue } from './map-format';
import type { MapMetric } from '@/lib/schemas/map';

// /map's interactive leaf: the server page hands over plain data; formatting and navigation live here
// because functions cannot cross from a server component.

interface Props {
  metric: MapMetric;
  metricLabel: string;
  units: Array<{ code: string; name: string; value: number | null; href: string }>;
  points: MapPoint[];
  label: string;
}

export function MapView({ metric, metricLabel, units, points, label }: Props) {
  const router = useRouter();
  // A unit without projects has no 开工率: it is left uncoloured and its tooltip says so.
  const mapUnits: MapUnitValue[] = useMemo(
    () =>
      units.flatMap((unit) =>
        unit.value === null ? [] : [{ code: unit.code, name: unit.name, value: unit.value, href: unit.href }],
      ),
    [units],
  );
  const formatValue = useCallback((value: number) => formatMapValue(metric, value), [metric]);
  const navigate = useCallback((href: string) => router.push(href), [router]);
  return (
    <CityMap
      units={mapUnits}
      points={points}
      metricLabel={metricLabel}
      formatValue={formatValue}
      onNavigate={navigate}
      label={label}
      height="min(70vh, 560px)"
    />
  );
}
