import 'server-only';
import { listUnits } from '@/db/queries/reference';
import { countStartedByUnit, listMapPoints, sumProjectsByUnit } from '@/db/queries/map';
import { loadCityShapes } from '@/lib/geo/load';
import { cached } from '@/db/queries/read-cache';
import { currentYear, today } from '@/lib/rules/dates';
import type { Light, UnitKind } from '@/lib/rules/enums';
import { fraction } from '@/lib/rules/stats';
import type { ProjectFilters } from '@/lib/schemas/filters';
import { MAP_METRIC_LABELS, type MapMetric } from '@/lib/schemas/map';
import { ensureLightsFresh } from './light';
import { ledgerLink, statsPeriod } from './stats';

// 项目一张图 (API.md "Map"; /map, GET /api/v1/map and the 大屏). Each unit's figures are the ledger's
// totals under the same filters plus unitId (the same projectWhere and sum columns, grouped by unit),
// and its link is that ledger. The 9 county-level units are joined to their shapes by units.code (the
// GeoJSON feature id); development zones and departments have no polygon and are listed beside the map.
//
// Metrics:
// - count: the unit's projects under the filters (the ledger's 项目数);
// - investment: Σ 总投资 of those projects, 万元 (the ledger's 总投资 total);
// - red: those of them with a red light today (the ledger's 红灯 total);
// - startRate (开工率): of those projects, the share that entered 开工建设 during this calendar year
//   (the dashboard's 开工 figure, figureFilters.started, counted within the filtered set) ÷ the unit's
//   filtered projects; null when the unit has none.

export { MAP_METRICS, MAP_METRIC_LABELS, type MapMetric } from '@/lib/schemas/map';

export interface MapUnit {
  unitId: number;
  name: string;
  /** 行政区划代码 for county-level units (the shape's feature id), an internal code otherwise. */
  code: string;
  kind: UnitKind;
  /** The chosen metric; startRate is a fraction 0..1, null when the unit has no projects under the filters. */
  value: number | null;
  /** Drawn as a region on the map (a shape carries its code); false for zones and departments. */
  onMap: boolean;
  count: number;
  totalInvestment: number;
  red: number;
  /** Entered 开工建设 this year (the numerator of 开工率). */
  started: number;
  startRate: number | null;
  /** The ledger filtered to this unit under the same filters. */
  href: string;
}

export interface MapPoint {
  projectId: number;
  name: string;
  unitId: number;
  longitude: number;
  latitude: number;
  light: Light;
  /** 万元; sizes the point. */
  totalInvestment: number;
}

export interface MapData {
  metric: MapMetric;
  metricLabel: string;
  /** The year 开工率 counts starts in. */
  year: number;
  units: MapUnit[];
  points: MapPoint[];
  /** The ledger's totals under the filters (the sum of every unit's figures). */
  totals: { count: number; totalInvestment: number; red: number; started: number; located: number };
  /** The whole ledger under the filters. */
  href: string;
}

/**
 * The map's figures: the same for every user, so they are shared until the data or the day changes
 * (read-cache.ts).
 */
export function getMapData({ metric, filters }: { metric: MapMetric; filters: ProjectFilters }): MapData {
  ensureLightsFresh();
  return cached(`map|${today()}|${metric}|${JSON.stringify(filters)}`, () => loadMapData(metric, filters));
}

function loadMapData(metric: MapMetric, filters: ProjectFilters): MapData {
  const year = currentYear();
  const { from, to } = statsPeriod({ year });
  const sums = sumProjectsByUnit(filters);
  const started = countStartedByUnit(filters, from, to);
  const shapeCodes = new Set(loadCityShapes().map((shape) => shape.code));

  const units: MapUnit[] = listUnits({ includeInactive: true })
    // An inactive unit is listed only while the filters still select some of its projects.
    .filter((unit) => unit.active || sums.has(unit.id))
    .map((unit) => {
      const sum = sums.get(unit.id);
      const count = sum?.count ?? 0;
      const startedCount = started.get(unit.id) ?? 0;
      const figures = {
        count,
        totalInvestment: sum?.totalInvestment ?? 0,
        red: sum?.red ?? 0,
        started: startedCount,
        startRate: fraction(startedCount, count),
      };
      const value =
        metric === 'count'
          ? figures.count
          : metric === 'investment'
            ? figures.totalInvestment
            : metric === 'red'
              ? figures.red
              : figures.startRate;
      return {
        unitId: unit.id,
        name: unit.name,
        code: unit.code,
        kind: unit.kind,
        value,
        onMap: shapeCodes.has(unit.code),
        ...figures,
        href: ledgerLink({ ...filters, unitId: unit.id }),
      };
    });

  const points = listMapPoints(filters);
  const add = (pick: (unit: MapUnit) => number) => units.reduce((total, unit) => total + pick(unit), 0);
  return {
    metric,
    metricLabel: MAP_METRIC_LABELS[metric],
    year,
    units,
    points,
    totals: {
      count: add((unit) => unit.count),
      totalInvestment: add((unit) => unit.totalInvestment),
      red: add((unit) => unit.red),
      started: add((unit) => unit.started),
      located: points.length,
    },
    href: ledgerLink(filters),
  };
}
