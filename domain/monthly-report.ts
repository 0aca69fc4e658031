import 'server-only';
import { getDb } from '@/db';
import { cached } from '@/db/queries/read-cache';
import {
  investmentByUnit,
  listMissingReports,
  listPackageProjectIds,
  listProblemIdsWithEvent,
  listProjectsMovedInto,
  listRedProjects,
  listSupervisionIdsOpenAt,
  listUnitsWithProjects,
  redCountByUnit,
  type MonthRange,
} from '@/db/queries/monthly-report';
import { findProblemRow } from '@/db/queries/problems';
import { findSupervisionRow, listRepliesOf } from '@/db/queries/supervisions';
import { AppError } from '@/lib/errors';
import { adjustmentFieldLabel, adjustmentValue } from '@/lib/adjustment-format';
import { listAdjustmentsBetween } from './adjustments';
import { dateOfTimestamp, isMonth, monthOf, today } from '@/lib/rules/dates';
import { levelsFrom } from '@/lib/rules/problems';
import { rate } from '@/lib/rules/money';
import { periodRange, type PeriodRange } from '@/lib/rules/stats';
import { groupRankings } from './rankings';
import { getSetting } from './settings';
import { ensureLightsFresh } from './light';
import { redListSourceFor, snapshotRedList, type RedListSource } from './light-history';
import { headlineCounts, scopeFilters, scopeTargets, STATS_SCOPE_LABELS, type StatsScope } from './stats';
import { toProblemDto, type ProblemDto } from './problems';
import { toProjectDto } from './projects';
import { toSupervisionDto, type SupervisionDto } from './supervisions';

// The 月度调度通报 read at the leaders' meeting: one data function behind the JSON API, the printed
// page, the workbook and the CLI, so all four show the same numbers.
//
// What is dated by its history (stage moves, problem events, reports, 督办 issue and close) is
// reported as of the month. The red list is the lights of the month's last day: today's for the
// month under way, the daily snapshot (light history) for a past month; see redListSourceFor.
// The unit ranking is the dashboard's 考核排名 for the quarter the month falls in (units are
// ranked quarterly), group by group (县（市）区, 开发区, 市直部门; `rank` is the place within the
// group), computed by the same query, rules and weights, so it equals /dashboard?period=YYYY-Qn.

export const REPORT_TITLE = '吉林市重点项目月度调度通报';

const pad = (n: number) => String(n).padStart(2, '0');

export function monthRange(month: string): MonthRange {
  const [year, m] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { month, from: `${month}-01`, to: `${month}-${pad(lastDay)}` };
}

/** The quarter the month is in, as the dashboard's period picker names it (e.g. 2026-Q2). */
export function rankingPeriodOf(month: string): { period: string; range: PeriodRange } {
  const [year, m] = month.split('-').map(Number);
  const quarter = (Math.floor((m - 1) / 3) + 1) as 1 | 2 | 3 | 4;
  return { period: `${year}-Q${quarter}`, range: periodRange({ year, quarter }) };
}

/** Months of the year up to and including `month`. */
function yearToDate(month: string): string[] {
  const [year, m] = month.split('-').map(Number);
  return Array.from({ length: m }, (_, i) => `${year}-${pad(i + 1)}`);
}

