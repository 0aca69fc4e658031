import { describe, expect, it } from 'vitest';
import { computeLight, type LightFacts } from '@/lib/rules/light';

const base = (overrides: Partial<LightFacts> = {}): LightFacts => ({
  stage: 'construction',
  status: 'active',
  stageEnteredAt: '2018-01-10T02:00:00.000Z',
  stageDueDate: null,
  createdAt: '2017-06-01T00:00:00.000Z',
  openTasks: [],
  reportMonths: ['2018-02', '2018-03', '2018-04'],
  ...overrides,
});

const at = (today: string, facts: LightFacts) => computeLight(facts, { today });

describe('stage due date', () => {
  const facts = base({ stageDueDate: '2018-05-31' });
  it('green more than 15 days before', () => expect(at('2018-05-15', facts).light).toBe('green'));
  it('yellow exactly 15 days before', () => {
    const result = at('2018-05-16', facts);
    expect(result.light).toBe('yellow');
    expect(result.reasons[0]).toContain('还有 15 天');
  });
  it('yellow on the due date itself', () => expect(at('2018-05-31', facts).light).toBe('yellow'));
  it('red the day after', () => {
    const result = at('2018-06-01', facts);
    expect(result.light).toBe('red');
    expect(result.reasons[0]).toContain('已超计划完成时间 1 天');
  });
  it('rechecks on the day it would turn yellow', () => expect(at('2018-05-01', facts).recheckOn).toBe('2018-05-16'));
});

describe('overdue task', () => {
  const facts = base({ openTasks: [{ title: '土地摘牌', dueDate: '2018-05-20' }] });
  it('green 16 days before', () => expect(at('2018-05-04', facts).light).toBe('green'));
  it('yellow 15 days before', () => expect(at('2018-05-05', facts).light).toBe('yellow'));
  it('red after the due date, naming the task', () => {
    const result = at('2018-05-21', facts);
    expect(result.light).toBe('red');
    expect(result.reasons.join()).toContain('任务"土地摘牌"已逾期 1 天');
  });
  it('a done task is not a signal', () => expect(at('2018-05-21', base()).light).toBe('green'));
});

describe('monthly report, due on the 5th', () => {
  const missingApril = base({ reportMonths: ['2018-02', '2018-03'] });
  it('yellow from the 1st while last month is missing', () =>
    expect(at('2018-05-01', missingApril).light).toBe('yellow'));
  it('still yellow on the 5th', () => {
    const result = at('2018-05-05', missingApril);
    expect(result.light).toBe('yellow');
    expect(result.reasons[0]).toContain('2018年4月');
  });
  it('red on the 6th', () => {
    const result = at('2018-05-06', missingApril);
    expect(result.light).toBe('red');
    expect(result.reasons[0]).toContain('未按期报送');
  });
  it('green once the report is in', () => expect(at('2018-05-06', base()).light).toBe('green'));
  it('not owed by a project created this month', () =>
    expect(at('2018-05-06', { ...missingApril, createdAt: '2018-05-02T00:00:00.000Z' }).light).toBe('green'));
  it('not owed in reserve', () => expect(at('2018-05-06', { ...missingApril, stage: 'reserve' }).light).toBe('green'));
});

describe('stage aging', () => {
  // approvals usually take at most 180 days by default
  const facts = base({
    stage: 'approvals',
    stageEnteredAt: '2018-01-01T00:00:00.000Z',
    reportMonths: ['2018-02', '2018-05', '2018-06'],
  });
  it('green on the last usual day', () => expect(at('2018-06-30', facts).light).toBe('green'));
  it('yellow the day after (180 days)', () => {
    const result = at('2018-07-01', facts);
    expect(result.light).toBe('yellow');
    expect(result.reasons[0]).toContain('通常不超过 180 天');
  });
  it('honours configured usual days', () =>
    expect(computeLight(facts, { today: '2018-03-01', stageUsualDays: { approvals: 30 } }).light).toBe('yellow'));
});

describe('worst signal wins', () => {
  it('red beats yellow and red reasons come first', () => {
    const result = at(
      '2018-05-21',
      base({ stageDueDate: '2018-06-01', openTasks: [{ title: '甲', dueDate: '2018-05-20' }] }),
    );
    expect(result.light).toBe('red');
    expect(result.reasons).toHaveLength(2);
    expect(result.reasons[0]).toContain('已逾期');
  });
  it('suspended projects are not chased: grey, never green', () => {
    const result = at('2018-06-21', base({ status: 'suspended', stageDueDate: '2018-05-01' }));
    expect(result).toMatchObject({ light: 'grey', reasons: [], recheckOn: null });
  });
});
