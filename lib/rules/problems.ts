import { PROBLEM_LEVEL_LABELS, PROBLEM_LEVELS, type ProblemLevel, type SupervisionStatus } from './enums';
import { canRaiseProblem, type Actor, type ProjectScope } from './permissions';

// Pure rules of the 问题清单 and 督办: the escalation ladder and who may act on what.

/** The level one step up the ladder, or null at the top (市主要领导). */
export function nextLevel(level: ProblemLevel): ProblemLevel | null {
  const index = PROBLEM_LEVELS.indexOf(level);
  return index >= 0 && index < PROBLEM_LEVELS.length - 1 ? PROBLEM_LEVELS[index + 1] : null;
}

export type EscalationCheck = { ok: true; to: ProblemLevel } | { ok: false; message: string };

/** Escalation goes exactly one level up; past the top, or a skip or a step down, is refused. */
export function checkEscalation(from: ProblemLevel, requested: ProblemLevel): EscalationCheck {
  const next = nextLevel(from);
  if (!next) return { ok: false, message: `问题已在最高层级（${PROBLEM_LEVEL_LABELS[from]}），不能再上报` };
  if (requested !== next)
    return { ok: false, message: `只能逐级上报：当前层级的上一级是"${PROBLEM_LEVEL_LABELS[next]}"` };
  return { ok: true, to: next };
}

/** Levels at or above `level`, for the leaders' view of what has reached them. */
export function levelsFrom(level: ProblemLevel): ProblemLevel[] {
  return PROBLEM_LEVELS.slice(PROBLEM_LEVELS.indexOf(level));
}

/** Raising, escalating, editing and closing off are open to whoever may raise problems on the project. */
export function canWorkProblem(actor: Actor, project: ProjectScope): boolean {
  return canRaiseProblem(actor, project);
}

/** Only leaders and admins reopen a closed problem. */
export function canReopenProblem(actor: Actor): boolean {
  return actor.role === 'leader' || actor.role === 'admin';
}

export interface SupervisionScope {
  assigneeId: number | null;
  project: ProjectScope;
}

/**
 * Only the responsible officer (the 督办's assignee) or an admin replies. A 督办 with no assignee
 * falls to the officers who may edit the project.
 */
export function canReplySupervision(actor: Actor, supervision: SupervisionScope): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'officer') return false;
  if (supervision.assigneeId != null) return supervision.assigneeId === actor.id;
  return supervision.project.unitId === actor.unitId || supervision.project.ownerId === actor.id;
}

/** Leaders and admins mark a 督办 已办结 or send it back. */
export function canReviewSupervision(actor: Actor): boolean {
  return actor.role === 'leader' || actor.role === 'admin';
}

/** 督办 still waiting on someone: the officer (open, returned) or the leader (replied). */
export const OPEN_SUPERVISION_STATUSES: readonly SupervisionStatus[] = ['open', 'replied', 'returned'];

/** Statuses in which the officer owes a reply. */
export const AWAITING_REPLY_STATUSES: readonly SupervisionStatus[] = ['open', 'returned'];

export type ReviewCheck = { ok: true } | { ok: false; message: string };

/** 已办结 closes any open 督办; 退回 sends back a reply, so only a replied one. */
export function checkReview(status: SupervisionStatus, to: 'done' | 'returned'): ReviewCheck {
  if (status === 'done') return { ok: false, message: '该督办已办结' };
  if (to === 'returned' && status !== 'replied') return { ok: false, message: '只能退回已回复的督办' };
  return { ok: true };
}

export function canReplyInStatus(status: SupervisionStatus): boolean {
  return status !== 'done';
}
