import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import {
  findSupervisionRow,
  listProjectSupervisions,
  listRepliesOf,
  type SupervisionReplyRow,
  type SupervisionRow,
} from '@/db/queries/supervisions';
import { supervisionReplies, supervisions, users, type Supervision } from '@/db/schema';
import { nowIso, today } from '@/lib/rules/dates';
import { canIssueSupervision, type ActorContext } from '@/lib/rules/permissions';
import {
  canReplyInStatus,
  canReplySupervision,
  canReviewSupervision,
  checkReview,
  OPEN_SUPERVISION_STATUSES,
} from '@/lib/rules/problems';
import { AppError } from '@/lib/errors';
import type { IssueSupervisionInput, ReviewSupervisionInput } from '@/lib/schemas/problems';
import { auditProjectChange } from './light';
import { notify, short } from './notifications';
import { findProject } from './projects';

// 督办 writes: a leader issues, the responsible officer replies (as often as needed), the leader
// marks it 已办结 or sends it back. Each step is one transaction with its audit row and light.

/** The API's Supervision object. Officer replies are `replies`; the leader's notes are `reviews`. */
export function toSupervisionDto(row: SupervisionRow, replies: SupervisionReplyRow[]) {
  const mine = replies.filter((r) => r.supervisionId === row.id);
  const shape = (r: SupervisionReplyRow) => ({
    id: r.id,
    by: r.by,
    byName: r.byName,
    at: r.at,
    text: r.text,
    kind: r.kind,
  });
  return {
    id: row.id,
    projectId: row.projectId,
    projectName: row.projectName,
    content: row.content,
    deadline: row.deadline,
    status: row.status,
    overdue: OPEN_SUPERVISION_STATUSES.includes(row.status) && row.deadline < today(),
    issuedBy: row.issuedBy,
    issuerName: row.issuerName,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeName,
    urgency: row.urgency,
    replies: mine.filter((r) => r.kind === 'reply').map(shape),
    reviews: mine.filter((r) => r.kind !== 'reply').map(shape),
    closedAt: row.closedAt,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
export type SupervisionDto = ReturnType<typeof toSupervisionDto>;

function supervisionDto(supervisionId: number): SupervisionDto {
  const row = findSupervisionRow(supervisionId);
  if (!row) throw new AppError('not_found', '督办不存在');
  return toSupervisionDto(row, listRepliesOf([supervisionId]));
}

function findSupervision(executor: Executor, supervisionId: number): Supervision {
  const row = executor.select().from(supervisions).where(eq(supervisions.id, supervisionId)).get();
  if (!row) throw new AppError('not_found', '督办不存在');
  return row;
}

/** Where a 督办 is read and answered: its project's 督办 section. */
export function supervisionLink(projectId: number, supervisionId: number): string {
  return `/projects/${projectId}/problems#supervision-${supervisionId}`;
}

export function getSupervision(supervisionId: number): SupervisionDto {
  return supervisionDto(supervisionId);
}

export function listSupervisionsOfProject(projectId: number): SupervisionDto[] {
  findProject(getDb(), projectId);
  const rows = listProjectSupervisions(projectId);
  const replies = listRepliesOf(rows.map((r) => r.id));
  return rows.map((row) => toSupervisionDto(row, replies));
}

export function issueSupervision(actor: ActorContext, projectId: number, input: IssueSupervisionInput): SupervisionDto {
  if (!canIssueSupervision(actor)) throw new AppError('forbidden', '只有领导或管理员可以下达督办');
  const id = getDb().transaction((tx) => {
    const project = findProject(tx, projectId);
    if (input.deadline <= today())
      throw new AppError('validation_failed', undefined, { deadline: ['办理时限须晚于今天'] });
    const assigneeId = input.assigneeId ?? project.ownerId;
    if (input.assigneeId != null) {
      const assignee = tx
        .select({ role: users.role, active: users.active })
        .from(users)
        .where(eq(users.id, input.assigneeId))
        .get();
      if (!assignee || !assignee.active || assignee.role !== 'officer')
        throw new AppError('validation_failed', undefined, { assigneeId: ['责任人须为在用的项目专员账号'] });
    }
    const at = nowIso();
    const created = tx
      .insert(supervisions)
      .values({
        projectId,
        content: input.content,
        deadline: input.deadline,
        status: 'open',
        issuedBy: actor.id,
        assigneeId,
        urgency: input.urgency ?? 'normal',
        createdAt: at,
        updatedAt: at,
      })
      .returning()
      .get();
    notify(tx, {
      userIds: [assigneeId],
      kind: 'supervision_issued',
      message: `${created.urgency === 'urgent' ? '【紧急】' : ''}${project.name}：${short(created.content)}（${created.deadline} 前办理）`,
      link: supervisionLink(projectId, created.id),
      projectId,
      refId: created.id,
      exceptUserId: actor.id,
    });
    auditProjectChange(tx, actor, {
      action: 'create',
      entityType: 'supervision',
      entityId: created.id,
      projectId,
      after: created,
    });
    return created.id;
  });
  return supervisionDto(id);
}

export function replySupervision(actor: ActorContext, supervisionId: number, text: string): SupervisionDto {
  getDb().transaction((tx) => {
    const order = findSupervision(tx, supervisionId);
    const project = findProject(tx, order.projectId);
    if (!canReplySupervision(actor, { assigneeId: order.assigneeId, project }))
      throw new AppError('forbidden', '只有该督办的责任人可以回复');
    if (!canReplyInStatus(order.status)) throw new AppError('invalid_transition', '该督办已办结，不能再回复');
    const at = nowIso();
    const reply = tx
      .insert(supervisionReplies)
      .values({ supervisionId, byUserId: actor.id, at, kind: 'reply', text })
      .returning()
      .get();
    tx.update(supervisions)
      .set({ status: 'replied', version: order.version + 1, updatedAt: at })
      .where(eq(supervisions.id, supervisionId))
      .run();
    auditProjectChange(tx, actor, {
      action: 'reply',
      entityType: 'supervision',
      entityId: supervisionId,
      projectId: order.projectId,
      before: { status: order.status },
      after: { status: 'replied', reply: reply.text },
    });
    notify(tx, {
      userIds: [order.issuedBy],
      kind: 'supervision_replied',
      message: `${project.name}：督办"${short(order.content, 20)}"已回复：${short(reply.text)}`,
      link: supervisionLink(order.projectId, supervisionId),
      projectId: order.projectId,
      refId: supervisionId,
      exceptUserId: actor.id,
    });
  });
  return supervisionDto(supervisionId);
}

export function reviewSupervision(
  actor: ActorContext,
  supervisionId: number,
  input: ReviewSupervisionInput,
): SupervisionDto {
  if (!canReviewSupervision(actor)) throw new AppError('forbidden', '只有领导或管理员可以办结或退回督办');
  getDb().transaction((tx) => {
    const order = findSupervision(tx, supervisionId);
    if (input.version !== order.version) throw new AppError('stale_version');
    const check = checkReview(order.status, input.status);
    if (!check.ok) throw new AppError('invalid_transition', check.message);
    const note = input.note?.trim() || null;
    if (input.status === 'returned' && !note)
      throw new AppError('reason_required', '退回须说明原因', { note: ['请填写退回原因'] });
    const at = nowIso();
    const updated = tx
      .update(supervisions)
      .set({
        status: input.status,
        closedAt: input.status === 'done' ? at : null,
        version: order.version + 1,
        updatedAt: at,
      })
      .where(and(eq(supervisions.id, supervisionId), eq(supervisions.version, order.version)))
      .returning()
      .get();
    if (!updated) throw new AppError('stale_version');
    tx.insert(supervisionReplies)
      .values({
        supervisionId,
        byUserId: actor.id,
        at,
        kind: input.status,
        text: note ?? (input.status === 'done' ? '已办结' : ''),
      })
      .run();
    auditProjectChange(tx, actor, {
      action: input.status === 'done' ? 'close' : 'return',
      entityType: 'supervision',
      entityId: supervisionId,
      projectId: order.projectId,
      before: { status: order.status },
      after: { status: input.status, note },
    });
    const project = findProject(tx, order.projectId);
    const what = `${project.name}：督办"${short(order.content, 20)}"`;
    notify(tx, {
      userIds: [order.assigneeId ?? project.ownerId],
      kind: input.status === 'done' ? 'supervision_closed' : 'supervision_returned',
      message: input.status === 'done' ? `${what}已办结` : `${what}被退回：${short(note ?? '')}`,
      link: supervisionLink(order.projectId, supervisionId),
      projectId: order.projectId,
      refId: supervisionId,
      exceptUserId: actor.id,
    });
  });
  return supervisionDto(supervisionId);
}
