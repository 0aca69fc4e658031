import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { diff } from '@/db/audit';
import { fieldLabel } from '@/lib/audit-format';
import {
  findProblemRow,
  listProblemEvents,
  listProblems,
  listProjectProblems,
  type ProblemListFilters,
  type ProblemRow,
  type ProblemSort,
} from '@/db/queries/problems';
import { problemEvents, problems, units, type Problem } from '@/db/schema';
import { nowIso, today } from '@/lib/rules/dates';
import { PROBLEM_LEVEL_LABELS, type ProblemAction, type ProblemLevel } from '@/lib/rules/enums';
import { canRaiseProblem, type ActorContext } from '@/lib/rules/permissions';
import { canWorkProblem, canReopenProblem, checkEscalation } from '@/lib/rules/problems';
import { AppError } from '@/lib/errors';
import type { ProblemPatch, RaiseProblemInput } from '@/lib/schemas/problems';
import { auditProjectChange } from './light';
import { findProject } from './projects';
import { leaderIds, notify, short } from './notifications';

// 问题清单 writes. Each change checks the actor against the project, then writes the problem, its
// log row (problem_events), an audit row and the project's refreshed light in one transaction.

/** The API's Problem object. */
export function toProblemDto(row: ProblemRow) {
  return {
    id: row.id,
    projectId: row.projectId,
    projectName: row.projectName,
    type: row.type,
    description: row.description,
    unitId: row.unitId,
    unitName: row.unitName,
    deadline: row.deadline,
    level: row.level,
    status: row.status,
    resolution: row.resolution,
    overdue: row.overdue,
    raisedBy: row.raisedBy,
    closedAt: row.closedAt,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
export type ProblemDto = ReturnType<typeof toProblemDto>;

function problemDto(problemId: number): ProblemDto {
  const row = findProblemRow(problemId, today());
  if (!row) throw new AppError('not_found', '问题不存在');
  return toProblemDto(row);
}

function findProblem(executor: Executor, problemId: number): Problem {
  const row = executor.select().from(problems).where(eq(problems.id, problemId)).get();
  if (!row) throw new AppError('not_found', '问题不存在');
  return row;
}

function assertUnit(executor: Executor, unitId: number) {
  if (
    !executor
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.id, unitId), eq(units.active, true)))
      .get()
  ) {
    throw new AppError('validation_failed', undefined, { unitId: ['责任单位不存在'] });
  }
}

function assertFutureDeadline(deadline: string) {
  if (deadline <= today()) throw new AppError('validation_failed', undefined, { deadline: ['解决时限须晚于今天'] });
}

function logEvent(
  tx: Executor,
  problemId: number,
  actor: ActorContext,
  action: ProblemAction,
  at: string,
  extra: { fromLevel?: ProblemLevel; toLevel?: ProblemLevel; note?: string | null } = {},
) {
  tx.insert(problemEvents)
    .values({
      problemId,
      at,
      byUserId: actor.id,
      action,
      fromLevel: extra.fromLevel ?? null,
      toLevel: extra.toLevel ?? null,
      note: extra.note ?? null,
    })
    .run();
}

export function getProblem(problemId: number): ProblemDto {
  return problemDto(problemId);
}

/** The city-wide list, paged as every API list is. */
export function listProblemPage(query: ProblemListFilters & { sort?: ProblemSort; page: number; pageSize: number }) {
  const { sort, page, pageSize, ...filters } = query;
  const { items, total } = listProblems({ filters, day: today(), sort, page, pageSize });
  return { items: items.map(toProblemDto), total, page, pageSize };
}

export function listProblemsOfProject(projectId: number): ProblemDto[] {
  findProject(getDb(), projectId);
  return listProjectProblems(projectId, today()).map(toProblemDto);
}

