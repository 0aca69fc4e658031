import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { diff, writeAudit } from '@/db/audit';
import { packageProjects, packages, projects, units, users, type Package, type Project } from '@/db/schema';
import {
  findPackageRow,
  listPackageAdjustments,
  listPackageRows,
  listSubProjects,
  packageOfProject,
  packageProjectIds,
  type PackageRow,
  type SubProjectRow,
} from '@/db/queries/packages';
import { AppError } from '@/lib/errors';
import { nowIso } from '@/lib/rules/dates';
import { canManagePackages, type ActorContext } from '@/lib/rules/permissions';
import type { PackageCreateInput, PackagePatchInput } from '@/lib/schemas/package';
import { recordAdjustment } from './adjustments';
import { currentYear } from './year-plans';

// 双十工程包. A year's packages, each with a lead unit and a 包保 leader, hold that year's 双十
// sub-projects. Admins and leaders write them; everyone signed in reads them. Packages are written
// for this year and the next (a new year's list is prepared in December); a project joins or
// leaves (调入/调出) only a package of this year, with a reason kept in the adjustments log.

export interface PackageDto {
  id: number;
  year: number;
  name: string;
  unitId: number;
  unitName: string | null;
  leaderId: number | null;
  leaderName: string | null;
  note: string | null;
  projectIds: number[];
  version: number;
}

function toPackageDto(
  row: Package & { unitName?: string; leaderName?: string | null },
  projectIds: number[],
): PackageDto {
  return {
    id: row.id,
    year: row.year,
    name: row.name,
    unitId: row.unitId,
    unitName: row.unitName ?? null,
    leaderId: row.leaderId,
    leaderName: row.leaderName ?? null,
    note: row.note,
    projectIds,
    version: row.version,
  };
}

export function listPackages(year: number, executor: Executor = getDb()): PackageDto[] {
  const rows = listPackageRows(year, executor);
  const members = packageProjectIds(
    rows.map((row) => row.id),
    executor,
  );
  return rows.map((row) => toPackageDto(row, members.get(row.id) ?? []));
}

export function getPackage(id: number, executor: Executor = getDb()): PackageDto {
  const row = findPackageRow(id, executor);
  if (!row) throw new AppError('not_found', '工程包不存在');
  const full = listPackageRows(row.year, executor).find((candidate) => candidate.id === id)!;
  return toPackageDto(full, packageProjectIds([id], executor).get(id) ?? []);
}

/** The years a package may be created or edited in: this year and the next. */
export function writableYears(): [number, number] {
  const year = currentYear();
  return [year, year + 1];
}

function assertManager(actor: ActorContext) {
  if (!canManagePackages(actor)) throw new AppError('forbidden', '只有管理员和市领导可以管理双十工程包');
}

function assertWritableYear(year: number) {
  const [first, last] = writableYears();
  if (year < first || year > last)
    throw new AppError('validation_failed', undefined, {
      year: [`只能新建或修改本年度（${first} 年）和下一年度（${last} 年）的工程包`],
    });
}

function assertPackageFields(
  executor: Executor,
  input: { year: number; name?: string; unitId?: number; leaderId?: number | null },
  exceptId?: number,
) {
  const fields: Record<string, string[]> = {};
  if (input.unitId !== undefined) {
    const unit = executor.select({ active: units.active }).from(units).where(eq(units.id, input.unitId)).get();
    if (!unit || !unit.active) fields.unitId = ['牵头单位不存在或已停用'];
  }
  if (input.leaderId != null) {
    const user = executor
      .select({ role: users.role, active: users.active })
      .from(users)
      .where(eq(users.id, input.leaderId))
      .get();
    if (!user || !user.active) fields.leaderId = ['用户不存在或已停用'];
    else if (user.role !== 'leader' && user.role !== 'admin') fields.leaderId = ['包保领导须为领导账号'];
  }
  if (input.name !== undefined) {
    const clash = executor
      .select({ id: packages.id })
      .from(packages)
      .where(
        and(
          eq(packages.year, input.year),
          eq(packages.name, input.name),
          exceptId ? ne(packages.id, exceptId) : undefined,
        ),
      )
      .get();
    if (clash) fields.name = [`${input.year} 年已有同名工程包`];
  }
  if (Object.keys(fields).length) throw new AppError('validation_failed', undefined, fields);
}