export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5))}月`;
}

/** A month the report can be made for: well-formed, and not after the current month. */
export function assertReportMonth(month: string): void {
  if (!isMonth(month)) throw new AppError('validation_failed', undefined, { month: ['月份格式应为 YYYY-MM'] });
  if (month > monthOf(today())) throw new AppError('validation_failed', undefined, { month: ['不能晚于本月'] });
  if (month < '2000-01') throw new AppError('validation_failed', undefined, { month: ['月份过早'] });
}

const CITY_LEVELS = levelsFrom('city_meeting');

/** The first instant of a Beijing calendar day, as the UTC ISO timestamps are stored. */

/**
 * The red list of the month: which day's lights, its projects and its per-unit counts (null: none).
 * With `keep` (a scope narrower than the pool) only its projects, counted per unit from the list.
 */
function monthRedList(range: MonthRange, day: string, keep?: (projectId: number) => boolean) {
  const list = monthRedListAll(range, day);
  if (!keep) return list;
  const kept = list.list.filter((project) => keep(project.projectId));
  const byUnit = new Map<number, number>();
  for (const project of kept) byUnit.set(project.unitId, (byUnit.get(project.unitId) ?? 0) + 1);
  return { source: list.source, list: kept, byUnit: list.byUnit ? byUnit : null };
}

function monthRedListAll(range: MonthRange, day: string) {
  const source = redListSourceFor(getDb(), range, day);
  if (source.kind === 'current') {
    const list = listRedProjects().map((project) => ({
      projectId: project.id,
      reasons: project.lightReasons,
      name: project.name,
      unitId: project.unitId,
      unitName: project.unitName,
    }));
    return { source, list, byUnit: redCountByUnit() as Map<number, number> | null };
  }
  if (source.kind === 'snapshot') {
    const snapshot = snapshotRedList(getDb(), source.date);
    const list = snapshot.projects.map((project) => ({
      projectId: project.projectId,
      reasons: project.reasons,
      name: project.name,
      unitId: project.unitId,
      unitName: project.unitName,
    }));
    return { source, list, byUnit: snapshot.redByUnit as Map<number, number> | null };
  }
  return { source, list: [], byUnit: null };
}

/** How the report names the day its lights are from. */
export function redSourceText(source: RedListSource, month: string): string {
  if (source.kind === 'current') return `灯色为 ${source.date} 的当前状态`;
  if (source.kind === 'snapshot')
    return source.monthEnd
      ? `灯色为月末 ${source.date} 的快照`
      : `月末无灯色快照，灯色为本月最后一次快照（${source.date}）`;
  return `${monthLabel(month)}没有灯色快照（灯色历史自首次快照起按日记录），无法列出当月红灯项目`;
}

/** The month's changes made under a written reason (project_adjustments), dated in Beijing time. */
function monthAdjustments(range: MonthRange) {
  return listAdjustmentsBetween(range).map((row) => ({
    ...row,
    fieldLabel: adjustmentFieldLabel(row.field),
    fromText: adjustmentValue(row.field, row.from),
    toText: adjustmentValue(row.field, row.to),
    date: dateOfTimestamp(row.at),
  }));
}

/**
 * The report of a month in a scope (API.md "Stats"): `all` is the whole pool; `shuangshi` is the
 * month's year's 双十 list (the sub-projects of that year's packages), and only then are the 双十
 * targets (开工, 投资) compared, as on the dashboard (domain/stats.ts scopeTargets). Every project
 * section (moves, investment, red list, problems, 督办, missing reports, adjustments) keeps the
 * scope's projects; the unit ranking is of units and stays city-wide.
 */
export function monthlyReport({ month, scope = 'all' }: { month: string; scope?: StatsScope }) {
  assertReportMonth(month);
  ensureLightsFresh();
  // The same for every reader: shared until the data or the day changes (read-cache.ts).
  return cached(`monthly-report|${today()}|${month}|${scope}`, () => buildMonthlyReport(month, scope));
}

function buildMonthlyReport(month: string, scope: StatsScope) {
  const range = monthRange(month);
  const day = today();
  const year = Number(month.slice(0, 4));
  const targets = scopeTargets({ year, scope });
  const inScope = scope === 'shuangshi' ? new Set(listPackageProjectIds(year)) : null;
  const keep = inScope ? (projectId: number) => inScope.has(projectId) : undefined;
  const kept = <T extends { project: { id: number } }>(rows: T[]) =>
    keep ? rows.filter((row) => keep(row.project.id)) : rows;

  const started = kept(listProjectsMovedInto('construction', range));
  const completed = kept(listProjectsMovedInto('completed', range));
  const operating = kept(listProjectsMovedInto('operating', range));
  // 年累计: domain/stats.ts's figures for January to the end of the month, in the scope.
  const yearToDateFigures = headlineCounts({ year, scope, throughMonth: month });

  const units = listUnitsWithProjects();
  const filters = scopeFilters({ year, scope });
  const thisMonth = investmentByUnit([month], filters);
  const ytd = investmentByUnit(yearToDate(month), filters);
  const reds = monthRedList(range, day, keep);
  const startedByUnit = new Map<number, number>();
  for (const { project } of started) startedByUnit.set(project.unitId, (startedByUnit.get(project.unitId) ?? 0) + 1);
  const byUnit = units.map((unit) => ({
    unitId: unit.id,
    unitName: unit.name,
    investmentThisMonth: thisMonth.get(unit.id) ?? 0,
    investmentYearToDate: ytd.get(unit.id) ?? 0,
    started: startedByUnit.get(unit.id) ?? 0,
    red: reds.byUnit ? (reds.byUnit.get(unit.id) ?? 0) : null,
  }));
  // Every unit holding a project is listed, so the column totals are the city's totals.
  const investmentThisMonth = byUnit.reduce((sum, row) => sum + row.investmentThisMonth, 0);
  const investmentYearToDate = yearToDateFigures.investmentCompleted;

  const problemDtos = (ids: number[]): ProblemDto[] =>
    ids
      .map((id) => findProblemRow(id, day))
      .filter((row) => row !== undefined)
      .filter((row) => !keep || keep(row.projectId))
      .map(toProblemDto);
  const supervisionRows = listSupervisionIdsOpenAt(range.to)
    .map((id) => findSupervisionRow(id))
    .filter((row) => row !== undefined)
    .filter((row) => !keep || keep(row.projectId));
  const replies = listRepliesOf(supervisionRows.map((row) => row.id));
  const openSupervisions: SupervisionDto[] = supervisionRows.map((row) => toSupervisionDto(row, replies));

  const ranking = rankingPeriodOf(month);
  const groups = groupRankings(ranking.range, day);
  const missing = listMissingReports(range).filter((row) => !keep || keep(row.projectId));

  return {
    month,
    /** all: the whole pool; shuangshi: the year's 双十 list. */
    scope,
    scopeLabel: scope === 'shuangshi' ? `${year}年“双十”项目` : STATS_SCOPE_LABELS.all,
    /** The 双十 targets, compared in the shuangshi scope only (null in scope=all, as on the dashboard). */
    targets: {
      startedTarget: targets.started,
      investmentTarget: targets.investment,
    },
    started: started.map(({ project }) => toProjectDto(project)),
    completed: completed.map(({ project }) => toProjectDto(project)),
    operating: operating.map(({ project }) => toProjectDto(project)),
    investmentThisMonth,
    investmentYearToDate,
    byUnit,
    red: reds.list,
    /** Which day's lights the red list (and byUnit's red) shows. */
    redSource: reds.source,
    problemsEscalated: problemDtos(listProblemIdsWithEvent('escalated', range, CITY_LEVELS)),
    problemsClosed: problemDtos(listProblemIdsWithEvent('closed', range)),
    openSupervisions,
    missingReports: missing.map((row) => ({
      projectId: row.projectId,
      unitId: row.unitId,
      name: row.name,
      unitName: row.unitName,
    })),
    ranking: groups.flatMap(({ group, ranked }) =>
      ranked.map((unit) => ({
        unitId: unit.unitId,
        unitName: unit.unitName,
        group,
        rank: unit.position,
        startRate: unit.startRate,
        investmentRate: unit.investmentRate,
        onTimeRate: unit.onTimeRate,
        scheduleRate: unit.scheduleRate,
        redCount: unit.red,
        score: unit.score,
      })),
    ),
    /** The weights the ranking's scores were computed with. */
    rankingWeights: getSetting('rankingWeights'),
    // Beyond the contract: what the headline and the ranking's caption need.
    startedYearToDate: yearToDateFigures.started,
    yearToDate: yearToDateFigures,
    rankingPeriod: {
      period: ranking.period,
      label: ranking.range.label,
      from: ranking.range.from,
      to: ranking.range.to,
    },
    /** 本月调整记录: greening changes made during the month, each with its reason. */
    // In the 双十 scope: the list's projects' adjustments, and every 调入/调出 of the month (a project
    // that left the list is no longer in it, but its leaving is the list's business).
    adjustments: monthAdjustments(range).filter(
      (row) => !keep || keep(row.projectId) || ['packageId', 'shuangshi'].includes(row.field),
    ),
    generatedOn: day,
  };
}
export type MonthlyReport = ReturnType<typeof monthlyReport>;

/** The headline figures, the same on the page and in the workbook. */
export function headlineFigures(report: MonthlyReport) {
  const { startedTarget, investmentTarget } = report.targets;
  return {
    startedThisMonth: report.started.length,
    startedYearToDate: report.startedYearToDate,
    startedTarget,
    startedRate: startedTarget ? rate(report.startedYearToDate, startedTarget) : null,
    investmentThisMonth: report.investmentThisMonth,
    investmentYearToDate: report.investmentYearToDate,
    investmentTarget,
    investmentRate: investmentTarget ? rate(report.investmentYearToDate, investmentTarget) : null,
    completed: report.completed.length,
    operating: report.operating.length,
    red: report.redSource.kind === 'none' ? null : report.red.length,
    missing: report.missingReports.length,
  };
}
