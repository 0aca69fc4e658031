import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSqlite } from '@/db';
import { POST as photoPost } from '@/app/api/v1/reports/[id]/photos/route';
import { GET as photoGet } from '@/app/api/v1/photos/[id]/route';
import { photoDirectory } from '@/domain/reports';
import { call, loginAs, seedOnce } from '../support/api';

// Issue 14 finding 7: an 874 KB PNG declaring 30000×30000 was accepted and shown as a thumbnail
// to every viewer. Dimensions are read from the header and capped; lists get real thumbnails.

const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** A small PNG whose header declares `width`×`height` (its pixel data is a few compressed rows). */
function declaredPng(width: number, height: number): Uint8Array {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = zlib.deflateSync(Buffer.alloc((width * 3 + 1) * 4));
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', rows),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

let cookie: string;
let reportId: number;
const count = () => (getSqlite().prepare('select count(*) n from report_photos').get() as { n: number }).n;
const post = (rawBody: Uint8Array) =>
  call(photoPost, {
    method: 'POST',
    path: `/api/v1/reports/${reportId}/photos`,
    params: { id: String(reportId) },
    rawBody,
    cookie,
  });

beforeAll(async () => {
  await seedOnce();
  cookie = await loginAs('officer');
  reportId = (
    getSqlite()
      .prepare(
        `select r.id from monthly_reports r join projects p on p.id = r.project_id
         where p.unit_id = (select unit_id from users where username = 'officer') order by r.id limit 1`,
      )
      .get() as { id: number }
  ).id;
});

describe('pixel bombs', () => {
  it.each([
    [30_000, 30_000],
    [12_001, 100],
    [10_000, 6_000],
  ])('refuses a PNG declaring %i×%i with 400, storing nothing', async (width, height) => {
    const bytes = declaredPng(width, height);
    expect(bytes.byteLength).toBeLessThan(1_000_000);
    const before = count();
    const result = await post(bytes);
    expect(result.status).toBe(400);
    expect(result.body.error.fields.photo[0]).toContain(`${width}×${height}`);
    expect(count()).toBe(before);
  });

  it('refuses a JPEG and a WebP over the cap too', async () => {
    for (const format of ['jpeg', 'webp'] as const) {
      // A real image, with its declared size rewritten in the header.
      const image = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } })
        [format]()
        .toBuffer();
      const bytes = Buffer.from(image);
      if (format === 'jpeg') {
        const sof = bytes.indexOf(Buffer.from([0xff, 0xc0]));
        bytes.writeUInt16BE(20_000, sof + 5);
        bytes.writeUInt16BE(20_000, sof + 7);
      } else {
        // Lossy VP8 frame: 14-bit width and height at offsets 26 and 28.
        bytes.writeUInt16LE(16_000, 26);
        bytes.writeUInt16LE(16_000, 28);
      }
      const result = await post(new Uint8Array(bytes));
      expect(result.status, format).toBeGreaterThanOrEqual(400);
      expect(result.status, format).toBeLessThan(500);
    }
  });

  it('stores an ordinary photo with a small WebP thumbnail that lists load', async () => {
    const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#2b6' } })
      .jpeg({ quality: 60 })
      .toBuffer();
    const created = await post(new Uint8Array(photo));
    expect(created.status).toBe(201);
    expect(created.body.thumbnailUrl).toBe(`/api/v1/photos/${created.body.id}?size=thumb`);
    const response = await photoGet(
      new Request(`http://localhost${created.body.thumbnailUrl}`, { headers: { cookie } }),
      { params: Promise.resolve({ id: String(created.body.id) }) },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    const thumbnail = Buffer.from(await response.arrayBuffer());
    expect(thumbnail.byteLength).toBeLessThan(photo.byteLength);
    const meta = await sharp(thumbnail).metadata();
    expect(meta.format).toBe('webp');
    expect(Math.max(meta.width!, meta.height!)).toBe(480);
  });

  it('a pixel bomb stored by the previous release gets 400 for its thumbnail, never a decode', async () => {
    const bytes = declaredPng(30_000, 30_000);
    const storedName = `${reportId}-legacybomb.png`;
    fs.mkdirSync(photoDirectory(), { recursive: true });
    fs.writeFileSync(path.join(photoDirectory(), storedName), bytes);
    const id = Number(
      getSqlite()
        .prepare('insert into report_photos (report_id, stored_name, mime, size) values (?, ?, ?, ?) returning id')
        .pluck()
        .get(reportId, storedName, 'image/png', bytes.byteLength),
    );
    const thumb = await call(photoGet, { cookie, path: `/api/v1/photos/${id}?size=thumb`, params: { id: String(id) } });
    expect(thumb.status).toBe(400);
    expect(fs.existsSync(path.join(photoDirectory(), `${storedName}.thumb.webp`))).toBe(false);
  });
});
