import 'server-only';
import { countProjects, fundsAndTotals, getAnnualTargets, reportedInvestment } from '@/db/queries/stats';
import type { ProjectFilters } from '@/lib/schemas/filters';
import type { StatsScope } from '@/lib/schemas/stats';
import { INVESTMENT_BANDS } from '@/lib/schemas/ledger';
import { fraction, fundsRate } from '@/lib/rules/stats';
import { fundingTotals } from '@/db/queries/funding';
import type { FundingFilters } from '@/lib/schemas/funding';

// The one definition of every dashboard figure (API.md "Stats"). /dashboard, /dashboard/leads, the
// monthly report, the unit ranking and GET /api/v1/stats read these functions. Each count is the
// size of a ledger filter set, and each figure's `drill` link is that filter set as a /projects
// query string, so the figure and the ledger it opens cannot disagree.

export { STATS_SCOPE_LABELS, STATS_SCOPES, type StatsScope } from '@/lib/schemas/stats';

export const BANDS = INVESTMENT_BANDS;
export type Band = (typeof BANDS)[number]['band'];

export interface StatsQuery {
  year: number;
  scope: StatsScope;
  unitId?: number;
  /** 'YYYY-MM' within the year: figures for January up to the end of that month (the monthly report's 年累计). */
  throughMonth?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The dates and report months the query covers: the calendar year, or January to the end of `throughMonth`. */
export function statsPeriod({ year, throughMonth }: Pick<StatsQuery, 'year' | 'throughMonth'>) {
  const lastMonth = throughMonth ? Number(throughMonth.slice(5, 7)) : 12;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const months = Array.from({ length: lastMonth }, (_, i) => `${year}-${pad(i + 1)}`);
  return { from: `${year}-01-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}`, months };
}

/**
 * The scope's projects. `shuangshi` is the year's 双十 list (the sub-projects of that year's packages),
 * as the ledger filter packageYear, so a past year's figures drill into that year's list; `unitId` is
 * the responsible unit.
 */
export function scopeFilters({ year, scope, unitId }: Pick<StatsQuery, 'year' | 'scope' | 'unitId'>): ProjectFilters {
  return { ...(scope === 'shuangshi' ? { packageYear: year } : {}), ...(unitId ? { unitId } : {}) };
}

const entered = (q: StatsQuery, stage: 'construction' | 'signed' | 'completed'): ProjectFilters => {
  const { from, to } = statsPeriod(q);
  return { ...scopeFilters(q), enteredStage: stage, enteredFrom: from, enteredTo: to };
};

/** The filter set behind each figure; a figure is the number of projects it selects. */
export const figureFilters = {
  /** 开工: entered 开工建设 during the period. */
  started: (q: StatsQuery): ProjectFilters => entered(q, 'construction'),
  /** 招商签约: attraction projects that entered 已签约 during the period (a converted lead's project enters it). */
  signed: (q: StatsQuery): ProjectFilters => ({ ...entered(q, 'signed'), category: 'attraction' }),
  /** 招商落地: attraction projects that entered 开工建设 during the period. */
  landed: (q: StatsQuery): ProjectFilters => ({ ...entered(q, 'construction'), category: 'attraction' }),
  /** 竣工: entered 竣工 during the period; on time when on or before the planned finish of the stage left. */
  completed: (q: StatsQuery): ProjectFilters => entered(q, 'completed'),
  completedWithDue: (q: StatsQuery): ProjectFilters => ({ ...entered(q, 'completed'), timeliness: 'with_due' }),
  completedOnTime: (q: StatsQuery): ProjectFilters => ({ ...entered(q, 'completed'), timeliness: 'on_time' }),
  /** Projects in the 储备 stage now. */
  reserve: (q: StatsQuery): ProjectFilters => ({ ...scopeFilters(q), stage: 'reserve' }),
  /** The base of 资金到位率: projects in 开工建设 or later now. */
  funds: (q: StatsQuery): ProjectFilters => ({ ...scopeFilters(q), minStage: 'construction' }),
  /** The projects whose reports make up 完成投资: those that filed a report for a month of the year. */
  investment: (q: StatsQuery): ProjectFilters => ({ ...scopeFilters(q), reportYear: q.year }),
};

/**
 * 上争: the 上争 applications dated in the year (appliedDate) over the scope's projects, as the
 * /funding list filters them; its totals are the dashboard's figures.
 */
export function higherLevelFilters(q: StatsQuery): FundingFilters {
  return {
    year: q.year,
    ...(q.scope === 'shuangshi' ? { scope: 'shuangshi' } : {}),
    ...(q.unitId ? { unitId: q.unitId } : {}),
  };
}

/** A /funding link for a funding filter set; GET /api/v1/funding takes the same query string. */
export function fundingLink(filters: FundingFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) params.set(key, String(value));
  return `/funding?${params.toString()}`;
}

