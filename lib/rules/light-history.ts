import type { Light } from './enums';

// The daily light snapshot (light history) as rows, from each project's light on the day. Pure, so
// the web server's snapshot (domain/light-history.ts) and the demo seed's backfill build the same
// rows the same way.

export interface ProjectLightOfDay {
  projectId: number;
  unitId: number;
  light: Light;
  reasons: string[];
}

export interface UnitCountsRow {
  date: string;
  unitId: number;
  red: number;
  yellow: number;
  green: number;
  grey: number;
}

export interface SnapshotProjectRow {
  date: string;
  projectId: number;
  light: Light;
  reasons: string[];
}

/**
 * One counts row per unit in `unitIds` (zeros included, so a unit's series has no gaps and every
 * snapshot day is a day of every unit's series) and one row per red or yellow project.
 */
export function snapshotRows(
  date: string,
  unitIds: readonly number[],
  lights: Iterable<ProjectLightOfDay>,
): { units: UnitCountsRow[]; projects: SnapshotProjectRow[] } {
  const counts = new Map<number, UnitCountsRow>(
    unitIds.map((unitId) => [unitId, { date, unitId, red: 0, yellow: 0, green: 0, grey: 0 }]),
  );
  const flagged: SnapshotProjectRow[] = [];
  for (const project of lights) {
    let row = counts.get(project.unitId);
    if (!row)
      counts.set(project.unitId, (row = { date, unitId: project.unitId, red: 0, yellow: 0, green: 0, grey: 0 }));
    row[project.light] += 1;
    if (project.light === 'red' || project.light === 'yellow')
      flagged.push({ date, projectId: project.projectId, light: project.light, reasons: project.reasons });
  }
  return {
    units: [...counts.values()].sort((a, b) => a.unitId - b.unitId),
    projects: flagged.sort((a, b) => a.projectId - b.projectId),
  };
}

export interface LightHistoryRow {
  date: string;
  red: number;
  yellow: number;
  green: number;
  grey: number;
}

/** Days between two history rows, for the trend's summary line: how red and yellow moved. */
export function trendSummary(rows: readonly LightHistoryRow[]): string | null {
  if (rows.length < 2) return null;
  const first = rows[0];
  const last = rows[rows.length - 1];
  const change = (label: string, from: number, to: number) =>
    to === from ? `${label}持平` : `${label}${to > from ? '增加' : '减少'} ${Math.abs(to - from)} 个`;
  return `${last.date} 红灯 ${last.red} 个、黄灯 ${last.yellow} 个；与 ${first.date}（红灯 ${first.red} 个、黄灯 ${first.yellow} 个）相比，${change('红灯', first.red, last.red)}，${change('黄灯', first.yellow, last.yellow)}。`;
}
