import { and, asc, desc, eq, inArray, lt, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb, type Executor } from '@/db';
import { meetingItems, meetings, problems, projects, supervisions, units, users } from '@/db/schema';

// Reads of 调度会 and their items, with the names the pages and the minutes print.

const chair = alias(users, 'chair');
const assignee = alias(users, 'assignee');

const meetingColumns = {
  id: meetings.id,
  date: meetings.date,
  kind: meetings.kind,
  title: meetings.title,
  chairId: meetings.chairId,
  chairName: chair.name,
  attendees: meetings.attendees,
  location: meetings.location,
  status: meetings.status,
  closedAt: meetings.closedAt,
  version: meetings.version,
};

export type MeetingRow = {
  id: number;
  date: string;
  kind: (typeof meetings.$inferSelect)['kind'];
  title: string;
  chairId: number;
  chairName: string | null;
  attendees: string | null;
  location: string | null;
  status: (typeof meetings.$inferSelect)['status'];
  closedAt: string | null;
  version: number;
};

export function listMeetingRows(
  filter: { status?: MeetingRow['status'] } = {},
  executor: Executor = getDb(),
): (MeetingRow & { itemCount: number })[] {
  const rows = executor
    .select(meetingColumns)
    .from(meetings)
    .leftJoin(chair, eq(chair.id, meetings.chairId))
    .where(filter.status ? eq(meetings.status, filter.status) : undefined)
    .orderBy(desc(meetings.date), desc(meetings.id))
    .all();
  const counts = new Map<number, number>();
  if (rows.length) {
    for (const item of executor
      .select({ meetingId: meetingItems.meetingId })
      .from(meetingItems)
      .where(
        inArray(
          meetingItems.meetingId,
          rows.map((r) => r.id),
        ),
      )
      .all())
      counts.set(item.meetingId, (counts.get(item.meetingId) ?? 0) + 1);
  }
  return rows.map((row) => ({ ...row, itemCount: counts.get(row.id) ?? 0 }));
}

export function findMeetingRow(id: number, executor: Executor = getDb()): MeetingRow | undefined {
  return executor
    .select(meetingColumns)
    .from(meetings)
    .leftJoin(chair, eq(chair.id, meetings.chairId))
    .where(eq(meetings.id, id))
    .get();
}

export function listItemRows(meetingIds: number[], executor: Executor = getDb()) {
  if (!meetingIds.length) return [];
  return executor
    .select({
      id: meetingItems.id,
      meetingId: meetingItems.meetingId,
      projectId: meetingItems.projectId,
      projectName: projects.name,
      problemId: meetingItems.problemId,
      sourceSupervisionId: meetingItems.sourceSupervisionId,
      carriedFromId: meetingItems.carriedFromId,
      subject: meetingItems.subject,
      decision: meetingItems.decision,
      responsibleUnitId: meetingItems.responsibleUnitId,
      responsibleUnitName: units.name,
      assigneeId: meetingItems.assigneeId,
      assigneeName: assignee.name,
      deadline: meetingItems.deadline,
      supervisionId: meetingItems.supervisionId,
      supervisionStatus: supervisions.status,
      sortOrder: meetingItems.sortOrder,
      version: meetingItems.version,
    })
    .from(meetingItems)
    .leftJoin(projects, eq(projects.id, meetingItems.projectId))
    .leftJoin(units, eq(units.id, meetingItems.responsibleUnitId))
    .leftJoin(assignee, eq(assignee.id, meetingItems.assigneeId))
    .leftJoin(supervisions, eq(supervisions.id, meetingItems.supervisionId))
    .where(inArray(meetingItems.meetingId, meetingIds))
    .orderBy(asc(meetingItems.sortOrder), asc(meetingItems.id))
    .all();
}
export type MeetingItemRow = ReturnType<typeof listItemRows>[number];

/** The latest closed meeting held before `date` (or before `id` on the same date). */
export function previousClosedMeeting(date: string, exceptId: number, executor: Executor = getDb()) {
  return executor
    .select({ id: meetings.id, date: meetings.date, title: meetings.title })
    .from(meetings)
    .where(and(eq(meetings.status, 'closed'), lte(meetings.date, date)))
    .orderBy(desc(meetings.date), desc(meetings.id))
    .all()
    .find((m) => m.id !== exceptId);
}

/** What 自动生成议程 proposes: red projects, open problems at the city levels, overdue 督办. */
export function agendaSources(today: string, executor: Executor = getDb()) {
  const redProjects = executor
    .select({ id: projects.id, name: projects.name, unitId: projects.unitId, reasons: projects.lightReasons })
    .from(projects)
    .where(eq(projects.light, 'red'))
    .orderBy(asc(projects.id))
    .all();
  const cityProblems = executor
    .select({
      id: problems.id,
      projectId: problems.projectId,
      projectName: projects.name,
      description: problems.description,
      unitId: problems.unitId,
      level: problems.level,
    })
    .from(problems)
    .innerJoin(projects, eq(projects.id, problems.projectId))
    .where(and(eq(problems.status, 'open'), inArray(problems.level, ['city_meeting', 'city_leader'])))
    .orderBy(asc(problems.id))
    .all();
  const overdueSupervisions = executor
    .select({
      id: supervisions.id,
      projectId: supervisions.projectId,
      projectName: projects.name,
      content: supervisions.content,
      deadline: supervisions.deadline,
      assigneeId: supervisions.assigneeId,
    })
    .from(supervisions)
    .innerJoin(projects, eq(projects.id, supervisions.projectId))
    .where(and(inArray(supervisions.status, ['open', 'replied', 'returned']), lt(supervisions.deadline, today)))
    .orderBy(asc(supervisions.id))
    .all();
  return { redProjects, cityProblems, overdueSupervisions };
}

/** The items of a meeting still open: not decided, or their 督办 not yet 已办结. */
export function openItemsOf(meetingId: number, executor: Executor = getDb()) {
  return listItemRows([meetingId], executor).filter(
    (item) => item.decision == null || (item.supervisionId != null && item.supervisionStatus !== 'done'),
  );
}

/** Every project by name, for the 添加议题 picker. */
export function projectOptions(executor: Executor = getDb()) {
  return executor.select({ id: projects.id, name: projects.name }).from(projects).orderBy(asc(projects.name)).all();
}

/** The unit and owner of these projects: who may be an item's assignee follows from them. */
export function projectScopes(ids: number[], executor: Executor = getDb()) {
  if (!ids.length) return [];
  return executor
    .select({ id: projects.id, unitId: projects.unitId, ownerId: projects.ownerId })
    .from(projects)
    .where(inArray(projects.id, ids))
    .all();
}
