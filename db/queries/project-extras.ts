import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../index';
import { projects } from '../schema';
import type { ApplicationStatus } from '@/lib/rules/enums';

// What a project shows but does not store on its row: its place in a year's 双十 list (the
// packages) and its 上争 sums (the funding applications). One SQL expression each, used by the
// ledger, the board, the project page, the API's Project object and the exports alike.

/**
 * The outer project's id, always table-qualified: drizzle leaves columns unqualified in a
 * single-table select, and inside these subqueries a bare "id" would bind to the inner table.
 */
export const outerProjectId = sql.raw('"projects"."id"');

/** In that year's 双十 list: a sub-project of one of the year's packages. */
export const inShuangshiSql = (year: number) =>
  sql<boolean>`exists (select 1 from package_projects pp where pp.project_id = ${outerProjectId} and pp.year = ${year})`.mapWith(
    (value) => Number(value) === 1,
  );

/** The id of the year's package holding the project, or null. */
export const packageIdSql = (year: number) =>
  sql<
    number | null
  >`(select pp.package_id from package_projects pp where pp.project_id = ${outerProjectId} and pp.year = ${year})`;

/** The name of the year's package holding the project, or null. */
export const packageNameSql = (year: number) =>
  sql<
    string | null
  >`(select pk.name from package_projects pp join packages pk on pk.id = pp.package_id where pp.project_id = ${outerProjectId} and pp.year = ${year})`;

const fundingSum = (column: 'applied_amount' | 'granted_amount' | 'received_amount') =>
  sql<
    number | null
  >`(select sum(fa.${sql.raw(column)}) from funding_applications fa where fa.project_id = ${outerProjectId})`;

/**
 * The project's 申报状态 summed up from its applications: 已获批 when any is granted, else 已申报
 * when any is submitted, else 未获批 when every one was refused, else 谋划; null without one.
 */
const applicationStatusSql = sql<ApplicationStatus | null>`(select case
  when count(*) = 0 then null
  when sum(fa.status = 'granted') > 0 then 'approved'
  when sum(fa.status = 'submitted') > 0 then 'applied'
  when sum(fa.status = 'rejected') = count(*) then 'rejected'
  else 'planning' end from funding_applications fa where fa.project_id = ${outerProjectId})`;

/** The derived columns, for a select over `projects`. */
export const projectExtraColumns = (year: number) => ({
  shuangshi: inShuangshiSql(year),
  packageId: packageIdSql(year),
  packageName: packageNameSql(year),
  applicationStatus: applicationStatusSql,
  appliedFunds: fundingSum('applied_amount'),
  grantedFunds: fundingSum('granted_amount'),
  receivedFunds: fundingSum('received_amount'),
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
