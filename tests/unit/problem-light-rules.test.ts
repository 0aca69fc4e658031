import { describe, expect, it } from 'vitest';
import { addDaysIso } from '@/lib/rules/dates';
import { computeLight, type LightFacts } from '@/lib/rules/light';
import {
  canReplySupervision,
  canReviewSupervision,
  canReopenProblem,
  checkEscalation,
  checkReview,
  nextLevel,
} from '@/lib/rules/problems';
import { alertHref, compareAlerts, lateness, type Alert } from '@/lib/rules/alerts';
import type { Actor } from '@/lib/rules/permissions';

const TODAY = '2026-06-15';
const base: LightFacts = {
  stage: 'approvals',
  status: 'active',
  stageEnteredAt: `${addDaysIso(TODAY, -10)}T02:00:00.000Z`,
  stageDueDate: null,
  createdAt: `${addDaysIso(TODAY, -40)}T02:00:00.000Z`,
  openTasks: [],
  reportMonths: ['2026-05'],
};
const light = (facts: Partial<LightFacts>) => computeLight({ ...base, ...facts }, { today: TODAY });
const problem = (deadlineOffset: number, ageDays = 5) => ({
  id: 7,
  description: '用地指标不足',
  deadline: addDaysIso(TODAY, deadlineOffset),
  createdAt: `${addDaysIso(TODAY, -ageDays)}T02:00:00.000Z`,
});

// A deadline passed is red; one due within 3 days, yellow; problems and 督办 alike.
const DEADLINE_CASES: [number, 'red' | 'yellow' | 'green'][] = [
  [-1, 'red'],
  [0, 'yellow'],
  [3, 'yellow'],
  [4, 'green'],
];

describe('problem deadline signal', () => {
  it.each(DEADLINE_CASES)('deadline %i days from today gives %s', (offset, expected) => {
    const result = light({ openProblems: [problem(offset)] });
    expect(result.light).toBe(expected);
    if (expected !== 'green')
      expect(result.signals[0]).toMatchObject({
        kind: 'problem_overdue',
        severity: expected,
        refId: 7,
        dueDate: addDaysIso(TODAY, offset),
      });
  });

  it('says by how much it is late', () => {
    expect(light({ openProblems: [problem(-6)] }).reasons[0]).toContain('已超解决时限 6 天');
  });

  it('rechecks on the day the light next changes', () => {
    expect(light({ openProblems: [problem(10)] }).recheckOn).toBe(addDaysIso(TODAY, 7));
    expect(light({ openProblems: [problem(2)] }).recheckOn).toBe(addDaysIso(TODAY, 3));
  });
});

describe('problem open for more than 30 days', () => {
  it.each([
    [30, false],
    [31, true],
  ])('open %i days: aging is %s', (age, aging) => {
    const result = light({ openProblems: [problem(20, age)] });
    expect(result.signals.some((s) => s.kind === 'problem_aging')).toBe(aging);
    expect(result.light).toBe(aging ? 'yellow' : 'green');
  });

  it('counts age in Beijing days: raised at 01:00 Beijing (previous day in UTC) on day 0', () => {
    // 2026-05-15T17:30Z is 2026-05-16 01:30 in Beijing: 30 days before TODAY, not 31.
    const result = light({
      openProblems: [
        { id: 1, description: 'x', deadline: addDaysIso(TODAY, 20), createdAt: '2026-05-15T17:30:00.000Z' },
      ],
    });
    expect(result.signals.some((s) => s.kind === 'problem_aging')).toBe(false);
  });
});

describe('督办 deadline signal', () => {
  it.each(DEADLINE_CASES)('deadline %i days from today gives %s', (offset, expected) => {
    const result = light({
      openSupervisions: [{ id: 3, content: '加快施工许可办理', deadline: addDaysIso(TODAY, offset) }],
    });
    expect(result.light).toBe(expected);
    if (expected !== 'green')
      expect(result.signals[0]).toMatchObject({ kind: 'supervision_overdue', severity: expected, refId: 3 });
  });

  it('a red signal outranks a yellow one on the same project', () => {
    const result = light({
      openProblems: [problem(2)],
      openSupervisions: [{ content: '督办', deadline: addDaysIso(TODAY, -2) }],
    });
    expect(result.light).toBe('red');
    expect(result.signals.map((s) => s.severity)).toEqual(['red', 'yellow']);
  });

  it('suspended projects are not chased: grey, never green', () => {
    expect(light({ status: 'suspended', openProblems: [problem(-5)] }).light).toBe('grey');
  });
});

