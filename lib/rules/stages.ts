import { STAGES, type Stage } from './enums';

export type TransitionCheck =
  | { ok: true; direction: 'forward' | 'backward' }
  | { ok: false; code: 'invalid_transition' | 'reason_required' | 'approvals_incomplete'; message: string };

export interface TransitionRequest {
  from: Stage;
  to: Stage;
  reason?: string | null;
  override?: boolean;
  /** Names of 前期手续 items that are neither done nor not applicable. */
  openApprovals: string[];
}

export const stageIndex = (stage: Stage) => STAGES.indexOf(stage);

/**
 * The stage rules of DOMAIN.md: forward one stage at a time, skipping only `signed`;
 * backward to any earlier stage with a reason; into construction with open approvals only as
 * an override with a reason.
 */
export function checkTransition({ from, to, reason, override, openApprovals }: TransitionRequest): TransitionCheck {
  if (from === to) return { ok: false, code: 'invalid_transition', message: '项目已处于该阶段' };
  const hasReason = Boolean(reason && reason.trim());
  const step = stageIndex(to) - stageIndex(from);
  if (step < 0) {
    if (!hasReason) return { ok: false, code: 'reason_required', message: '退回到之前的阶段必须填写原因' };
    return { ok: true, direction: 'backward' };
  }
  const skipsOnlySigned = step === 2 && STAGES[stageIndex(from) + 1] === 'signed';
  if (step > 1 && !skipsOnlySigned) {
    return { ok: false, code: 'invalid_transition', message: '只能逐级推进（仅"已签约"阶段可跳过）' };
  }
  if (to === 'construction' && openApprovals.length > 0) {
    if (!override) {
      return {
        ok: false,
        code: 'approvals_incomplete',
        message: `前期手续尚有 ${openApprovals.length} 项未办结，不能开工（未批先建）`,
      };
    }
    if (!hasReason) return { ok: false, code: 'reason_required', message: '强制开工必须填写原因' };
  }
  return { ok: true, direction: 'forward' };
}

/** The stages a project may move to next, forward ones first (backward ones need a reason). */
export function reachableStages(from: Stage): { forward: Stage[]; backward: Stage[] } {
  const i = stageIndex(from);
  const forward: Stage[] = [];
  if (i + 1 < STAGES.length) forward.push(STAGES[i + 1]);
  if (STAGES[i + 1] === 'signed' && i + 2 < STAGES.length) forward.push(STAGES[i + 2]);
  return { forward, backward: STAGES.slice(0, i) as Stage[] };
}
