import { apiRoute, idParams, json } from '@/lib/auth/api';
import { addReportPhoto, photoTarget } from '@/domain/reports';
import { AppError } from '@/lib/errors';
import { readLimitedBody } from '@/lib/http-body';
import { MAX_PHOTO_BYTES } from '@/lib/rules/photos';

const tooLarge = () =>
  new AppError('payload_too_large', '每张照片不能超过 10 MB', { photo: ['每张照片不能超过 10 MB'] });

// One photo per request, sent as the raw request body; the type is read from its bytes, never
// from a file name or the Content-Type the client claims.
// Who may add a photo is settled before the body is read: a refused caller's upload is never buffered.
export const POST = apiRoute({ params: idParams }, async ({ actor, params, request }) => {
  photoTarget(actor, params.id);
  const bytes = await readLimitedBody(request, MAX_PHOTO_BYTES, tooLarge);
  const photo = await addReportPhoto(actor, params.id, bytes);
  return json(
    {
      id: photo.id,
      reportId: photo.reportId,
      mime: photo.mime,
      size: photo.size,
      url: `/api/v1/photos/${photo.id}`,
      thumbnailUrl: `/api/v1/photos/${photo.id}?size=thumb`,
    },
    201,
  );
});
