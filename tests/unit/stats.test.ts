import { describe, expect, it } from 'vitest';
import { drillFilterChips } from '@/lib/schemas/ledger';
import {
  cumulative,
  fraction,
  fundsRate,
  parsePeriod,
  percentText,
  periodRange,
  proratedPlan,
  rankBy,
  rankByGroup,
  rankUnits,
  redBlackLists,
  unitRates,
  type UnitFigures,
} from '@/lib/rules/stats';

const unit = (unitId: number, over: Partial<UnitFigures> = {}): UnitFigures => ({
  unitId,
  unitName: `单位${unitId}`,
  kind: 'district',
  startBase: 10,
  started: 5,
  planInvestment: 1000,
  completedInvestment: 500,
  completedWithDue: 4,
  completedOnTime: 2,
  red: 3,
  scheduleBase: 4,
  scheduleOnTrack: 2,
  openProblems: 0,
  overdueProblems: 0,
  ...over,
});

describe('periods', () => {
  it('spans a year and a quarter, with the right last day', () => {
    expect(periodRange({ year: 2024, quarter: null })).toMatchObject({
      from: '2024-01-01',
      to: '2024-12-31',
      label: '2024年',
    });
    expect(periodRange({ year: 2024, quarter: 1 })).toMatchObject({
      from: '2024-01-01',
      to: '2024-03-31',
      months: ['2024-01', '2024-02', '2024-03'],
      label: '2024年第一季度',
    });
    expect(periodRange({ year: 2023, quarter: 4 }).to).toBe('2023-12-31');
    expect(periodRange({ year: 2024, quarter: 2 }).to).toBe('2024-06-30');
  });

  it('parses the URL value and falls back to the current year', () => {
    expect(parsePeriod('2025-Q3', 2026)).toEqual({ year: 2025, quarter: 3 });
    expect(parsePeriod('2025', 2026)).toEqual({ year: 2025, quarter: null });
    for (const bad of [undefined, '', '2025-Q5', 'abc', '1999', '2099'])
      expect(parsePeriod(bad, 2026)).toEqual({ year: 2026, quarter: null });
  });

  it('prorates the annual plan', () => {
    expect(proratedPlan(1200, 3)).toBe(300);
    expect(proratedPlan(1000, 12)).toBe(1000);
    expect(proratedPlan(1000, 1)).toBe(83);
  });
});

describe('rates', () => {
  it('computes the three rates and says null where the base is zero', () => {
    const rates = unitRates(unit(1));
    expect(rates).toMatchObject({ startRate: 50, investmentRate: 50, onTimeRate: 50 });
    expect(unitRates(unit(2, { startBase: 0, started: 0, completedWithDue: 0 }))).toMatchObject({
      startRate: null,
      onTimeRate: null,
    });
  });
});

