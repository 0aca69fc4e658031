import 'server-only';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError, isAppError, type ErrorCode } from '@/lib/errors';
import { canImport, canImportLeads, type ActorContext } from '@/lib/rules/permissions';
import {
  importDirectory,
  loadPreview,
  type ImportKind,
  type ImportProgress,
  type ImportResult,
  type PreviewBase,
} from './import-store';
import { assertCommittable } from './imports';

// Imports run in a worker process (scripts/import-worker.ts) with its own SQLite connection, so
// exceljs unzipping a 20 MB file or a 10,000-row commit never stalls the web server's event loop.
// The worker prints JSON lines — progress, then a result or an error — which become a job the
// /import page polls. The commit is still ONE transaction, inside the worker: if the worker dies,
// SQLite rolls the unfinished transaction back and nothing of the file is written.
//
// The server may run as several processes (scripts/serve.mjs, one per core) and the page's next
// poll may reach another one, so a job's state and the places taken by running imports live as
// files beside the previews, not in one process's memory.

interface Job extends ImportProgress {
  userId: number;
  kind: ImportKind;
  step: 'preview' | 'commit';
  previewId?: string;
  result?: ImportResult;
  updatedAt: number;
}

const JOB_ID = /^[0-9a-f-]{36}$/;
const jobFile = (id: string) => path.join(importDirectory(), `job-${id}.json`);

