import { z } from 'zod';
import { apiRoute, json } from '@/lib/auth/api';
import { runImportCommit, runImportPreview } from '@/domain/import-jobs';
import { loadPreview, type ImportKind, type PreviewBase } from '@/domain/import-store';
import { AppError } from '@/lib/errors';
import { assertXlsxBytes, MAX_IMPORT_BYTES } from '@/lib/excel/reader';
import { readLimitedBody, readLimitedForm } from '@/lib/http-body';
import { LEAD_IMPORT_ROLES, PROJECT_IMPORT_ROLES } from '@/lib/rules/import';
import { queryBoolean } from '@/lib/validation';

// Imports for scripts: POST the .xlsx (raw body or multipart "file") with mode=preview, read the
// preview, then POST mode=commit&previewId=… to write it in one transaction. Both steps run in the
// import worker process; the request simply awaits it, so the server keeps serving others.

const querySchema = z.discriminatedUnion(
  'mode',
  [
    z.object({ mode: z.literal('preview'), fileName: z.string().trim().max(200).optional() }),
    z.object({
      mode: z.literal('commit'),
      previewId: z.string().uuid({ error: '导入预览编号无效' }),
      validOnly: queryBoolean.optional(),
    }),
  ],
  { error: 'mode 应为 preview 或 commit' },
);

const tooLarge = () =>
  new AppError('payload_too_large', '文件超过 20 MB，请拆分后分批导入', { file: ['文件超过 20 MB，请拆分后分批导入'] });

// The file's name is only a label: whether it is a workbook is decided by its bytes. Bodies are read
// with a ceiling, so an oversize upload (declared or chunked) is refused as it arrives.
async function uploadedFile(request: Request, fallbackName: string): Promise<{ name: string; bytes: Uint8Array }> {
  if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
    const file = (await readLimitedForm(request, MAX_IMPORT_BYTES, tooLarge))?.get('file');
    if (!file || typeof file === 'string')
      throw new AppError('validation_failed', '请上传 Excel 文件', { file: ['请上传 Excel 文件'] });
    if (file.size > MAX_IMPORT_BYTES) throw tooLarge();
    const bytes = new Uint8Array(await file.arrayBuffer());
    assertXlsxBytes(bytes);
    return { name: file.name || fallbackName, bytes };
  }
  const bytes = await readLimitedBody(request, MAX_IMPORT_BYTES, tooLarge);
  if (bytes.byteLength === 0)
    throw new AppError('validation_failed', '请上传 Excel 文件', { file: ['请上传 Excel 文件'] });
  assertXlsxBytes(bytes);
  return { name: fallbackName, bytes };
}

type AnyRow = { row: number; action: string; name: string; projectId?: number; leadId?: number; changes?: unknown };

function previewBody(preview: PreviewBase<AnyRow>) {
  return {
    previewId: preview.id,
    kind: preview.kind,
    fileName: preview.fileName,
    sheetName: preview.sheetName,
    headerRow: preview.headerRow,
    exampleRows: preview.exampleRows ?? [],
    columns: preview.columns,
    unknownHeaders: preview.unknownHeaders,
    counts: preview.counts,
    errors: preview.errors,
    warnings: preview.warnings ?? [],
    rows: preview.rows.map((row) => ({
      row: row.row,
      action: row.action,
      name: row.name,
      ...(preview.sections?.[row.row] ? { section: preview.sections[row.row] } : {}),
      ...(row.projectId ? { projectId: row.projectId } : {}),
      ...(row.leadId ? { leadId: row.leadId } : {}),
      ...(row.action === 'update' ? { changes: row.changes } : {}),
    })),
  };
}

export function importRoute(kind: ImportKind) {
  return apiRoute(
    { roles: kind === 'leads' ? LEAD_IMPORT_ROLES : PROJECT_IMPORT_ROLES, query: querySchema },
    async ({ actor, query, request }) => {
      if (query.mode === 'preview') {
        const previewId = await runImportPreview(
          actor,
          kind,
          await uploadedFile(request, query.fileName ?? '导入.xlsx'),
        );
        return previewBody(loadPreview<PreviewBase<AnyRow>>(actor, previewId, kind));
      }
      return json(await runImportCommit(actor, kind, query.previewId, query.validOnly ?? false), 201);
    },
  );
}
