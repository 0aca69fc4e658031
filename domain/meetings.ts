import 'server-only';
import { and, eq, max } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { writeAudit } from '@/db/audit';
import {
  agendaSources,
  findMeetingRow,
  listItemRows,
  listMeetingRows,
  openItemsOf,
  previousClosedMeeting,
  type MeetingItemRow,
  type MeetingRow,
} from '@/db/queries/meetings';
import { meetingItems, meetings, problems, supervisions, units, users, type MeetingItem } from '@/db/schema';
import { AppError, type FieldErrors } from '@/lib/errors';
import { nowIso, today } from '@/lib/rules/dates';
import { MEETING_KIND_LABELS, PROBLEM_LEVEL_LABELS, type MeetingStatus } from '@/lib/rules/enums';
import { canEditProject, canManageMeetings, type ActorContext } from '@/lib/rules/permissions';
import type { AgendaInput, MeetingCreateInput, MeetingItemPatchInput, MeetingPatchInput } from '@/lib/schemas/meetings';
import { auditProjectChange } from './light';
import { findProject } from './projects';
import { notifyMeetingItemAssigned } from './notifications';

// 调度会. Leaders and admins create a meeting, fill its agenda (自动生成议程: red projects, problems
// escalated to 市级协调会/市主要领导, overdue 督办, and the previous meeting's items still open) or add
// items by hand, decide each item, then close it: every decided item with a project and a deadline
// becomes one 督办 on its project, once. Everyone signed in reads meetings and their minutes.

export type MeetingItemDto = Omit<MeetingItemRow, 'meetingId'>;

export interface MeetingDto {
  id: number;
  date: string;
  kind: MeetingRow['kind'];
  title: string;
  chairId: number;
  chairName: string | null;
  attendees: string | null;
  location: string | null;
  status: MeetingStatus;
  closedAt: string | null;
  items: MeetingItemDto[];
  /** The previous closed meeting's items still open (not decided, or their 督办 not 已办结). */
  previousOpen: { meetingId: number; meetingTitle: string; meetingDate: string; items: MeetingItemDto[] } | null;
  version: number;
}

const itemDto = ({ meetingId: _meetingId, ...rest }: MeetingItemRow): MeetingItemDto => rest;

export function getMeeting(id: number, executor: Executor = getDb()): MeetingDto {
  const row = findMeetingRow(id, executor);
  if (!row) throw new AppError('not_found', '调度会不存在');
  const previous = previousClosedMeeting(row.date, row.id, executor);
  const previousItems = previous ? openItemsOf(previous.id, executor).map(itemDto) : [];
  return {
    ...row,
    items: listItemRows([id], executor).map(itemDto),
    previousOpen: previous
      ? { meetingId: previous.id, meetingTitle: previous.title, meetingDate: previous.date, items: previousItems }
      : null,
  };
}

export function listMeetings(filter: { status?: MeetingStatus } = {}) {
  return listMeetingRows(filter);
}

function assertWriter(actor: ActorContext) {
  if (!canManageMeetings(actor)) throw new AppError('forbidden', '只有领导或管理员可以组织调度会');
}

function assertChair(executor: Executor, chairId: number | undefined, fields: FieldErrors) {
  if (chairId === undefined) return;
  const chair = executor
    .select({ role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, chairId))
    .get();
  if (!chair || !chair.active) fields.chairId = ['主持人不存在或已停用'];
  else if (chair.role !== 'leader' && chair.role !== 'admin') fields.chairId = ['主持人须为领导账号'];
}

function findMeeting(executor: Executor, id: number) {
  const row = executor.select().from(meetings).where(eq(meetings.id, id)).get();
  if (!row) throw new AppError('not_found', '调度会不存在');
  return row;
}

function assertOpen(status: MeetingStatus) {
  if (status === 'closed') throw new AppError('conflict', '该调度会已闭会，不能再修改');
}

