import 'server-only';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, isNotNull } from 'drizzle-orm';
import { dataDirectory, getDb, type Executor } from '@/db';
import { writeAudit } from '@/db/audit';
import { importBatches, industries, projects, units, users } from '@/db/schema';
import { AppError, isAppError } from '@/lib/errors';
import { toAppError } from '@/lib/auth/guard';
import { PROJECT_COLUMNS, REQUIRED_PROJECT_COLUMNS } from '@/lib/excel/project-columns';
import { lookupKey, parseProjectRow, planRows, type ImportLookups, type ParsedProjectRow, type PlannedRow, type RowError } from '@/lib/excel/project-rows';
import { readSheet } from '@/lib/excel/reader';
import { canCreateProjectIn, canEditProject, canImport } from '@/lib/rules/permissions';
import { nowIso } from '@/lib/rules/dates';
import { refreshLights } from './light';
import { applyProjectPatch, findProject, insertProjects, type ActorContext } from './projects';

// Project import: read → preview (stored server-side under the data directory) → commit in one
// transaction. Reading and checking yield to the event loop every few hundred rows so other
// users are served while a 10,000-row file is parsed.

export interface ImportPreview {
  id: string;
  userId: number;
  fileName: string;
  createdAt: string;
  sheetName: string;
  headerRow: number;
  columns: string[];
  unknownHeaders: string[];
  counts: { create: number; update: number; unchanged: number; error: number };
  errors: RowError[];
  rows: PlannedRow[];
  durationMs: number;
}

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'ready' | 'failed';
  done: number;
  total: number;
  message?: string;
}

const PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;
const CHECK_CHUNK = 500;
const ID_PATTERN = /^[0-9a-f-]{36}$/;

function previewDirectory(): string {
  return path.join(dataDirectory(), 'imports');
}

function previewFile(id: string): string {
  if (!ID_PATTERN.test(id)) throw new AppError('not_found', '导入预览不存在或已过期');
  return path.join(previewDirectory(), `${id}.json`);
}

function purgeOldPreviews() {
  const directory = previewDirectory();
  if (!fs.existsSync(directory)) return;
  const cutoff = Date.now() - PREVIEW_TTL_MS;
  for (const name of fs.readdirSync(directory)) {
    const file = path.join(directory, name);
    try {
      if (fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file);
    } catch {
      // Another request removed it first.
    }
  }
}

function assertImporter(actor: ActorContext) {
  if (!canImport(actor)) throw new AppError('forbidden', '无权导入');
}