export function createPackage(actor: ActorContext, input: PackageCreateInput): PackageDto {
  assertManager(actor);
  return getDb().transaction((tx) => {
    assertWritableYear(input.year);
    assertPackageFields(tx, input);
    const at = nowIso();
    const row = tx
      .insert(packages)
      .values({
        year: input.year,
        name: input.name,
        unitId: input.unitId,
        leaderId: input.leaderId ?? null,
        note: input.note || null,
        createdBy: actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning()
      .get();
    writeAudit(tx, {
      userId: actor.id,
      action: 'create',
      entityType: 'package',
      entityId: row.id,
      after: { year: row.year, name: row.name, unitId: row.unitId, leaderId: row.leaderId, note: row.note },
      ip: actor.ip ?? null,
    });
    return getPackage(row.id, tx);
  });
}

export function updatePackage(actor: ActorContext, id: number, input: PackagePatchInput): PackageDto {
  assertManager(actor);
  return getDb().transaction((tx) => {
    const current = findPackageRow(id, tx);
    if (!current) throw new AppError('not_found', '工程包不存在');
    if (input.version !== current.version) throw new AppError('stale_version', '该工程包已被他人修改，请刷新后再试');
    assertWritableYear(current.year);
    const { version: _version, ...rest } = input;
    const changes = { ...rest, ...(rest.note !== undefined ? { note: rest.note || null } : {}) };
    assertPackageFields(tx, { year: current.year, ...changes }, id);
    const { before, after, changed } = diff(current as unknown as Record<string, unknown>, changes);
    if (!changed) return getPackage(id, tx);
    const updated = tx
      .update(packages)
      .set({ ...changes, version: current.version + 1, updatedAt: nowIso() })
      .where(and(eq(packages.id, id), eq(packages.version, current.version)))
      .returning()
      .get();
    if (!updated) throw new AppError('stale_version', '该工程包已被他人修改，请刷新后再试');
    writeAudit(tx, {
      userId: actor.id,
      action: 'update',
      entityType: 'package',
      entityId: id,
      before,
      after,
      ip: actor.ip ?? null,
    });
    return getPackage(id, tx);
  });
}

// ---------------------------------------------------------------- 调入 / 调出

/** How a package is kept in the adjustments log: its id, name and year (the name as it was then). */
export interface PackageRef {
  id: number;
  name: string;
  year: number;
}
const refOf = (row: Package): PackageRef => ({ id: row.id, name: row.name, year: row.year });

export interface PackageChange {
  from: Package | null;
  to: Package | null;
}

/**
 * Checks a requested `packageId` for a project (null = leave this year's package) and returns the
 * change, or null when there is none. Writes nothing: 400 for a package that does not exist, is of
 * another year, or while the project sits in another package of the year; 403 for officers.
 */
export function planPackageChange(
  executor: Executor,
  actor: ActorContext,
  project: Pick<Project, 'id'>,
  packageId: number | null,
): PackageChange | null {
  const year = currentYear();
  const current = packageOfProject(project.id, year, executor) ?? null;
  if ((current?.id ?? null) === packageId) return null;
  if (!canManagePackages(actor)) throw new AppError('forbidden', '只有管理员和市领导可以调入或调出双十工程包');
  if (packageId === null) return { from: current, to: null };
  const target = findPackageRow(packageId, executor);
  if (!target) throw new AppError('validation_failed', undefined, { packageId: ['工程包不存在'] });
  if (target.year !== year)
    throw new AppError('validation_failed', undefined, {
      packageId: [`只能调入本年度（${year} 年）的工程包，「${target.name}」属于 ${target.year} 年`],
    });
  if (current)
    throw new AppError('validation_failed', undefined, {
      packageId: [`该项目已在本年度工程包「${current.name}」中，请先调出再调入`],
    });
  return { from: null, to: target };
}

/**
 * Writes a planned change inside `executor`: the membership and the adjustment row. The caller
 * (applyProjectPatch) bumps the project's version and writes the audit row in the same transaction.
 */
export function writePackageChange(
  executor: Executor,
  actor: ActorContext,
  projectId: number,
  change: PackageChange,
  reason: string,
  at: string,
): void {
  if (change.from)
    executor
      .delete(packageProjects)
      .where(and(eq(packageProjects.packageId, change.from.id), eq(packageProjects.projectId, projectId)))
      .run();
  if (change.to)
    executor
      .insert(packageProjects)
      .values({ packageId: change.to.id, projectId, year: change.to.year, joinedAt: at })
      .run();
  recordAdjustment(executor, {
    projectId,
    byUserId: actor.id,
    field: 'packageId',
    from: change.from ? refOf(change.from) : null,
    to: change.to ? refOf(change.to) : null,
    reason,
    at,
  });
}

/** Ensures a project exists (for the 调入 form, which names it by id). */
export function assertProjectExists(executor: Executor, projectId: number): void {
  if (!executor.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).get())
    throw new AppError('validation_failed', undefined, { projectId: ['项目不存在'] });
}

// ---------------------------------------------------------------- the /shuangshi page

export interface PackageTotals {
  projects: number;
  totalInvestment: number;
  plannedInvestment: number;
  completedInYear: number;
  started: number;
  lights: Record<'red' | 'yellow' | 'green' | 'grey', number>;
}

export interface PackageOverview {
  pkg: PackageRow;
  projects: SubProjectRow[];
  totals: PackageTotals;
}

function totalsOf(rows: readonly SubProjectRow[]): PackageTotals {
  const totals: PackageTotals = {
    projects: rows.length,
    totalInvestment: 0,
    plannedInvestment: 0,
    completedInYear: 0,
    started: 0,
    lights: { red: 0, yellow: 0, green: 0, grey: 0 },
  };
  for (const row of rows) {
    totals.totalInvestment += row.totalInvestment;
    totals.plannedInvestment += row.plannedInvestment;
    totals.completedInYear += row.completedInYear;
    if (row.startedInYear) totals.started += 1;
    totals.lights[row.light as keyof PackageTotals['lights']] += 1;
  }
  return totals;
}

/** The year's packages with their sub-projects and totals, the year's totals and its 调入/调出 log. */
export function packageOverview(year: number) {
  const db = getDb();
  const rows = listPackageRows(year, db);
  const subProjects = listSubProjects(year, db);
  const byPackage = new Map<number, SubProjectRow[]>(rows.map((row) => [row.id, []]));
  for (const sub of subProjects) byPackage.get(sub.packageId)?.push(sub);
  const overview: PackageOverview[] = rows.map((pkg) => {
    const members = byPackage.get(pkg.id) ?? [];
    return { pkg, projects: members, totals: totalsOf(members) };
  });
  return {
    year,
    packages: overview,
    totals: totalsOf(subProjects),
    adjustments: listPackageAdjustments(year, db),
  };
}
