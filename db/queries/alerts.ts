import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb, getSqlite } from '../index';
import { leads, projects, units } from '../schema';
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

/** The newest and oldest entries of the project change log (triggers of migration 0009). */
export function projectChangeSpan(): { min: number; max: number } {
  const row = getSqlite()
    .prepare('select coalesce(min(seq), 0) as min, coalesce(max(seq), 0) as max from project_changes')
    .get() as { min: number; max: number };
  return row;
}

/** The projects written after `seq`, each once. */
export function projectsChangedSince(seq: number): number[] {
  return getSqlite()
    .prepare('select distinct project_id from project_changes where seq > ?')
    .pluck()
    .all(seq) as number[];
}

/** Keeps the newest `keep` entries of the project change log. */
export function pruneProjectChanges(keep: number): void {
  getSqlite().prepare('delete from project_changes where seq <= (select max(seq) from project_changes) - ?').run(keep);
}

/**
 * How many projects (and leads) carry the caller's alerts, as one count over indexes rather than a
 * walk over the alert index: the lit projects in scope (stored red or yellow, which after
 * ensureLightsFresh() is exactly the projects with a signal), the projects of the 督办 waiting on the
 * caller, and the caller's overdue leads. Must equal domain/alerts.ts computeAlerts's subjects.
 */
export function countAlertSubjects(
  actor: { id: number; role: string; unitId: number | null },
  day: string,
  awaiting: readonly string[],
): number {
  const seeAll = actor.role === 'leader' || actor.role === 'admin';
  const scope = seeAll
    ? sql`1`
    : actor.role === 'officer' && actor.unitId != null
      ? sql`(${projects.unitId} = ${actor.unitId} or ${projects.ownerId} = ${actor.id})`
      : sql`${projects.ownerId} = ${actor.id}`;
  const waiting = seeAll
    ? sql`s.status = 'replied'`
    : sql`s.status in (${sql.join(
        awaiting.map((status) => sql`${status}`),
        sql`, `,
      )}) and s.assignee_id = ${actor.id}`;
  const projectCount =
    getDb().get<{ n: number }>(sql`select count(*) as n from (
      select ${projects.id} from ${projects} where ${projects.light} in ('red', 'yellow') and ${scope}
      union
      select s.project_id from supervisions s join ${projects} on ${projects.id} = s.project_id where ${waiting}
    )`)?.n ?? 0;
  const leadCount =
    getDb()
      .select({ n: sql<number>`count(*)` })
      .from(leads)
      .where(and(leadOverdueSql(day), seeAll ? undefined : eq(leads.ownerId, actor.id)))
      .get()?.n ?? 0;
  return projectCount + leadCount;
}
