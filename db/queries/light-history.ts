import 'server-only';
import { and, asc, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { getDb, type Executor } from '../index';
import { lightSnapshotProjects, lightSnapshots, projects, units } from '../schema';
import type { LightHistoryRow, ProjectLightOfDay, SnapshotProjectRow, UnitCountsRow } from '@/lib/rules/light-history';

// Reads and writes of the daily light snapshots (light_snapshots, light_snapshot_projects).
// Every read by date uses the tables' primary keys, which start with the date.

const CHUNK = 500;

/** Whether `date` has a snapshot: one primary-key probe. */
export function hasLightSnapshot(executor: Executor, date: string): boolean {
  return (
    executor
      .select({ one: sql`1` })
      .from(lightSnapshots)
      .where(eq(lightSnapshots.date, date))
      .limit(1)
      .get() !== undefined
  );
}

/** Every project's stored light, with its unit and reasons. */
export function listStoredLights(executor: Executor): ProjectLightOfDay[] {
  return executor
    .select({ projectId: projects.id, unitId: projects.unitId, light: projects.light, reasons: projects.lightReasons })
    .from(projects)
    .all();
}

export function listUnitIds(executor: Executor): number[] {
  return executor
    .select({ id: units.id })
    .from(units)
    .orderBy(asc(units.id))
    .all()
    .map((row) => row.id);
}

/** Writes one day's rows; rows already there are left as they are. */
export function insertLightSnapshot(
  executor: Executor,
  rows: { units: UnitCountsRow[]; projects: SnapshotProjectRow[] },
): { units: number; projects: number } {
  let unitRows = 0;
  let projectRows = 0;
  for (let i = 0; i < rows.units.length; i += CHUNK) {
    unitRows += executor
      .insert(lightSnapshots)
      .values(rows.units.slice(i, i + CHUNK))
      .onConflictDoNothing()
      .run().changes;
  }
  for (let i = 0; i < rows.projects.length; i += CHUNK) {
    projectRows += executor
      .insert(lightSnapshotProjects)
      .values(rows.projects.slice(i, i + CHUNK))
      .onConflictDoNothing()
      .run().changes;
  }
  return { units: unitRows, projects: projectRows };
}

/** City (or one unit's) counts per snapshot day in the range, oldest first. */
export function sumLightHistory({
  from,
  to,
  unitId,
}: {
  from: string;
  to: string;
  unitId?: number;
}): LightHistoryRow[] {
  const n = (column: SQLiteColumn) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);
  return getDb()
    .select({
      date: lightSnapshots.date,
      red: n(lightSnapshots.red),
      yellow: n(lightSnapshots.yellow),
      green: n(lightSnapshots.green),
      grey: n(lightSnapshots.grey),
    })
    .from(lightSnapshots)
    .where(
      and(
        gte(lightSnapshots.date, from),
        lte(lightSnapshots.date, to),
        unitId !== undefined ? eq(lightSnapshots.unitId, unitId) : undefined,
      ),
    )
    .groupBy(lightSnapshots.date)
    .orderBy(asc(lightSnapshots.date))
    .all();
}

/** The latest snapshot day within [from, to], if any. */
export function latestSnapshotDate(executor: Executor, { from, to }: { from: string; to: string }): string | null {
  return (
    executor
      .select({ date: lightSnapshots.date })
      .from(lightSnapshots)
      .where(and(gte(lightSnapshots.date, from), lte(lightSnapshots.date, to)))
      .orderBy(desc(lightSnapshots.date))
      .limit(1)
      .get()?.date ?? null
  );
}

/** One day's counts per unit. */
export function listSnapshotUnitCounts(executor: Executor, date: string): UnitCountsRow[] {
  return executor
    .select()
    .from(lightSnapshots)
    .where(eq(lightSnapshots.date, date))
    .orderBy(asc(lightSnapshots.unitId))
    .all();
}

/** One day's projects of the given lights, in unit order, with the reasons they had that day. */
export function listSnapshotProjects(
  executor: Executor,
  date: string,
  lights: ReadonlyArray<'red' | 'yellow'> = ['red', 'yellow'],
) {
  return executor
    .select({
      projectId: lightSnapshotProjects.projectId,
      light: lightSnapshotProjects.light,
      reasons: lightSnapshotProjects.reasons,
      name: projects.name,
      unitId: projects.unitId,
      unitName: units.name,
    })
    .from(lightSnapshotProjects)
    .innerJoin(projects, eq(projects.id, lightSnapshotProjects.projectId))
    .innerJoin(units, eq(units.id, projects.unitId))
    .where(and(eq(lightSnapshotProjects.date, date), inArray(lightSnapshotProjects.light, [...lights])))
    .orderBy(asc(units.sortOrder), asc(projects.id))
    .all();
}

export function unitExists(unitId: number): boolean {
  return getDb().select({ id: units.id }).from(units).where(eq(units.id, unitId)).get() !== undefined;
}
