import { describe, expect, it } from 'vitest';
import { STAGES, type Stage } from '@/lib/rules/enums';
import { checkTransition, reachableStages } from '@/lib/rules/stages';

// Every ordered pair of stages, with the expected outcome without a reason and without open approvals.
const ALLOWED_FORWARD: Array<[Stage, Stage]> = [
  ['reserve', 'signed'],
  ['reserve', 'approvals'],
  ['signed', 'approvals'],
  ['approvals', 'construction'],
  ['construction', 'completed'],
  ['completed', 'operating'],
];

const pairs = STAGES.flatMap((from) => STAGES.map((to) => [from, to] as [Stage, Stage]));
const isAllowedForward = (from: Stage, to: Stage) => ALLOWED_FORWARD.some(([f, t]) => f === from && t === to);

describe('checkTransition: every pair', () => {
  it.each(pairs)('%s → %s', (from, to) => {
    const step = STAGES.indexOf(to) - STAGES.indexOf(from);
    const bare = checkTransition({ from, to, openApprovals: [] });
    const withReason = checkTransition({ from, to, reason: '调度会决定', openApprovals: [] });
    if (step === 0) {
      expect(bare).toMatchObject({ ok: false, code: 'invalid_transition' });
      expect(withReason).toMatchObject({ ok: false, code: 'invalid_transition' });
    } else if (step < 0) {
      expect(bare).toMatchObject({ ok: false, code: 'reason_required' });
      expect(withReason).toEqual({ ok: true, direction: 'backward' });
      expect(checkTransition({ from, to, reason: '   ', openApprovals: [] })).toMatchObject({
        ok: false,
        code: 'reason_required',
      });
    } else if (isAllowedForward(from, to)) {
      expect(bare).toEqual({ ok: true, direction: 'forward' });
    } else {
      expect(bare).toMatchObject({ ok: false, code: 'invalid_transition' });
      expect(withReason).toMatchObject({ ok: false, code: 'invalid_transition' });
    }
  });

  it('reachableStages agrees with checkTransition for every stage', () => {
    for (const from of STAGES) {
      const { forward, backward } = reachableStages(from);
      expect(forward).toEqual(STAGES.filter((to) => isAllowedForward(from, to)));
      expect(backward).toEqual(STAGES.slice(0, STAGES.indexOf(from)));
    }
  });
});

describe('the construction gate', () => {
  const open = ['建设工程规划许可证', '施工许可证'];

  it('refuses construction while approvals are open, naming how many', () => {
    const result = checkTransition({ from: 'approvals', to: 'construction', openApprovals: open });
    expect(result).toMatchObject({ ok: false, code: 'approvals_incomplete' });
    if (!result.ok) expect(result.message).toContain('2 项');
  });

  it('an override still needs a reason', () => {
    expect(
      checkTransition({ from: 'approvals', to: 'construction', override: true, openApprovals: open }),
    ).toMatchObject({ ok: false, code: 'reason_required' });
    expect(
      checkTransition({ from: 'approvals', to: 'construction', override: true, reason: ' ', openApprovals: open }),
    ).toMatchObject({ ok: false, code: 'reason_required' });
  });

  it('an override with a reason passes', () => {
    expect(
      checkTransition({
        from: 'approvals',
        to: 'construction',
        override: true,
        reason: '专题会议同意',
        openApprovals: open,
      }),
    ).toEqual({ ok: true, direction: 'forward' });
  });

  it('a reason alone is no override', () => {
    expect(
      checkTransition({ from: 'approvals', to: 'construction', reason: '专题会议同意', openApprovals: open }),
    ).toMatchObject({ ok: false, code: 'approvals_incomplete' });
  });

  it('passes without override once every item is done or not applicable', () => {
    expect(checkTransition({ from: 'approvals', to: 'construction', openApprovals: [] })).toEqual({
      ok: true,
      direction: 'forward',
    });
  });

  it('does not gate moves into other stages', () => {
    expect(checkTransition({ from: 'construction', to: 'completed', openApprovals: open })).toEqual({
      ok: true,
      direction: 'forward',
    });
  });
});
