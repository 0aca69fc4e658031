'use client';

import type { ActionState } from '@/lib/auth/action-state';
import { LEAD_STAGE_LABELS, STAGE_LABELS, type LeadStage, type Stage } from '@/lib/rules/enums';
import { reachableStages } from '@/lib/rules/stages';
import type { BoardKind, CardData } from './types';

// The kind-specific parts of a move. The board itself knows nothing of projects or leads: it asks
// the mover which stages a card may go to, whether the move needs the dialog first, and sends it.

export interface Mover {
  targets(card: CardData): Array<{ stage: string; label: string; backward: boolean }>;
  needsDialog(card: CardData, to: string): Promise<boolean>;
  send(card: CardData, to: string): Promise<ActionState<Partial<CardData>>>;
  stageLabel(stage: string): string;
}

const projectMover: Mover = {
  targets(card) {
    const { forward, backward } = reachableStages(card.stage as Stage);
    return [...forward.map((stage) => ({ stage, label: STAGE_LABELS[stage], backward: false })), ...backward.map((stage) => ({ stage, label: STAGE_LABELS[stage], backward: true }))];
  },
  // The dialog module (and the action it calls) loads with the first move, not with the board.
  needsDialog: async (card, to) => (await import('@/components/projects/stage-move-dialog')).moveNeedsReason(card.stage as Stage, to as Stage),
  send: async (card, to) => {
    const { requestStageMove } = await import('@/components/projects/stage-move-dialog');
    const name = card.kind === 'projects' ? card.name : card.company;
    return (await requestStageMove({ id: card.id, name, stage: card.stage as Stage, version: card.version }, to as Stage)) as ActionState<Partial<CardData>>;
  },
  stageLabel: (stage) => STAGE_LABELS[stage as Stage] ?? stage,
};

/**
 * Lead moves arrive with the lead transition domain function (issue 6); until then lead cards are
 * not movable (the server sets `movable: false`) and this mover refuses, so nothing half-works.
 */
const leadMover: Mover = {
  targets: () => [],
  needsDialog: async () => false,
  send: async () => ({ ok: false, code: 'forbidden', message: '线索阶段请在线索页面中变更' }),
  stageLabel: (stage) => LEAD_STAGE_LABELS[stage as LeadStage] ?? stage,
};

export const MOVERS: Record<BoardKind, Mover> = { projects: projectMover, leads: leadMover };
