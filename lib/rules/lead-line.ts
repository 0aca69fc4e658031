import { LEAD_STAGE_LABELS, type LeadStage } from './enums';

// The lead line and its moves, with no date arithmetic: the board's client code imports these
// without pulling date-fns in. lib/rules/leads.ts re-exports them with the rest of the lead rules.

/** The stages a lead is still being worked in. `landed` and `dropped` are closed. */
export const OPEN_LEAD_STAGES = [
  'prospect',
  'contacting',
  'negotiating',
  'signed',
] as const satisfies readonly LeadStage[];
export type OpenLeadStage = (typeof OPEN_LEAD_STAGES)[number];

/** The main line, in order; `dropped` is off it. */
export const LEAD_LINE = [
  'prospect',
  'contacting',
  'negotiating',
  'signed',
  'landed',
] as const satisfies readonly LeadStage[];

export const isOpenLeadStage = (stage: LeadStage): stage is OpenLeadStage =>
  (OPEN_LEAD_STAGES as readonly LeadStage[]).includes(stage);
const lineIndex = (stage: LeadStage) => (LEAD_LINE as readonly LeadStage[]).indexOf(stage);

export type LeadTransitionCheck =
  | { ok: true; kind: 'forward' | 'backward' | 'drop' | 'reopen' }
  | { ok: false; code: 'invalid_transition' | 'reason_required'; message: string };

/**
 * Forward moves along the line may skip stages (a first meeting can go straight to 洽谈), up to
 * 签约; 已转项目 only comes from converting the lead into a project. Backward moves, dropping and
 * reopening a dropped lead all need a reason, so the history explains every step off the line.
 */
export function checkLeadTransition({
  from,
  to,
  reason,
}: {
  from: LeadStage;
  to: LeadStage;
  reason?: string | null;
}): LeadTransitionCheck {
  const hasReason = Boolean(reason && reason.trim());
  if (from === to)
    return { ok: false, code: 'invalid_transition', message: `线索已处于"${LEAD_STAGE_LABELS[to]}"阶段` };
  if (from === 'landed') return { ok: false, code: 'invalid_transition', message: '已转为项目的线索不能再变更阶段' };
  if (to === 'landed') return { ok: false, code: 'invalid_transition', message: '“已转项目”须通过“转为项目”完成' };
  if (from === 'dropped') {
    if (!hasReason) return { ok: false, code: 'reason_required', message: '重新启用已放弃的线索须填写原因' };
    return { ok: true, kind: 'reopen' };
  }
  if (to === 'dropped') {
    if (!hasReason) return { ok: false, code: 'reason_required', message: '放弃线索必须填写原因' };
    return { ok: true, kind: 'drop' };
  }
  if (lineIndex(to) > lineIndex(from)) return { ok: true, kind: 'forward' };
  if (!hasReason) return { ok: false, code: 'reason_required', message: '退回到之前的阶段必须填写原因' };
  return { ok: true, kind: 'backward' };
}

/** The moves offered on the lead page; `needsReason` opens the reason dialog first. */
export function leadMoveOptions(
  from: LeadStage,
): Array<{ to: LeadStage; needsReason: boolean; kind: 'forward' | 'backward' | 'drop' | 'reopen' }> {
  if (from === 'landed') return [];
  if (from === 'dropped') return OPEN_LEAD_STAGES.map((to) => ({ to, needsReason: true, kind: 'reopen' as const }));
  const i = lineIndex(from);
  const forward = OPEN_LEAD_STAGES.filter((s) => lineIndex(s) > i).map((to) => ({
    to,
    needsReason: false,
    kind: 'forward' as const,
  }));
  const backward = OPEN_LEAD_STAGES.filter((s) => lineIndex(s) < i).map((to) => ({
    to,
    needsReason: true,
    kind: 'backward' as const,
  }));
  return [...forward, ...backward, { to: 'dropped', needsReason: true, kind: 'drop' }];
}