export function importLookups(executor: Executor): ImportLookups {
  const unitMap = new Map<string, number>();
  for (const unit of executor.select({ id: units.id, name: units.name, code: units.code }).from(units).where(eq(units.active, true)).all()) {
    unitMap.set(lookupKey(unit.name), unit.id);
    unitMap.set(lookupKey(unit.code), unit.id);
  }
  const industryMap = new Map<string, number>();
  for (const industry of executor.select({ id: industries.id, name: industries.name }).from(industries).where(eq(industries.active, true)).all()) {
    industryMap.set(lookupKey(industry.name), industry.id);
  }
  const userMap: ImportLookups['users'] = new Map();
  for (const user of executor.select({ id: users.id, name: users.name, role: users.role }).from(users).where(eq(users.active, true)).all()) {
    const key = lookupKey(user.name);
    userMap.set(key, [...(userMap.get(key) ?? []), { id: user.id, role: user.role }]);
  }
  return { units: unitMap, industries: industryMap, users: userMap };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reads and checks a file and stores the preview. Writes nothing to the database. */
export async function previewProjectImport(
  actor: ActorContext,
  file: { name: string; bytes: Uint8Array },
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportPreview> {
  assertImporter(actor);
  const started = performance.now();
  const sheet = await readSheet(file.bytes, PROJECT_COLUMNS, {
    required: REQUIRED_PROJECT_COLUMNS,
    onProgress: (done, total) => onProgress({ phase: 'reading', done, total }),
  });
  const db = getDb();
  const lookups = importLookups(db);
  const parsed: ParsedProjectRow[] = [];
  for (let start = 0; start < sheet.rows.length; start += CHECK_CHUNK) {
    for (const row of sheet.rows.slice(start, start + CHECK_CHUNK)) parsed.push(parseProjectRow(row.row, sheet.mapping.matches, row.cells, lookups));
    onProgress({ phase: 'checking', done: parsed.length, total: sheet.rows.length });
    await yieldToEventLoop();
  }
  const unitNames = new Map(db.select({ id: units.id, name: units.name }).from(units).all().map((unit) => [unit.id, unit.name]));
  const planned = planRows(parsed, {
    actor,
    existing: db.select().from(projects).all(),
    headers: new Map(sheet.mapping.matches.map((match) => [match.key, match.header])),
    unitName: (id) => unitNames.get(id) ?? `单位 ${id}`,
  });
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const row of planned) counts[row.action === 'create' ? 'create' : row.action === 'update' ? 'update' : row.action === 'unchanged' ? 'unchanged' : 'error']++;
  const preview: ImportPreview = {
    id: randomUUID(),
    userId: actor.id,
    fileName: file.name.slice(0, 200) || '未命名.xlsx',
    createdAt: nowIso(),
    sheetName: sheet.sheetName,
    headerRow: sheet.headerRow,
    columns: sheet.mapping.matches.map((match) => match.header),
    unknownHeaders: sheet.mapping.unknown,
    counts,
    errors: planned.flatMap((row) => (row.action === 'error' ? row.errors : [])),
    rows: planned,
    durationMs: Math.round(performance.now() - started),
  };
  purgeOldPreviews();
  fs.mkdirSync(previewDirectory(), { recursive: true });
  await fs.promises.writeFile(previewFile(preview.id), JSON.stringify(preview));
  onProgress({ phase: 'ready', done: sheet.rows.length, total: sheet.rows.length });
  return preview;
}

export function loadImportPreview(actor: ActorContext, id: string): ImportPreview {
  const file = previewFile(id);
  if (!fs.existsSync(file)) throw new AppError('not_found', '导入预览不存在或已过期，请重新上传');
  const preview = JSON.parse(fs.readFileSync(file, 'utf8')) as ImportPreview;
  if (preview.userId !== actor.id) throw new AppError('not_found', '导入预览不存在或已过期，请重新上传');
  return preview;
}

// ------------------------------------------------------------------ background preview jobs

interface Job extends ImportProgress {
  userId: number;
  previewId?: string;
  updatedAt: number;
}

const jobStore = globalThis as unknown as { __importJobs?: Map<string, Job> };
const jobs = (jobStore.__importJobs ??= new Map());

/** Starts a preview in the background and returns the job id the page polls. */
export function startPreviewJob(actor: ActorContext, file: { name: string; bytes: Uint8Array }): string {
  assertImporter(actor);
  const jobId = randomUUID();
  const job: Job = { phase: 'reading', done: 0, total: 0, userId: actor.id, updatedAt: Date.now() };
  jobs.set(jobId, job);
  for (const [id, old] of jobs) if (Date.now() - old.updatedAt > PREVIEW_TTL_MS) jobs.delete(id);
  previewProjectImport(actor, file, (progress) => Object.assign(job, progress, { updatedAt: Date.now() }))
    .then((preview) => Object.assign(job, { phase: 'ready', previewId: preview.id, updatedAt: Date.now() }))
    .catch((error: unknown) => {
      const message = isAppError(error) ? error.message : '文件无法读取，请确认是有效的 .xlsx 文件';
      if (!isAppError(error)) console.error('[import]', error);
      Object.assign(job, { phase: 'failed', message, updatedAt: Date.now() });
    });
  return jobId;
}

export function previewJobStatus(actor: ActorContext, jobId: string): ImportProgress & { previewId?: string } {
  const job = jobs.get(jobId);
  if (!job || job.userId !== actor.id) throw new AppError('not_found', '导入任务不存在或已过期');
  return { phase: job.phase, done: job.done, total: job.total, message: job.message, previewId: job.previewId };
}

// ------------------------------------------------------------------ commit

export interface ImportResult {
  batchId: number;
  created: number;
  updated: number;
  skipped: number;
  durationMs: number;
}

function rowError(row: PlannedRow, error: unknown): AppError {
  const appError = isAppError(error) ? error : toAppError(error);
  const detail = appError.fields ? Object.values(appError.fields).flat().join('；') : appError.message;
  return new AppError(appError.code === 'stale_version' ? 'stale_version' : 'validation_failed', `第 ${row.row} 行（${row.name}）：${detail}。未导入任何数据`, appError.fields);
}

/** Writes a previewed file in ONE transaction: everything, or (validOnly) every valid row, or nothing. */
export function commitProjectImport(actor: ActorContext, previewId: string, options: { validOnly: boolean }): ImportResult {
  assertImporter(actor);
  const started = performance.now();
  const preview = loadImportPreview(actor, previewId);
  if (preview.counts.error > 0 && !options.validOnly) {
    throw new AppError('validation_failed', `文件中有 ${preview.counts.error} 行错误，未导入任何数据。请修正后重新上传，或勾选"只导入有效行"`);
  }
  if (preview.counts.create + preview.counts.update === 0) throw new AppError('bad_request', '没有需要导入的新项目或变更');

  const result = getDb().transaction((tx) => {
    const batch = tx.insert(importBatches).values({ kind: 'projects', fileName: preview.fileName, userId: actor.id }).returning().get();
    const creates = preview.rows.filter((row) => row.action === 'create');
    const takenCodes = new Set(tx.select({ code: projects.code }).from(projects).where(isNotNull(projects.code)).all().map((row) => row.code));
    for (const row of creates) {
      if (!canCreateProjectIn(actor, row.input.unitId)) throw rowError(row, new AppError('forbidden', '项目专员只能导入本单位的项目'));
      if (row.input.code && takenCodes.has(row.input.code)) throw rowError(row, new AppError('conflict', `项目代码 ${row.input.code} 在预览后已被其他项目使用`));
    }
    insertProjects(tx, actor, creates.map((row) => ({ input: row.input, stage: row.stage })), { batchId: batch.id });

    const patchedIds: number[] = [];
    for (const row of preview.rows) {
      if (row.action !== 'update') continue;
      try {
        const current = findProject(tx, row.projectId);
        if (current.version !== row.version) throw new AppError('stale_version', '该项目在预览后已被他人修改，请重新上传预览');
        if (!canEditProject(actor, current)) throw new AppError('forbidden', '无权修改该项目');
        const reason = 'shuangshi' in row.patch ? { shuangshiReason: `Excel 导入（批次 #${batch.id}，${preview.fileName}）` } : {};
        applyProjectPatch(tx, actor, current, { ...row.patch, ...reason }, batch.id, { deferLight: true });
        patchedIds.push(current.id);
      } catch (error) {
        throw rowError(row, error);
      }
    }
    refreshLights(tx, patchedIds);

    const counts = { created: creates.length, updated: patchedIds.length, skipped: preview.counts.unchanged + preview.counts.error };
    tx.update(importBatches).set({ createdCount: counts.created, updatedCount: counts.updated, skippedCount: counts.skipped }).where(eq(importBatches.id, batch.id)).run();
    writeAudit(tx, {
      userId: actor.id,
      action: 'import',
      entityType: 'import_batch',
      entityId: batch.id,
      after: { kind: 'projects', fileName: preview.fileName, ...counts, validOnly: options.validOnly },
      batchId: batch.id,
      ip: actor.ip ?? null,
    });
    return { batchId: batch.id, ...counts };
  });
  fs.rmSync(previewFile(previewId), { force: true });
  return { ...result, durationMs: Math.round(performance.now() - started) };
}
