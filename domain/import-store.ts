import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { dataDirectory } from '@/db';
import { AppError } from '@/lib/errors';
import { yieldToEventLoop } from '@/lib/event-loop';
import type { HeaderMatch, HeaderSpec } from '@/lib/excel/headers';
import type { RowError } from '@/lib/excel/row-parse';
import { readSheet, type ReadOptions, type SheetRows } from '@/lib/excel/reader';
import type { ActorContext } from '@/lib/rules/permissions';

// Previews live as JSON files beside the database until they are committed or a day old. Files
// (not memory) because the commit runs in a separate process, which reads the preview from here.

export type ImportKind = 'projects' | 'leads';
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = { projects: '项目', leads: '招商线索' };

export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  error: number;
}

export interface PreviewBase<Row> {
  id: string;
  kind: ImportKind;
  userId: number;
  fileName: string;
  createdAt: string;
  sheetName: string;
  headerRow: number;
  /** The template's sample rows, skipped (absent in previews stored before issue 18). */
  exampleRows?: number[];
  columns: string[];
  unknownHeaders: string[];
  counts: ImportCounts;
  errors: RowError[];
  rows: Row[];
  durationMs: number;
  /** Warnings that do not stop the import: a 合计/小计 that does not add up, a section's count. */
  warnings?: RowError[];
  /** Each data row's section as written ("一、政府投资项目（3项）"), by row number. */
  sections?: Record<number, string>;
}

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'ready' | 'writing' | 'done' | 'failed';
  done: number;
  total: number;
  message?: string;
}

export interface ImportResult {
  batchId: number;
  created: number;
  updated: number;
  skipped: number;
  durationMs: number;
}

export const PREVIEW_TTL_MS = 24 * 60 * 60 * 1000;
const ID_PATTERN = /^[0-9a-f-]{36}$/;

export function importDirectory(): string {
  return path.join(dataDirectory(), 'imports');
}

function previewFile(id: string): string {
  if (!ID_PATTERN.test(id)) throw new AppError('not_found', '导入预览不存在或已过期');
  return path.join(importDirectory(), `${id}.json`);
}

function purgeOldFiles() {
  const directory = importDirectory();
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

export async function savePreview(preview: PreviewBase<unknown>): Promise<void> {
  purgeOldFiles();
  fs.mkdirSync(importDirectory(), { recursive: true });
  await fs.promises.writeFile(previewFile(preview.id), JSON.stringify(preview));
}

export function loadPreview<P extends PreviewBase<unknown>>(actor: ActorContext, id: string, kind?: ImportKind): P {
  const file = previewFile(id);
  const gone = () => new AppError('not_found', '导入预览不存在或已过期，请重新上传');
  if (!fs.existsSync(file)) throw gone();
  const preview = JSON.parse(fs.readFileSync(file, 'utf8')) as P;
  preview.kind ??= 'projects';
  if (preview.userId !== actor.id || (kind && preview.kind !== kind)) throw gone();
  return preview;
}

export function removePreview(id: string): void {
  fs.rmSync(previewFile(id), { force: true });
}

export function countActions(rows: ReadonlyArray<{ action: string }>): ImportCounts {
  const counts: ImportCounts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const row of rows) counts[row.action as keyof ImportCounts]++;
  return counts;
}

/** Rows written between two progress reports during a commit. */
export const COMMIT_CHUNK = 500;

const CHECK_CHUNK = 500;

/**
 * Reads a workbook and checks its rows in slices of 500, yielding between slices so a large file
 * never holds the event loop for long. Shared by the project and the lead importers.
 */
export async function readAndParseRows<P>(
  bytes: Uint8Array,
  specs: readonly HeaderSpec[],
  required: Parameters<typeof readSheet>[2]['required'],
  parse: (row: number, matches: readonly HeaderMatch[], cells: readonly unknown[]) => P,
  onProgress: (progress: ImportProgress) => void,
  structure: Pick<ReadOptions, 'labelKeys' | 'knownSection'> = {},
): Promise<{ sheet: SheetRows; parsed: P[] }> {
  const sheet = await readSheet(bytes, specs, {
    required,
    ...structure,
    onProgress: (done, total) => onProgress({ phase: 'reading', done, total }),
  });
  const parsed: P[] = [];
  for (let start = 0; start < sheet.rows.length; start += CHECK_CHUNK) {
    for (const row of sheet.rows.slice(start, start + CHECK_CHUNK))
      parsed.push(parse(row.row, sheet.mapping.matches, row.cells));
    onProgress({ phase: 'checking', done: parsed.length, total: sheet.rows.length });
    await yieldToEventLoop();
  }
  return { sheet, parsed };
}
