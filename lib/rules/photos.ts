// 形象进度照片: the type is read from the file's first bytes, never from its name or the
// browser's claim, so a renamed executable cannot pass as a photo.

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS_PER_REPORT = 6;
/** Pixel caps read from the header before decoding: a 1 MB PNG can declare 30000×30000. */
export const MAX_PHOTO_SIDE = 12_000;
export const MAX_PHOTO_PIXELS = 50_000_000;
/** The longer side of the thumbnails lists show. */
export const THUMBNAIL_SIDE = 480;

export type PhotoMime = 'image/jpeg' | 'image/png' | 'image/webp';

export const PHOTO_EXTENSIONS: Record<PhotoMime, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((byte, i) => bytes[offset + i] === byte);

export function detectPhotoType(bytes: Uint8Array): PhotoMime | null {
  if (bytes.length >= 3 && startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (bytes.length >= 8 && startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (
    bytes.length >= 12 &&
    startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) &&
    startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)
  )
    return 'image/webp';
  return null;
}