/** A ledger link for a filter set; GET /api/v1/projects takes the same query string. */
export function ledgerLink(filters: ProjectFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null) continue;
    params.set(key, typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  const query = params.toString();
  return query ? `/projects?${query}` : '/projects';
}

/** 开工 count for the query. */
export function startedCount(q: StatsQuery): number {
  return countProjects(figureFilters.started(q));
}

/** 完成投资: Σ 本月完成投资 of the period's monthly reports over the scope's projects. */
export function investmentCompleted(q: StatsQuery): number {
  return reportedInvestment(scopeFilters(q), statsPeriod(q).months);
}

/** The four headline figures the dashboard, 招商统计 and the monthly report share. */
export function headlineCounts(q: StatsQuery) {
  return {
    started: startedCount(q),
    signed: countProjects(figureFilters.signed(q)),
    landed: countProjects(figureFilters.landed(q)),
    investmentCompleted: investmentCompleted(q),
  };
}

/**
 * The year's targets that measure the same set as the figures: 开工 and 投资 targets are set for
 * the 双十 sub-projects, so they apply to scope=shuangshi only; 签约, 落地 and 储备 targets are
 * city-wide counts of all projects, so they apply to scope=all only. Targets are the city's, so a
 * single unit's figures have none.
 */
export function scopeTargets(q: StatsQuery) {
  const row = q.unitId ? null : getAnnualTargets(q.year);
  const shuangshi = q.scope === 'shuangshi';
  return {
    started: row && shuangshi ? row.startedTarget : null,
    investment: row && shuangshi ? row.investmentTarget : null,
    signed: row && !shuangshi ? row.signedTarget : null,
    landed: row && !shuangshi ? row.landedTarget : null,
    reserve: row && !shuangshi ? row.reserveTarget : null,
  };
}

/** GET /api/v1/stats and the dashboard's tiles. */
export function getStats(q: StatsQuery) {
  const targets = scopeTargets(q);
  const head = headlineCounts(q);
  const reserve = countProjects(figureFilters.reserve(q));
  const completed = countProjects(figureFilters.completed(q));
  const completedWithDue = countProjects(figureFilters.completedWithDue(q));
  const completedOnTime = countProjects(figureFilters.completedOnTime(q));
  const funds = fundsAndTotals(figureFilters.funds(q));
  const higherFilters = higherLevelFilters(q);
  const higherLevel = fundingTotals(higherFilters);
  const bands = BANDS.map(({ band, minInvestment }) => {
    const filters = {
      projects: { ...scopeFilters(q), minInvestment },
      started: { ...figureFilters.started(q), minInvestment },
      completed: { ...figureFilters.completed(q), minInvestment },
    };
    return {
      band,
      projects: countProjects(filters.projects),
      started: countProjects(filters.started),
      completed: countProjects(filters.completed),
      drill: {
        projects: ledgerLink(filters.projects),
        started: ledgerLink(filters.started),
        completed: ledgerLink(filters.completed),
      },
    };
  });
  return {
    year: q.year,
    scope: q.scope,
    unitId: q.unitId ?? null,
    period: statsPeriod(q),
    targets,
    actual: { ...head, reserve },
    rates: {
      startRate: fraction(head.started, targets.started),
      investmentRate: fraction(head.investmentCompleted, targets.investment),
      fundsRate: fundsRate({
        fundsInPlace: funds.fundsInPlace,
        totalInvestment: funds.totalInvestment,
        reporting: funds.reporting,
      }),
      onTimeCompletionRate: fraction(completedOnTime, completedWithDue),
    },
    // The figures behind two rates, so a reader can check them.
    completion: { completed, withDue: completedWithDue, onTime: completedOnTime },
    funds: {
      projects: funds.projects,
      reporting: funds.reporting,
      fundsInPlace: funds.fundsInPlace,
      totalInvestment: funds.totalInvestment,
    },
    bands,
    higherLevel,
    drill: {
      started: ledgerLink(figureFilters.started(q)),
      signed: ledgerLink(figureFilters.signed(q)),
      landed: ledgerLink(figureFilters.landed(q)),
      investmentCompleted: ledgerLink(figureFilters.investment(q)),
      reserve: ledgerLink(figureFilters.reserve(q)),
      fundsRate: ledgerLink(figureFilters.funds(q)),
      completed: ledgerLink(figureFilters.completed(q)),
      completedWithDue: ledgerLink(figureFilters.completedWithDue(q)),
      completedOnTime: ledgerLink(figureFilters.completedOnTime(q)),
      higherLevel: fundingLink(higherFilters),
    },
  };
}
export type Stats = ReturnType<typeof getStats>;

