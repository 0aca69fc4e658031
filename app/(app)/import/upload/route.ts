import { apiRoute, json } from '@/lib/auth/api';
import { startPreviewJob } from '@/domain/import-jobs';
import { AppError } from '@/lib/errors';
import { assertXlsxBytes, MAX_IMPORT_BYTES } from '@/lib/excel/reader';
import { readLimitedForm } from '@/lib/http-body';
import { IMPORT_ROLES } from '@/lib/rules/import';

const tooLarge = () =>
  new AppError('payload_too_large', '文件超过 20 MB，请拆分后分批导入', { file: ['文件超过 20 MB，请拆分后分批导入'] });

// Takes the uploaded file and starts its preview in the import worker; the page polls /import/jobs/:id.
// Size and type (by the file's bytes, not its name) are refused here, before any job starts.
export const POST = apiRoute({ roles: IMPORT_ROLES }, async ({ actor, request }) => {
  const form = await readLimitedForm(request, MAX_IMPORT_BYTES, tooLarge);
  if (!form) throw new AppError('bad_request', '请选择要上传的 Excel 文件', { file: ['请选择要上传的 Excel 文件'] });
  const file = form.get('file');
  const kind = form.get('kind') ?? 'projects';
  if (kind !== 'projects' && kind !== 'leads')
    throw new AppError('validation_failed', undefined, { kind: ['请选择导入项目还是招商线索'] });
  if (!file || typeof file === 'string' || file.size === 0) {
    throw new AppError('validation_failed', '请选择要上传的 Excel 文件', { file: ['请选择要上传的 Excel 文件'] });
  }
  if (file.size > MAX_IMPORT_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await file.arrayBuffer());
  assertXlsxBytes(bytes);
  const jobId = startPreviewJob(actor, kind, { name: file.name, bytes });
  return json({ jobId }, 202);
});
