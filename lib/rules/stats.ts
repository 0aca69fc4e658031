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
  /** Projects due to start in the period, plus any that started in it without being due. */
  startBase: number;
  started: number;
  planInvestment: number;
  completedInvestment: number;
  /** Moves into 竣工 in the period whose stage had a planned finish date. */
  completedWithDue: number;
  completedOnTime: number;
  red: number;
  openProblems: number;
  overdueProblems: number;
}

export interface UnitRates extends UnitFigures {
  startRate: number | null;
  investmentRate: number | null;
  onTimeRate: number | null;
}

export const RANK_METRICS = ['startRate', 'investmentRate', 'onTimeRate', 'red'] as const;
export type RankMetric = (typeof RANK_METRICS)[number];
export const RANK_METRIC_LABELS: Record<RankMetric, string> = {
  startRate: '开工率',
  investmentRate: '投资完成率',
  onTimeRate: '按期竣工率',
  red: '红灯数',
};

export function unitRates(figures: UnitFigures): UnitRates {
  return {
    ...figures,
    startRate: rate(figures.started, figures.startBase),
    investmentRate: rate(figures.completedInvestment, figures.planInvestment),
    onTimeRate: rate(figures.completedOnTime, figures.completedWithDue),
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
  /** Mean of the four ranks; lower is better. */
  score: number;
  position: number;
}

/** The overall ranking: the mean of each unit's rank on the four metrics, ties by name order given. */
export function rankUnits(rows: UnitRates[]): RankedUnit[] {
  const byMetric = Object.fromEntries(RANK_METRICS.map((m) => [m, rankBy(rows, m)])) as Record<
    RankMetric,
    Map<number, number>
  >;
  const scored = rows.map((row) => {
    const ranks = Object.fromEntries(RANK_METRICS.map((m) => [m, byMetric[m].get(row.unitId)!])) as Record<
      RankMetric,
      number
    >;
    const score = Math.round((RANK_METRICS.reduce((sum, m) => sum + ranks[m], 0) / RANK_METRICS.length) * 100) / 100;
    return { ...row, ranks, score };
  });
  const sorted = scored
    .map((row, index) => ({ row, index }))
    .sort((a, b) => a.row.score - b.row.score || a.index - b.index);
  return sorted.map(({ row }, i) => ({ ...row, position: i + 1 }));
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