/** Writes the job's state where every server process can read it (write, then rename: never half a file). */
function saveJob(id: string, job: Job): void {
  fs.mkdirSync(importDirectory(), { recursive: true });
  const temporary = `${jobFile(id)}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(job));
  fs.renameSync(temporary, jobFile(id));
}

function loadJob(id: string): Job | null {
  if (!JOB_ID.test(id)) return null;
  try {
    return JSON.parse(fs.readFileSync(jobFile(id), 'utf8')) as Job;
  } catch {
    return null;
  }
}

type WorkerLine =
  | { progress: ImportProgress }
  | { result: unknown }
  | { error: { code: ErrorCode; message: string; fields?: Record<string, string[]> } };

export function assertMayImport(actor: ActorContext, kind: ImportKind): void {
  if (kind === 'projects' && !canImport(actor)) throw new AppError('forbidden', '无权导入项目');
  if (kind === 'leads' && !canImportLeads(actor))
    throw new AppError('forbidden', '只有招商专员和管理员可以导入招商线索');
}

/** The worker's V8 heap cap and wall-clock limit; a 50,000-row preview needs about 400 MB. */
export const WORKER_HEAP_MB = Number(process.env.IMPORT_WORKER_HEAP_MB ?? 768);
export const WORKER_TIMEOUT_MS = Number(process.env.IMPORT_WORKER_TIMEOUT_MS ?? 5 * 60_000);
/** Imports running at once: one per user, and this many in all. */
export const MAX_RUNNING_IMPORTS = Number(process.env.IMPORT_MAX_CONCURRENT ?? 2);

const slotDirectory = () => path.join(importDirectory(), 'running');

/** The running imports' places: one file per user, holding the pid of the server process that runs it. */
function liveSlots(): Map<number, string> {
  const directory = slotDirectory();
  const slots = new Map<number, string>();
  if (!fs.existsSync(directory)) return slots;
  for (const name of fs.readdirSync(directory)) {
    const match = /^(\d+)\.lock$/.exec(name);
    if (!match) continue;
    const file = path.join(directory, name);
    let pid = 0;
    try {
      pid = Number(fs.readFileSync(file, 'utf8'));
      process.kill(pid, 0);
      slots.set(Number(match[1]), file);
    } catch (error) {
      // The process that took it is gone (a crash or a restart): the place is free again.
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') fs.rmSync(file, { force: true });
      else if (pid) slots.set(Number(match[1]), file);
    }
  }
  return slots;
}

/**
 * Takes a place for one running import, or refuses with 429: one per user (a second upload waits
 * for the first) and MAX_RUNNING_IMPORTS in all, across every server process. The returned
 * function gives the place back; it may be called more than once.
 */
export function acquireImportSlot(actor: ActorContext): () => void {
  const slots = liveSlots();
  const mine = () => new AppError('too_many_attempts', '您已有一个导入正在进行，请等它完成后再导入下一个文件');
  if (slots.has(actor.id)) throw mine();
  if (slots.size >= MAX_RUNNING_IMPORTS)
    throw new AppError('too_many_attempts', `当前已有 ${slots.size} 个导入正在进行，请稍等一两分钟再试`);
  fs.mkdirSync(slotDirectory(), { recursive: true });
  const file = path.join(slotDirectory(), `${actor.id}.lock`);
  try {
    fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw mine();
    throw error;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    fs.rmSync(file, { force: true });
  };
}

/** How many imports are running now, in every process (tests wait for background jobs with it). */
export function importsRunning(): number {
  return liveSlots().size;
}

/**
 * `node --import tsx`, not the tsx CLI: the CLI runs the script in a grandchild process, which a
 * kill of the child would not reach. One process means the commit dies with it, and rolls back.
 */
export function workerCommand(): { command: string; args: string[] } {
  const root = /*turbopackIgnore: true*/ process.cwd();
  return {
    command: process.execPath,
    args: [
      `--max-old-space-size=${WORKER_HEAP_MB}`,
      '--import',
      'tsx',
      '--conditions=react-server',
      path.join(root, 'scripts', 'import-worker.ts'),
    ],
  };
}

/** Runs the worker and resolves with its result; `onProgress` sees each progress line. */
function runWorker<T>(args: string[], onProgress: (progress: ImportProgress) => void): Promise<T> {
  const { command, args: base } = workerCommand();
  const env: NodeJS.ProcessEnv = { ...process.env, SQLITE_BUSY_TIMEOUT_MS: '60000' };
  delete env.NEXT_RUNTIME;
  return new Promise<T>((resolve, reject) => {
    const child = spawn(command, [...base, ...args], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let outcome: WorkerLine | null = null;
    let timedOut = false;
    // A commit past the limit dies inside its transaction, which SQLite rolls back.
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, WORKER_TIMEOUT_MS);
    let buffered = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (!line.startsWith('{')) continue;
        try {
          const message = JSON.parse(line) as WorkerLine;
          if ('progress' in message) onProgress(message.progress);
          else outcome = message;
        } catch {
          // Not one of ours (a library's stray output).
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on('error', (error) => {
      console.error('[import worker]', error);
      reject(new AppError('busy', '导入进程无法启动，未写入任何数据，请稍后重试'));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut)
        return reject(
          new AppError(
            'busy',
            `导入超过 ${Math.round(WORKER_TIMEOUT_MS / 1000)} 秒仍未完成，已中止，未写入任何数据；请拆分文件后分批导入`,
          ),
        );
      const done = outcome as WorkerLine | null;
      if (done && 'result' in done) return resolve(done.result as T);
      if (done && 'error' in done) return reject(new AppError(done.error.code, done.error.message, done.error.fields));
      console.error(`[import worker] exited with ${signal ?? code}`, stderr);
      if (/heap out of memory|Allocation failed/i.test(stderr))
        return reject(
          new AppError('payload_too_large', '文件内容过多，超出导入进程的内存上限，未写入任何数据；请拆分后分批导入'),
        );
      reject(new AppError('busy', '导入进程意外中止，数据库未作任何更改，请稍后重试'));
    });
  });
}

function actorArgs(actor: ActorContext): string[] {
  return ['--user', String(actor.id), ...(actor.ip ? ['--ip', actor.ip] : [])];
}

/** Previews a file in the worker; resolves with the stored preview's id. */
export async function runImportPreview(
  actor: ActorContext,
  kind: ImportKind,
  file: { name: string; bytes: Uint8Array },
  onProgress: (progress: ImportProgress) => void = () => {},
  slot?: () => void,
): Promise<string> {
  assertMayImport(actor, kind);
  const release = slot ?? acquireImportSlot(actor);
  fs.mkdirSync(importDirectory(), { recursive: true });
  const upload = path.join(importDirectory(), `upload-${randomUUID()}.xlsx`);
  await fs.promises.writeFile(upload, file.bytes);
  try {
    const preview = await runWorker<{ previewId: string }>(
      [
        'preview',
        '--kind',
        kind,
        '--file',
        upload,
        '--name',
        file.name.slice(0, 200) || '未命名.xlsx',
        ...actorArgs(actor),
      ],
      onProgress,
    );
    return preview.previewId;
  } finally {
    release();
    fs.rmSync(upload, { force: true });
  }
}

/** Checks a commit can start (clear 400/403/404 before spawning anything); returns the preview's kind. */
export function checkCommit(actor: ActorContext, previewId: string, validOnly: boolean, kind?: ImportKind): ImportKind {
  const preview = loadPreview<PreviewBase<unknown>>(actor, previewId, kind);
  assertMayImport(actor, preview.kind);
  assertCommittable(preview, validOnly, preview.kind === 'leads' ? '线索' : '项目');
  return preview.kind;
}

/** Commits a preview in the worker, in one transaction; resolves when it is written (or rejects, nothing written). */
export async function runImportCommit(
  actor: ActorContext,
  kind: ImportKind,
  previewId: string,
  validOnly: boolean,
  onProgress: (progress: ImportProgress) => void = () => {},
  slot?: () => void,
): Promise<ImportResult> {
  let release = slot;
  try {
    checkCommit(actor, previewId, validOnly, kind);
    release ??= acquireImportSlot(actor);
    return await runWorker<ImportResult>(
      ['commit', '--kind', kind, '--preview', previewId, ...(validOnly ? ['--valid-only'] : []), ...actorArgs(actor)],
      onProgress,
    );
  } finally {
    release?.();
  }
}

function newJob(actor: ActorContext, kind: ImportKind, step: Job['step']): [string, Job] {
  const job: Job = {
    phase: step === 'preview' ? 'reading' : 'writing',
    done: 0,
    total: 0,
    userId: actor.id,
    kind,
    step,
    updatedAt: Date.now(),
  };
  const id = randomUUID();
  saveJob(id, job);
  return [id, job];
}

/** Applies a change to the job and saves it for the page's next poll, whichever process answers it. */
function updateJob(id: string, job: Job, change: Partial<Job>): void {
  Object.assign(job, change, { updatedAt: Date.now() });
  saveJob(id, job);
}

function failJob(id: string, job: Job, error: unknown) {
  const message = isAppError(error) ? error.message : '文件无法读取，请确认是有效的 .xlsx 文件';
  if (!isAppError(error)) console.error('[import]', error);
  updateJob(id, job, { phase: 'failed', message });
}

// The worker reports "ready" as soon as its checks finish, a moment before it prints the preview's
// id; the job turns ready only with the id, so the page never opens a preview that is not there.
const track = (id: string, job: Job) => (progress: ImportProgress) =>
  updateJob(id, job, { ...progress, ...(progress.phase === 'ready' ? { phase: 'checking' as const } : {}) });

/** Starts a preview in the background and returns the job id the page polls. */
export function startPreviewJob(
  actor: ActorContext,
  kind: ImportKind,
  file: { name: string; bytes: Uint8Array },
): string {
  assertMayImport(actor, kind);
  const slot = acquireImportSlot(actor);
  const [id, job] = newJob(actor, kind, 'preview');
  runImportPreview(actor, kind, file, track(id, job), slot)
    .then((previewId) => updateJob(id, job, { phase: 'ready', previewId }))
    .catch((error: unknown) => failJob(id, job, error));
  return id;
}

/** Starts a commit in the background and returns the job id the page polls. */
export function startCommitJob(actor: ActorContext, previewId: string, validOnly: boolean): string {
  const kind = checkCommit(actor, previewId, validOnly);
  const slot = acquireImportSlot(actor);
  const [id, job] = newJob(actor, kind, 'commit');
  updateJob(id, job, { previewId });
  runImportCommit(actor, kind, previewId, validOnly, track(id, job), slot)
    .then((result) => updateJob(id, job, { phase: 'done', result, done: job.total }))
    .catch((error: unknown) => failJob(id, job, error));
  return id;
}

export function importJobStatus(actor: ActorContext, jobId: string) {
  const job = loadJob(jobId);
  if (!job || job.userId !== actor.id) throw new AppError('not_found', '导入任务不存在或已过期');
  return {
    kind: job.kind,
    step: job.step,
    phase: job.phase,
    done: job.done,
    total: job.total,
    message: job.message,
    previewId: job.previewId,
    batchId: job.result?.batchId,
  };
}
