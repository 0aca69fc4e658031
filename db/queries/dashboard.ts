import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '../index';
import { industries, monthlyReports, problems, projects, units } from '../schema';
import { enteredStageSql, projectSumColumns, projectWhere } from './project-filters';
import { countProjectsByUnit, reportedInvestmentByUnit } from './stats';
import { latestSnapshotDate, listSnapshotUnitCounts } from './light-history';
import type { ProjectFilters } from '@/lib/schemas/filters';
import type { Light, UnitKind } from '@/lib/rules/enums';
import { proratedPlan, type PeriodRange, type UnitFigures } from '@/lib/rules/stats';

// The dashboard's reads beyond the figures of domain/stats.ts: the charts' breakdowns and the
// unit ranking. Each is one aggregate in SQL over the same filters the ledger takes.

/** Σ 本月完成投资 per month over the projects matching the filters (the monthly chart; it sums to 完成投资). */
export function investmentByMonth(filters: ProjectFilters, months: string[]) {
  const rows = getDb()
    .select({
      month: monthlyReports.month,
      amount: sql<number>`coalesce(sum(${monthlyReports.investmentThisMonth}), 0)`.mapWith(Number),
    })
    .from(monthlyReports)
    .innerJoin(projects, eq(projects.id, monthlyReports.projectId))
    .where(and(inArray(monthlyReports.month, months), projectWhere(filters)))
    .groupBy(monthlyReports.month)
    .all();
  const byMonth = new Map(rows.map((r) => [r.month, r.amount]));
  return months.map((month) => ({ month, amount: byMonth.get(month) ?? 0 }));
}

/** The funnel and the breakdowns: count and money by stage, unit, industry and category, of the filtered set. */
export function projectBreakdowns(filters: ProjectFilters) {
  const db = getDb();
  const where = projectWhere(filters);
  const byStage = db
    .select({ key: projects.stage, ...projectSumColumns })
    .from(projects)
    .where(where)
    .groupBy(projects.stage)
    .all();
  const byCategory = db
    .select({ key: projects.category, ...projectSumColumns })
    .from(projects)
    .where(where)
    .groupBy(projects.category)
    .all();
  const byUnit = db
    .select({ key: projects.unitId, label: units.name, ...projectSumColumns })
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .where(where)
    .groupBy(projects.unitId)
    .orderBy(asc(units.sortOrder))
    .all();
  const byIndustry = db
    .select({ key: projects.industryId, label: industries.name, ...projectSumColumns })
    .from(projects)
    .leftJoin(industries, eq(industries.id, projects.industryId))
    .where(where)
    .groupBy(projects.industryId)
    .orderBy(asc(industries.sortOrder))
    .all();
  return { byStage, byCategory, byUnit, byIndustry };
}

/**
 * Each unit's figures for the ranking, in the period. 开工, 完成投资 and 按期竣工 are domain/stats.ts's
 * definitions per unit (the whole pool); problems count by the unit responsible for solving them.
 */
export function unitFigures(range: PeriodRange, day: string): UnitFigures[] {
  const db = getDb();
  const entered = (stage: 'construction' | 'completed') => ({
    enteredStage: stage,
    enteredFrom: range.from,
    enteredTo: range.to,
  });
  const startedFilter = entered('construction');
  const scheduleJudged = sql`(${projects.status} = 'active' and ${projects.stage} = 'construction' and ${projects.plannedInvestmentThisYear} > 0)`;
  const base = db
    .select({
      unitId: projects.unitId,
      unitName: units.name,
      kind: units.kind,
      startBase:
        sql<number>`coalesce(sum(case when (${projects.plannedStartDate} between ${range.from} and ${range.to}) or ${enteredStageSql(startedFilter)} then 1 else 0 end), 0)`.mapWith(
          Number,
        ),
      planInvestment: sql<number>`coalesce(sum(${projects.plannedInvestmentThisYear}), 0)`.mapWith(Number),
      red: sql<number>`coalesce(sum(case when ${projects.light} = 'red' then 1 else 0 end), 0)`.mapWith(Number),
      // 序时进度 (see UnitFigures.scheduleBase): active projects in 开工建设 with this year's plan > 0,
      // and of them those whose stored signals carry no schedule_lag.
      scheduleBase: sql<number>`coalesce(sum(case when ${scheduleJudged} then 1 else 0 end), 0)`.mapWith(Number),
      scheduleOnTrack:
        sql<number>`coalesce(sum(case when ${scheduleJudged} and not exists (select 1 from json_each(${projects.lightSignals}) where json_extract(json_each.value, '$.kind') = 'schedule_lag') then 1 else 0 end), 0)`.mapWith(
          Number,
        ),
    })
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .groupBy(projects.unitId)
    .orderBy(asc(units.sortOrder))
    .all();
  const started = countProjectsByUnit(startedFilter);
  const completed = reportedInvestmentByUnit({}, range.months);
  const withDue = countProjectsByUnit({ ...entered('completed'), timeliness: 'with_due' });
  const onTime = countProjectsByUnit({ ...entered('completed'), timeliness: 'on_time' });
  // 红灯数 of a past period: the lights of its last snapshot (light history), not today's. A period
  // before the first snapshot has no recorded lights; it falls back to today's.
  const snapshotDay = range.to < day ? latestSnapshotDate(db, range) : null;
  const redAtEnd = snapshotDay
    ? new Map(listSnapshotUnitCounts(db, snapshotDay).map((row) => [row.unitId, row.red]))
    : null;
  const problemCounts = new Map(
    db
      .select({
        unitId: problems.unitId,
        open: sql<number>`count(*)`.mapWith(Number),
        overdue: sql<number>`coalesce(sum(case when ${problems.deadline} < ${day} then 1 else 0 end), 0)`.mapWith(
          Number,
        ),
      })
      .from(problems)
      .where(eq(problems.status, 'open'))
      .groupBy(problems.unitId)
      .all()
      .map((r) => [r.unitId, r]),
  );
  return base.map((row) => ({
    ...row,
    red: redAtEnd ? (redAtEnd.get(row.unitId) ?? 0) : row.red,
    started: started.get(row.unitId) ?? 0,
    planInvestment: proratedPlan(row.planInvestment, range.months.length),
    completedInvestment: completed.get(row.unitId) ?? 0,
    completedWithDue: withDue.get(row.unitId) ?? 0,
    completedOnTime: onTime.get(row.unitId) ?? 0,
    openProblems: problemCounts.get(row.unitId)?.open ?? 0,
    overdueProblems: problemCounts.get(row.unitId)?.overdue ?? 0,
  }));
}

/**
 * The unit × light matrix: each unit's projects by stored light, over the whole pool, with no filter
 * but the unit and the light, so `/projects?unitId=…&light=…` totals each count. Units in their
 * sort order; a unit without projects has no row.
 */
export function unitLightCounts(): { unitId: number; unitName: string; kind: UnitKind; light: Light; count: number }[] {
  return getDb()
    .select({
      unitId: projects.unitId,
      unitName: units.name,
      kind: units.kind,
      light: projects.light,
      count: sql<number>`count(*)`.mapWith(Number),
    })
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .groupBy(projects.unitId, projects.light)
    .orderBy(asc(units.sortOrder))
    .all();
}
