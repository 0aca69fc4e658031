'use client';

import type { ActionState } from '@/lib/auth/action-state';
import { LEAD_STAGE_LABELS, STAGE_LABELS, type LeadStage, type Stage } from '@/lib/rules/enums';
import { leadMoveOptions } from '@/lib/rules/lead-line';
import { reachableStages } from '@/lib/rules/stages';
import type { BoardKind, CardData } from '@/lib/board-types';
import type { MoveLeadAction } from '@/components/leads/lead-stage-controls';
import type { MoveProjectAction } from '@/components/projects/stage-move-dialog';

// The kind-specific parts of a move. The board itself knows nothing of projects or leads: it asks
// the mover which stages a card may go to, whether the move needs the dialog first, and sends it.

export interface Mover {
  targets(card: CardData): Array<{ stage: string; label: string; backward: boolean }>;
  needsDialog(card: CardData, to: string): Promise<boolean>;
  send(card: CardData, to: string): Promise<ActionState<Partial<CardData>>>;
  stageLabel(stage: string): string;
}

const projectMover = (moveAction: MoveProjectAction): Mover => ({
  targets(card) {
    const { forward, backward } = reachableStages(card.stage as Stage);
    return [
      ...forward.map((stage) => ({ stage, label: STAGE_LABELS[stage], backward: false })),
      ...backward.map((stage) => ({ stage, label: STAGE_LABELS[stage], backward: true })),
    ];
  },
  // The dialog module loads with the first move, not with the board.
  needsDialog: async (card, to) =>
    (await import('@/components/projects/stage-move-dialog')).moveNeedsReason(card.stage as Stage, to as Stage),
  send: async (card, to) => {
    const { requestStageMove } = await import('@/components/projects/stage-move-dialog');
    const name = card.kind === 'projects' ? card.name : card.company;
    return (await requestStageMove(
      moveAction,
      { id: card.id, name, stage: card.stage as Stage, version: card.version },
      to as Stage,
    )) as ActionState<Partial<CardData>>;
  },
  stageLabel: (stage) => STAGE_LABELS[stage as Stage] ?? stage,
});

/**
 * On the leads board a card moves forward along the line. Moves that need a reason (back, drop,
 * reopen) and the conversion into a project are made on the lead's page, where the reason is asked.
 */
function leadMover(moveAction: MoveLeadAction): Mover {
  const mover: Mover = {
    targets: (card) =>
      leadMoveOptions(card.stage as LeadStage)
        .filter((option) => option.kind === 'forward' && !option.needsReason)
        .map((option) => ({ stage: option.to, label: LEAD_STAGE_LABELS[option.to], backward: false })),
    needsDialog: async () => false,
    send: async (card, to) => {
      const allowed = mover.targets(card).some((target) => target.stage === to);
      if (!allowed)
        return {
          ok: false,
          code: 'invalid_transition',
          message: '退回、放弃和转为项目须在线索页面办理（需填写原因或转为项目）',
        };
      return (await moveAction({ leadId: card.id, to: to as LeadStage, version: card.version })) as ActionState<
        Partial<CardData>
      >;
    },
    stageLabel: (stage) => LEAD_STAGE_LABELS[stage as LeadStage] ?? stage,
  };
  return mover;
}

/** The page hands the board its kind's move action: moveProjectAction or moveLeadAction. */
export type BoardMoveAction = MoveProjectAction | MoveLeadAction;

export function createMover(kind: BoardKind, moveAction: BoardMoveAction): Mover {
  return kind === 'projects' ? projectMover(moveAction as MoveProjectAction) : leadMover(moveAction as MoveLeadAction);
}

/**
 * Whether dropping the dragged card on a cell would be refused: another swimlane, or a stage the
 * card may not go to by the mover's rules. Its own cell is not refused (dropping there does nothing).
 */
export function refusesDrop(
  mover: Pick<Mover, 'targets'>,
  dragged: { card: CardData; laneKey: string } | null,
  laneKey: string,
  stage: string,
): boolean {
  if (!dragged) return false;
  if (dragged.laneKey !== laneKey) return true;
  if (stage === dragged.card.stage) return false;
  return !mover.targets(dragged.card).some((target) => target.stage === stage);
}
