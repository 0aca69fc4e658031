import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, loginAs, seedOnce, userId } from '../support/api';
import { startWorker } from '../support/import-worker';
import { getSqlite } from '@/db';
import { POST as importPost } from '@/app/api/v1/imports/projects/route';
import { acquireImportSlot, MAX_RUNNING_IMPORTS, WORKER_HEAP_MB } from '@/domain/import-jobs';
import { MAX_UNZIPPED_BYTES } from '@/lib/excel/zip-guard';

// Issue 14 finding 1: a 1.5 MB .xlsx whose sheet unpacked to 1.6 GB made the import worker peak at
// 1.76 GB, and three at once held 5 GB. The bombs are built here: a ZIP whose sheet is half a
// gigabyte of deflated spaces, once with honest sizes in its directory and once lying about them.

const SHEET_BYTES = 512 * 1024 * 1024;

interface Entry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

/** Deflates `times` copies of `chunk` as one stream, without ever holding them all. */
async function deflatedRepeat(name: string, chunk: Buffer, times: number): Promise<Entry> {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  let crc = 0;
  for (let i = 0; i < times; i++) {
    crc = zlib.crc32(chunk, crc);
    if (!deflate.write(chunk)) await once(deflate, 'drain');
  }
  deflate.end();
  await once(deflate, 'end');
  return { name, data: Buffer.concat(parts), crc, size: chunk.length * times };
}

function deflated(name: string, text: string): Entry {
  const raw = Buffer.from(text);
  return { name, data: zlib.deflateRawSync(raw), crc: zlib.crc32(raw), size: raw.length };
}

/** A ZIP of deflated entries; `declare` rewrites the uncompressed size its headers state. */
function zip(entries: Entry[], declare: (entry: Entry) => number = (entry) => entry.size): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(declare(entry), 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(declare(entry), 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

let entries: Entry[];
beforeAll(async () => {
  await seedOnce();
  const sheet = await deflatedRepeat(
    'xl/worksheets/sheet1.xml',
    Buffer.alloc(8 * 1024 * 1024, 0x20),
    SHEET_BYTES / (8 * 1024 * 1024),
  );
  entries = [
    deflated(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    deflated('xl/workbook.xml', '<?xml version="1.0"?><workbook/>'),
    sheet,
  ];
}, 120_000);

const upload = async (bytes: Buffer, username = 'officer') =>
  call(importPost, {
    method: 'POST',
    path: '/api/v1/imports/projects?mode=preview&fileName=bomb.xlsx',
    rawBody: new Uint8Array(bytes),
    cookie: await loginAs(username),
  });

describe('zip bombs', () => {
  it('a bomb that states its size is refused from the ZIP directory, before anything is unpacked', async () => {
    const bomb = zip(entries);
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
    const batches = () => (getSqlite().prepare('select count(*) n from import_batches').get() as { n: number }).n;
    const before = batches();
    const result = await upload(bomb);
    expect(result.status).toBe(413);
    expect(result.body.error.message).toMatch(/解压后超过 100 MB/);
    expect(batches()).toBe(before);
  });

  it('a bomb that lies about its size is stopped inside the worker, whose peak memory stays under the cap', async () => {
    const liar = zip(entries, () => 1_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bomb-'));
    const file = path.join(dir, 'bomb.xlsx');
    fs.writeFileSync(file, liar);
    const run = startWorker([
      'preview',
      '--kind',
      'projects',
      '--file',
      file,
      '--name',
      'bomb.xlsx',
      '--user',
      String(userId('officer')),
    ]);
    // VmHWM is the process's peak resident memory so far; read it until the worker ends.
    let peakKb = 0;
    const sample = () => {
      try {
        const status = fs.readFileSync(`/proc/${run.child.pid}/status`, 'utf8');
        peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      } catch {
        // The process has ended.
      }
    };
    const timer = setInterval(sample, 20);
    const exit = await run.exited;
    clearInterval(timer);
    const error = run.lines.find((line) => 'error' in line)?.error;
    expect(exit.code).toBe(0);
    expect(error).toMatchObject({ code: 'payload_too_large' });
    expect(error.message).toMatch(/解压后超过/);
    const peakMb = Math.round(peakKb / 1024);
    console.log(
      `worker peak memory on a ${SHEET_BYTES / 1024 / 1024} MB bomb: ${peakMb} MB (cap ${WORKER_HEAP_MB} MB, unzip cap ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB)`,
    );
    expect(peakKb).toBeGreaterThan(0);
    expect(peakMb).toBeLessThan(WORKER_HEAP_MB);
    // Bounded by the unzip cap, not by the bomb: far below the half gigabyte it would unpack to.
    expect(peakMb).toBeLessThan(SHEET_BYTES / 1024 / 1024);
  }, 60_000);
});

describe('running imports', () => {
  it('one per user: a second import while the first runs gets 429 in Chinese', async () => {
    const release = acquireImportSlot({ id: userId('officer'), role: 'officer', unitId: null });
    try {
      const result = await upload(zip(entries.slice(0, 2)));
      expect(result.status).toBe(429);
      expect(result.body.error.message).toMatch(/已有一个导入正在进行/);
    } finally {
      release();
    }
  });

  it(`at most ${MAX_RUNNING_IMPORTS} in all`, async () => {
    const held = ['admin', 'officer2']
      .slice(0, MAX_RUNNING_IMPORTS)
      .map((username) => acquireImportSlot({ id: userId(username), role: 'officer', unitId: null }));
    try {
      const result = await upload(zip(entries.slice(0, 2)), 'officer');
      expect(result.status).toBe(429);
      expect(result.body.error.message).toMatch(/导入正在进行/);
    } finally {
      for (const release of held) release();
    }
    // With the places given back, the (harmless) upload is read: not a 429 any more.
    expect((await upload(zip(entries.slice(0, 2)))).status).not.toBe(429);
  });
});
