import 'server-only';
import { randomUUID } from 'node:crypto';
import { eq, isNotNull } from 'drizzle-orm';
import { getDb, type Executor } from '@/db';
import { writeAudit } from '@/db/audit';
import {
  enterprises,
  importBatches,
  industries,
  monthlyReports,
  packageProjects,
  packages,
  projects,
  projectYearPlans,
  units,
  users,
} from '@/db/schema';
import { AppError, isAppError } from '@/lib/errors';
import { toAppError } from '@/lib/auth/guard';
import { PROJECT_COLUMN_BY_KEY, PROJECT_COLUMNS, REQUIRED_PROJECT_COLUMNS } from '@/lib/excel/project-columns';
import {
  lookupKey,
  parseProjectRow,
  planRows,
  type ImportLookups,
  type ParsedProjectRow,
  type PlannedRow,
} from '@/lib/excel/project-rows';
import { canCreateProjectIn, canEditProject, canImport, type ActorContext } from '@/lib/rules/permissions';
import { nowIso } from '@/lib/rules/dates';
import { enterpriseNameKey } from '@/lib/rules/enterprise';
import type { SheetRows } from '@/lib/excel/reader';
import { keyForLabel, type RowError } from '@/lib/excel/row-parse';
import {
  checkTotals,
  resolveSections,
  rowSectionLabels,
  sectionNameVariants,
  sectionValues,
  type SumColumn,
} from '@/lib/excel/sections';
import type { HeaderMatch } from '@/lib/excel/headers';
import type { Category } from '@/lib/rules/enums';
import {
  COMMIT_CHUNK,
  countActions,
  loadPreview,
  removePreview,
  savePreview,
  readAndParseRows,
  type ImportKind,
  type ImportProgress,
  type ImportResult,
  type PreviewBase,
} from './import-store';
import { refreshLights } from './light';
import { applyProjectPatch, findProject, insertProjects } from './projects';
import { currentYear, writeYearPlan } from './year-plans';

export type { ImportProgress, ImportResult } from './import-store';

// Project import: read → preview (stored server-side under the data directory) → commit in one
// transaction. The web server runs both steps in a worker process (domain/import-jobs.ts), so a
// 10,000-row file never holds up other users; these functions are what that process calls.

export type ImportPreview = PreviewBase<PlannedRow>;

function assertImporter(actor: ActorContext) {
  if (!canImport(actor)) throw new AppError('forbidden', '无权导入');
}

/** Active units by name and by code, for the importers' 单位 column. */
export function activeUnitKeys(executor: Executor): Map<string, number> {
  const unitMap = new Map<string, number>();
  for (const unit of executor
    .select({ id: units.id, name: units.name, code: units.code })
    .from(units)
    .where(eq(units.active, true))
    .all()) {
    unitMap.set(lookupKey(unit.name), unit.id);
    unitMap.set(lookupKey(unit.code), unit.id);
  }
  return unitMap;
}

/** Active industries by name, for the importers' 行业 column. */
export function activeIndustryKeys(executor: Executor): Map<string, number> {
  return new Map(
    executor
      .select({ id: industries.id, name: industries.name })
      .from(industries)
      .where(eq(industries.active, true))
      .all()
      .map((industry) => [lookupKey(industry.name), industry.id]),
  );
}

export function importLookups(executor: Executor): ImportLookups {
  const userMap: ImportLookups['users'] = new Map();
  for (const user of executor
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.active, true))
    .all()) {
    const key = lookupKey(user.name);
    userMap.set(key, [...(userMap.get(key) ?? []), { id: user.id, role: user.role }]);
  }
  const year = currentYear();
  const packageMap = new Map(
    executor
      .select({ id: packages.id, name: packages.name })
      .from(packages)
      .where(eq(packages.year, year))
      .all()
      .map((row) => [lookupKey(row.name), row.id]),
  );
  return {
    units: activeUnitKeys(executor),
    industries: activeIndustryKeys(executor),
    users: userMap,
    packages: packageMap,
    packageYear: year,
    currentYear: year,
  };
}

/** This year's 双十工程包 of every project in one. */
function packageIdsOfYear(executor: Executor, year: number): Map<number, number> {
  return new Map(
    executor
      .select({ projectId: packageProjects.projectId, packageId: packageProjects.packageId })
      .from(packageProjects)
      .where(eq(packageProjects.year, year))
      .all()
      .map((row) => [row.projectId, row.packageId]),
  );
}

type PlannedShape = { action: 'create' | 'update' | 'unchanged' } | { action: 'error'; errors: RowError[] };

