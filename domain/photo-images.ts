import 'server-only';
import sharp, { type Metadata } from 'sharp';
import { AppError } from '@/lib/errors';
import { MAX_PHOTO_PIXELS, MAX_PHOTO_SIDE, THUMBNAIL_SIDE } from '@/lib/rules/photos';

// Photo pixels, through sharp (libvips). A photo's size is read from its header before anything
// is decoded, so a small file declaring 30000×30000 pixels (a pixel bomb) is refused, and every
// list shows a small thumbnail instead of the full photo.

/** Width and height from the file's header; 400 when they are missing or over the caps. */
export async function photoDimensions(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppError('unsupported_media_type', '照片文件已损坏，无法读取', { photo: ['照片文件已损坏，无法读取'] });
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (!width || !height)
    throw new AppError('unsupported_media_type', '照片文件已损坏，无法读取', { photo: ['照片文件已损坏，无法读取'] });
  if (width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE || width * height > MAX_PHOTO_PIXELS) {
    const message = `照片尺寸过大（${width}×${height} 像素）：每边不超过 ${MAX_PHOTO_SIDE.toLocaleString('en-US')} 像素，总计不超过 ${MAX_PHOTO_PIXELS / 1_000_000} 百万像素`;
    throw new AppError('validation_failed', message, { photo: [message] });
  }
  return { width, height };
}

/** A WebP thumbnail that fits THUMBNAIL_SIDE, turned upright by its EXIF orientation. */
export async function makeThumbnail(bytes: Uint8Array): Promise<Buffer> {
  await photoDimensions(bytes);
  return sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS })
    .rotate()
    .resize(THUMBNAIL_SIDE, THUMBNAIL_SIDE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 72 })
    .toBuffer();
}
