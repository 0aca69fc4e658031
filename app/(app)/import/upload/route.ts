import { apiRoute, json } from '@/lib/auth/api';
import { startPreviewJob } from '@/domain/import-jobs';
import { AppError } from '@/lib/errors';
import { MAX_IMPORT_BYTES } from '@/lib/excel/reader';
import { IMPORT_ROLES } from '@/lib/rules/import';

// Takes the uploaded file and starts its preview in the import worker; the page polls /import/jobs/:id.
export const POST = apiRoute({ roles: IMPORT_ROLES }, async ({ caller, request }) => {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_IMPORT_BYTES + 64 * 1024) {
    throw new AppError('payload_too_large', '文件超过 20 MB，请拆分后分批导入');
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError('bad_request', '请选择要上传的 Excel 文件', { file: ['请选择要上传的 Excel 文件'] });
  }
  const file = form.get('file');
  const kind = form.get('kind') ?? 'projects';
  if (kind !== 'projects' && kind !== 'leads') throw new AppError('validation_failed', undefined, { kind: ['请选择导入项目还是招商线索'] });
  if (!file || typeof file === 'string' || file.size === 0) {
    throw new AppError('validation_failed', '请选择要上传的 Excel 文件', { file: ['请选择要上传的 Excel 文件'] });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const jobId = startPreviewJob({ ...caller.user, ip: caller.ip }, kind, { name: file.name, bytes });
  return json({ jobId }, 202);
});
