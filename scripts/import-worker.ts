// The import worker: the web server runs it as a child process for each preview and commit
// (domain/import-jobs.ts), so heavy Excel work never blocks other users. It can be run by hand:
//   node --import tsx --conditions=react-server scripts/import-worker.ts commit --kind projects --preview <id> --user <id> [--valid-only]
//   node --import tsx --conditions=react-server scripts/import-worker.ts preview --kind leads --file <path> --name <文件名> --user <id>
// It prints one JSON object per line: {"progress":…} while working, then {"result":…} or {"error":…}.
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { closeDb, getDb } from '../db';
import { users } from '../db/schema';
import { commitLeadImport, previewLeadImport } from '../domain/lead-imports';
import { commitProjectImport, previewProjectImport } from '../domain/imports';
import type { ImportProgress } from '../domain/import-store';
import type { ActorContext } from '../lib/rules/permissions';
import { AppError, isAppError } from '../lib/errors';
import { toAppError } from '../lib/auth/guard';

process.env.SQLITE_BUSY_TIMEOUT_MS ??= '60000';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

// Synchronous writes: progress lines must reach the server while the commit's transaction runs.
const emit = (message: unknown) => fs.writeSync(1, `${JSON.stringify(message)}\n`);
const progress = (step: ImportProgress) => emit({ progress: step });

function loadActor(): ActorContext {
  const id = Number(flag('user'));
  const user = Number.isInteger(id) ? getDb().select().from(users).where(eq(users.id, id)).get() : undefined;
  if (!user || !user.active) throw new AppError('forbidden', '账号不存在或已停用');
  return { id: user.id, role: user.role, unitId: user.unitId, team: user.team, ip: flag('ip') ?? null };
}

async function main() {
  const [step] = process.argv.slice(2);
  const kind = flag('kind') === 'leads' ? 'leads' : 'projects';
  const actor = loadActor();
  if (step === 'preview') {
    const file = flag('file');
    if (!file || !fs.existsSync(file)) throw new AppError('bad_request', '上传的文件不存在');
    const upload = { name: flag('name') ?? '未命名.xlsx', bytes: new Uint8Array(fs.readFileSync(file)) };
    const preview =
      kind === 'leads'
        ? await previewLeadImport(actor, upload, progress)
        : await previewProjectImport(actor, upload, progress);
    emit({ result: { previewId: preview.id, counts: preview.counts } });
    return;
  }
  if (step === 'commit') {
    const previewId = flag('preview') ?? '';
    const options = { validOnly: process.argv.includes('--valid-only'), onProgress: progress };
    emit({
      result:
        kind === 'leads' ? commitLeadImport(actor, previewId, options) : commitProjectImport(actor, previewId, options),
    });
    return;
  }
  throw new AppError('bad_request', '用法：import-worker.ts preview|commit …');
}

main()
  .then(() => closeDb())
  .catch((error: unknown) => {
    const appError = isAppError(error) ? error : toAppError(error);
    emit({
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.fields ? { fields: appError.fields } : {}),
      },
    });
    closeDb();
    process.exitCode = appError.code === 'internal' ? 1 : 0;
  });
