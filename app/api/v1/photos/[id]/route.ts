import { apiRoute, idParams } from '@/lib/auth/api';
import { readReportPhoto } from '@/domain/reports';

// Photos are served only through the guard, never as static files.
export const GET = apiRoute({ params: idParams }, ({ params }) => {
  const { photo, bytes } = readReportPhoto(params.id);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': photo.mime,
      'content-length': String(bytes.byteLength),
      'cache-control': 'private, max-age=86400',
      'x-content-type-options': 'nosniff',
    },
  });
});
