import 'server-only';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { getDb, getSqlite } from '../index';
import { auditLog, leads, projects, units } from '../schema';
import { leadOverdueSql } from './project-filters';

// Reads behind the alert centre. Only projects whose stored light is red or yellow can carry an
// alert, so the alert centre reads just those (projects_light_idx) and not the whole pool.

export interface AlertScope {
  /** Only projects of this unit (the leaders' unit filter). */
  unitId?: number;
  /** An officer's own projects: of their unit, or owned by them. */
  officer?: { unitId: number | null; userId: number };
  /** Only projects owned by this user (investment staff). */
  ownerId?: number;
}

export function listLitProjects(scope: AlertScope) {
  const own = scope.officer
    ? or(scope.officer.unitId != null ? eq(projects.unitId, scope.officer.unitId) : undefined, eq(projects.ownerId, scope.officer.userId))
    : undefined;
  return getDb()
    .select({ id: projects.id, name: projects.name, unitId: projects.unitId, unitName: units.name })
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .where(
      and(
        inArray(projects.light, ['red', 'yellow']),
        scope.unitId ? eq(projects.unitId, scope.unitId) : undefined,
        own,
        scope.ownerId != null ? eq(projects.ownerId, scope.ownerId) : undefined,
      ),
    )
    .all();
}

export function listOverdueLeads({ day, ownerId, unitId }: { day: string; ownerId?: number; unitId?: number }) {
  return getDb()
    .select({ id: leads.id, company: leads.company, nextFollowUpDate: leads.nextFollowUpDate, unitId: leads.locationUnitId, unitName: units.name, stage: leads.stage })
    .from(leads)
    .leftJoin(units, eq(units.id, leads.locationUnitId))
    .where(and(leadOverdueSql(day), ownerId != null ? eq(leads.ownerId, ownerId) : undefined, unitId ? eq(leads.locationUnitId, unitId) : undefined))
    .orderBy(asc(leads.nextFollowUpDate), asc(leads.id))
    .all();
}

/**
 * A cheap fingerprint of the data: the newest audit row (every write through the app adds one)
 * and SQLite's data_version (bumped by writes from other connections, such as scripts).
 */
export function dataFingerprint(): string {
  const maxAudit = getDb().select({ id: sql<number>`coalesce(max(${auditLog.id}), 0)` }).from(auditLog).get()?.id ?? 0;
  const dataVersion = getSqlite().pragma('data_version', { simple: true });
  return `${maxAudit}:${dataVersion}`;
}
