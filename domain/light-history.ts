import 'server-only';
import type { DB, Executor, Tx } from '@/db';
import {
  hasLightSnapshot,
  insertLightSnapshot,
  latestSnapshotDate,
  listSnapshotProjects,
  listSnapshotUnitCounts,
  listStoredLights,
  listUnitIds,
  sumLightHistory,
  unitExists,
} from '@/db/queries/light-history';
import { AppError } from '@/lib/errors';
import { snapshotRows, type LightHistoryRow } from '@/lib/rules/light-history';
import type { LightHistoryQuery } from '@/lib/schemas/light-history';

// Light history: once a day every project's stored light is recorded, as counts per unit
// (light_snapshots, zeros included) and the red and yellow projects with their reasons
// (light_snapshot_projects). Taken at the day's first request that brings the lights up to date
// (ensureLightsFresh), by the daily digest and by `npm run lights:snapshot`; whichever comes first
// writes the day, the others find it there and write nothing. A day's snapshot is never rewritten:
// it is what the lights said that day.

export interface SnapshotCounts {
  red: number;
  yellow: number;
  green: number;
  grey: number;
}

export interface SnapshotResult {
  date: string;
  /** False when the day already had its snapshot (nothing was written). */
  taken: boolean;
  /** Rows of light_snapshots and light_snapshot_projects written by this call. */
  unitRows: number;
  projectRows: number;
  /** The day's city totals, as now recorded. */
  counts: SnapshotCounts;
}

function totals(rows: SnapshotCounts[]): SnapshotCounts {
  return rows.reduce(
    (sum, row) => ({
      red: sum.red + row.red,
      yellow: sum.yellow + row.yellow,
      green: sum.green + row.green,
      grey: sum.grey + row.grey,
    }),
    { red: 0, yellow: 0, green: 0, grey: 0 },
  );
}

/**
 * Records the stored lights as the snapshot of `date`, once: when the day already has a snapshot,
 * nothing changes. The caller makes sure the stored lights are current for `date`.
 */
export function takeLightSnapshot(executor: Executor, date: string): SnapshotResult {
  const existing = (): SnapshotResult => ({
    date,
    taken: false,
    unitRows: 0,
    projectRows: 0,
    counts: totals(listSnapshotUnitCounts(executor, date)),
  });
  if (hasLightSnapshot(executor, date)) return existing();
  const write = (tx: Executor): SnapshotResult | null => {
    // Checked again under the write lock: another process (the digest, the CLI) may have just written it.
    if (hasLightSnapshot(tx, date)) return null;
    const rows = snapshotRows(date, listUnitIds(tx), listStoredLights(tx));
    const written = insertLightSnapshot(tx, rows);
    return {
      date,
      taken: written.units > 0,
      unitRows: written.units,
      projectRows: written.projects,
      counts: totals(rows.units),
    };
  };
  // IMMEDIATE takes the write lock before the check, so two processes cannot both pass it.
  const result =
    '$client' in executor
      ? (executor as DB).transaction(write, { behavior: 'immediate' })
      : (executor as Tx).transaction(write);
  return result ?? existing();
}

/** City (or one unit's) red/yellow/green/grey counts per snapshot day, oldest first. */
export function lightHistory(query: LightHistoryQuery): LightHistoryRow[] {
  if (query.unitId !== undefined && !unitExists(query.unitId))
    throw new AppError('validation_failed', undefined, { unitId: ['单位不存在'] });
  return sumLightHistory(query);
}

export type RedListSource =
  /** The month is under way: the lights as they stand today. */
  | { kind: 'current'; date: string }
  /** A past month: the snapshot of its last day, or failing that its latest snapshot. */
  | { kind: 'snapshot'; date: string; monthEnd: boolean }
  /** A past month with no snapshot at all: no red list can be given. */
  | { kind: 'none'; date: null };

/** Which day's lights a month's report lists: see RedListSource. */
export function redListSourceFor(
  executor: Executor,
  range: { from: string; to: string },
  today: string,
): RedListSource {
  if (today <= range.to) return { kind: 'current', date: today };
  const date = latestSnapshotDate(executor, range);
  if (date === null) return { kind: 'none', date: null };
  return { kind: 'snapshot', date, monthEnd: date === range.to };
}

/** The red projects and per-unit red counts of a snapshot day. */
export function snapshotRedList(executor: Executor, date: string) {
  return {
    projects: listSnapshotProjects(executor, date, ['red']),
    redByUnit: new Map(listSnapshotUnitCounts(executor, date).map((row) => [row.unitId, row.red])),
  };
}
