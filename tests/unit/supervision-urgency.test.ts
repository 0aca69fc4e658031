import { describe, expect, it } from 'vitest';
import { computeLight, type LightFacts } from '@/lib/rules/light';
import { DEFAULT_DIGEST_KINDS, digestKindsOf } from '@/lib/rules/notifications';

// 紧急 督办 (issue 15 point 2): red from the day it is issued, whatever the deadline; a 一般 one
// only near or past its deadline.

const facts = (urgency: 'normal' | 'urgent', deadline: string): LightFacts => ({
  stage: 'construction',
  status: 'active',
  stageEnteredAt: '2026-06-01T02:00:00.000Z',
  stageDueDate: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  openTasks: [],
  reportMonths: ['2026-09', '2026-10', '2026-11'],
  openSupervisions: [{ id: 7, content: '加快办理施工许可', deadline, urgency }],
});
const signals = (today: string, f: LightFacts) =>
  computeLight(f, { today })
    .signals.filter((s) => s.kind.startsWith('supervision'))
    .map((s) => [s.kind, s.severity, s.refId]);

describe('紧急 督办 light', () => {
  it('is red from the start and turns into the overdue signal after its deadline', () => {
    expect(signals('2026-11-20', facts('urgent', '2026-12-31'))).toEqual([['supervision_urgent', 'red', 7]]);
    expect(computeLight(facts('urgent', '2026-12-31'), { today: '2026-11-20' }).light).toBe('red');
    expect(signals('2026-12-31', facts('urgent', '2026-12-31'))).toEqual([['supervision_urgent', 'red', 7]]);
    expect(signals('2027-01-01', facts('urgent', '2026-12-31'))).toEqual([['supervision_overdue', 'red', 7]]);
    // The stored light is looked at again by the day after the deadline at the latest.
    const recheck = computeLight(facts('urgent', '2026-12-31'), { today: '2026-12-20' }).recheckOn;
    expect(recheck).not.toBeNull();
    expect(recheck! <= '2027-01-01').toBe(true);
  });

  it('a 一般 督办 far from its deadline gives no signal', () => {
    expect(signals('2026-11-20', facts('normal', '2026-12-31'))).toEqual([]);
    expect(computeLight(facts('normal', '2026-12-31'), { today: '2026-11-20' }).light).toBe('green');
  });
});

describe('digest kinds', () => {
  it('null means the defaults; a choice keeps known kinds only, in their order', () => {
    expect(digestKindsOf(null)).toEqual([...DEFAULT_DIGEST_KINDS]);
    expect(digestKindsOf([])).toEqual([]);
    expect(digestKindsOf(['light_red', 'nonsense', 'supervision_issued'])).toEqual(['supervision_issued', 'light_red']);
  });
});