/** Builds the preview of a checked sheet and stores it; the last step of both importers' preview. */
export async function storePreview<Row extends PlannedShape>(
  kind: ImportKind,
  actor: ActorContext,
  file: { name: string },
  sheet: SheetRows,
  planned: Row[],
  started: number,
  onProgress: (progress: ImportProgress) => void,
  structure: { warnings: RowError[]; sections: Record<number, string> } = { warnings: [], sections: {} },
): Promise<PreviewBase<Row>> {
  const preview: PreviewBase<Row> = {
    id: randomUUID(),
    kind,
    userId: actor.id,
    fileName: file.name.slice(0, 200) || '未命名.xlsx',
    createdAt: nowIso(),
    sheetName: sheet.sheetName,
    headerRow: sheet.headerRow,
    exampleRows: sheet.exampleRows,
    columns: sheet.mapping.matches.map((match) => match.header),
    unknownHeaders: sheet.mapping.unknown,
    counts: countActions(planned),
    errors: planned.flatMap((row: PlannedShape) => (row.action === 'error' ? row.errors : [])),
    rows: planned,
    durationMs: Math.round(performance.now() - started),
    warnings: structure.warnings,
    sections: structure.sections,
  };
  await savePreview(preview);
  onProgress({ phase: 'ready', done: sheet.rows.length, total: sheet.rows.length });
  return preview;
}

