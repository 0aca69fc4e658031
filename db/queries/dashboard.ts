import 'server-only';
import { and, asc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { annualTargets, industries, monthlyReports, problems, projects, stageHistory, units } from '../schema';
import { projectSumColumns } from './project-filters';
import { cached } from './read-cache';
import type { Stage } from '@/lib/rules/enums';
import { proratedPlan, type PeriodRange, type UnitFigures } from '@/lib/rules/stats';

// The dashboard's reads: every figure is one aggregate in SQL. Dates in stage_history are
// timestamps; their first ten characters are the calendar date of the move.

const moveDate = sql`substr(${stageHistory.at}, 1, 10)`;
const inRange = (range: { from: string; to: string }) => and(gte(moveDate, range.from), lte(moveDate, range.to));

export function getAnnualTargets(year: number) {
  return getDb().select().from(annualTargets).where(eq(annualTargets.year, year)).get() ?? null;
}

/** Distinct projects that moved into `stage` within the range, optionally of one category. */
export function countMovesInto(stage: Stage, range: { from: string; to: string }, category?: 'attraction') {
  const db = getDb();
  return db
    .select({ n: sql<number>`count(distinct ${stageHistory.projectId})`.mapWith(Number) })
    .from(stageHistory)
    .innerJoin(projects, eq(projects.id, stageHistory.projectId))
    .where(and(eq(stageHistory.toStage, stage), inRange(range), category ? eq(projects.category, category) : undefined))
    .get()!.n;
}

/** Investment completed in the given months (sum of 本月完成投资), with the months' own figures. */
export function completedInvestmentByMonth(months: string[]) {
  const rows = getDb()
    .select({ month: monthlyReports.month, amount: sql<number>`coalesce(sum(${monthlyReports.investmentThisMonth}), 0)`.mapWith(Number) })
    .from(monthlyReports)
    .where(inArray(monthlyReports.month, months))
    .groupBy(monthlyReports.month)
    .all();
  const byMonth = new Map(rows.map((r) => [r.month, r.amount]));
  return months.map((month) => ({ month, amount: byMonth.get(month) ?? 0 }));
}

/** 资金到位: only projects that report funds in place count, against their own completed investment. */
export function fundsInPlaceTotals() {
  return getDb()
    .select({
      projects: sql<number>`count(*)`.mapWith(Number),
      fundsInPlace: sql<number>`coalesce(sum(${projects.fundsInPlace}), 0)`.mapWith(Number),
      completedInvestment: sql<number>`coalesce(sum(${projects.completedInvestment}), 0)`.mapWith(Number),
    })
    .from(projects)
    .where(isNotNull(projects.fundsInPlace))
    .get()!;
}

/** 按期竣工: moves into 竣工 in the range; on time when the stage's planned finish date was not before the move. */
export function completionTimeliness(range: { from: string; to: string }) {
  return getDb()
    .select({
      moves: sql<number>`count(*)`.mapWith(Number),
      withDue: sql<number>`coalesce(sum(case when ${stageHistory.fromStageDueDate} is not null then 1 else 0 end), 0)`.mapWith(Number),
      onTime: sql<number>`coalesce(sum(case when ${stageHistory.fromStageDueDate} >= ${moveDate} then 1 else 0 end), 0)`.mapWith(Number),
    })
    .from(stageHistory)
    .where(and(eq(stageHistory.toStage, 'completed'), inRange(range)))
    .get()!;
}

/** The funnel and the breakdowns: count and money by stage, unit, industry and category. */
export function projectBreakdowns() {
  const db = getDb();
  const byStage = db.select({ key: projects.stage, ...projectSumColumns }).from(projects).groupBy(projects.stage).all();
  const byCategory = db.select({ key: projects.category, ...projectSumColumns }).from(projects).groupBy(projects.category).all();
  const byUnit = db
    .select({ key: projects.unitId, label: units.name, ...projectSumColumns })
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .groupBy(projects.unitId)
    .orderBy(asc(units.sortOrder))
    .all();
  const byIndustry = db
    .select({ key: projects.industryId, label: industries.name, ...projectSumColumns })
    .from(projects)
    .leftJoin(industries, eq(industries.id, projects.industryId))
    .groupBy(projects.industryId)
    .orderBy(asc(industries.sortOrder))
    .all();
  return { byStage, byCategory, byUnit, byIndustry };
}

/** Each unit's figures for the ranking, in the period. Problems count by the unit responsible for solving them. */
export function unitFigures(range: PeriodRange, day: string): UnitFigures[] {
  const db = getDb();
  const started = db
    .select({ projectId: stageHistory.projectId })
    .from(stageHistory)
    .where(and(eq(stageHistory.toStage, 'construction'), inRange(range)));
  const base = db
    .select({
      unitId: projects.unitId,
      unitName: units.name,
      startBase: sql<number>`coalesce(sum(case when (${projects.plannedStartDate} between ${range.from} and ${range.to}) or ${projects.id} in ${started} then 1 else 0 end), 0)`.mapWith(Number),
      started: sql<number>`coalesce(sum(case when ${projects.id} in ${started} then 1 else 0 end), 0)`.mapWith(Number),
      planInvestment: sql<number>`coalesce(sum(${projects.plannedInvestmentThisYear}), 0)`.mapWith(Number),
      red: sql<number>`coalesce(sum(case when ${projects.light} = 'red' then 1 else 0 end), 0)`.mapWith(Number),
    })
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .groupBy(projects.unitId)
    .orderBy(asc(units.sortOrder))
    .all();
  const completed = new Map(
    db
      .select({ unitId: projects.unitId, amount: sql<number>`coalesce(sum(${monthlyReports.investmentThisMonth}), 0)`.mapWith(Number) })
      .from(monthlyReports)
      .innerJoin(projects, eq(projects.id, monthlyReports.projectId))
      .where(inArray(monthlyReports.month, range.months))
      .groupBy(projects.unitId)
      .all()
      .map((r) => [r.unitId, r.amount]),
  );
  const timeliness = new Map(
    db
      .select({
        unitId: projects.unitId,
        withDue: sql<number>`coalesce(sum(case when ${stageHistory.fromStageDueDate} is not null then 1 else 0 end), 0)`.mapWith(Number),
        onTime: sql<number>`coalesce(sum(case when ${stageHistory.fromStageDueDate} >= ${moveDate} then 1 else 0 end), 0)`.mapWith(Number),
      })
      .from(stageHistory)
      .innerJoin(projects, eq(projects.id, stageHistory.projectId))
      .where(and(eq(stageHistory.toStage, 'completed'), inRange(range)))
      .groupBy(projects.unitId)
      .all()
      .map((r) => [r.unitId, r]),
  );
  const problemCounts = new Map(
    db
      .select({
        unitId: problems.unitId,
        open: sql<number>`count(*)`.mapWith(Number),
        overdue: sql<number>`coalesce(sum(case when ${problems.deadline} < ${day} then 1 else 0 end), 0)`.mapWith(Number),
      })
      .from(problems)
      .where(eq(problems.status, 'open'))
      .groupBy(problems.unitId)
      .all()
      .map((r) => [r.unitId, r]),
  );
  return base.map((row) => ({
    ...row,
    planInvestment: proratedPlan(row.planInvestment, range.months.length),
    completedInvestment: completed.get(row.unitId) ?? 0,
    completedWithDue: timeliness.get(row.unitId)?.withDue ?? 0,
    completedOnTime: timeliness.get(row.unitId)?.onTime ?? 0,
    openProblems: problemCounts.get(row.unitId)?.open ?? 0,
    overdueProblems: problemCounts.get(row.unitId)?.overdue ?? 0,
  }));
}

/** Everything the dashboard shows: this year's targets against actuals, breakdowns and the ranking period. */
export function loadDashboard({ year, day, ranking }: { year: number; day: string; ranking: PeriodRange }) {
  return cached(`dashboard|${year}|${day}|${ranking.from}|${ranking.to}`, () => readDashboard(year, day, ranking));
}

function readDashboard(year: number, day: string, ranking: PeriodRange) {
  const yearRange = { from: `${year}-01-01`, to: day < `${year}-12-31` ? day : `${year}-12-31` };
  const months: string[] = [];
  for (let m = 1; m <= 12; m++) months.push(`${year}-${String(m).padStart(2, '0')}`);
  return {
    targets: getAnnualTargets(year),
    started: countMovesInto('construction', yearRange),
    signed: countMovesInto('signed', yearRange, 'attraction'),
    landed: countMovesInto('construction', yearRange, 'attraction'),
    monthly: completedInvestmentByMonth(months),
    funds: fundsInPlaceTotals(),
    timeliness: completionTimeliness(yearRange),
    breakdowns: projectBreakdowns(),
    units: unitFigures(ranking, day),
  };
}
