import { z } from 'zod';
import { apiRoute, json } from '@/lib/auth/api';
import { commitProjectImport, previewProjectImport, type ImportPreview } from '@/domain/imports';
import { AppError } from '@/lib/errors';
import { MAX_IMPORT_BYTES } from '@/lib/excel/reader';
import { readLimitedBody, readLimitedForm } from '@/lib/http-body';
import { IMPORT_ROLES } from '@/lib/rules/import';
import { queryBoolean } from '@/lib/validation';

// Project import for scripts: POST the .xlsx (raw body or multipart "file") with mode=preview,
// read the preview, then POST mode=commit&previewId=… to write it in one transaction.

const querySchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('preview'), fileName: z.string().trim().max(200).optional() }),
  z.object({ mode: z.literal('commit'), previewId: z.string().uuid({ error: '导入预览编号无效' }), validOnly: queryBoolean.optional() }),
], { error: 'mode 应为 preview 或 commit' });

const tooLarge = () => new AppError('payload_too_large', '文件超过 20 MB，请拆分后分批导入', { file: ['文件超过 20 MB，请拆分后分批导入'] });

// The file's name is only a label: whether it is a workbook is decided by its bytes (readSheet).
async function uploadedFile(request: Request, fallbackName: string): Promise<{ name: string; bytes: Uint8Array }> {
  if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
    const file = (await readLimitedForm(request, MAX_IMPORT_BYTES, tooLarge))?.get('file');
    if (!file || typeof file === 'string') throw new AppError('validation_failed', '请上传 Excel 文件', { file: ['请上传 Excel 文件'] });
    if (file.size > MAX_IMPORT_BYTES) throw tooLarge();
    return { name: file.name || fallbackName, bytes: new Uint8Array(await file.arrayBuffer()) };
  }
  const bytes = await readLimitedBody(request, MAX_IMPORT_BYTES, tooLarge);
  if (bytes.byteLength === 0) throw new AppError('validation_failed', '请上传 Excel 文件', { file: ['请上传 Excel 文件'] });
  return { name: fallbackName, bytes };
}

function previewBody(preview: ImportPreview) {
  return {
    previewId: preview.id,
    fileName: preview.fileName,
    sheetName: preview.sheetName,
    headerRow: preview.headerRow,
    columns: preview.columns,
    unknownHeaders: preview.unknownHeaders,
    counts: preview.counts,
    errors: preview.errors,
    rows: preview.rows.map((row) =>
      row.action === 'error'
        ? { row: row.row, action: row.action, name: row.name }
        : row.action === 'create'
          ? { row: row.row, action: row.action, name: row.name }
          : { row: row.row, action: row.action, name: row.name, projectId: row.projectId, ...(row.action === 'update' ? { changes: row.changes } : {}) },
    ),
  };
}

export const POST = apiRoute({ roles: IMPORT_ROLES, query: querySchema }, async ({ caller, query, request }) => {
  const actor = { ...caller.user, ip: caller.ip };
  if (query.mode === 'preview') {
    const preview = await previewProjectImport(actor, await uploadedFile(request, query.fileName ?? '导入.xlsx'));
    return previewBody(preview);
  }
  return json(commitProjectImport(actor, query.previewId, { validOnly: query.validOnly ?? false }), 201);
});
