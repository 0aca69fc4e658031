import type { UnitKind } from './enums';
import { rate } from './money';

// The dashboard's maths, pure: periods, the four rates and the unit ranking (红黑榜).

export type Period = { year: number; quarter: 1 | 2 | 3 | 4 | null };

export interface PeriodRange {
  from: string;
  /** Inclusive. */
  to: string;
  months: string[];
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function periodRange({ year, quarter }: Period): PeriodRange {
  const firstMonth = quarter ? (quarter - 1) * 3 + 1 : 1;
  const lastMonth = quarter ? firstMonth + 2 : 12;
  const months: string[] = [];
  for (let m = firstMonth; m <= lastMonth; m++) months.push(`${year}-${pad(m)}`);
  return {
    from: `${year}-${pad(firstMonth)}-01`,
    to: `${year}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}`,
    months,
    label: quarter ? `${year}年第${'一二三四'[quarter - 1]}季度` : `${year}年`,
  };
}

/** Parses `period=2026` or `period=2026-Q3`; anything else is the current year. */
export function parsePeriod(raw: string | undefined, currentYear: number): Period {
  const match = raw?.match(/^(\d{4})(?:-Q([1-4]))?$/);
  if (!match) return { year: currentYear, quarter: null };
  const year = Number(match[1]);
  if (year < 2000 || year > currentYear + 1) return { year: currentYear, quarter: null };
  return { year, quarter: match[2] ? (Number(match[2]) as 1 | 2 | 3 | 4) : null };
}

/** The annual plan for a part of the year: a quarter carries three twelfths of it. */
export function proratedPlan(annualPlan: number, monthsInPeriod: number): number {
  return Math.round((annualPlan * monthsInPeriod) / 12);
}

export interface UnitFigures {
  unitId: number;
  unitName: string;
  kind: UnitKind;
  /** Projects due to start in the period, plus any that started in it without being due. */
  startBase: number;
  started: number;
  planInvestment: number;
  completedInvestment: number;
  /** Moves into 竣工 in the period whose stage had a planned finish date. */
  completedWithDue: number;
  completedOnTime: number;
  red: number;
  /**
   * 序时进度's base: the unit's projects that are 正常推进 (status active), in 开工建设 and have this
   * year's plan (plannedInvestmentThisYear) > 0 — exactly the projects the schedule_lag light rule
   * judges. Suspended and terminated projects carry no signals at all, so they are left out rather
   * than counted as on schedule. Like the lights themselves, this is today's state for any period.
   */
  scheduleBase: number;
  /** Of scheduleBase, those whose stored lightSignals hold no `schedule_lag` signal (yellow or red). */
  scheduleOnTrack: number;
  openProblems: number;
  overdueProblems: number;
}

export interface UnitRates extends UnitFigures {
  startRate: number | null;
  investmentRate: number | null;
  onTimeRate: number | null;
  /** 序时进度: scheduleOnTrack ÷ scheduleBase, as a percentage; null without a base. */
  scheduleRate: number | null;
}

export const RANK_METRICS = ['startRate', 'investmentRate', 'onTimeRate', 'red', 'scheduleRate'] as const;
export type RankMetric = (typeof RANK_METRICS)[number];
export const RANK_METRIC_LABELS: Record<RankMetric, string> = {
  startRate: '开工率',
  investmentRate: '投资完成率',
  onTimeRate: '按期竣工率',
  red: '红灯数',
  scheduleRate: '序时进度',
};

/** The weight of each metric in the overall score: integers 0..100, not all 0 (set in 系统设置). */
export type RankingWeights = Record<RankMetric, number>;
/**
 * Equal weights on the four original metrics and 0 on 序时进度: the score is then the plain mean of
 * the four ranks, so the default order is the ranking the city had before weights existed. An admin
 * who wants 序时进度 counted gives it a weight.
 */
export const DEFAULT_RANKING_WEIGHTS: RankingWeights = {
  startRate: 25,
  investmentRate: 25,
  onTimeRate: 25,
  red: 25,
  scheduleRate: 0,
};

/** 考核 groups: units are ranked only against units of the same group. */
export const RANKING_GROUPS = ['county', 'zone', 'department'] as const;
export type RankingGroup = (typeof RANKING_GROUPS)[number];
export const RANKING_GROUP_LABELS: Record<RankingGroup, string> = {
  county: '县（市）区',
  zone: '开发区',
  department: '市直部门',
};

/** The 4 districts, 永吉县 and the 4 county-level cities are one group; zones and departments each their own. */
export function rankingGroupOf(kind: UnitKind): RankingGroup {
  return kind === 'zone' ? 'zone' : kind === 'department' ? 'department' : 'county';
}

export function unitRates(figures: UnitFigures): UnitRates {
  return {
    ...figures,
    startRate: rate(figures.started, figures.startBase),
    investmentRate: rate(figures.completedInvestment, figures.planInvestment),
    onTimeRate: rate(figures.completedOnTime, figures.completedWithDue),
    scheduleRate: rate(figures.scheduleOnTrack, figures.scheduleBase),
  };
}

/**
 * Competition ranks (1, 2, 2, 4) on one metric: higher rates rank first, fewer red lights rank
 * first, a unit without data ranks after every unit with data.
 */
export function rankBy(rows: UnitRates[], metric: RankMetric): Map<number, number> {
  const value = (row: UnitRates) => row[metric];
  const better = (a: number, b: number) => (metric === 'red' ? a < b : a > b);
  const ranks = new Map<number, number>();
  for (const row of rows) {
    const mine = value(row);
    let rank = 1;
    for (const other of rows) {
      const theirs = value(other);
      if (mine === null) {
        if (theirs !== null) rank++;
      } else if (theirs !== null && better(theirs, mine)) rank++;
    }
    ranks.set(row.unitId, rank);
  }
  return ranks;
}

export interface RankedUnit extends UnitRates {
  ranks: Record<RankMetric, number>;
  /**
   * The weighted mean of the unit's ranks within its group: Σ(weight × rank) ÷ Σ weight, rounded to
   * two decimals; lower is better. With weights 25/25/25/25/0 it is the mean of the four ranks.
   */
  score: number;
  position: number;
}

/**
 * The overall ranking of the rows given (one group): competition ranks per metric (rankBy), the
 * weighted mean of them as the score, ordered by score with ties in the order given (name order).
 * A metric with weight 0 does not count.
 */
export function rankUnits(rows: UnitRates[], weights: RankingWeights = DEFAULT_RANKING_WEIGHTS): RankedUnit[] {
  const totalWeight = RANK_METRICS.reduce((sum, m) => sum + weights[m], 0);
  if (totalWeight <= 0) throw new Error('ranking weights sum to 0');
  const byMetric = Object.fromEntries(RANK_METRICS.map((m) => [m, rankBy(rows, m)])) as Record<
    RankMetric,
    Map<number, number>
  >;
  const scored = rows.map((row) => {
    const ranks = Object.fromEntries(RANK_METRICS.map((m) => [m, byMetric[m].get(row.unitId)!])) as Record<
      RankMetric,
      number
    >;
    const weighted = RANK_METRICS.reduce((sum, m) => sum + weights[m] * ranks[m], 0);
    const score = Math.round((weighted / totalWeight) * 100) / 100;
    return { ...row, ranks, score };
  });
  const sorted = scored
    .map((row, index) => ({ row, index }))
    .sort((a, b) => a.row.score - b.row.score || a.index - b.index);
  return sorted.map(({ row }, i) => ({ ...row, position: i + 1 }));
}

export interface GroupRanking {
  group: RankingGroup;
  ranked: RankedUnit[];
}

/** One ranking per 考核 group, each over that group's units only, in RANKING_GROUPS order. */
export function rankByGroup(rows: UnitRates[], weights: RankingWeights = DEFAULT_RANKING_WEIGHTS): GroupRanking[] {
  return RANKING_GROUPS.map((group) => ({
    group,
    ranked: rankUnits(
      rows.filter((row) => rankingGroupOf(row.kind) === group),
      weights,
    ),
  }));
}

/** The weights as the caption states them: 开工率 25、投资完成率 25…; metrics of weight 0 are left out. */
export function weightsText(weights: RankingWeights): string {
  return RANK_METRICS.filter((metric) => weights[metric] > 0)
    .map((metric) => `${RANK_METRIC_LABELS[metric]} ${weights[metric]}`)
    .join('、');
}

/** 红榜 (the best) and 黑榜 (the worst), never the same unit on both. */
export function redBlackLists<T>(ranked: T[], size = 3): { top: T[]; bottom: T[] } {
  const n = Math.min(size, Math.floor(ranked.length / 2));
  return { top: ranked.slice(0, n), bottom: n ? ranked.slice(-n).reverse() : [] };
}

/** Running totals, for the cumulative line of completed investment against plan. */
export function cumulative(values: number[]): number[] {
  let total = 0;
  return values.map((v) => (total += v));
}

/** A rate as a fraction 0..1 (4 decimals), or null when there is no base to divide by (the API's rates). */
export function fraction(numerator: number, denominator: number | null | undefined): number | null {
  if (!denominator) return null;
  return Math.round((numerator / denominator) * 10_000) / 10_000;
}

/**
 * 资金到位率: Σ funds in place ÷ Σ total investment over the projects in 开工建设 or later. A project
 * that reports no funds counts as 0 in place; with no project reporting at all there is no data.
 */
export function fundsRate({
  fundsInPlace,
  totalInvestment,
  reporting,
}: {
  fundsInPlace: number;
  totalInvestment: number;
  reporting: number;
}): number | null {
  return reporting ? fraction(fundsInPlace, totalInvestment) : null;
}

/** A fraction as the dashboard prints it: 45.3%, or 无数据. */
export function percentText(value: number | null): string {
  return value === null ? '无数据' : `${Math.round(value * 1000) / 10}%`;
}