/** Reads and checks a file and stores the preview. Writes nothing to the database. */
export async function previewProjectImport(
  actor: ActorContext,
  file: { name: string; bytes: Uint8Array },
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportPreview> {
  assertImporter(actor);
  const started = performance.now();
  const db = getDb();
  const lookups = importLookups(db);
  const { sheet, parsed } = await readAndParseRows<ParsedProjectRow>(
    file.bytes,
    PROJECT_COLUMNS,
    REQUIRED_PROJECT_COLUMNS,
    (row, matches, cells) => parseProjectRow(row, matches, cells, lookups),
    onProgress,
    { labelKeys: ['name'], knownSection: (name) => resolveProjectSection(name, lookups) !== null },
  );
  const structure = projectSheetStructure(sheet, parsed, lookups);
  const unitNames = new Map(
    db
      .select({ id: units.id, name: units.name })
      .from(units)
      .all()
      .map((unit) => [unit.id, unit.name]),
  );
  const year = currentYear();
  // Plans of other years are read only when the sheet names one.
  const otherYears = new Set(
    parsed.map((row) => row.values.planYear).filter((y): y is number => y !== undefined && y !== year),
  );
  const storedPlans = new Map<string, number>();
  if (otherYears.size) {
    for (const plan of db.select().from(projectYearPlans).all())
      if (otherYears.has(plan.year)) storedPlans.set(`${plan.projectId}|${plan.year}`, plan.plannedInvestment);
  }
  const reported = new Set(
    db
      .selectDistinct({ projectId: monthlyReports.projectId })
      .from(monthlyReports)
      .all()
      .map((row) => row.projectId),
  );
  const memberships = packageIdsOfYear(db, year);
  const registry = db
    .select({ id: enterprises.id, name: enterprises.name, nameKey: enterprises.nameKey })
    .from(enterprises)
    .all();
  const enterpriseNames = new Map(registry.map((row) => [row.id, row.name]));
  const enterpriseKeys = new Set(registry.map((row) => row.nameKey));
  const planned = planRows(parsed, {
    actor,
    existing: db
      .select()
      .from(projects)
      .all()
      .map((project) => ({ ...project, packageId: memberships.get(project.id) ?? null })),
    headers: new Map(sheet.mapping.matches.map((match) => [match.key, match.header])),
    unitName: (id) => unitNames.get(id) ?? `单位 ${id}`,
    currentYear: year,
    yearPlanOf: (projectId, planYear) => storedPlans.get(`${projectId}|${planYear}`) ?? null,
    hasReports: (projectId) => reported.has(projectId),
    enterpriseName: (id) => enterpriseNames.get(id),
    enterpriseExists: (name) => enterpriseKeys.has(enterpriseNameKey(name)),
  });
  const rows = [...planned, ...structure.sectionErrors].sort((a, b) => a.row - b.row);
  return storePreview('projects', actor, file, sheet, rows, started, onProgress, structure);
}

// ------------------------------------------------------------------ sections and totals

type ProjectSection = { category: Category } | { packageId: number };

/** What a section row names: a project category ("政府投资项目") or one of this year's 双十工程包. */
export function resolveProjectSection(name: string, lookups: ImportLookups): ProjectSection | null {
  const labels = PROJECT_COLUMN_BY_KEY.get('category')!.labels!;
  const variants = sectionNameVariants(name);
  for (const variant of variants) {
    const category = keyForLabel(variant, labels);
    if (category) return { category: category as Category };
  }
  for (const variant of variants) {
    const packageId = lookups.packages?.get(variant) ?? lookups.packages?.get(`${variant}工程包`);
    if (packageId) return { packageId };
  }
  return null;
}

/** The money columns a 合计/小计 row is checked on, named as in the file (without the group above). */
export function sumColumns(matches: readonly HeaderMatch[], isMoney: (key: string) => boolean): SumColumn[] {
  return matches
    .filter((match) => isMoney(match.key))
    .map((match) => ({ key: match.key, header: match.header.split('/').pop()! }));
}

export const moneyValue = (values: Record<string, unknown>, key: string) =>
  typeof values[key] === 'number' ? (values[key] as number) : undefined;

/**
 * Gives each row its section's category (or package) unless the row states its own, turns a top-level
 * section that names nothing known into a row error, and checks the 合计/小计 rows (warnings).
 */
function projectSheetStructure(sheet: SheetRows, parsed: ParsedProjectRow[], lookups: ImportLookups) {
  const resolved = resolveSections(
    sheet.sections,
    (name) => resolveProjectSection(name, lookups),
    (section) =>
      `分区"${section.label}"不是已知的项目类别（政府投资、招商引资、上争），也不是${lookups.packageYear ?? '本'}年度的双十工程包`,
  );
  sheet.rows.forEach((row, index) => {
    const values = sectionValues(sheet.sections, resolved, row.section);
    const category = values.find((value) => 'category' in value);
    const inPackage = values.find((value) => 'packageId' in value);
    const own = parsed[index].values;
    if (own.category === undefined && category && 'category' in category) own.category = category.category;
    if ((own.packageId === undefined || own.packageId === null) && inPackage && 'packageId' in inPackage)
      own.packageId = inPackage.packageId;
  });
  const sectionErrors: PlannedRow[] = [];
  resolved.forEach((section, index) => {
    if (section.error)
      sectionErrors.push({
        row: section.error.row,
        action: 'error',
        name: sheet.sections[index].label,
        errors: [section.error],
      });
  });
  const warnings = checkTotals({
    sections: sheet.sections,
    totals: sheet.totals,
    rows: sheet.rows.map((row, index) => ({ row: row.row, section: row.section, parsed: parsed[index] })),
    columns: sumColumns(sheet.mapping.matches, (key) => PROJECT_COLUMN_BY_KEY.get(key as never)?.kind === 'money'),
    parseTotal: (row, cells) => parseProjectRow(row, sheet.mapping.matches, cells, lookups),
    value: (row, key) => moneyValue(row.values, key),
  });
  return { sectionErrors, warnings, sections: rowSectionLabels(sheet.sections, sheet.rows) };
}

export function loadImportPreview(actor: ActorContext, id: string): ImportPreview {
  return loadPreview<ImportPreview>(actor, id, 'projects');
}

// ------------------------------------------------------------------ commit

export function rowError(row: { row: number; name: string }, error: unknown): AppError {
  const appError = isAppError(error) ? error : toAppError(error);
  const detail = appError.fields ? Object.values(appError.fields).flat().join('；') : appError.message;
  return new AppError(
    appError.code === 'stale_version' ? 'stale_version' : 'validation_failed',
    `第 ${row.row} 行（${row.name}）：${detail}。未导入任何数据`,
    appError.fields,
  );
}

export interface CommitOptions {
  validOnly: boolean;
  /** Called between chunks, inside the transaction (the worker prints it for the web page). */
  onProgress?: (progress: ImportProgress) => void;
}

/** Refuses a commit the preview does not allow; shared by the project and lead importers. */
export function assertCommittable(preview: PreviewBase<unknown>, validOnly: boolean, noun: string): void {
  if (preview.counts.error > 0 && !validOnly) {
    throw new AppError(
      'validation_failed',
      `文件中有 ${preview.counts.error} 行错误，未导入任何数据。请修正后重新上传，或勾选"只导入有效行"`,
    );
  }
  if (preview.counts.create + preview.counts.update === 0)
    throw new AppError('bad_request', `没有需要导入的新${noun}或变更`);
}

/**
 * Writes a previewed file in ONE transaction under a new import batch: `write` adds the rows and
 * reports progress; the batch's counts and audit row close the transaction. BEGIN IMMEDIATE takes
 * the write lock up front, so the transaction never has to upgrade a stale read snapshot half-way
 * through. Shared by the project and lead importers.
 */
export function commitPreview<Row>(
  actor: ActorContext,
  preview: PreviewBase<Row>,
  options: CommitOptions,
  started: number,
  write: (tx: Executor, batchId: number, report: (done: number) => void) => { created: number; updated: number },
): ImportResult {
  const progress = options.onProgress ?? (() => {});
  const total = preview.counts.create + preview.counts.update;

  const result = getDb().transaction(
    (tx) => {
      const batch = tx
        .insert(importBatches)
        .values({ kind: preview.kind, fileName: preview.fileName, userId: actor.id })
        .returning()
        .get();
      const written = write(tx, batch.id, (done) => progress({ phase: 'writing', done, total }));
      const counts = { ...written, skipped: preview.counts.unchanged + preview.counts.error };
      finishBatch(tx, actor, batch.id, preview.kind, preview.fileName, counts, options.validOnly);
      progress({ phase: 'writing', done: total, total });
      return { batchId: batch.id, ...counts };
    },
    { behavior: 'immediate' },
  );
  removePreview(preview.id);
  return { ...result, durationMs: Math.round(performance.now() - started) };
}

/** Writes a previewed projects file: everything, or (validOnly) every valid row, or nothing. */
export function commitProjectImport(actor: ActorContext, previewId: string, options: CommitOptions): ImportResult {
  assertImporter(actor);
  const started = performance.now();
  const preview = loadImportPreview(actor, previewId);
  assertCommittable(preview, options.validOnly, '项目');
  return commitPreview(actor, preview, options, started, (tx, batchId, report) => {
    const creates = preview.rows.filter((row) => row.action === 'create');
    const takenCodes = new Set(
      tx
        .select({ code: projects.code })
        .from(projects)
        .where(isNotNull(projects.code))
        .all()
        .map((row) => row.code),
    );
    for (const row of creates) {
      if (!canCreateProjectIn(actor, row.input.unitId))
        throw rowError(row, new AppError('forbidden', '项目专员只能导入本单位的项目'));
      if (row.input.code && takenCodes.has(row.input.code))
        throw rowError(row, new AppError('conflict', `项目代码 ${row.input.code} 在预览后已被其他项目使用`));
    }
    let done = 0;
    report(done);
    for (let start = 0; start < creates.length; start += COMMIT_CHUNK) {
      const chunk = creates.slice(start, start + COMMIT_CHUNK);
      const inserted = insertProjects(
        tx,
        actor,
        chunk.map((row) => ({ input: row.input, stage: row.stage })),
        { batchId },
      );
      chunk.forEach((row, index) => {
        if (row.yearPlan) writeYearPlan(tx, actor, inserted[index], row.yearPlan, { batchId });
        if (row.packageId) {
          try {
            const project = findProject(tx, inserted[index].id);
            applyProjectPatch(
              tx,
              actor,
              project,
              { packageId: row.packageId, reason: `Excel 导入（批次 ${batchId}）` },
              batchId,
              { deferLight: true },
            );
          } catch (error) {
            throw rowError(row, error);
          }
        }
      });
      done += chunk.length;
      report(done);
    }

    const patchedIds: number[] = [];
    for (const row of preview.rows) {
      if (row.action !== 'update') continue;
      try {
        const current = findProject(tx, row.projectId);
        if (current.version !== row.version)
          throw new AppError('stale_version', '该项目在预览后已被他人修改，请重新上传预览');
        if (!canEditProject(actor, current)) throw new AppError('forbidden', '无权修改该项目');
        // Greening changes by import (a later date, a lower plan, 暂缓, 调入/调出 双十) are logged under the batch.
        const reason = `Excel 导入（批次 ${batchId}）`;
        const patched = Object.keys(row.patch).length
          ? applyProjectPatch(tx, actor, current, { ...row.patch, reason }, batchId, { deferLight: true })
          : current;
        if (row.yearPlan)
          writeYearPlan(tx, actor, patched, { ...row.yearPlan, reason }, { versionChecked: true, batchId });
        patchedIds.push(current.id);
      } catch (error) {
        throw rowError(row, error);
      }
      if (++done % COMMIT_CHUNK === 0) report(done);
    }
    refreshLights(tx, patchedIds);
    return { created: creates.length, updated: patchedIds.length };
  });
}

/** Stores a batch's counts and its one audit row; the last write of every import transaction. */
export function finishBatch(
  tx: Executor,
  actor: ActorContext,
  batchId: number,
  kind: 'projects' | 'leads',
  fileName: string,
  counts: { created: number; updated: number; skipped: number },
  validOnly: boolean,
): void {
  tx.update(importBatches)
    .set({ createdCount: counts.created, updatedCount: counts.updated, skippedCount: counts.skipped })
    .where(eq(importBatches.id, batchId))
    .run();
  writeAudit(tx, {
    userId: actor.id,
    action: 'import',
    entityType: 'import_batch',
    entityId: batchId,
    after: { kind, fileName, ...counts, validOnly },
    batchId,
    ip: actor.ip ?? null,
  });
}
