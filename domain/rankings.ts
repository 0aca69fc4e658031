import 'server-only';
import { unitFigures, unitLightCounts } from '@/db/queries/dashboard';
import { LIGHTS, type Light, type UnitKind } from '@/lib/rules/enums';
import { cached } from '@/db/queries/read-cache';
import { today } from '@/lib/rules/dates';
import {
  fraction,
  periodRange,
  rankByGroup,
  unitRates,
  type GroupRanking,
  type Period,
  type PeriodRange,
  type RankingGroup,
} from '@/lib/rules/stats';
import { ensureLightsFresh } from './light';
import { getSetting } from './settings';

// 考核排名 by group (DOMAIN.md "考核 by group"): the districts and counties, the development zones
// and the city departments are each ranked among themselves, by the weights set in 系统设置. One
// function behind /dashboard, its export, the monthly report and GET /api/v1/rankings, so all four
// show the same order.

/** Every group's ranking for the period, from unitFigures (units with projects) and the stored weights. */
export function groupRankings(range: PeriodRange, day = today()): GroupRanking[] {
  ensureLightsFresh();
  const figures = cached(`unit-figures|${range.from}|${range.to}|${day}`, () => unitFigures(range, day));
  return rankByGroup(figures.map(unitRates), getSetting('rankingWeights'));
}

/** GET /api/v1/rankings: one group's ranking, rates as fractions 0..1 like GET /api/v1/stats. */
export function rankingOfGroup(period: Period, group: RankingGroup, day = today()) {
  const ranked = groupRankings(periodRange(period), day).find((entry) => entry.group === group)!.ranked;
  const share = (percent: number | null) => (percent === null ? null : fraction(percent, 100));
  return ranked.map((unit) => ({
    unitId: unit.unitId,
    unitName: unit.unitName,
    rank: unit.position,
    score: unit.score,
    startRate: share(unit.startRate),
    investmentRate: share(unit.investmentRate),
    onTimeRate: share(unit.onTimeRate),
    scheduleRate: share(unit.scheduleRate),
    redCount: unit.red,
  }));
}

export interface UnitLightRow {
  unitId: number;
  unitName: string;
  kind: UnitKind;
  counts: Record<Light, number>;
  total: number;
}

/** /dashboard's unit × light matrix: today's lights (kept fresh), one row per unit with projects. */
export function unitLightMatrix(): UnitLightRow[] {
  ensureLightsFresh();
  return cached('unit-light-matrix', () => {
    const rows = new Map<number, UnitLightRow>();
    for (const { unitId, unitName, kind, light, count } of unitLightCounts()) {
      const row = rows.get(unitId) ?? {
        unitId,
        unitName,
        kind,
        counts: Object.fromEntries(LIGHTS.map((l) => [l, 0])) as Record<Light, number>,
        total: 0,
      };
      row.counts[light] = count;
      row.total += count;
      rows.set(unitId, row);
    }
    return [...rows.values()];
  });
}
