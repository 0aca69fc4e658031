import 'server-only';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../index';
import {
  monthlyReports,
  packageProjects,
  packages,
  projectAdjustments,
  projects,
  projectYearPlans,
  units,
  users,
  type Package,
} from '../schema';
import { enteredStageSql } from './project-filters';
import type { Light, ProjectStatus, Stage } from '@/lib/rules/enums';

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

// The reads behind 双十工程包: the API's Package objects, the /shuangshi page (each package with
// its sub-projects and their figures of the year) and the year's 调入/调出 log.

export interface PackageRow extends Package {
  unitName: string;
  leaderName: string | null;
}

/** The packages of a year, oldest first, with their unit and leader names. */
export function listPackageRows(year: number, executor: Executor = getDb()): PackageRow[] {
  return executor
    .select({ row: packages, unitName: units.name, leaderName: users.name })
    .from(packages)
    .innerJoin(units, eq(units.id, packages.unitId))
    .leftJoin(users, eq(users.id, packages.leaderId))
    .where(eq(packages.year, year))
    .orderBy(asc(packages.id))
    .all()
    .map(({ row, unitName, leaderName }) => ({ ...row, unitName, leaderName: leaderName ?? null }));
}

export function findPackageRow(id: number, executor: Executor = getDb()): Package | undefined {
  return executor.select().from(packages).where(eq(packages.id, id)).get();
}

/** The sub-project ids of each of the given packages, in joining order. */
export function packageProjectIds(packageIds: readonly number[], executor: Executor = getDb()): Map<number, number[]> {
  const out = new Map<number, number[]>(packageIds.map((id) => [id, []]));
  if (packageIds.length === 0) return out;
  const rows = executor
    .select({ packageId: packageProjects.packageId, projectId: packageProjects.projectId })
    .from(packageProjects)
    .where(inArray(packageProjects.packageId, [...packageIds]))
    .orderBy(asc(packageProjects.joinedAt), asc(packageProjects.projectId))
    .all();
  for (const row of rows) out.get(row.packageId)?.push(row.projectId);
  return out;
}

/** The package of `year` holding the project, if any. */
export function packageOfProject(projectId: number, year: number, executor: Executor = getDb()): Package | undefined {
  return executor
    .select({ row: packages })
    .from(packageProjects)
    .innerJoin(packages, eq(packages.id, packageProjects.packageId))
    .where(and(eq(packageProjects.projectId, projectId), eq(packageProjects.year, year)))
    .get()?.row;
}

/** The years that have packages, newest first. */
export function packageYears(executor: Executor = getDb()): number[] {
  return executor
    .selectDistinct({ year: packages.year })
    .from(packages)
    .orderBy(desc(packages.year))
    .all()
    .map((row) => row.year);
}

export interface SubProjectRow {
  packageId: number;
  id: number;
  name: string;
  unitId: number;
  unitName: string;
  stage: Stage;
  status: ProjectStatus;
  light: Light;
  version: number;
  totalInvestment: number;
  /** The plan of the package's year (project_year_plans), 0 without one. */
  plannedInvestment: number;
  /** Σ the year's monthly reports. */
  completedInYear: number;
  /** Entered 开工建设 (construction) during the year, by the Beijing date of the move. */
  startedInYear: boolean;
}

/** Every sub-project of the year's packages with its figures of that year. */
export function listSubProjects(year: number, executor: Executor = getDb()): SubProjectRow[] {
  const started = enteredStageSql({
    enteredStage: 'construction',
    enteredFrom: `${year}-01-01`,
    enteredTo: `${year}-12-31`,
  })!;
  return executor
    .select({
      packageId: packageProjects.packageId,
      id: projects.id,
      name: projects.name,
      unitId: projects.unitId,
      unitName: units.name,
      stage: projects.stage,
      status: projects.status,
      light: projects.light,
      version: projects.version,
      totalInvestment: projects.totalInvestment,
      plannedInvestment:
        sql<number>`coalesce((select ${projectYearPlans.plannedInvestment} from ${projectYearPlans} where ${projectYearPlans.projectId} = ${projects.id} and ${projectYearPlans.year} = ${year}), 0)`.mapWith(
          Number,
        ),
      completedInYear:
        sql<number>`coalesce((select sum(${monthlyReports.investmentThisMonth}) from ${monthlyReports} where ${monthlyReports.projectId} = ${projects.id} and ${monthlyReports.month} between ${`${year}-01`} and ${`${year}-12`}), 0)`.mapWith(
          Number,
        ),
      startedInYear: sql<boolean>`case when ${started} then 1 else 0 end`.mapWith((value) => Number(value) === 1),
    })
    .from(packageProjects)
    .innerJoin(projects, eq(projects.id, packageProjects.projectId))
    .innerJoin(units, eq(units.id, projects.unitId))
    .where(eq(packageProjects.year, year))
    .orderBy(asc(packageProjects.packageId), desc(projects.totalInvestment), asc(projects.id))
    .all();
}

export interface PackageAdjustmentRow {
  id: number;
  at: string;
  byName: string | null;
  projectId: number;
  projectName: string;
  from: unknown;
  to: unknown;
  reason: string;
}

/** The 调入/调出 of the year's packages (field `packageId`), newest first. */
export function listPackageAdjustments(year: number, executor: Executor = getDb()): PackageAdjustmentRow[] {
  const ofYear = (column: typeof projectAdjustments.fromValue | typeof projectAdjustments.toValue) =>
    sql`json_extract(${column}, '$.year') = ${year}`;
  return executor
    .select({
      id: projectAdjustments.id,
      at: projectAdjustments.at,
      byName: users.name,
      projectId: projectAdjustments.projectId,
      projectName: projects.name,
      from: projectAdjustments.fromValue,
      to: projectAdjustments.toValue,
      reason: projectAdjustments.reason,
    })
    .from(projectAdjustments)
    .innerJoin(projects, eq(projects.id, projectAdjustments.projectId))
    .leftJoin(users, eq(users.id, projectAdjustments.byUserId))
    .where(
      and(
        eq(projectAdjustments.field, 'packageId'),
        or(ofYear(projectAdjustments.fromValue), ofYear(projectAdjustments.toValue)),
      ),
    )
    .orderBy(desc(projectAdjustments.at), desc(projectAdjustments.id))
    .all()
    .map((row) => ({ ...row, byName: row.byName ?? null }));
}

export interface JoinCandidate {
  id: number;
  name: string;
  unitName: string;
  stage: Stage;
  version: number;
  packageName: string | null;
}

/** Projects whose name or code contains `q`, for the 调入 search, with the year's package they sit in. */
export function searchJoinCandidates(
  q: string,
  year: number,
  limit = 20,
  executor: Executor = getDb(),
): JoinCandidate[] {
  const term = `%${escapeLike(q.trim())}%`;
  return executor
    .select({
      id: projects.id,
      name: projects.name,
      unitName: units.name,
      stage: projects.stage,
      version: projects.version,
      packageName: sql<
        string | null
      >`(select ${packages.name} from ${packageProjects} join ${packages} on ${packages.id} = ${packageProjects.packageId} where ${packageProjects.projectId} = ${projects.id} and ${packageProjects.year} = ${year})`,
    })
    .from(projects)
    .innerJoin(units, eq(units.id, projects.unitId))
    .where(or(sql`${projects.name} like ${term} escape '\\'`, sql`${projects.code} like ${term} escape '\\'`))
    .orderBy(asc(projects.name))
    .limit(limit)
    .all();
}