export function raiseProblem(actor: ActorContext, projectId: number, input: RaiseProblemInput): ProblemDto {
  const db = getDb();
  const id = db.transaction((tx) => {
    const project = findProject(tx, projectId);
    if (!canRaiseProblem(actor, project))
      throw new AppError('forbidden', '只有本项目的责任单位专员、领导或管理员可以提出问题');
    assertUnit(tx, input.unitId);
    assertFutureDeadline(input.deadline);
    const at = nowIso();
    const created = tx
      .insert(problems)
      .values({
        projectId,
        type: input.type,
        description: input.description,
        unitId: input.unitId,
        deadline: input.deadline,
        level: 'county',
        status: 'open',
        raisedBy: actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
      .get();
    logEvent(tx, created.id, actor, 'raised', at, { toLevel: 'county' });
    auditProjectChange(tx, actor, {
      action: 'create',
      entityType: 'problem',
      entityId: created.id,
      projectId,
      after: created,
    });
    return created.id;
  });
  return problemDto(id);
}

/** Applies one PATCH: escalate, close off (销号), reopen or edit. */
export function changeProblem(actor: ActorContext, problemId: number, patch: ProblemPatch): ProblemDto {
  getDb().transaction((tx) => {
    const problem = findProblem(tx, problemId);
    const project = findProject(tx, problem.projectId);
    if (patch.action === 'reopen' ? !canReopenProblem(actor) : !canWorkProblem(actor, project)) {
      throw new AppError(
        'forbidden',
        patch.action === 'reopen'
          ? '只有领导或管理员可以重新打开已销号的问题'
          : '只有本项目的责任单位专员、领导或管理员可以处理此问题',
      );
    }
    if (patch.version !== problem.version) throw new AppError('stale_version');
    if (patch.action === 'reopen') {
      if (problem.status !== 'closed') throw new AppError('invalid_transition', '问题尚未销号，无需重新打开');
    } else if (problem.status === 'closed') {
      throw new AppError('invalid_transition', '问题已销号，不能再修改；如需继续处理，请领导重新打开');
    }
    const at = nowIso();
    let change: Partial<Problem>;
    let action: Exclude<ProblemAction, 'raised'>;
    switch (patch.action) {
      case 'escalate': {
        const check = checkEscalation(problem.level, patch.level);
        if (!check.ok) throw new AppError('invalid_transition', check.message, { level: [check.message] });
        change = { level: check.to };
        action = 'escalated';
        logEvent(tx, problemId, actor, action, at, { fromLevel: problem.level, toLevel: check.to, note: patch.note });
        break;
      }
      case 'close': {
        if (!patch.resolution)
          throw new AppError('validation_failed', '销号须填写解决情况', { resolution: ['请填写解决情况'] });
        change = { status: 'closed', resolution: patch.resolution, closedAt: at, closedBy: actor.id };
        action = 'closed';
        logEvent(tx, problemId, actor, action, at, { note: patch.resolution });
        break;
      }
      case 'reopen': {
        if (!patch.reason)
          throw new AppError('reason_required', '重新打开须填写原因', { reason: ['请填写重新打开的原因'] });
        change = { status: 'open', closedAt: null, closedBy: null };
        action = 'reopened';
        logEvent(tx, problemId, actor, action, at, { note: patch.reason });
        break;
      }
      case 'edit': {
        const { version: _version, action: _action, ...fields } = patch;
        if (fields.unitId != null) assertUnit(tx, fields.unitId);
        if (fields.deadline != null && fields.deadline !== problem.deadline) assertFutureDeadline(fields.deadline);
        change = fields;
        action = 'edited';
        const changed = diff(problem, fields);
        if (!changed.changed)
          throw new AppError('validation_failed', '没有需要保存的修改', { _: ['没有需要保存的修改'] });
        logEvent(tx, problemId, actor, action, at, {
          note: `修改了${Object.keys(changed.after)
            .map((key) => fieldLabel('problem', key))
            .join('、')}`,
        });
        break;
      }
    }
    const updated = tx
      .update(problems)
      .set({ ...change, version: problem.version + 1, updatedAt: at })
      .where(and(eq(problems.id, problemId), eq(problems.version, problem.version)))
      .returning()
      .get();
    if (!updated) throw new AppError('stale_version');
    const changes = diff(problem, change);
    auditProjectChange(tx, actor, {
      action: action === 'edited' ? 'update' : action,
      entityType: 'problem',
      entityId: problemId,
      projectId: problem.projectId,
      before: changes.before,
      after: changes.after,
    });
    // A problem raised to the city level is the leaders' to coordinate: each active leader is told.
    if (patch.action === 'escalate' && (updated.level === 'city_meeting' || updated.level === 'city_leader')) {
      notify(tx, {
        userIds: leaderIds(tx),
        kind: 'problem_escalated',
        message: `${project.name}：问题"${short(problem.description, 20)}"上报至${PROBLEM_LEVEL_LABELS[updated.level]}`,
        link: `/projects/${problem.projectId}/problems#problem-${problemId}`,
        projectId: problem.projectId,
        refId: problemId,
        exceptUserId: actor.id,
      });
    }
  });
  return problemDto(problemId);
}

/** A project's problems with each one's log, for the 问题与督办 tab. */
export function listProblemsWithHistory(projectId: number) {
  const list = listProblemsOfProject(projectId);
  const events = listProblemEvents(list.map((p) => p.id));
  return list.map((problem) => ({ ...problem, history: events.filter((e) => e.problemId === problem.id) }));
}

/** The log of one problem, oldest first, as the API's history shape. */
export function problemHistory(problemId: number) {
  findProblem(getDb(), problemId);
  return listProblemEvents([problemId]).map((e) => ({
    at: e.at,
    by: e.byUserId,
    byName: e.byName,
    action: e.action,
    fromLevel: e.fromLevel,
    toLevel: e.toLevel,
    note: e.note,
  }));
}
