import { AppError } from './errors';

// Request bodies read with a ceiling. Content-Length is checked first, but a chunked upload has
// none, so the stream itself is counted and cut off the moment it passes the limit: an oversize
// upload never sits in memory whole.

/** The body's bytes, or `tooLarge()` as soon as more than `max` bytes are declared or arrive. */
export async function readLimitedBody(request: Request, max: number, tooLarge: () => AppError): Promise<Uint8Array> {
  if (Number(request.headers.get('content-length') ?? 0) > max) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A multipart form read under the same ceiling (plus room for the part headers). */
export async function readLimitedForm(
  request: Request,
  max: number,
  tooLarge: () => AppError,
): Promise<FormData | null> {
  const bytes = await readLimitedBody(request, max + 64 * 1024, tooLarge);
  try {
    return await new Response(bytes as BodyInit, {
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    }).formData();
  } catch {
    return null;
  }
}
