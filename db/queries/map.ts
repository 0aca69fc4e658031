import 'server-only';
import { and, asc, isNotNull, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { projects } from '../schema';
import type { ProjectFilters } from '@/lib/schemas/filters';
import { enteredStageSql, projectSumColumns, projectWhere, type ProjectSums } from './project-filters';

// The SQL behind 项目一张图 (domain/map.ts). Every figure is the ledger's own aggregate (projectSumColumns
// over projectWhere) grouped by unit, so a unit's value is the ledger total under the same filters plus unitId.

/** The ledger's count and sums per responsible unit (units without matching projects are absent). */
export function sumProjectsByUnit(filters: ProjectFilters): Map<number, ProjectSums> {
  const rows = getDb()
    .select({ unitId: projects.unitId, ...projectSumColumns })
    .from(projects)
    .where(projectWhere(filters))
    .groupBy(projects.unitId)
    .all();
  return new Map(rows.map(({ unitId, ...sums }) => [unitId, sums]));
}

/**
 * Per unit, the filtered projects that entered 开工建设 in [from, to] (Beijing dates). Combined with the
 * filters by AND rather than by overriding their own entered-stage condition, so it is always a subset
 * of the unit's filtered projects.
 */
export function countStartedByUnit(filters: ProjectFilters, from: string, to: string): Map<number, number> {
  const rows = getDb()
    .select({ unitId: projects.unitId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(projects)
    .where(
      and(projectWhere(filters), enteredStageSql({ enteredStage: 'construction', enteredFrom: from, enteredTo: to })),
    )
    .groupBy(projects.unitId)
    .all();
  return new Map(rows.map((row) => [row.unitId, row.n]));
}

/** The filtered projects that have coordinates, as map points. */
export function listMapPoints(filters: ProjectFilters) {
  return getDb()
    .select({
      projectId: projects.id,
      name: projects.name,
      unitId: projects.unitId,
      longitude: sql<number>`${projects.longitude}`.mapWith(Number),
      latitude: sql<number>`${projects.latitude}`.mapWith(Number),
      light: projects.light,
      totalInvestment: projects.totalInvestment,
    })
    .from(projects)
    .where(and(projectWhere(filters), isNotNull(projects.longitude), isNotNull(projects.latitude)))
    .orderBy(asc(projects.id))
    .all();
}
