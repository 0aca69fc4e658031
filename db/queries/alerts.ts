import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb, getSqlite } from '../index';
import { auditLog, leads, projects, units } from '../schema';
import { leadOverdueSql } from './project-filters';

// Reads behind the alert centre. Only projects whose stored light is red or yellow can carry an
// alert, so the alert index reads just those (projects_light_idx) and not the whole pool.

const litColumns = {
  id: projects.id,
  name: projects.name,
  unitId: projects.unitId,
  ownerId: projects.ownerId,
  light: projects.light,
};

/** Every project whose stored light is red or yellow (projects_light_idx). */
export function listLitProjects() {
  return getDb()
    .select(litColumns)
    .from(projects)
    .where(inArray(projects.light, ['red', 'yellow']))
    .orderBy(asc(projects.id))
    .all();
}

/** The same columns for the given projects, whatever their light. */
export function listProjectsForAlerts(ids: number[]) {
  const out: Array<{ id: number; name: string; unitId: number; ownerId: number | null; light: string }> = [];
  for (let i = 0; i < ids.length; i += 500)
    out.push(
      ...getDb()
        .select(litColumns)
        .from(projects)
        .where(inArray(projects.id, ids.slice(i, i + 500)))
        .all(),
    );
  return out;
}

export function unitNames(): Map<number, string> {
  return new Map(
    getDb()
      .select({ id: units.id, name: units.name })
      .from(units)
      .all()
      .map((unit) => [unit.id, unit.name]),
  );
}

export function listOverdueLeads({ day, ownerId, unitId }: { day: string; ownerId?: number; unitId?: number }) {
  return getDb()
    .select({
      id: leads.id,
      company: leads.company,
      nextFollowUpDate: leads.nextFollowUpDate,
      unitId: leads.locationUnitId,
      unitName: units.name,
      stage: leads.stage,
    })
    .from(leads)
    .leftJoin(units, eq(units.id, leads.locationUnitId))
    .where(
      and(
        leadOverdueSql(day),
        ownerId != null ? eq(leads.ownerId, ownerId) : undefined,
        unitId ? eq(leads.locationUnitId, unitId) : undefined,
      ),
    )
    .orderBy(asc(leads.nextFollowUpDate), asc(leads.id))
    .all();
}

/**
 * A cheap fingerprint of the data: the newest audit row (every write through the app adds one)
 * and SQLite's data_version (bumped by writes from other connections, such as scripts).
 */
export function dataFingerprint(): string {
  const maxAudit =
    getDb()
      .select({ id: sql<number>`coalesce(max(${auditLog.id}), 0)` })
      .from(auditLog)
      .get()?.id ?? 0;
  const dataVersion = getSqlite().pragma('data_version', { simple: true });
  return `${maxAudit}:${dataVersion}`;
}
