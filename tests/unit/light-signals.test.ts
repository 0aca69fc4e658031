import { describe, expect, it } from 'vitest';
import {
  computeLight,
  nextScheduleChange,
  scheduleMonths,
  type LightFacts,
  type LightOptions,
} from '@/lib/rules/light';

// The signals of issue 11: 序时进度, 计划开工/竣工, 前期手续 overdue and 未批先建, plus grey.
// Each table walks the day before, the day of and the day after a threshold.

const base = (overrides: Partial<LightFacts> = {}): LightFacts => ({
  stage: 'construction',
  status: 'active',
  stageEnteredAt: '2025-03-01T02:00:00.000Z',
  stageDueDate: null,
  createdAt: '2024-06-01T00:00:00.000Z',
  openTasks: [],
  // Every month's report is in, so report_missing never speaks in these tables.
  reportMonths: Array.from(
    { length: 36 },
    (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
  ),
  ...overrides,
});

const at = (today: string, facts: LightFacts, options: Omit<LightOptions, 'today'> = {}) =>
  computeLight(facts, { today, ...options });
const kinds = (today: string, facts: LightFacts, options: Omit<LightOptions, 'today'> = {}) =>
  at(today, facts, options).signals.map((s) => `${s.kind}:${s.severity}`);
const signal = (today: string, facts: LightFacts, kind: string, options: Omit<LightOptions, 'today'> = {}) =>
  at(today, facts, options).signals.find((s) => s.kind === kind);

describe('schedule_lag: which months count', () => {
  it.each([
    ['2026-01-01', 0],
    ['2026-01-20', 0],
    ['2026-01-31', 0],
    ['2026-02-05', 0],
    ['2026-02-06', 1],
    ['2026-03-05', 1],
    ['2026-03-06', 2],
    ['2026-03-07', 2],
    ['2026-11-05', 9],
    ['2026-11-06', 10],
    ['2026-12-31', 11],
  ])('on %s the months Jan..M with M = %i count', (day, months) => expect(scheduleMonths(day)).toBe(months));

  it.each([
    ['2026-03-05', '2026-03-06'],
    ['2026-03-06', '2026-04-06'],
    ['2026-11-20', '2026-12-06'],
    // In December the new year comes first: this year's reports and plan stop counting on 1 January.
    ['2026-12-10', '2027-01-01'],
    ['2027-01-01', '2027-01-06'],
  ])('after %s the months next change on %s', (day, next) => expect(nextScheduleChange(day)).toBe(next));
});

describe('schedule_lag: 序时进度 of a project under construction', () => {
  // Plan 1,200 万元: each month is 100 万元, 8⅓ points.
  const lagging = (completedThisYear: number, overrides: Partial<LightFacts> = {}) =>
    base({ planThisYear: 1200, completedThisYear, ...overrides });

  it.each([
    // On 2026-11-20 ten months count: 83⅓% expected. 880 done = 73⅓%: exactly 10 points behind.
    [881, null],
    [880, 'yellow'],
    [879, 'yellow'],
    // 760 done = 63⅓%: exactly 20 points behind.
    [761, 'yellow'],
    [760, 'red'],
    [759, 'red'],
    [0, 'red'],
    [1200, null],
  ])('with %i of 1,200 done on 2026-11-20: %s', (done, severity) => {
    expect(signal('2026-11-20', lagging(done), 'schedule_lag')?.severity ?? null).toBe(severity);
  });

  it('compares in integers: exactly 10 points is yellow even where floating point says 9.999…', () => {
    // Two months count on 2026-03-20: 2/12×100 − 2/30×100 is exactly 10, and 9.999999999999996 in floating point.
    expect((2 / 12) * 100 - (2 / 30) * 100).toBeLessThan(10);
    expect(signal('2026-03-20', base({ planThisYear: 30, completedThisYear: 2 }), 'schedule_lag')?.severity).toBe(
      'yellow',
    );
    expect(signal('2026-03-20', base({ planThisYear: 30, completedThisYear: 3 }), 'schedule_lag')).toBeUndefined();
  });

  it('names the completion rate and the points behind, for a leader', () => {
    const lag = signal('2026-11-20', lagging(372), 'schedule_lag')!;
    expect(lag.message).toBe('投资完成率 31%，落后序时进度 52 个百分点（应完成年度计划的 83%）');
    expect(lag.dueDate).toBeNull();
  });

  it.each([
    // Nothing is expected in January, nor on February 1–5 (January's report is due on the 5th).
    ['2026-01-01', null],
    ['2026-01-31', null],
    ['2026-02-05', null],
    // From February 6 January counts: 8⅓% expected, and nothing done is 8⅓ points behind: still under 10.
    ['2026-02-06', null],
    ['2026-03-05', null],
    // From March 6 two months: 16⅔ points behind, yellow; from April 6 three months: 25, red.
    ['2026-03-06', 'yellow'],
    ['2026-04-05', 'yellow'],
    ['2026-04-06', 'red'],
  ])('with nothing done yet, on %s: %s', (day, severity) => {
    expect(signal(day, lagging(0), 'schedule_lag')?.severity ?? null).toBe(severity);
  });

  it('a project not under construction, or without a plan this year, has no 序时进度', () => {
    expect(signal('2026-11-20', lagging(0, { stage: 'approvals' }), 'schedule_lag')).toBeUndefined();
    expect(signal('2026-11-20', lagging(0, { stage: 'completed' }), 'schedule_lag')).toBeUndefined();
    expect(signal('2026-11-20', base({ planThisYear: 0, completedThisYear: 0 }), 'schedule_lag')).toBeUndefined();
  });

  it('uses the thresholds from the settings', () => {
    const options = { scheduleLagThresholds: { yellow: 5, red: 8 } };
    // 1,000 of 1,200 done on 2026-11-20: 83⅓% − 83⅓% = 0 points; 940 done: 5 points; 904 done: 8 points.
    expect(signal('2026-11-20', lagging(1000), 'schedule_lag', options)).toBeUndefined();
    expect(signal('2026-11-20', lagging(941), 'schedule_lag', options)).toBeUndefined();
    expect(signal('2026-11-20', lagging(940), 'schedule_lag', options)?.severity).toBe('yellow');
    expect(signal('2026-11-20', lagging(904), 'schedule_lag', options)?.severity).toBe('red');
  });

  it('is rechecked on the 6th, when another month starts to count', () => {
    // 2026-03-02: one month counts, nothing else changes before March 6.
    expect(at('2026-03-02', lagging(0)).recheckOn).toBe('2026-03-06');
    expect(at('2026-03-06', lagging(0)).recheckOn).toBe('2026-04-01');
  });
});

describe('start_overdue: 计划开工未开工', () => {
  const facts = base({ stage: 'approvals', plannedStartDate: '2026-05-01' });
  it.each([
    ['2026-04-15', null],
    ['2026-04-16', 'yellow'],
    ['2026-05-01', 'yellow'],
    ['2026-05-02', 'red'],
  ])('on %s: %s', (day, severity) => expect(signal(day, facts, 'start_overdue')?.severity ?? null).toBe(severity));

  it('says how long ago the start date passed', () => {
    expect(signal('2026-11-20', facts, 'start_overdue')?.message).toBe('计划开工日期 2026-05-01 已过 203 天仍未开工');
    expect(signal('2026-04-20', facts, 'start_overdue')?.message).toBe(
      '距计划开工日期 2026-05-01 还有 11 天，尚未开工',
    );
  });
  it('a started project is not chased for its start', () =>
    expect(signal('2026-11-20', { ...facts, stage: 'construction' }, 'start_overdue')).toBeUndefined());
  it('is rechecked when it turns yellow and red', () => {
    expect(at('2026-04-10', { ...facts, reportMonths: [], stage: 'reserve' }).recheckOn).toBe('2026-04-16');
    expect(at('2026-04-20', { ...facts, stage: 'reserve' }).recheckOn).toBe('2026-05-01');
  });
});

describe('completion_overdue: 计划竣工未竣工', () => {
  const facts = base({ plannedCompletionDate: '2026-09-30' });
  it.each([
    ['2026-09-14', null],
    ['2026-09-15', 'yellow'],
    ['2026-09-30', 'yellow'],
    ['2026-10-01', 'red'],
  ])('on %s: %s', (day, severity) => expect(signal(day, facts, 'completion_overdue')?.severity ?? null).toBe(severity));
  it('names the date', () =>
    expect(signal('2026-10-03', facts, 'completion_overdue')?.message).toBe(
      '计划竣工日期 2026-09-30 已过 3 天仍未竣工',
    ));
  it('only while under construction', () => {
    expect(signal('2026-10-03', { ...facts, stage: 'completed' }, 'completion_overdue')).toBeUndefined();
    expect(signal('2026-10-03', { ...facts, stage: 'approvals' }, 'completion_overdue')).toBeUndefined();
  });
});

describe('approval_overdue: a 前期手续 item past its due date', () => {
  const item = (
    status: 'pending' | 'in_progress' | 'done' | 'not_applicable',
    dueDate: string | null = '2026-10-01',
  ) => ({ id: 7, name: '建设工程规划许可证', status, dueDate });
  const facts = base({ stage: 'approvals', approvals: [item('in_progress')] });
  it.each([
    ['2026-10-01', null],
    ['2026-10-02', 'yellow'],
    // 30 days past is still yellow; more than 30 days past is red.
    ['2026-10-31', 'yellow'],
    ['2026-11-01', 'red'],
    ['2026-11-02', 'red'],
  ])('on %s: %s', (day, severity) => expect(signal(day, facts, 'approval_overdue')?.severity ?? null).toBe(severity));

  it('names the item and the days past, and links to it', () => {
    const overdue = signal('2026-10-31', facts, 'approval_overdue')!;
    expect(overdue).toMatchObject({
      message: '前期手续"建设工程规划许可证"已超过办理时限 30 天未办结',
      dueDate: '2026-10-01',
      refId: 7,
    });
  });
  it('done, 不涉及 and undated items are not chased', () => {
    for (const approvals of [[item('done')], [item('not_applicable')], [item('pending', null)]]) {
      expect(signal('2026-11-20', { ...facts, approvals }, 'approval_overdue')).toBeUndefined();
    }
  });
  it('one signal per overdue item', () => {
    const two = {
      ...facts,
      approvals: [item('pending', '2026-09-01'), { ...item('pending', '2026-11-10'), id: 8, name: '施工许可证' }],
    };
    expect(kinds('2026-11-20', two).filter((k) => k.startsWith('approval_overdue'))).toEqual([
      'approval_overdue:red',
      'approval_overdue:yellow',
    ]);
  });
  it('is rechecked on the day after the due date, then 31 days after it', () => {
    expect(at('2026-09-20', { ...facts, stage: 'reserve' }).recheckOn).toBe('2026-10-01');
    expect(at('2026-10-02', { ...facts, stage: 'reserve' }).recheckOn).toBe('2026-11-01');
  });
});

describe('approvals_overridden: 未批先建', () => {
  const open = (dueDate: string | null, id = 1) => ({ id, name: `事项${id}`, status: 'pending' as const, dueDate });
  const four = [open('2026-10-01', 1), open(null, 2), open('2026-12-01', 3), open(null, 4)];
  const facts = base({ approvals: [...four, { id: 5, name: '立项', status: 'done', dueDate: null }] });

  it('flags a project under construction with open items: yellow, naming how many', () => {
    const result = at('2026-10-15', facts);
    expect(result.approvalsOverridden).toBe(true);
    expect(result.signals).toEqual([
      {
        kind: 'approvals_overridden',
        severity: 'yellow',
        message: '未批先建：4 项前期手续未办结',
        dueDate: '2026-10-01',
      },
    ]);
  });
  it.each([
    ['2026-10-31', 'yellow'],
    ['2026-11-01', 'red'],
    ['2026-11-02', 'red'],
  ])('an open item more than 30 days past due turns it red: on %s %s', (day, severity) => {
    expect(signal(day, facts, 'approvals_overridden')?.severity).toBe(severity);
  });
  it('the red reason names the late item, and approval_overdue does not repeat it', () => {
    const result = at('2026-11-20', facts);
    expect(result.reasons).toEqual(['未批先建：4 项前期手续未办结，其中"事项1"已超过办理时限 50 天']);
    expect(kinds('2026-11-20', facts)).toEqual(['approvals_overridden:red']);
  });
  it('holds in 竣工 and 投产 too, and not before 开工', () => {
    expect(at('2026-10-15', { ...facts, stage: 'completed' }).approvalsOverridden).toBe(true);
    expect(at('2026-10-15', { ...facts, stage: 'operating' }).signals.map((s) => s.kind)).toEqual([
      'approvals_overridden',
    ]);
    const before = at('2026-10-15', { ...facts, stage: 'approvals', stageEnteredAt: '2026-09-01T02:00:00.000Z' });
    expect(before.approvalsOverridden).toBe(false);
    expect(before.signals.map((s) => s.kind)).toEqual(['approval_overdue']);
  });
  it('ends when the last item is done or 不涉及', () => {
    const closed = facts.approvals!.map((item, i) => ({
      ...item,
      status: i % 2 ? ('done' as const) : ('not_applicable' as const),
    }));
    const result = at('2026-11-20', { ...facts, approvals: closed });
    expect(result).toMatchObject({ light: 'green', approvalsOverridden: false, reasons: [] });
  });
  it('is rechecked when an open item turns it red', () => expect(at('2026-10-15', facts).recheckOn).toBe('2026-11-01'));
});

describe('grey: suspended or terminated', () => {
  const behind = base({
    planThisYear: 1200,
    completedThisYear: 0,
    plannedCompletionDate: '2026-01-01',
    stageDueDate: '2026-01-01',
    approvals: [{ name: '施工许可证', status: 'pending', dueDate: '2026-01-01' }],
  });
  it('an active project this far behind is red', () => expect(at('2026-11-20', behind).light).toBe('red'));
  it.each(['suspended', 'terminated'] as const)('%s: grey with no signals and no recheck, never green', (status) => {
    const result = at('2026-11-20', { ...behind, status });
    expect(result).toMatchObject({ light: 'grey', reasons: [], signals: [], recheckOn: null });
    // 未批先建 is a fact of the checklist, whatever the status.
    expect(result.approvalsOverridden).toBe(true);
  });
});

describe('reasons list the new signals first', () => {
  it('a red 序时进度 reason comes before other red reasons', () => {
    const result = at(
      '2026-11-20',
      base({ planThisYear: 1200, completedThisYear: 100, openTasks: [{ title: '土地摘牌', dueDate: '2026-11-01' }] }),
    );
    expect(result.light).toBe('red');
    expect(result.reasons[0]).toContain('落后序时进度');
  });
});

describe('promised_start_overdue: 履约, the contract start date passed without 开工 (issue 16)', () => {
  const facts = base({ stage: 'approvals', promisedStartDate: '2026-09-30' });
  it.each([
    ['2026-09-15', null],
    ['2026-09-30', null],
    ['2026-10-01', 'red'],
    ['2027-02-01', 'red'],
  ])('on %s: %s', (day, severity) =>
    expect(signal(day, facts, 'promised_start_overdue')?.severity ?? null).toBe(severity),
  );
  it('names the promised date and how late', () =>
    expect(signal('2026-10-03', facts, 'promised_start_overdue')?.message).toBe(
      '合同承诺开工日期 2026-09-30 已过 3 天仍未开工（履约）',
    ));
  it('is rechecked on the day it lights', () => expect(at('2026-09-20', facts).recheckOn).toBe('2026-10-01'));
  it('makes the project red on that day and not the day before', () => {
    expect(at('2026-09-30', facts).light).not.toBe('red');
    expect(at('2026-10-01', facts).light).toBe('red');
  });
  it('not once started, nor without a promise', () => {
    expect(signal('2026-10-03', { ...facts, stage: 'construction' }, 'promised_start_overdue')).toBeUndefined();
    expect(signal('2026-10-03', { ...facts, promisedStartDate: null }, 'promised_start_overdue')).toBeUndefined();
  });
});
