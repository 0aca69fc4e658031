import { z } from 'zod';
import { apiRoute, idParams } from '@/lib/auth/api';
import { readReportPhoto } from '@/domain/reports';

const photoQuery = z.object({
  size: z.enum(['full', 'thumb'], { error: 'size 应为 full（原图）或 thumb（缩略图）' }).default('full'),
});

// Photos are served only through the guard, never as static files. Lists load `?size=thumb`: a
// WebP at most 480 px a side.
export const GET = apiRoute({ params: idParams, query: photoQuery }, async ({ params, query }) => {
  const { bytes, mime } = await readReportPhoto(params.id, query.size);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': mime,
      'content-length': String(bytes.byteLength),
      'cache-control': 'private, max-age=86400',
      'x-content-type-options': 'nosniff',
    },
  });
});