describe('escalation order', () => {
  it('climbs 县区 → 市直部门 → 市级协调会 → 市主要领导 and stops', () => {
    expect(nextLevel('county')).toBe('department');
    expect(nextLevel('department')).toBe('city_meeting');
    expect(nextLevel('city_meeting')).toBe('city_leader');
    expect(nextLevel('city_leader')).toBeNull();
  });
  it('allows exactly one level up', () => {
    expect(checkEscalation('county', 'department')).toEqual({ ok: true, to: 'department' });
    expect(checkEscalation('county', 'city_meeting').ok).toBe(false);
    expect(checkEscalation('department', 'county').ok).toBe(false);
    expect(checkEscalation('department', 'department').ok).toBe(false);
    const top = checkEscalation('city_leader', 'city_leader');
    expect(top.ok).toBe(false);
    if (!top.ok) expect(top.message).toContain('最高层级');
  });
});

describe('who may act on a 督办 or a closed problem', () => {
  const officer: Actor = { id: 10, role: 'officer', unitId: 1 };
  const colleague: Actor = { id: 11, role: 'officer', unitId: 1 };
  const outsider: Actor = { id: 12, role: 'officer', unitId: 2 };
  const leader: Actor = { id: 20, role: 'leader', unitId: null };
  const admin: Actor = { id: 30, role: 'admin', unitId: 5 };
  const investment: Actor = { id: 40, role: 'investment', unitId: 6 };
  const order = { assigneeId: 10, project: { unitId: 1, ownerId: 10 } };

  it('only the assignee or an admin replies', () => {
    expect(canReplySupervision(officer, order)).toBe(true);
    expect(canReplySupervision(admin, order)).toBe(true);
    expect(canReplySupervision(colleague, order)).toBe(false);
    expect(canReplySupervision(outsider, order)).toBe(false);
    expect(canReplySupervision(leader, order)).toBe(false);
    expect(canReplySupervision(investment, order)).toBe(false);
  });
  it('with no assignee, the officers of the project reply', () => {
    const unassigned = { assigneeId: null, project: { unitId: 1, ownerId: null } };
    expect(canReplySupervision(colleague, unassigned)).toBe(true);
    expect(canReplySupervision(outsider, unassigned)).toBe(false);
  });
  it('only leaders and admins close or return a 督办, and reopen a problem', () => {
    for (const [actor, allowed] of [
      [leader, true],
      [admin, true],
      [officer, false],
      [investment, false],
    ] as const) {
      expect(canReviewSupervision(actor)).toBe(allowed);
      expect(canReopenProblem(actor)).toBe(allowed);
    }
  });
  it('已办结 is final; only a replied 督办 can be sent back', () => {
    expect(checkReview('open', 'done').ok).toBe(true);
    expect(checkReview('replied', 'returned').ok).toBe(true);
    expect(checkReview('open', 'returned').ok).toBe(false);
    expect(checkReview('done', 'done').ok).toBe(false);
    expect(checkReview('done', 'returned').ok).toBe(false);
  });
});

describe('alerts', () => {
  it('link to the place to fix them', () => {
    expect(alertHref('task_overdue', { projectId: 4 })).toBe('/projects/4/tasks');
    expect(alertHref('report_missing', { projectId: 4 })).toBe('/projects/4/reports');
    expect(alertHref('problem_overdue', { projectId: 4, refId: 9 })).toBe('/projects/4/problems#problem-9');
    expect(alertHref('supervision_pending', { projectId: 4, refId: 2 })).toBe('/projects/4/problems#supervision-2');
    expect(alertHref('lead_overdue', { leadId: 8 })).toBe('/leads/8');
    expect(alertHref('stage_due', { projectId: 4 })).toBe('/projects/4');
  });
  it('sort red first, then by due date, undated last', () => {
    const a = (key: string, severity: 'red' | 'yellow', dueDate: string | null) =>
      ({ key, severity, dueDate }) as Alert;
    const sorted = [
      a('1', 'yellow', '2026-01-01'),
      a('2', 'red', null),
      a('3', 'red', '2026-02-01'),
      a('4', 'red', '2026-01-05'),
    ].sort(compareAlerts);
    expect(sorted.map((x) => x.key)).toEqual(['4', '3', '2', '1']);
  });
  it('say how late in words', () => {
    expect(lateness(5)).toBe('逾期 5 天');
    expect(lateness(0)).toBe('今天到期');
    expect(lateness(-2)).toBe('还有 2 天');
  });
});