describe('ranking', () => {
  const rows = [
    unitRates(unit(1, { started: 9, completedInvestment: 900, completedOnTime: 4, red: 0 })),
    unitRates(unit(2, { started: 5 })),
    unitRates(unit(3, { started: 1, completedInvestment: 100, completedOnTime: 0, red: 9 })),
    unitRates(unit(4, { startBase: 0, started: 0 })),
  ];

  it('ranks higher rates first, fewer red lights first, and no data last, with ties sharing a rank', () => {
    expect([...rankBy(rows, 'startRate')]).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
    expect([...rankBy(rows, 'red')]).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
      [4, 2],
    ]);
    expect(rankBy(rows, 'investmentRate').get(2)).toBe(2);
    expect(rankBy(rows, 'investmentRate').get(4)).toBe(2);
  });

  it('orders units by the mean of their ranks', () => {
    const ranked = rankUnits(rows);
    expect(ranked.map((r) => r.unitId)).toEqual([1, 2, 4, 3]);
    expect(ranked[0]).toMatchObject({ position: 1, score: 1 });
    expect(ranked[3].position).toBe(4);
  });

  it('puts the best on the 红榜 and the worst on the 黑榜, never one unit on both', () => {
    const ranked = rankUnits(rows);
    const { top, bottom } = redBlackLists(ranked, 3);
    expect(top.map((r) => r.unitId)).toEqual([1, 2]);
    expect(bottom.map((r) => r.unitId)).toEqual([3, 4]);
    expect(redBlackLists(ranked.slice(0, 1), 3)).toEqual({ top: [], bottom: [] });
  });

  it('weights: with the defaults (25/25/25/25, 序时进度 0) the score is the plain mean of the four ranks', () => {
    // Unit 2 is last on 序时进度 (0/4); weight 0 keeps it out of the score.
    const withSchedule = rows.map((row) => (row.unitId === 2 ? { ...row, scheduleRate: 0 } : row));
    expect(rankUnits(withSchedule).map((r) => [r.unitId, r.score])).toEqual([
      [1, 1],
      [2, 2],
      [4, 2.5],
      [3, 3.75],
    ]);
  });

  it('a weight change reorders the units exactly as the weighted mean of ranks says', () => {
    // Ranks (开工率, 投资完成率, 按期竣工率, 红灯数): unit 1 (1,1,1,1), unit 2 (2,2,2,2), unit 3 (3,4,4,4),
    // unit 4 (4,2,2,2). 开工率 alone (100/0/0/0/0): 1, 2, 3, 4 by their 开工率 ranks.
    const startOnly = { startRate: 100, investmentRate: 0, onTimeRate: 0, red: 0, scheduleRate: 0 };
    expect(rankUnits(rows, startOnly).map((r) => [r.unitId, r.score])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
    // 开工率 10, 红灯数 30: unit 4 = (10·4 + 30·2)/40 = 2.5, unit 3 = (10·3 + 30·4)/40 = 3.75,
    // unit 2 = 2, unit 1 = 1: order 1, 2, 4, 3 — and with 开工率 30, 红灯数 10 unit 3 = (90+40)/40 = 3.25
    // beats unit 4 = (120+20)/40 = 3.5: order 1, 2, 3, 4.
    const base = { investmentRate: 0, onTimeRate: 0, scheduleRate: 0 };
    expect(rankUnits(rows, { ...base, startRate: 10, red: 30 }).map((r) => [r.unitId, r.score])).toEqual([
      [1, 1],
      [2, 2],
      [4, 2.5],
      [3, 3.75],
    ]);
    expect(rankUnits(rows, { ...base, startRate: 30, red: 10 }).map((r) => [r.unitId, r.score])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3.25],
      [4, 3.5],
    ]);
    expect(() => rankUnits(rows, { ...base, startRate: 0, red: 0 })).toThrow();
  });

  it('序时进度 ranks on the on-schedule share, and a weight on it alone orders by it', () => {
    const schedule = [
      unitRates(unit(1, { scheduleBase: 4, scheduleOnTrack: 1 })),
      unitRates(unit(2, { scheduleBase: 2, scheduleOnTrack: 2 })),
      unitRates(unit(3, { scheduleBase: 0, scheduleOnTrack: 0 })),
    ];
    expect(schedule.map((r) => r.scheduleRate)).toEqual([25, 100, null]);
    const weights = { startRate: 0, investmentRate: 0, onTimeRate: 0, red: 0, scheduleRate: 1 };
    expect(rankUnits(schedule, weights).map((r) => r.unitId)).toEqual([2, 1, 3]);
  });

  it('ranks each group on its own: no ranking mixes units of two groups', () => {
    const mixed = [
      unitRates(unit(1, { kind: 'district', red: 5 })),
      unitRates(unit(2, { kind: 'zone', red: 0 })),
      unitRates(unit(3, { kind: 'county', red: 1 })),
      unitRates(unit(4, { kind: 'department', red: 9 })),
      unitRates(unit(5, { kind: 'city', red: 2 })),
      unitRates(unit(6, { kind: 'zone', red: 3 })),
    ];
    const groups = rankByGroup(mixed);
    expect(groups.map((g) => [g.group, g.ranked.map((r) => r.unitId)])).toEqual([
      ['county', [3, 5, 1]],
      ['zone', [2, 6]],
      ['department', [4]],
    ]);
    // Within its group the zone with 3 red lights is second, not fourth of six.
    expect(groups[1].ranked.map((r) => [r.unitId, r.position, r.ranks.red])).toEqual([
      [2, 1, 1],
      [6, 2, 2],
    ]);
  });

  it('accumulates monthly figures', () => {
    expect(cumulative([1, 2, 3])).toEqual([1, 3, 6]);
    expect(cumulative([])).toEqual([]);
  });
});

describe('the API rates (issue 11)', () => {
  it('are fractions 0..1, null without a base', () => {
    expect(fraction(45, 135)).toBe(0.3333);
    expect(fraction(0, 135)).toBe(0);
    expect(fraction(3, 0)).toBeNull();
    expect(fraction(3, null)).toBeNull();
    expect(percentText(0.3333)).toBe('33.3%');
    expect(percentText(null)).toBe('无数据');
  });

  it('资金到位率 divides funds in place by total investment, not by completed investment', () => {
    expect(fundsRate({ fundsInPlace: 30_000, totalInvestment: 120_000, reporting: 3 })).toBe(0.25);
    // No project reporting funds: no data, rather than 0%.
    expect(fundsRate({ fundsInPlace: 0, totalInvestment: 120_000, reporting: 0 })).toBeNull();
    expect(fundsRate({ fundsInPlace: 0, totalInvestment: 0, reporting: 2 })).toBeNull();
  });
});

describe('drill-down chips', () => {
  it('names the entered-stage filter in Chinese, a whole year as the year', () => {
    expect(
      drillFilterChips({ enteredStage: 'construction', enteredFrom: '2026-01-01', enteredTo: '2026-12-31' }),
    ).toEqual([{ label: '2026年进入开工建设', keys: ['enteredStage', 'enteredFrom', 'enteredTo', 'timeliness'] }]);
    expect(
      drillFilterChips({
        enteredStage: 'completed',
        enteredFrom: '2026-01-01',
        enteredTo: '2026-06-30',
        timeliness: 'on_time',
      })[0].label,
    ).toBe('2026-01-01 至 2026-06-30 进入竣工（按期）');
    expect(
      drillFilterChips({
        minStage: 'construction',
        minInvestment: 10_000,
        reportYear: 2026,
        applicationFiled: true,
      }).map((c) => c.label),
    ).toEqual(['开工建设及以后阶段', '2026年填报过月度进度', '已提出上争申请']);
    expect(drillFilterChips({})).toEqual([]);
  });
});
