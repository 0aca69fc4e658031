import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '../index';
import { projects, supervisionReplies, supervisions, units, users } from '../schema';
import type { SupervisionStatus } from '@/lib/rules/enums';

// Reads of 督办 orders and their replies.

const issuer = alias(users, 'issuer');
const assignee = alias(users, 'assignee');
const author = alias(users, 'author');

const supervisionColumns = {
  id: supervisions.id,
  projectId: supervisions.projectId,
  projectName: projects.name,
  projectUnitId: projects.unitId,
  projectUnitName: units.name,
  projectOwnerId: projects.ownerId,
  content: supervisions.content,
  deadline: supervisions.deadline,
  status: supervisions.status,
  issuedBy: supervisions.issuedBy,
  issuerName: issuer.name,
  assigneeId: supervisions.assigneeId,
  assigneeName: assignee.name,
  urgency: supervisions.urgency,
  closedAt: supervisions.closedAt,
  version: supervisions.version,
  createdAt: supervisions.createdAt,
  updatedAt: supervisions.updatedAt,
};

function baseQuery() {
  return getDb()
    .select(supervisionColumns)
    .from(supervisions)
    .innerJoin(projects, eq(projects.id, supervisions.projectId))
    .innerJoin(units, eq(units.id, projects.unitId))
    .innerJoin(issuer, eq(issuer.id, supervisions.issuedBy))
    .leftJoin(assignee, eq(assignee.id, supervisions.assigneeId));
}

export type SupervisionRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['all']>>[number];

export function listRepliesOf(supervisionIds: number[]) {
  if (supervisionIds.length === 0) return [];
  return getDb()
    .select({
      id: supervisionReplies.id,
      supervisionId: supervisionReplies.supervisionId,
      by: supervisionReplies.byUserId,
      byName: author.name,
      at: supervisionReplies.at,
      kind: supervisionReplies.kind,
      text: supervisionReplies.text,
    })
    .from(supervisionReplies)
    .innerJoin(author, eq(author.id, supervisionReplies.byUserId))
    .where(inArray(supervisionReplies.supervisionId, supervisionIds))
    .orderBy(asc(supervisionReplies.at), asc(supervisionReplies.id))
    .all();
}
export type SupervisionReplyRow = ReturnType<typeof listRepliesOf>[number];

/** A project's 督办, open ones first, newest first within each group. */
export function listProjectSupervisions(projectId: number): SupervisionRow[] {
  return baseQuery()
    .where(eq(supervisions.projectId, projectId))
    .orderBy(
      sql`case when ${supervisions.status} = 'done' then 1 else 0 end`,
      desc(supervisions.createdAt),
      desc(supervisions.id),
    )
    .all();
}

export function findSupervisionRow(supervisionId: number): SupervisionRow | undefined {
  return baseQuery().where(eq(supervisions.id, supervisionId)).get();
}

/** 督办 in the given statuses, optionally only one assignee's, one issuer's or one unit's projects. */
export function listSupervisionsByStatus({
  statuses,
  assigneeId,
  issuedBy,
  unitId,
}: {
  statuses: readonly SupervisionStatus[];
  assigneeId?: number;
  issuedBy?: number;
  unitId?: number;
}): SupervisionRow[] {
  return baseQuery()
    .where(
      and(
        inArray(supervisions.status, [...statuses]),
        assigneeId != null ? eq(supervisions.assigneeId, assigneeId) : undefined,
        issuedBy != null ? eq(supervisions.issuedBy, issuedBy) : undefined,
        unitId != null ? eq(projects.unitId, unitId) : undefined,
      ),
    )
    .orderBy(asc(supervisions.deadline), asc(supervisions.id))
    .all();
}

/** Open 督办 per project, for badges. */
export function countOpenSupervisionsByProject(projectIds: number[]): Map<number, number> {
  if (projectIds.length === 0) return new Map();
  const rows = getDb()
    .select({ projectId: supervisions.projectId, n: sql<number>`count(*)`.mapWith(Number) })
    .from(supervisions)
    .where(
      and(inArray(supervisions.projectId, projectIds), inArray(supervisions.status, ['open', 'replied', 'returned'])),
    )
    .groupBy(supervisions.projectId)
    .all();
  return new Map(rows.map((r) => [r.projectId, r.n]));
}
