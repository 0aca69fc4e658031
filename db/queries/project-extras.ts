import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../index';
import { fundingApplications, packageProjects, packages, projects } from '../schema';
import type { ApplicationStatus } from '@/lib/rules/enums';

// What a project shows but does not store on its row: its place in a year's 双十 list (the
// packages) and its 上争 sums (the funding applications). One SQL expression each, used by the
// ledger, the board, the project page, the API's Project object and the exports alike.
// Columns are spelled "table"."column": drizzle leaves them bare in a single-table select, where a
// bare "id" inside these subqueries would name the inner table's id, not the project's.

/** In that year's 双十 list: a sub-project of one of the year's packages. */
export const inShuangshiSql = (year: number) =>
  sql<boolean>`exists (select 1 from ${packageProjects} where "package_projects"."project_id" = "projects"."id" and "package_projects"."year" = ${year})`.mapWith(
    (value) => Number(value) === 1,
  );

/** The id of the year's package holding the project, or null. */
export const packageIdSql = (year: number) =>
  sql<
    number | null
  >`(select "package_projects"."package_id" from ${packageProjects} where "package_projects"."project_id" = "projects"."id" and "package_projects"."year" = ${year})`;

/** The name of the year's package holding the project, or null. */
export const packageNameSql = (year: number) =>
  sql<
    string | null
  >`(select "packages"."name" from ${packageProjects} join ${packages} on "packages"."id" = "package_projects"."package_id" where "package_projects"."project_id" = "projects"."id" and "package_projects"."year" = ${year})`;

const fundingSum = (column: typeof fundingApplications.appliedAmount | typeof fundingApplications.grantedAmount) =>
  sql<
    number | null
  >`(select sum(${sql.raw(`"funding_applications"."${column.name}"`)}) from ${fundingApplications} where "funding_applications"."project_id" = "projects"."id")`;

/**
 * The project's 申报状态 summed up from its applications: 已获批 when any is granted, else 已申报
 * when any is submitted, else 未获批 when every one was refused, else 谋划; null without one.
 */
const applicationStatusSql = sql<ApplicationStatus | null>`(select case
  when count(*) = 0 then null
  when sum("funding_applications"."status" = 'granted') > 0 then 'approved'
  when sum("funding_applications"."status" = 'submitted') > 0 then 'applied'
  when sum("funding_applications"."status" = 'rejected') = count(*) then 'rejected'
  else 'planning' end from ${fundingApplications} where "funding_applications"."project_id" = "projects"."id")`;

/** The derived columns, for a select over `projects`. */
export const projectExtraColumns = (year: number) => ({
  shuangshi: inShuangshiSql(year),
  packageId: packageIdSql(year),
  packageName: packageNameSql(year),
  applicationStatus: applicationStatusSql,
  appliedFunds: fundingSum(fundingApplications.appliedAmount),
  grantedFunds: fundingSum(fundingApplications.grantedAmount),
  receivedFunds: sql<
    number | null
  >`(select sum("funding_applications"."received_amount") from ${fundingApplications} where "funding_applications"."project_id" = "projects"."id")`,
});

export interface ProjectExtras {
  shuangshi: boolean;
  packageId: number | null;
  packageName: string | null;
  applicationStatus: ApplicationStatus | null;
  appliedFunds: number | null;
  grantedFunds: number | null;
  receivedFunds: number | null;
}

/** The extras of many projects, read in chunks of 500 ids. */
export function loadProjectExtras(
  executor: Executor,
  ids: readonly number[],
  year: number,
): Map<number, ProjectExtras> {
  const out = new Map<number, ProjectExtras>();
  const columns = projectExtraColumns(year);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = executor
      .select({ id: projects.id, ...columns })
      .from(projects)
      .where(inArray(projects.id, ids.slice(i, i + 500)))
      .all();
    for (const { id, ...extras } of rows) out.set(id, extras);
  }
  return out;
}