export function createMeeting(actor: ActorContext, input: MeetingCreateInput): MeetingDto {
  assertWriter(actor);
  return getDb().transaction((tx) => {
    const fields: FieldErrors = {};
    assertChair(tx, input.chairId, fields);
    if (Object.keys(fields).length) throw new AppError('validation_failed', undefined, fields);
    const at = nowIso();
    const row = tx
      .insert(meetings)
      .values({
        date: input.date,
        kind: input.kind,
        title: input.title,
        chairId: input.chairId,
        attendees: input.attendees || null,
        location: input.location || null,
        status: 'planned',
        createdBy: actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
      .get();
    writeAudit(tx, {
      userId: actor.id,
      action: 'create',
      entityType: 'meeting',
      entityId: row.id,
      after: {
        date: row.date,
        kind: row.kind,
        title: row.title,
        chairId: row.chairId,
        attendees: row.attendees,
        location: row.location,
      },
      ip: actor.ip ?? null,
    });
    return getMeeting(row.id, tx);
  });
}

/** Edits a meeting's header, marks it 已召开, or closes it (`status: "closed"`): see closeMeeting. */
export function updateMeeting(actor: ActorContext, id: number, input: MeetingPatchInput): MeetingDto {
  assertWriter(actor);
  return getDb().transaction((tx) => {
    const current = findMeeting(tx, id);
    if (current.status === 'closed')
      throw new AppError(
        'conflict',
        input.status === 'closed' ? '该调度会已闭会，不能重复闭会' : '该调度会已闭会，不能再修改',
      );
    if (input.version !== current.version) throw new AppError('stale_version', '该调度会已被他人修改，请刷新后再试');
    const { version: _version, status, ...rest } = input;
    const fields: FieldErrors = {};
    assertChair(tx, rest.chairId, fields);
    if (Object.keys(fields).length) throw new AppError('validation_failed', undefined, fields);
    const changes: Partial<typeof meetings.$inferInsert> = { ...rest };
    if (rest.attendees !== undefined) changes.attendees = rest.attendees || null;
    if (rest.location !== undefined) changes.location = rest.location || null;
    const at = nowIso();
    if (status) changes.status = status;
    if (status === 'closed') changes.closedAt = at;
    const updated = tx
      .update(meetings)
      .set({ ...changes, version: current.version + 1, updatedAt: at })
      .where(and(eq(meetings.id, id), eq(meetings.version, current.version)))
      .returning()
      .get();
    if (!updated) throw new AppError('stale_version', '该调度会已被他人修改，请刷新后再试');
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of Object.keys(changes) as (keyof typeof changes)[]) {
      if (key === 'closedAt') continue;
      before[key] = current[key as keyof typeof current];
      after[key] = updated[key as keyof typeof updated];
    }
    writeAudit(tx, {
      userId: actor.id,
      action: status === 'closed' ? 'close' : 'update',
      entityType: 'meeting',
      entityId: id,
      before,
      after,
      ip: actor.ip ?? null,
    });
    if (status === 'closed') issueDecisions(tx, actor, updated.id, updated.title);
    return getMeeting(id, tx);
  });
}

/** Closing: one 督办 per decided item with a project and a deadline, and a notice to its assignee. */
function issueDecisions(tx: Executor, actor: ActorContext, meetingId: number, title: string) {
  const items = tx.select().from(meetingItems).where(eq(meetingItems.meetingId, meetingId)).all();
  for (const item of items) {
    if (!item.decision || !item.deadline || item.projectId == null || item.supervisionId != null) continue;
    const project = findProject(tx, item.projectId);
    const assigneeId = item.assigneeId ?? project.ownerId;
    const at = nowIso();
    const created = tx
      .insert(supervisions)
      .values({
        projectId: project.id,
        content: `【${title}】${item.decision}`,
        deadline: item.deadline,
        status: 'open',
        issuedBy: actor.id,
        assigneeId,
        urgency: 'normal',
        createdAt: at,
        updatedAt: at,
      })
      .returning()
      .get();
    tx.update(meetingItems)
      .set({ supervisionId: created.id, version: item.version + 1, updatedAt: at })
      .where(eq(meetingItems.id, item.id))
      .run();
    auditProjectChange(tx, actor, {
      action: 'create',
      entityType: 'supervision',
      entityId: created.id,
      projectId: project.id,
      after: created,
    });
    // The assignee hears of it through the notifications module (domain/notifications.ts).
    notifyMeetingItemAssigned(
      tx,
      {
        id: item.id,
        assigneeId,
        projectId: project.id,
        subject: `${project.name}：${item.decision}`,
        meetingTitle: title,
        meetingId: item.meetingId,
        deadline: item.deadline,
        supervisionId: created.id,
      },
      actor.id,
    );
  }
}

function nextSortOrder(tx: Executor, meetingId: number): number {
  const row = tx
    .select({ top: max(meetingItems.sortOrder) })
    .from(meetingItems)
    .where(eq(meetingItems.meetingId, meetingId))
    .get();
  return (row?.top ?? 0) + 1;
}

type NewItem = Pick<
  typeof meetingItems.$inferInsert,
  'projectId' | 'problemId' | 'sourceSupervisionId' | 'carriedFromId' | 'subject' | 'responsibleUnitId'
>;

/** What an item stands for: its source, and the problem it concerns (so a carried item and the same escalated problem appear once). */
function itemKeys(
  item: Pick<MeetingItem, 'projectId' | 'problemId' | 'sourceSupervisionId' | 'carriedFromId'>,
): string[] {
  const keys: string[] = [];
  if (item.carriedFromId != null) keys.push(`carried:${item.carriedFromId}`);
  if (item.sourceSupervisionId != null) keys.push(`supervision:${item.sourceSupervisionId}`);
  if (item.problemId != null) keys.push(`problem:${item.problemId}`);
  if (!keys.length) keys.push(`project:${item.projectId}`);
  return keys;
}

/**
 * `{ auto: true }` adds, once each: the previous meeting's items still open, the red projects, the
 * open problems at 市级协调会/市主要领导 and the overdue 督办. `{ subject, … }` adds one item by hand.
 * Returns the meeting and how many items were added.
 */
export function addAgenda(actor: ActorContext, meetingId: number, input: AgendaInput) {
  assertWriter(actor);
  return getDb().transaction((tx) => {
    const meeting = findMeeting(tx, meetingId);
    assertOpen(meeting.status);
    const candidates: NewItem[] = [];
    if ('auto' in input) {
      const previous = previousClosedMeeting(meeting.date, meeting.id, tx);
      if (previous)
        for (const open of openItemsOf(previous.id, tx))
          candidates.push({
            projectId: open.projectId,
            problemId: open.problemId,
            sourceSupervisionId: null,
            carriedFromId: open.carriedFromId ?? open.id,
            subject: `【上次会议未办结】${open.subject}${open.decision ? `（决定：${open.decision}）` : ''}`,
            responsibleUnitId: open.responsibleUnitId,
          });
      const sources = agendaSources(today(), tx);
      for (const project of sources.redProjects)
        candidates.push({
          projectId: project.id,
          problemId: null,
          sourceSupervisionId: null,
          carriedFromId: null,
          subject: `红灯项目：${project.name}${project.reasons.length ? `（${project.reasons.join('；')}）` : ''}`,
          responsibleUnitId: project.unitId,
        });
      for (const problem of sources.cityProblems)
        candidates.push({
          projectId: problem.projectId,
          problemId: problem.id,
          sourceSupervisionId: null,
          carriedFromId: null,
          subject: `${PROBLEM_LEVEL_LABELS[problem.level]}问题：${problem.projectName}——${problem.description}`,
          responsibleUnitId: problem.unitId,
        });
      for (const order of sources.overdueSupervisions)
        candidates.push({
          projectId: order.projectId,
          problemId: null,
          sourceSupervisionId: order.id,
          carriedFromId: null,
          subject: `超期督办：${order.projectName}——${order.content}（时限 ${order.deadline}）`,
          responsibleUnitId: null,
        });
    } else {
      const fields: FieldErrors = {};
      let projectId = input.projectId ?? null;
      if (projectId != null) {
        try {
          findProject(tx, projectId);
        } catch {
          fields.projectId = ['项目不存在'];
        }
      }
      if (input.problemId != null) {
        const problem = agendaProblem(tx, input.problemId);
        if (!problem) fields.problemId = ['问题不存在'];
        else if (projectId != null && problem.projectId !== projectId) fields.problemId = ['该问题不属于所选项目'];
        else projectId = problem.projectId;
      }
      if (Object.keys(fields).length) throw new AppError('validation_failed', undefined, fields);
      candidates.push({
        projectId,
        problemId: input.problemId ?? null,
        sourceSupervisionId: null,
        carriedFromId: null,
        subject: input.subject,
        responsibleUnitId: null,
      });
    }
    const existing = new Set(
      tx.select().from(meetingItems).where(eq(meetingItems.meetingId, meetingId)).all().flatMap(itemKeys),
    );
    let order = nextSortOrder(tx, meetingId);
    let added = 0;
    const at = nowIso();
    for (const candidate of candidates) {
      const keys = itemKeys({
        projectId: candidate.projectId ?? null,
        problemId: candidate.problemId ?? null,
        sourceSupervisionId: candidate.sourceSupervisionId ?? null,
        carriedFromId: candidate.carriedFromId ?? null,
      });
      // A hand-made item may repeat a project; automatic ones come once each.
      if ('auto' in input && keys.some((key) => existing.has(key))) continue;
      for (const key of keys) existing.add(key);
      const row = tx
        .insert(meetingItems)
        .values({ ...candidate, meetingId, sortOrder: order++, createdAt: at, updatedAt: at })
        .returning()
        .get();
      writeAudit(tx, {
        userId: actor.id,
        action: 'create',
        entityType: 'meeting_item',
        entityId: row.id,
        projectId: row.projectId,
        after: { meetingId, subject: row.subject, projectId: row.projectId, problemId: row.problemId },
        ip: actor.ip ?? null,
      });
      added++;
    }
    return { added, meeting: getMeeting(meetingId, tx) };
  });
}

function agendaProblem(tx: Executor, problemId: number) {
  return tx.select({ projectId: problems.projectId }).from(problems).where(eq(problems.id, problemId)).get();
}

/** Decides one item: the decision, a responsible unit, an assignee who can edit the project, a deadline not past. */
export function decideMeetingItem(actor: ActorContext, itemId: number, input: MeetingItemPatchInput): MeetingDto {
  assertWriter(actor);
  return getDb().transaction((tx) => {
    const item = tx.select().from(meetingItems).where(eq(meetingItems.id, itemId)).get();
    if (!item) throw new AppError('not_found', '议题不存在');
    const meeting = findMeeting(tx, item.meetingId);
    if (meeting.status === 'closed') throw new AppError('conflict', '该调度会已闭会，不能再修改会议决定');
    if (input.version !== undefined && input.version !== item.version)
      throw new AppError('stale_version', '该议题已被他人修改，请刷新后再试');
    const fields: FieldErrors = {};
    if (input.deadline != null && input.deadline < today()) fields.deadline = ['办结时限不能早于今天'];
    if (input.deadline != null && item.projectId == null)
      fields.deadline = ['未关联项目的议题不能设办结时限（闭会时无法生成督办）'];
    if (input.responsibleUnitId != null) {
      const unit = tx.select({ active: units.active }).from(units).where(eq(units.id, input.responsibleUnitId)).get();
      if (!unit || !unit.active) fields.responsibleUnitId = ['责任单位不存在或已停用'];
    }
    if (input.assigneeId != null) {
      const person = tx.select().from(users).where(eq(users.id, input.assigneeId)).get();
      if (!person || !person.active) fields.assigneeId = ['责任人不存在或已停用'];
      else if (item.projectId != null) {
        const project = findProject(tx, item.projectId);
        if (!canEditProject({ id: person.id, role: person.role, unitId: person.unitId }, project))
          fields.assigneeId = ['责任人须能编辑该项目（本单位项目专员、项目负责人或领导）'];
      }
    }
    if (Object.keys(fields).length) throw new AppError('validation_failed', undefined, fields);
    const changes = {
      decision: input.decision,
      ...(input.responsibleUnitId !== undefined ? { responsibleUnitId: input.responsibleUnitId } : {}),
      ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
      ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
    };
    const updated = tx
      .update(meetingItems)
      .set({ ...changes, version: item.version + 1, updatedAt: nowIso() })
      .where(and(eq(meetingItems.id, itemId), eq(meetingItems.version, item.version)))
      .returning()
      .get();
    if (!updated) throw new AppError('stale_version', '该议题已被他人修改，请刷新后再试');
    const before: Record<string, unknown> = {};
    for (const key of Object.keys(changes)) before[key] = item[key as keyof MeetingItem];
    writeAudit(tx, {
      userId: actor.id,
      action: 'update',
      entityType: 'meeting_item',
      entityId: itemId,
      projectId: item.projectId,
      before,
      after: changes,
      ip: actor.ip ?? null,
    });
    return getMeeting(item.meetingId, tx);
  });
}

/** The meeting's label as lists and the minutes show it: 周调度会 · 2026-11-20. */
export function meetingKindLabel(kind: MeetingRow['kind']) {
  return MEETING_KIND_LABELS[kind];
}