/** 招商统计's two headline figures: the city-wide 签约 and 落地 of the year, with their targets and ledgers. */
export function leadsDashboardFigures(year: number) {
  const q: StatsQuery = { year, scope: 'all' };
  const targets = scopeTargets(q);
  return {
    signed: countProjects(figureFilters.signed(q)),
    landed: countProjects(figureFilters.landed(q)),
    signedTarget: targets.signed,
    landedTarget: targets.landed,
    drill: { signed: ledgerLink(figureFilters.signed(q)), landed: ledgerLink(figureFilters.landed(q)) },
  };
}

/** The annual-target fields, each with the scope its dashboard figure is counted in (null: not compared). */
export const TARGET_SCOPES = [
  { key: 'startedTarget', label: '开工"双十"子项目', unit: '项', scope: 'shuangshi', figure: 'started' },
  { key: 'investmentTarget', label: '完成投资', unit: '万元', scope: 'shuangshi', figure: 'investmentCompleted' },
  { key: 'signedTarget', label: '招商引资签约', unit: '个', scope: 'all', figure: 'signed' },
  { key: 'landedTarget', label: '招商引资落地', unit: '个', scope: 'all', figure: 'landed' },
  { key: 'reserveTarget', label: '储备重点项目', unit: '个', scope: 'all', figure: 'reserve' },
  { key: 'cityWorksTarget', label: '新建续建城建重点工程', unit: '项', scope: null, figure: null },
  { key: 'cityWorksInvestmentTarget', label: '城建重点工程计划投资', unit: '万元', scope: null, figure: null },
] as const;
export type TargetKey = (typeof TARGET_SCOPES)[number]['key'];

/**
 * The admin targets page: each stored target of the year beside the dashboard's figure for it (getStats in
 * the scope scopeTargets compares it against), its rate and its ledger. The 城建 targets are stored only: the
 * project pool has no 城建 marker yet, so they have no figure.
 */
export function targetTracking(year: number) {
  const byScope = { shuangshi: getStats({ year, scope: 'shuangshi' }), all: getStats({ year, scope: 'all' }) };
  const row = getAnnualTargets(year);
  return TARGET_SCOPES.map(({ key, label, unit, scope, figure }) => {
    const target = row ? row[key] : null;
    if (!scope || !figure) return { key, label, unit, scope, target, actual: null, rate: null, drill: null };
    const stats = byScope[scope];
    const actual = stats.actual[figure];
    return { key, label, unit, scope, target, actual, rate: fraction(actual, target), drill: stats.drill[figure] };
  });
}
export type TargetTracking = ReturnType<typeof targetTracking>;
