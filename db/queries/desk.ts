import 'server-only';
import { alias } from 'drizzle-orm/sqlite-core';
import { and, asc, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../index';
import { leads, meetings, monthlyReports, problems, projects, supervisions, tasks, units, users } from '../schema';
import type { Light } from '@/lib/rules/enums';
import { REPORTING_STAGES } from '@/lib/rules/light';
import { OPEN_LEAD_STAGES } from '@/lib/rules/leads';

// Reads behind the 工作台 (/desk): each list is the caller's own work, as domain/desk.ts scopes it.

const issuer = alias(users, 'issuer');
const assignee = alias(users, 'assignee');

/** Who a project list is about: the projects one owns (责任人) or leads (包保), or the whole city. */
export type ProjectScopeOf = { ownerId: number } | { leaderId: number } | 'city';

function projectScopeSql(scope: ProjectScopeOf): SQL | undefined {
  if (scope === 'city') return undefined;
  return 'ownerId' in scope ? eq(projects.ownerId, scope.ownerId) : eq(projects.leaderId, scope.leaderId);
}

/** Projects by light, counted. */
export function countProjectsByLight(scope: ProjectScopeOf): Record<Light, number> {
  const rows = getDb()
    .select({ light: projects.light, n: sql<number>`count(*)`.mapWith(Number) })
    .from(projects)
    .where(projectScopeSql(scope))
    .groupBy(projects.light)
    .all();
  const counts: Record<Light, number> = { red: 0, yellow: 0, green: 0, grey: 0 };
  for (const row of rows) counts[row.light] = row.n;
  return counts;
}

const LIGHT_ORDER = sql`case ${projects.light} when 'red' then 0 when 'yellow' then 1 when 'green' then 2 else 3 end`;

/** The projects in scope, red first, then yellow, green and grey; within a light by name. */
export function listProjectsByLight(scope: Exclude<ProjectScopeOf, 'city'>, limit?: number) {
  const query = getDb()
    .select({
      id: projects.id,
      name: projects.name,
      stage: projects.stage,
      light: projects.light,
      lightReasons: projects.lightReasons,
      unitName: units.name,
    })
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .where(projectScopeSql(scope))
    .orderBy(LIGHT_ORDER, asc(projects.name), asc(projects.id))
    .$dynamic();
  return (limit === undefined ? query : query.limit(limit)).all();
}

/**
 * Active projects of the owner in a reporting stage that owe last month's report, due on the 5th
 * of this month: the light's report_missing rule (lib/rules/light.ts) — a project registered this
 * month owes nothing yet.
 */
export function listReportsDue(ownerId: number, reportMonth: string, thisMonthStart: string) {
  return getDb()
    .select({ projectId: projects.id, projectName: projects.name, unitName: units.name, light: projects.light })
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .where(
      and(
        eq(projects.ownerId, ownerId),
        eq(projects.status, 'active'),
        inArray(projects.stage, [...REPORTING_STAGES]),
        sql`substr(${projects.createdAt}, 1, 10) < ${thisMonthStart}`,
        sql`not exists (select 1 from ${monthlyReports} where ${monthlyReports.projectId} = ${projects.id} and ${monthlyReports.month} = ${reportMonth})`,
      ),
    )
    .orderBy(asc(units.sortOrder), asc(projects.name), asc(projects.id))
    .all();
}

/** Open tasks past their due date on active projects: the user's own, or unowned ones on projects they own. */
export function listTasksOverdue(userId: number, day: string) {
  return getDb()
    .select({
      id: tasks.id,
      title: tasks.title,
      dueDate: tasks.dueDate,
      projectId: projects.id,
      projectName: projects.name,
    })
    .from(tasks)
    .innerJoin(projects, eq(projects.id, tasks.projectId))
    .where(
      and(
        eq(tasks.state, 'open'),
        lt(tasks.dueDate, day),
        eq(projects.status, 'active'),
        or(eq(tasks.ownerId, userId), and(isNull(tasks.ownerId), eq(projects.ownerId, userId))),
      ),
    )
    .orderBy(asc(tasks.dueDate), asc(tasks.id))
    .all();
}

const supervisionColumns = {
  id: supervisions.id,
  projectId: supervisions.projectId,
  projectName: projects.name,
  content: supervisions.content,
  deadline: supervisions.deadline,
  status: supervisions.status,
  urgency: supervisions.urgency,
  issuerName: issuer.name,
  assigneeName: assignee.name,
  createdAt: supervisions.createdAt,
};

function supervisionQuery(where: SQL | undefined) {
  return getDb()
    .select(supervisionColumns)
    .from(supervisions)
    .innerJoin(projects, eq(projects.id, supervisions.projectId))
    .innerJoin(issuer, eq(issuer.id, supervisions.issuedBy))
    .leftJoin(assignee, eq(assignee.id, supervisions.assigneeId))
    .where(where)
    .orderBy(
      sql`case ${supervisions.urgency} when 'urgent' then 0 else 1 end`,
      asc(supervisions.deadline),
      asc(supervisions.id),
    )
    .all();
}

/**
 * 督办 waiting for the user's answer (待回复 or 退回): assigned to them, or with no assignee on a
 * project they own. 紧急 first, then by deadline.
 */
export function listSupervisionsToAnswer(userId: number) {
  return supervisionQuery(
    and(
      inArray(supervisions.status, ['open', 'returned']),
      or(eq(supervisions.assigneeId, userId), and(isNull(supervisions.assigneeId), eq(projects.ownerId, userId))),
    ),
  );
}

/** 督办 the user issued that have been answered (已回复) and wait for them to close or send back. */
export function listSupervisionsToClose(userId: number) {
  return supervisionQuery(and(eq(supervisions.status, 'replied'), eq(supervisions.issuedBy, userId)));
}

/** Every 督办 still open (待回复, 已回复, 退回) past its deadline, city-wide. */
export function listSupervisionsOverdue(day: string) {
  return supervisionQuery(
    and(inArray(supervisions.status, ['open', 'replied', 'returned']), lt(supervisions.deadline, day)),
  );
}

const problemColumns = {
  id: problems.id,
  projectId: problems.projectId,
  projectName: projects.name,
  description: problems.description,
  deadline: problems.deadline,
  level: problems.level,
  unitName: units.name,
};

/** Open problems past their deadline on active projects the user owns. */
export function listProblemsOverdue(ownerId: number, day: string) {
  return getDb()
    .select(problemColumns)
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .innerJoin(units, eq(units.id, problems.unitId))
    .where(
      and(
        eq(problems.status, 'open'),
        lt(problems.deadline, day),
        eq(projects.status, 'active'),
        eq(projects.ownerId, ownerId),
      ),
    )
    .orderBy(asc(problems.deadline), asc(problems.id))
    .all();
}

/** Open problems escalated to 市级协调会 or 市主要领导: 市主要领导 first, then by deadline. */
export function listProblemsEscalated() {
  return getDb()
    .select(problemColumns)
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .innerJoin(units, eq(units.id, problems.unitId))
    .where(and(eq(problems.status, 'open'), inArray(problems.level, ['city_meeting', 'city_leader'])))
    .orderBy(sql`case ${problems.level} when 'city_leader' then 0 else 1 end`, asc(problems.deadline), asc(problems.id))
    .all();
}

/** The leads a user works: their own and their team's (as canEditLead). */
function leadScopeSql(userId: number, team: string | null): SQL | undefined {
  return team ? or(eq(leads.ownerId, userId), eq(leads.team, team)) : eq(leads.ownerId, userId);
}

const leadColumns = {
  id: leads.id,
  company: leads.company,
  stage: leads.stage,
  stageEnteredAt: leads.stageEnteredAt,
  nextFollowUpDate: leads.nextFollowUpDate,
  lastFollowupDate: leads.lastFollowupDate,
  createdAt: leads.createdAt,
  ownerId: leads.ownerId,
  ownerName: users.name,
};

/** Open leads whose next follow-up falls on or before `until` (overdue ones included), soonest first. */
export function listFollowUpsDue(userId: number, team: string | null, until: string) {
  return getDb()
    .select(leadColumns)
    .from(leads)
    .innerJoin(users, eq(users.id, leads.ownerId))
    .where(
      and(leadScopeSql(userId, team), inArray(leads.stage, [...OPEN_LEAD_STAGES]), lte(leads.nextFollowUpDate, until)),
    )
    .orderBy(asc(leads.nextFollowUpDate), asc(leads.id))
    .all();
}

/** Open leads in scope (for stage aging, judged by the lead rules in the domain). */
export function listOpenLeads(userId: number, team: string | null) {
  return getDb()
    .select(leadColumns)
    .from(leads)
    .innerJoin(users, eq(users.id, leads.ownerId))
    .where(and(leadScopeSql(userId, team), inArray(leads.stage, [...OPEN_LEAD_STAGES])))
    .orderBy(asc(leads.stageEnteredAt), asc(leads.id))
    .all();
}

/** Leads in scope signed (签约) but not yet converted into a project. */
export function listSignedNotConverted(userId: number, team: string | null) {
  return getDb()
    .select({ ...leadColumns, signedAt: leads.signedAt })
    .from(leads)
    .innerJoin(users, eq(users.id, leads.ownerId))
    .where(and(leadScopeSql(userId, team), eq(leads.stage, 'signed'), isNull(leads.projectId)))
    .orderBy(asc(leads.stageEnteredAt), asc(leads.id))
    .all();
}

/** The next planned 调度会 on or after `day`, by date. */
export function nextPlannedMeeting(day: string) {
  return (
    getDb()
      .select({
        id: meetings.id,
        date: meetings.date,
        kind: meetings.kind,
        title: meetings.title,
        location: meetings.location,
        chairName: users.name,
      })
      .from(meetings)
      .innerJoin(users, eq(users.id, meetings.chairId))
      .where(and(eq(meetings.status, 'planned'), gte(meetings.date, day)))
      .orderBy(asc(meetings.date), asc(meetings.id))
      .get() ?? null
  );
}
