import { getMeeting } from '@/domain/meetings';
import { minutesDocx, minutesFileName, minutesOf } from '@/domain/meeting-minutes';
import { apiRoute, idParams } from '@/lib/auth/api';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// The 会议纪要 as a Word file; everyone signed in may read a meeting's minutes.
export const GET = apiRoute({ params: idParams }, async ({ params }) => {
  const minutes = minutesOf(getMeeting(params.id));
  const buffer = await minutesDocx(minutes);
  const fileName = minutesFileName(minutes);
  const ascii = `meeting-${params.id}-minutes.docx`;
  return new Response(new Uint8Array(buffer), {
    status: 200,
    headers: {
      'content-type': DOCX_TYPE,
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'no-store',
    },
  });
});
