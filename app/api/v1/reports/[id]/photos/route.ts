import { apiRoute, idParams, json } from '@/lib/auth/api';
import { addReportPhoto } from '@/domain/reports';
import { AppError } from '@/lib/errors';
import { MAX_PHOTO_BYTES } from '@/lib/rules/photos';

// One photo per request, sent as the raw request body; the type is read from its bytes.
export const POST = apiRoute({ params: idParams }, async ({ caller, params, request }) => {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_PHOTO_BYTES) {
    throw new AppError('payload_too_large', '每张照片不能超过 10 MB', { photo: ['每张照片不能超过 10 MB'] });
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  const photo = addReportPhoto({ ...caller.user, ip: caller.ip }, params.id, bytes);
  return json({ id: photo.id, reportId: photo.reportId, mime: photo.mime, size: photo.size, url: `/api/v1/photos/${photo.id}` }, 201);
});
