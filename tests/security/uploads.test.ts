import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { getSqlite } from '@/db';
import { POST as photoPost } from '@/app/api/v1/reports/[id]/photos/route';
import { POST as importPost } from '@/app/api/v1/imports/projects/route';
import { POST as uploadPost } from '@/app/(app)/import/upload/route';
import { MAX_IMPORT_BYTES } from '@/lib/excel/reader';
import { MAX_PHOTO_BYTES } from '@/lib/rules/photos';
import { call, loginAs, seedOnce } from '../support/api';
import { BASIC_HEADER, workbookBuffer } from '../support/xlsx';
import { PNG_BYTES } from './fixtures';

// Uploads are judged by their bytes, never by a file name or the Content-Type a client claims, and
// oversize ones are cut off with 413 and a Chinese message, even when no Content-Length says so.

const PDF = new TextEncoder().encode(
  '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const TEXT = new TextEncoder().encode('这是一个改了扩展名的文本文件，不是照片。');
const jpegOf = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
};
const count = (table: string) => (getSqlite().prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

/** A request whose body arrives in chunks with no Content-Length, as a chunked upload does. */
function streamed(
  url: string,
  cookie: string,
  total: number,
  contentType: string,
  head: Uint8Array = new Uint8Array(0),
): Request {
  let sent = 0;
  const chunk = 1024 * 1024;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(chunk, total - sent);
      const part = new Uint8Array(size);
      if (sent === 0) part.set(head.subarray(0, size));
      sent += size;
      controller.enqueue(part);
    },
  });
  return new Request(url, {
    method: 'POST',
    body,
    headers: { cookie, 'content-type': contentType },
    duplex: 'half',
  } as RequestInit);
}

let cookie: string;
let reportId: number;
beforeAll(async () => {
  await seedOnce();
  cookie = await loginAs('officer');
  const officerUnit = (
    getSqlite().prepare(`select unit_id u from users where username = 'officer'`).get() as { u: number }
  ).u;
  reportId = (
    getSqlite()
      .prepare(
        'select r.id from monthly_reports r join projects p on p.id = r.project_id where p.unit_id = ? order by r.id limit 1',
      )
      .get(officerUnit) as { id: number }
  ).id;
});

describe('POST /api/v1/reports/:id/photos', () => {
  const post = (rawBody: Uint8Array, headers: Record<string, string> = {}) =>
    call(photoPost, {
      method: 'POST',
      path: `/api/v1/reports/${reportId}/photos`,
      params: { id: String(reportId) },
      rawBody,
      cookie,
      headers,
    });

  it('refuses a text file sent as a JPEG (415, Chinese message, nothing stored)', async () => {
    const before = count('report_photos');
    const result = await post(TEXT, { 'content-type': 'image/jpeg', 'x-file-name': 'site.jpg' });
    expect(result.status).toBe(415);
    expect(result.body.error.message).toBe('只支持 JPEG、PNG 或 WebP 照片');
    expect(count('report_photos')).toBe(before);
  });

  it('accepts a PNG whatever it claims to be, and stores it as image/png', async () => {
    const result = await post(PNG_BYTES, { 'content-type': 'text/plain', 'x-file-name': 'notes.txt' });
    expect(result.status).toBe(201);
    expect(result.body.mime).toBe('image/png');
  });

  it('accepts exactly 10 MB and refuses one byte more (413)', async () => {
    // A real photo padded to the limit (decoders ignore bytes after the end-of-image marker).
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
      .jpeg()
      .toBuffer();
    const padded = new Uint8Array(MAX_PHOTO_BYTES);
    padded.set(photo);
    expect((await post(padded)).status).toBe(201);
    const before = count('report_photos');
    const over = await post(jpegOf(MAX_PHOTO_BYTES + 1));
    expect(over.status).toBe(413);
    expect(over.body.error.message).toBe('每张照片不能超过 10 MB');
    expect(count('report_photos')).toBe(before);
  });

  it('refuses a caller who may not add photos before reading the upload (403, not 413 or 415)', async () => {
    const investment = await loginAs('investment');
    const result = await call(photoPost, {
      method: 'POST',
      path: `/api/v1/reports/${reportId}/photos`,
      params: { id: String(reportId) },
      rawBody: TEXT,
      cookie: investment,
      headers: { 'content-length': String(MAX_PHOTO_BYTES * 5) },
    });
    expect(result.status).toBe(403);
  });

  it('refuses a declared oversize body before reading it, and a chunked one as it passes the limit', async () => {
    const declared = await post(jpegOf(16), { 'content-length': String(MAX_PHOTO_BYTES + 1) });
    expect(declared.status).toBe(413);
    const response = await photoPost(
      streamed(`http://localhost/api/v1/reports/${reportId}/photos`, cookie, 64 * 1024 * 1024, 'image/jpeg', jpegOf(4)),
      {
        params: Promise.resolve({ id: String(reportId) }),
      },
    );
    expect(response.status).toBe(413);
    expect((await response.json()).error.message).toBe('每张照片不能超过 10 MB');
  });
});

