import { MAX_PHOTO_BYTES } from '@/lib/rules/photos';

/**
 * One photo to POST /api/v1/reports/:id/photos, through XMLHttpRequest so the upload's progress can
 * be shown (fetch has no upload progress). Resolves with the server's refusal as text, never rejects.
 */
export function uploadReportPhoto(
  reportId: number,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<{ ok: true } | { ok: false; message: string }> {
  if (file.size > MAX_PHOTO_BYTES) return Promise.resolve({ ok: false, message: '超过 10 MB' });
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/v1/reports/${reportId}/photos`);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve({ ok: true });
        return;
      }
      let message = '上传失败';
      try {
        message = (JSON.parse(request.responseText) as { error?: { message?: string } }).error?.message ?? message;
      } catch {
        // Not JSON (a proxy's page): the plain message stands.
      }
      resolve({ ok: false, message });
    };
    request.onerror = () => resolve({ ok: false, message: '网络中断，上传失败' });
    request.send(file);
  });
}
