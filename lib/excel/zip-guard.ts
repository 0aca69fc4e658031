import zlib from 'node:zlib';
import { AppError } from '@/lib/errors';

// An .xlsx is a ZIP. A 1.5 MB file can unpack to gigabytes (a zip bomb), and exceljs would hold it
// all in memory. Two checks run before exceljs sees the bytes: the sizes the central directory
// declares (instant, in the web server), then the real sizes, inflated entry by entry with an output
// cap (in the import worker), which also catches a file that lies in its directory.

/** What the sheets of an import may unpack to, in all. A 50,000-row ledger unpacks to about 60 MB. */
export const MAX_UNZIPPED_BYTES = Number(process.env.IMPORT_MAX_UNZIPPED_MB ?? 100) * 1024 * 1024;
const MAX_ENTRIES = 10_000;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const notZip = () =>
  new AppError('unsupported_media_type', '文件不是有效的 Excel（.xlsx）文件，请用 Excel 或 WPS 另存为 .xlsx 后再上传');

const mb = (bytes: number) => Math.ceil(bytes / 1024 / 1024);
const tooBig = (bytes: number, cap: number) =>
  new AppError(
    'payload_too_large',
    `文件解压后超过 ${mb(cap)} MB（至少 ${mb(bytes)} MB），可能是压缩炸弹或过大的表格，请拆分后分批导入`,
    { file: [`文件解压后超过 ${mb(cap)} MB，请拆分后分批导入`] },
  );

/** The entries of the ZIP's central directory; refuses what is not a plain ZIP (or is ZIP64). */
export function zipEntries(buffer: Uint8Array): ZipEntry[] {
  const view = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
  let end = -1;
  for (let at = view.length - 22; at >= Math.max(0, view.length - 22 - 0xffff); at--) {
    if (view.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw notZip();
  const count = view.readUInt16LE(end + 10);
  const directoryOffset = view.readUInt32LE(end + 16);
  // ZIP64 (over 65,535 entries or 4 GB) is never a spreadsheet someone imports.
  if (count === 0xffff || directoryOffset === 0xffffffff) throw tooBig(0xffffffff, MAX_UNZIPPED_BYTES);
  if (count > MAX_ENTRIES) throw notZip();
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > view.length || view.readUInt32LE(at) !== 0x02014b50) throw notZip();
    const nameLength = view.readUInt16LE(at + 28);
    const extraLength = view.readUInt16LE(at + 30);
    const commentLength = view.readUInt16LE(at + 32);
    entries.push({
      method: view.readUInt16LE(at + 10),
      compressedSize: view.readUInt32LE(at + 20),
      uncompressedSize: view.readUInt32LE(at + 24),
      localOffset: view.readUInt32LE(at + 42),
      name: view.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses a ZIP whose directory declares more than `cap` bytes unpacked. Reads no compressed data. */
export function assertDeclaredUnzippedSize(buffer: Uint8Array, cap = MAX_UNZIPPED_BYTES): void {
  let total = 0;
  for (const entry of zipEntries(buffer)) {
    if (entry.uncompressedSize === 0xffffffff || entry.compressedSize === 0xffffffff) throw tooBig(0xffffffff, cap);
    total += entry.uncompressedSize;
    if (total > cap) throw tooBig(total, cap);
  }
}

/**
 * Inflates every entry with an output cap, so memory never holds more than the cap, and refuses
 * when the real total passes it, whatever the directory says.
 */
export function assertInflatedUnzippedSize(buffer: Uint8Array, cap = MAX_UNZIPPED_BYTES): void {
  const view = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let total = 0;
  for (const entry of zipEntries(buffer)) {
    const local = entry.localOffset;
    if (local + 30 > view.length || view.readUInt32LE(local) !== 0x04034b50) throw notZip();
    const start = local + 30 + view.readUInt16LE(local + 26) + view.readUInt16LE(local + 28);
    const data = view.subarray(start, start + entry.compressedSize);
    let size: number;
    if (entry.method === 0) size = data.length;
    else if (entry.method === 8) {
      try {
        size = zlib.inflateRawSync(data, { maxOutputLength: cap - total + 1 }).length;
      } catch (error) {
        if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          throw tooBig(cap + 1, cap);
        throw notZip();
      }
    } else throw notZip();
    total += size;
    if (total > cap) throw tooBig(total, cap);
  }
}