describe('Excel uploads: POST /api/v1/imports/projects and POST /import/upload', () => {
  let workbook: Uint8Array;
  beforeAll(async () => {
    workbook = await workbookBuffer([BASIC_HEADER, ['按内容识别的项目', '政府投资', '昌邑区', 100, '2026-05-01']]);
  });
  const preview = (rawBody: Uint8Array, fileName: string, headers: Record<string, string> = {}) =>
    call(importPost, {
      method: 'POST',
      path: `/api/v1/imports/projects?mode=preview&fileName=${encodeURIComponent(fileName)}`,
      rawBody,
      cookie,
      headers,
    });
  const multipart = (bytes: Uint8Array, name: string) => {
    const form = new FormData();
    form.set(
      'file',
      new File([bytes as BlobPart], name, {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    );
    return form;
  };
  const upload = (bytes: Uint8Array, name: string) =>
    uploadPost(
      new Request('http://localhost/import/upload', {
        method: 'POST',
        body: multipart(bytes, name),
        headers: { cookie },
      }),
    );

  it('refuses a PDF named .xlsx (415, Chinese message), raw or multipart, API or page', async () => {
    const raw = await preview(PDF, '台账.xlsx', {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(raw.status).toBe(415);
    expect(raw.body.error.message).toContain('不是有效的 Excel');
    const form = await call(importPost, {
      method: 'POST',
      path: '/api/v1/imports/projects?mode=preview',
      rawBody: multipart(PDF, '台账.xlsx'),
      cookie,
    });
    expect(form.status).toBe(415);
    const page = await upload(PDF, '台账.xlsx');
    expect(page.status).toBe(415);
    expect((await page.json()).error.message).toContain('不是有效的 Excel');
  });

  it('reads a real workbook whatever its name', async () => {
    const raw = await preview(workbook, 'data.txt');
    expect(raw.status).toBe(200);
    expect(raw.body.counts.create).toBe(1);
    expect((await upload(workbook, 'data.txt')).status).toBe(202);
  });

  it('refuses a file over 20 MB with 413 and a Chinese message, declared, chunked or multipart', async () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const raw = await preview(big, '大文件.xlsx');
    expect(raw.status).toBe(413);
    expect(raw.body.error.message).toBe('文件超过 20 MB，请拆分后分批导入');
    const chunked = await importPost(
      streamed(
        'http://localhost/api/v1/imports/projects?mode=preview',
        cookie,
        64 * 1024 * 1024,
        'application/octet-stream',
      ),
    );
    expect(chunked.status).toBe(413);
    const form = await call(importPost, {
      method: 'POST',
      path: '/api/v1/imports/projects?mode=preview',
      rawBody: multipart(big, '大文件.xlsx'),
      cookie,
    });
    expect(form.status).toBe(413);
    const page = await upload(big, '大文件.xlsx');
    expect(page.status).toBe(413);
    expect((await page.json()).error.message).toBe('文件超过 20 MB，请拆分后分批导入');
    const pageChunked = await uploadPost(
      streamed('http://localhost/import/upload', cookie, 64 * 1024 * 1024, 'multipart/form-data; boundary=x'),
    );
    expect(pageChunked.status).toBe(413);
  });
});
